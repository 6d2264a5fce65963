-- Sessions end when idle (idle_expires_at, moved by each refresh) or at their absolute end (expires_at).
alter table auth_session add column idle_expires_at timestamptz;
-- existing sessions: their old end (sign-in + 30 days) becomes the idle end; the absolute end is sign-in + 90 days
update auth_session set idle_expires_at = expires_at, expires_at = created_at + interval '90 days';
alter table auth_session alter column idle_expires_at set not null;

-- The scheduled purge deletes ended sessions and expired refresh tokens by these indexes.
create index auth_session_ended on auth_session ((least(expires_at, idle_expires_at, coalesce(revoked_at, 'infinity'::timestamptz))));
create index refresh_token_expiry on refresh_token (expires_at);

-- Rate-limit windows shared by every instance (limits that protect an account). subject is the SHA-256
-- of the key (an email address, an account id), so no address is stored here.
create table rate_limit_window (
    rule       varchar(40) not null,
    subject    bytea       not null,
    hits       integer     not null,
    window_end timestamptz not null,
    primary key (rule, subject)
);
create index rate_limit_window_end on rate_limit_window (window_end);
