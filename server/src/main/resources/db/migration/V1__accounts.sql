-- Organizations own phone numbers and API tokens (accounts package).
create table organizations (
    id          varchar(40)  primary key,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null
);

-- A number belongs to exactly one organization: inbound messages are routed by it.
create table phone_numbers (
    phone_number    varchar(16) primary key,
    organization_id varchar(40) not null references organizations (id),
    created_at      timestamp with time zone not null
);
create index phone_numbers_org on phone_numbers (organization_id);

-- Tokens are stored only as a SHA-256 hash; the plain value is shown once.
create table api_tokens (
    id              varchar(40)  primary key,
    organization_id varchar(40)  not null references organizations (id),
    token_hash      varchar(64)  not null unique,
    scopes          varchar(500) not null,
    created_at      timestamp with time zone not null,
    revoked_at      timestamp with time zone
);
create index api_tokens_org on api_tokens (organization_id);

-- One row once the first-start organization exists; its primary key makes the
-- bootstrap happen once even when several instances start together.
create table bootstrap_marker (
    id         int primary key,
    created_at timestamp with time zone not null
);
