package io.voltmsg.audit;

import io.voltmsg.shared.ExpiredRows;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Audit entries are kept for {@code voltmsg.retention}, like delivery history. */
@Component
class ExpiredAuditEntries implements ExpiredRows {

    private final AuditRepository repository;

    ExpiredAuditEntries(AuditRepository repository) {
        this.repository = repository;
    }

    @Override
    public String description() {
        return "audit entries";
    }

    @Override
    public int deleteOlderThan(Instant cutoff, int limit) {
        return repository.purge(cutoff, limit);
    }
}
