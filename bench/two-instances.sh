#!/usr/bin/env bash
# Two instances of the packaged service on one PostgreSQL, while wrk keeps a list load on both:
#  - optimistic concurrency: 50 concurrent PATCH with the same If-Match, spread over both -> one 200, 49 412
#  - concurrent registration of one address on both -> one 201, the rest 409
#  - rate limits are per instance (deploy/README.md): login per IP at 20/PT1H on each -> 40 of 50 pass
#  - every password-reset mail is sent exactly once although both dispatchers drain the same outbox
# Usage: bench/two-instances.sh
set -euo pipefail
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export BENCH_WORK="${BENCH_WORK:-/tmp/todo-two}" PG_PORT="${PG_PORT:-$(free_port)}"
source "$(dirname "$0")/lib.sh"
need
PORT_A=$(free_port); PORT_B=$(free_port); SMTP_PORT=$(free_port); export SMTP_PORT SMTP_USE_TLS=false
A="http://127.0.0.1:$PORT_A"; B="http://127.0.0.1:$PORT_B"
PIDS=()
trap 'kill ${PIDS[*]:-} 2>/dev/null || true; stop_postgres' EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK" && rm -f "$WORK"/service-*.log "$WORK/mails.txt"
start_postgres
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "drop database if exists todo" -c "create database todo"
python3 "$BENCH_DIR/smtp_sink.py" "$SMTP_PORT" "$WORK/mails.txt" 0.1 & PIDS+=($!)
export RATE_LIMIT_LOGIN_PER_IP="20/PT1H" LOG_LEVEL=INFO
API_PORT=$PORT_A SERVICE_LOG_NAME=service-a.log start_service; PIDS+=("$SERVICE_PID")
API_PORT=$PORT_B SERVICE_LOG_NAME=service-b.log start_service; PIDS+=("$SERVICE_PID")
API=$A seed 10 50
echo "two instances on :$PORT_A and :$PORT_B, one PostgreSQL on :$PG_PORT; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# background load on both for the whole run (SIGINT makes wrk stop and print its figures)
LOADERS=()
for url in "$A" "$B"; do
  TOKENS="$WORK/tokens.txt" wrk -t1 -c8 -d10m --timeout 10s -s "$BENCH_DIR/list.lua" "$url" > "$WORK/wrk-$(basename "$url" | tr : -).txt" 2>&1 &
  LOADERS+=($!)
done
PIDS+=("${LOADERS[@]}")
failed=0
check() { if [ "$1" = "$2" ]; then echo "  ok: $3 ($1)"; else echo "  FAIL: $3: expected $2, got $1"; failed=1; fi; }
# instance_of N: A for even N, B for odd
instance_of() { if [ $(( $1 % 2 )) -eq 0 ]; then echo "$A"; else echo "$B"; fi; }
export -f instance_of; export A B

echo "== optimistic concurrency: 50 concurrent PATCH, same If-Match, both instances"
token=$(head -1 "$WORK/tokens.txt")
id=$(curl -s -H "authorization: Bearer $token" -H 'content-type: application/json' -d '{"title":"contested"}' "$A/api/todos" | jq -r .id)
seq 1 50 | xargs -P 50 -I{} bash -c 'curl -s -o /dev/null -w "%{http_code}\n" -X PATCH -H "authorization: Bearer '"$token"'" \
  -H "content-type: application/json" -H "if-match: \"0\"" -d "{\"title\":\"edit {}\"}" "$(instance_of {})/api/todos/'"$id"'"' \
  > "$WORK/patch.txt"
check "$(grep -c '^200$' "$WORK/patch.txt")" 1 "PATCH answered 200"
check "$(grep -c '^412$' "$WORK/patch.txt")" 49 "PATCH answered 412"
check "$(curl -s -H "authorization: Bearer $token" "$B/api/todos/$id" | jq .version)" 1 "version after the race"

