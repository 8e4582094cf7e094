-- Platform signing keys (signing package). Private parts are AES-GCM encrypted
-- with the master key; (algorithm, generation) is unique so that concurrent
-- instances agree on one key per generation.
create table signing_keys (
    id              varchar(40) primary key,
    algorithm       varchar(16) not null,
    generation      int         not null,
    public_key      bytea       not null,
    private_key_enc bytea       not null,
    created_at      timestamp with time zone not null,
    activates_at    timestamp with time zone not null,
    constraint signing_keys_generation unique (algorithm, generation)
);
