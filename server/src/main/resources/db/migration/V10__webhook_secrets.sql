-- Endpoint signing secrets (webhooks package). secret_enc is the whsec_ secret
-- AES-GCM encrypted with the master key (bound to the row id). The current secret
-- has no expires_at; rotateWebhookSecret sets the previous one's expires_at to
-- the end of the overlap, during which both sign (Standard Webhooks v1).
create table webhook_secrets (
    id         varchar(40) primary key,
    webhook_id varchar(40) not null references webhooks (id),
    secret_enc bytea       not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone
);
create index webhook_secrets_webhook on webhook_secrets (webhook_id, created_at);
