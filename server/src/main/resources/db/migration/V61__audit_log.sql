-- Who did what and when (audit package), per organization, kept for voltmsg.retention.
-- actor_label keeps what people read (an e-mail address, a token's name) even after the
-- user or token is gone.
create table audit_log (
    id              varchar(40)   primary key,
    organization_id varchar(40),
    occurred_at     timestamp with time zone not null,
    actor_type      varchar(16)   not null,
    actor_id        varchar(40),
    actor_label     varchar(320),
    action          varchar(40)   not null,
    target_id       varchar(80),
    detail          varchar(1000)
);
create index audit_log_org on audit_log (organization_id, id);
create index audit_log_occurred on audit_log (occurred_at);
