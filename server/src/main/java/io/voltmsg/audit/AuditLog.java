package io.voltmsg.audit;

import io.voltmsg.shared.Ids;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who did what and when, per organization. Each feature records its own changes here, inside the
 * transaction of the change (so an entry exists exactly when the change was committed); the actor
 * comes from the caller context ({@link Actors}).
 */
@Service
public class AuditLog {

    public static final int MAX_PAGE = 100;
    static final int MAX_DETAIL = 1000;

    /** One page of entries, newest first. */
    public record Page(List<AuditEntry> entries, boolean hasNext) {
    }

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Records that the current actor did {@code action} (e.g. {@code webhook.registered}) to
     * {@code targetId} in the organization. Must run inside the transaction of the change it records.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String organizationId, String action, String targetId, String detail) {
        record(Actors.current(), organizationId, action, targetId, detail);
    }

    /** As {@link #record(String, String, String, String)} for an actor named explicitly (a sign-in). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String organizationId, String action, String targetId, String detail) {
        Instant now = Times.now(clock);
        repository.insert(new AuditEntry(Ids.newId("aud", now), organizationId, now, actor.type(), actor.id(),
                clean(actor.label(), 320), action, targetId, clean(detail, MAX_DETAIL)));
    }

    /** The organization's entries, newest first; {@code actionPrefix} (e.g. {@code webhook.}) narrows them. */
    public Page list(String organizationId, String actionPrefix, String after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE);
        }
        String prefix = actionPrefix == null || actionPrefix.isBlank() || !actionPrefix.matches("[a-z_.]{1,40}")
                ? null : actionPrefix;
        String cursor = after != null && after.matches("aud_[0-9A-Z]{26}") ? after : null;
        List<AuditEntry> rows = repository.page(organizationId, prefix, cursor, limit + 1);
        boolean more = rows.size() > limit;
        return new Page(more ? rows.subList(0, limit) : rows, more);
    }

    /** Stored text is printable and bounded whatever the caller passed. */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String printable = text.replaceAll("\\p{Cntrl}", " ");
        return printable.length() > max ? printable.substring(0, max - 1) + "…" : printable;
    }
}
