-- Webhook endpoints (webhooks package). active_url holds the normalized URL while
-- the endpoint exists and null once deleted, so an organization cannot register
-- the same URL twice yet deleted rows keep their history.
create table webhooks (
    id              varchar(40)   primary key,
    organization_id varchar(40)   not null references organizations (id),
    url             varchar(2048) not null,
    active_url      varchar(2048),
    enabled         boolean       not null,
    disabled_reason varchar(500),
    created_at      timestamp with time zone not null,
    last_updated_at timestamp with time zone not null,
    deleted_at      timestamp with time zone,
    constraint webhooks_active_url unique (organization_id, active_url)
);
create index webhooks_org on webhooks (organization_id);
