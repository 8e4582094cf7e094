-- Portal users (accounts package): one organization and one role each; bcrypt password hashes.
-- must_change_password is set while the password is a one-time one somebody else saw.
create table users (
    id                   varchar(40)  primary key,
    organization_id      varchar(40)  not null references organizations (id),
    email                varchar(254) not null,
    role                 varchar(16)  not null,
    password_hash        varchar(100) not null,
    must_change_password boolean      not null,
    created_at           timestamp with time zone not null,
    last_signed_in_at    timestamp with time zone,
    password_changed_at  timestamp with time zone not null,
    constraint users_email unique (email)
);
create index users_org on users (organization_id);

-- API tokens get an optional name (shown in lists and the audit log) and when they were last used
-- (written in the background at most every 30 seconds, never on the request path).
alter table api_tokens add column name varchar(100);
alter table api_tokens add column last_used_at timestamp with time zone;
