#!/usr/bin/env bash
# Issue 17 at scale: 100,000 todos with reminders spread over a day (plus 100,000 without), then the
# reminder claim exactly as ReminderRepository runs it, under EXPLAIN (ANALYZE, BUFFERS): it must read
# the partial index todo_reminder_due, not the table. The schema comes from the service's own
# migrations (applied with psql, no service needed). Usage: bench/reminder-claim.sh
set -euo pipefail
export BENCH_WORK="${BENCH_WORK:-/tmp/todo-bench-reminders}" PG_PORT="${PG_PORT:-55442}"
source "$(dirname "$0")/lib.sh"
need
trap stop_postgres EXIT
start_postgres
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -v ON_ERROR_STOP=1 -q)

"${PSQL[@]}" -c "drop schema public cascade; create schema public"
for migration in "$ROOT"/src/main/resources/db/migration/V*.sql; do
  "${PSQL[@]}" -f "$migration"
done

"${PSQL[@]}" <<'SQL'
insert into app_user (id, email, email_normalized, password_hash, created_at, updated_at, time_zone)
select gen_random_uuid(), 'u' || i || '@bench.example', 'u' || i || '@bench.example', 'x', now(), now(),
       (array['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'])[1 + i % 4]
from generate_series(1, 100) i;
-- 100,000 reminders spread evenly over 24 hours around now; those already past were handled
insert into todo (id, user_id, title, position, created_at, updated_at, remind_at, reminder_handled_at)
select gen_random_uuid(), u.id, 'todo ' || i, i * 1024, now(), now(),
       now() - interval '12 hours' + (i * interval '864 milliseconds'),
       case when now() - interval '12 hours' + (i * interval '864 milliseconds') < now() - interval '1 minute'
            then now() - interval '12 hours' + (i * interval '864 milliseconds') end
from generate_series(1, 100000) i
join (select id, row_number() over () - 1 as n from app_user) u on u.n = i % 100;
-- and as many todos without a reminder
insert into todo (id, user_id, title, position, created_at, updated_at)
select gen_random_uuid(), u.id, 'plain ' || i, 200000000 + i * 1024, now(), now()
from generate_series(1, 100000) i
join (select id, row_number() over () - 1 as n from app_user) u on u.n = i % 100;
analyze;
SQL

echo "todos: $("${PSQL[@]}" -tAc "select count(*) from todo"), due and unhandled:" \
  "$("${PSQL[@]}" -tAc "select count(*) from todo where remind_at is not null and reminder_handled_at is null and remind_at <= now()")"
echo
# the claim of ReminderRepository.CLAIM_REMINDERS (batch size 100), inside a transaction as the service runs it
"${PSQL[@]}" <<'SQL'
begin;
explain (analyze, buffers, costs off)
select * from todo
where remind_at is not null and reminder_handled_at is null and remind_at <= now()
order by remind_at
limit 100
for update skip locked;
rollback;
SQL

# after an hour of downtime: the last hour's reminders (about 4,200) are all still to handle
"${PSQL[@]}" -c "update todo set reminder_handled_at = null where remind_at > now() - interval '1 hour'"
"${PSQL[@]}" -c "analyze todo"
echo "after 1 h of downtime, due and unhandled:" \
  "$("${PSQL[@]}" -tAc "select count(*) from todo where remind_at is not null and reminder_handled_at is null and remind_at <= now()")"
"${PSQL[@]}" <<'SQL'
begin;
explain (analyze, buffers, costs off)
select * from todo
where remind_at is not null and reminder_handled_at is null and remind_at <= now()
order by remind_at
limit 100
for update skip locked;
rollback;
SQL
