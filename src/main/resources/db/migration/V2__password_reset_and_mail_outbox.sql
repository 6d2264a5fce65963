-- Password-reset tokens (SHA-256 only) and the durable outbox that mails leave through.

create table password_reset_token (
    token_hash  bytea primary key,
    -- null for the decoy rows written for unknown addresses, so both answers cost the same
    user_id     uuid        references app_user (id) on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    -- set when the token is used or superseded; a token is valid only while this is null
    used_at     timestamptz
);
create index password_reset_token_user on password_reset_token (user_id) where used_at is null;
create index password_reset_token_expires on password_reset_token (expires_at);

-- Written in the same transaction as the change that causes the mail. The rendered bodies are
-- AES-GCM encrypted (they carry reset links) and dropped once the row is sent or dead.
create table mail_outbox (
    id              uuid primary key,
    kind            varchar(40)  not null,
    recipient       varchar(254) not null,
    subject         varchar(200) not null,
    payload         bytea,
    status          varchar(10)  not null default 'pending',
    attempts        integer      not null default 0,
    -- when the row may be claimed next: due time, retry time, or the end of a sender's lease
    next_attempt_at timestamptz  not null,
    last_error      varchar(200),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    sent_at         timestamptz,
    constraint mail_outbox_status check (status in ('pending', 'sent', 'dead'))
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'pending';
create index mail_outbox_updated on mail_outbox (status, updated_at);
