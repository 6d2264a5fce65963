-- Email verification and email change. Accounts created before this migration count as verified.

alter table app_user add column email_verified_at timestamptz;
update app_user set email_verified_at = created_at;
-- the address a change was requested for, shown to the user while its link can still be used
alter table app_user add column pending_email varchar(254);
alter table app_user add column pending_email_until timestamptz;
-- unverified accounts older than 7 days are deleted by a scheduled job
create index app_user_unverified on app_user (updated_at) where email_verified_at is null;

-- Verification and email-change tokens: SHA-256 only, single use, superseded by a newer one,
-- exactly like password_reset_token.
create table email_token (
    token_hash  bytea primary key,
    -- null for the decoy rows written when register/resend has nothing to send a link for
    user_id     uuid        references app_user (id) on delete cascade,
    purpose     varchar(10) not null,
    -- for 'change': the address that becomes the account's when the link is used
    new_email   varchar(254),
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    constraint email_token_purpose check (purpose in ('verify', 'change')),
    constraint email_token_change_has_address check (purpose <> 'change' or new_email is not null)
);
create index email_token_user on email_token (user_id) where used_at is null;
create index email_token_expires on email_token (expires_at);