echo "== concurrent registration of one address on both instances"
email="race-$RANDOM@example.com"
seq 1 20 | xargs -P 20 -I{} bash -c 'curl -s -o /dev/null -w "%{http_code}\n" -H "content-type: application/json" \
  -H "x-forwarded-for: 10.9.$(( {} / 200 )).$(( {} % 200 + 1 ))" \
  -d "{\"email\":\"'"$email"'\",\"password\":\"a long enough password 1\"}" "$(instance_of {})/api/auth/register"' > "$WORK/register.txt"
check "$(grep -c '^202$' "$WORK/register.txt")" 20 "register answered 202, the same for every call"
# the accounts are stored in the background: wait for the 20 verification links, then count accounts
for _ in $(seq 1 500); do
  [ "$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -Atq -c "select count(*) from email_token t join app_user u
    on u.id = t.user_id where u.email_normalized = '$email'")" = 20 ] && break
  sleep 0.05
done
check "$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -Atq -c "select count(*) from app_user where email_normalized = '$email'")" 1 "one account"
check "$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -Atq -c "select count(*) from email_token t join app_user u
  on u.id = t.user_id where u.email_normalized = '$email' and t.used_at is null")" 1 "one usable verification link"

echo "== login per IP is limited per instance: 20/PT1H on each, 50 attempts from one address over both"
seq 1 50 | xargs -P 50 -I{} bash -c 'curl -s -o /dev/null -w "%{http_code} {}\n" -H "content-type: application/json" \
  -H "x-forwarded-for: 10.77.0.1" -d "{\"email\":\"nobody{}@example.com\",\"password\":\"wrong password {}\"}" \
  "$(instance_of {})/api/auth/login"' > "$WORK/login.txt"
check "$(grep -c '^401 ' "$WORK/login.txt")" 40 "logins let through (2 x 20)"
check "$(grep -c '^429 ' "$WORK/login.txt")" 10 "logins limited"
check "$(awk '$1 == 401 && $2 % 2 == 0' "$WORK/login.txt" | wc -l)" 20 "let through by instance A"

echo "== password-reset mails with both dispatchers draining one outbox: each sent once"
MAILS=100
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -Atq -c "insert into app_user (id, email, email_normalized, password_hash, created_at, updated_at)
  select gen_random_uuid(), 'twice' || n || '@example.com', 'twice' || n || '@example.com', 'x', now(), now() from generate_series(1, $MAILS) n"
seq 1 "$MAILS" | xargs -P 8 -I{} bash -c 'curl -s -o /dev/null -w "%{http_code}\n" -H "content-type: application/json" \
  -H "x-forwarded-for: 10.8.$(( {} / 200 )).$(( {} % 200 + 1 ))" -d "{\"email\":\"twice{}@example.com\"}" \
  "$(instance_of {})/api/auth/password/forgot"' > "$WORK/forgot.txt"
check "$(grep -c '^202$' "$WORK/forgot.txt")" "$MAILS" "forgot answered 202"
t0=$(date +%s)
until [ "$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -Atq -c "select count(*) from mail_outbox where status = 'pending'")" = 0 ] \
  || [ $(( $(date +%s) - t0 )) -ge 120 ]; do sleep 0.5; done
sleep 1 # a mail accepted by the SMTP server a moment before its row is marked sent
received=$(grep -c '^twice' "$WORK/mails.txt" || true)
unique=$(grep '^twice' "$WORK/mails.txt" | cut -d' ' -f1 | sort -u | wc -l)
check "$unique" "$MAILS" "distinct reset mails received"
check "$received" "$MAILS" "reset mails received in all (duplicates: $(( received - unique )))"
sent_by_a=$(grep -c "sent to" "$WORK/service-a.log" || true); sent_by_b=$(grep -c "sent to" "$WORK/service-b.log" || true)
echo "  sent by instance A: $sent_by_a, by B: $sent_by_b "

kill -INT "${LOADERS[@]}" 2>/dev/null || true
wait "${LOADERS[@]}" 2>/dev/null || true
echo "background list load: $(grep -h RESULT "$WORK"/wrk-*.txt | tr '\n' ' ')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ $failed -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
