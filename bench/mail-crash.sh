#!/usr/bin/env bash
# Crash safety of the mail outbox: password-reset mails are queued, the packaged service is killed with
# SIGKILL while its dispatcher is in the middle of sending them to a slow SMTP server, then started
# again. Every queued mail must arrive (at least once); duplicates are counted and reported. Forgot-password
# answers 202 before its work commits, so requests whose work was still in memory at the kill never get a
# row: reported as answered minus queued.
# Usage: bench/mail-crash.sh [mails, default 60] [SMTP delay in seconds, default 1.0]
# shellcheck disable=SC2119 # start_service takes JVM options, none here
set -euo pipefail
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export BENCH_WORK="${BENCH_WORK:-/tmp/todo-crash}" PG_PORT="${PG_PORT:-$(free_port)}" API_PORT="${API_PORT:-$(free_port)}"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
MAILS="${1:-60}"; DELAY="${2:-1.0}"
need
SMTP_PORT=$(free_port); export SMTP_PORT SMTP_USE_TLS=false # the local sink speaks plain SMTP
MANAGEMENT_PORT=$(free_port); export MANAGEMENT_PORT # not 9000, which another service on the machine may hold
# a short lease, so the mails a killed sender had claimed fall due again within seconds, not minutes
export MAIL_OUTBOX_LEASE=PT10S RATE_LIMIT_FORGOT_PER_IP=100000/PT1M RATE_LIMIT_FORGOT_PER_ADDRESS=100000/PT1M
trap 'kill ${SINK:-} 2>/dev/null || true; stop_service; stop_postgres' EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK" && rm -f "$WORK/service.log" "$WORK/mails.txt" && touch "$WORK/mails.txt"
start_postgres
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "drop database if exists todo" -c "create database todo"
# the sink's stderr (connection resets when the service is killed) goes to its own log
python3 "$BENCH_DIR/smtp_sink.py" "$SMTP_PORT" "$WORK/mails.txt" "$DELAY" 2> "$WORK/sink.log" & SINK=$!
start_service
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -Atq -c "$1"; }
# verified accounts straight into the table (what register_verified ends with, minus 60 sign-ups whose
# verification mails would share the outbox and the sink with the reset mails measured here)
sql "insert into app_user (id, email, email_normalized, password_hash, created_at, updated_at, email_verified_at)
     select gen_random_uuid(), 'crash' || n || '@example.com', 'crash' || n || '@example.com', 'x', now(), now(), now()
     from generate_series(1, $MAILS) n"
# in parallel: sent one by one on a busy machine, most mails were through before the last request
seq 1 "$MAILS" | xargs -P 10 -I{} curl -s -o /dev/null -w '%{http_code}\n' -H 'content-type: application/json' \
  -d '{"email":"crash{}@example.com"}' "$API/api/auth/password/forgot" > "$WORK/forgot.txt"
[ "$(grep -c '^202$' "$WORK/forgot.txt")" = "$MAILS" ] || { echo "forgot answered: $(sort "$WORK/forgot.txt" | uniq -c | tr '\n' ' ')"; exit 1; }
echo "answered 202: $MAILS forgot-password requests (SMTP server answers each mail after ${DELAY}s); load average $(cut -d' ' -f1-3 /proc/loadavg)"

# kill -9 once some mails are through and others are in flight
until [ "$(wc -l < "$WORK/mails.txt")" -ge $(( MAILS / 4 )) ]; do sleep 0.05; done
kill -9 "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=
before_kill=$(wc -l < "$WORK/mails.txt")
# forgot answers 202 before its work commits: work still in memory at the kill has no outbox row
queued=$(sql "select count(*) from mail_outbox where kind = 'password_reset'")
echo "SIGKILL after $before_kill mails arrived; queued by then: $queued of $MAILS; outbox: $(sql "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from mail_outbox group by status) s"), claimed and unsent: $(sql "select count(*) from mail_outbox where status = 'pending' and attempts > 0")"

t0=$(date +%s)
start_service
ready=$(date +%s)
until [ "$(sql "select count(*) from mail_outbox where status = 'pending'")" = 0 ]; do
  [ $(( $(date +%s) - t0 )) -lt 300 ] || { echo "FAIL: mails still pending after 5 minutes"; break; }
  sleep 0.5
done
sleep "$DELAY" # a send that finished at the SMTP server just before the row was marked
echo "after restart: ready in $(( ready - t0 )) s, outbox drained $(( $(date +%s) - ready )) s later: $(sql "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from mail_outbox group by status) s")"

sql "select recipient from mail_outbox where kind = 'password_reset'" | sort > "$WORK/queued.txt"
cut -d' ' -f1 "$WORK/mails.txt" | sort > "$WORK/received.txt"
received=$(wc -l < "$WORK/received.txt")
unique=$(sort -u "$WORK/received.txt" | wc -l)
lost=$(comm -23 "$WORK/queued.txt" <(sort -u "$WORK/received.txt") | wc -l)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "RESULT answered=$MAILS queued=$queued received=$received unique=$unique duplicates=$(( received - unique )) lost=$lost dead=$(sql "select count(*) from mail_outbox where status = 'dead'")"
if [ "$lost" -eq 0 ]; then echo PASS; else echo "FAIL: $lost queued mails never arrived"; exit 1; fi
