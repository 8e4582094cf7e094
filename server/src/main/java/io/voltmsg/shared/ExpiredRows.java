package io.voltmsg.shared;

import java.time.Instant;

/** Rows a feature keeps only for {@code voltmsg.retention}; {@link RetentionPurge} deletes the older ones. */
public interface ExpiredRows {

    /** What the rows are, for the log: "audit entries". */
    String description();

    /** Deletes up to {@code limit} rows older than {@code cutoff} (within the caller's transaction); returns how many. */
    int deleteOlderThan(Instant cutoff, int limit);
}
