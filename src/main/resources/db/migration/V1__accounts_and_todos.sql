-- Accounts, sessions and todos. UUIDs are generated in Java (native-image friendly).

create table app_user (
    id               uuid primary key,
    email            varchar(254) not null,
    email_normalized varchar(254) not null,
    name             varchar(100),
    password_hash    varchar(255) not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    constraint app_user_email_unique unique (email_normalized)
);

-- One row per signed-in client; access tokens carry its id (sid) so revocation is immediate.
create table auth_session (
    id          uuid primary key,
    user_id     uuid        not null references app_user (id) on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index auth_session_user on auth_session (user_id);

-- Refresh tokens are stored as SHA-256 hashes only; a used one is kept to detect replay.
create table refresh_token (
    token_hash  bytea primary key,
    session_id  uuid        not null references auth_session (id) on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index refresh_token_session on refresh_token (session_id);

create table todo (
    id           uuid primary key,
    user_id      uuid         not null references app_user (id) on delete cascade,
    title        varchar(255) not null,
    description  text,
    completed    boolean      not null default false,
    completed_at timestamptz,
    priority     smallint     not null default 0,
    category     varchar(50),
    tags         varchar(30)[] not null default '{}',
    due_at       timestamptz,
    position     bigint       not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null default 0,
    constraint todo_priority_range check (priority between 0 and 3),
    constraint todo_description_length check (char_length(description) <= 5000)
);
-- every list query filters by user; these cover the sort orders of the contract
create index todo_user_position on todo (user_id, position);
create index todo_user_created on todo (user_id, created_at);
create index todo_user_updated on todo (user_id, updated_at);
create index todo_user_due on todo (user_id, due_at);
create index todo_user_priority on todo (user_id, priority);
create index todo_user_category on todo (user_id, category);
create index todo_tags on todo using gin (tags);
