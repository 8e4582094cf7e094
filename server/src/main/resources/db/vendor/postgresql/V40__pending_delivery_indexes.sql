-- PostgreSQL only (H2 has no partial indexes, and its claims are fine without them).
-- Every claim looks for pending deliveries, and every delivery is updated two or three times
-- (lease, outcome). A full (status, next_attempt_at) index and the (message_id, endpoint_id)
-- index keep entries for every version of every row until vacuum removes them, so claims under
-- a backlog walked dead entries: 1 s per claim in a messaging run. Indexes on pending rows only
-- stay as small as the backlog, and updates that only move the lease can stay on their page.
create index deliveries_pending_due on deliveries (next_attempt_at) where status = 'PENDING';
create index deliveries_pending_message on deliveries (message_id, endpoint_id, sequence_number)
    where status = 'PENDING';
alter table deliveries set (fillfactor = 80,
    autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
