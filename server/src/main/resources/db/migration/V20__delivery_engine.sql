-- Delivery engine (delivery package): per-message ordering, endpoint health, retention.

-- Copied from the event so the claim query can hold back a later event of the same
-- message to the same endpoint without joining events.
alter table deliveries add column message_id varchar(40);
alter table deliveries add column sequence_number bigint;
create index deliveries_message on deliveries (message_id, endpoint_id);
-- Pagination of an endpoint's deliveries (newest first, the id is the cursor).
create index deliveries_endpoint_id on deliveries (endpoint_id, id);
-- Resends and the retention purge.
create index deliveries_event on deliveries (event_id);
create index deliveries_created on deliveries (created_at);
create index events_created on events (created_at);

-- Since when an endpoint has failed without a success in between (null: healthy).
-- Keyed by the endpoint id only: delivery never reads the webhooks table.
create table endpoint_health (
    endpoint_id     varchar(40) primary key,
    failing_since   timestamp with time zone,
    last_failure_at timestamp with time zone,
    last_success_at timestamp with time zone
);
