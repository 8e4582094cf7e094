-- Messages, their carrier segments, receipts that came before their submit_sm_resp was
-- recorded, contacts and per-organization messaging settings (messaging package).
create table messages (
    id               varchar(40)  primary key,
    organization_id  varchar(40)  not null,
    direction        varchar(8)   not null,
    from_number      varchar(32)  not null,
    to_number        varchar(32)  not null,
    body             varchar(40000) not null,
    status           varchar(16)  not null,
    segments         int          not null,
    error_code       varchar(40),
    error_message    varchar(200),
    idempotency_key  varchar(255),
    submit_attempts  int          not null,
    next_attempt_at  timestamp with time zone,
    lease_until      timestamp with time zone,
    created_at       timestamp with time zone not null,
    sent_at          timestamp with time zone,
    delivered_at     timestamp with time zone,
    finalized_at     timestamp with time zone
);
-- The sender claims queued messages by next_attempt_at; the sweeper finds overdue sent ones.
create index messages_status_due on messages (status, next_attempt_at);
create index messages_status_sent on messages (status, sent_at);
create index messages_org on messages (organization_id, id);
create unique index messages_idempotency on messages (organization_id, idempotency_key);

-- One row per segment the carrier accepted: receipts arrive per segment.
create table message_segments (
    message_id         varchar(40) not null references messages (id),
    segment_index      int         not null,
    carrier_message_id varchar(80) not null,
    stat               varchar(8),
    err                varchar(16),
    updated_at         timestamp with time zone not null,
    primary key (message_id, segment_index)
);
create index message_segments_carrier on message_segments (carrier_message_id);

-- A receipt whose carrier id is not (yet) known: kept, applied once the submit_sm_resp is recorded.
create table orphan_receipts (
    id                 varchar(40) primary key,
    carrier_message_id varchar(80) not null,
    stat               varchar(8)  not null,
    err                varchar(16),
    received_at        timestamp with time zone not null
);
create index orphan_receipts_carrier on orphan_receipts (carrier_message_id);
create index orphan_receipts_received on orphan_receipts (received_at);

-- A contact is a handset as seen from one of the organization's numbers (mapped_number).
create table contacts (
    id              varchar(40)  primary key,
    organization_id varchar(40)  not null,
    mapped_number   varchar(16)  not null,
    phone_number    varchar(32)  not null,
    name            varchar(200),
    blocked         boolean      not null,
    custom_fields   varchar(20000) not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create unique index contacts_pair on contacts (organization_id, mapped_number, phone_number);

-- Per-organization messaging settings; absent row = the configured defaults.
create table messaging_settings (
    organization_id varchar(40) primary key,
    help_reply      varchar(1600),
    updated_at      timestamp with time zone not null
);
