package io.voltmsg.audit;

import java.time.Instant;

/** One line of the audit log: who ({@code actor}) did what ({@code action}) to what ({@code targetId}) and when. */
public record AuditEntry(String id, String organizationId, Instant occurredAt, String actorType, String actorId,
                         String actorLabel, String action, String targetId, String detail) {
}
