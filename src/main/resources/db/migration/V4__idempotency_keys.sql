-- The first answer to each write sent with an Idempotency-Key, kept 24 hours so a retry of the same
-- request gets that answer again instead of doing the work twice. A row is written in the same
-- transaction as the work it answers, so it exists exactly when that work committed.
create table idempotency_key (
    user_id         uuid         not null references app_user (id) on delete cascade,
    idempotency_key varchar(255) not null,
    -- SHA-256 of method, target and body: the same key with another request is refused
    fingerprint     bytea        not null,
    response_status smallint     not null,
    response_body   text,
    etag            varchar(40),
    location        varchar(300),
    created_at      timestamptz  not null,
    constraint idempotency_key_once unique (user_id, idempotency_key)
);
create index idempotency_key_created on idempotency_key (created_at);
