-- Events and the delivery outbox (delivery package). body holds the exact bytes
-- that are signed and sent: never jsonb, which would reorder keys.
create sequence event_sequence;

create table events (
    id              varchar(40) primary key,
    organization_id varchar(40) not null,
    type            varchar(40) not null,
    message_id      varchar(40),
    sequence_number bigint      not null,
    created_at      timestamp with time zone not null,
    body            bytea       not null,
    rsa_key_id      varchar(40) not null,
    rsa_signature   varchar(1024) not null
);
create index events_org_created on events (organization_id, created_at);

-- One row per (event, endpoint): the outbox the dispatchers claim from.
create table deliveries (
    id              varchar(40) primary key,
    event_id        varchar(40) not null references events (id),
    endpoint_id     varchar(40) not null,
    status          varchar(16) not null,
    attempts        int         not null,
    next_attempt_at timestamp with time zone not null,
    lease_until     timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index deliveries_due on deliveries (status, next_attempt_at);
create index deliveries_endpoint on deliveries (endpoint_id, created_at);

-- Every attempt, successful or not.
create table delivery_attempts (
    id            varchar(40) primary key,
    delivery_id   varchar(40) not null references deliveries (id),
    attempted_at  timestamp with time zone not null,
    duration_ms   int         not null,
    status_code   int,
    response_body varchar(4096),
    error         varchar(200)
);
create index delivery_attempts_delivery on delivery_attempts (delivery_id, attempted_at);
