-- Reminders, recurring todos and the daily digest (issue 17).

alter table app_user
    add column time_zone       varchar(64) not null default 'UTC',
    add column email_reminders boolean     not null default true,
    add column daily_digest    boolean     not null default false,
    -- the local date (in time_zone) of the last digest this user was sent or skipped for
    add column digest_sent_on  date;

alter table todo
    add column remind_at           timestamptz,
    -- when the scheduler dealt with remind_at (mail queued, or skipped: completed, reminders off,
    -- too late); null while it is still to come. Setting remind_at again clears it.
    add column reminder_handled_at timestamptz,
    -- iCalendar-like rule, e.g. FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;ANCHOR=30 (todo/Recurrence)
    add column recurrence          varchar(120),
    -- the occurrence created when this todo was completed; uncompleting removes it if untouched
    add column next_occurrence_id  uuid references todo (id) on delete set null;

-- the reminder claim: due, not yet handled, oldest first
create index todo_reminder_due on todo (remind_at) where remind_at is not null and reminder_handled_at is null;
create index todo_next_occurrence on todo (next_occurrence_id) where next_occurrence_id is not null;
-- the digest's claim: users who asked for it
create index app_user_daily_digest on app_user (id) where daily_digest;

-- extra headers of a mail (List-Unsubscribe), dropped with the body once the mail is sent or dead
alter table mail_outbox add column headers text;
