#!/usr/bin/env bash
# Two instances of the packaged service on one PostgreSQL, while wrk keeps a list load on both:
#  - optimistic concurrency: 50 concurrent PATCH with the same If-Match, spread over both -> one 200, 49 412
#  - idempotent writes (docs/api.md "Idempotent writes"): one Idempotency-Key sent concurrently to both
#    instances executes once (a create: one todo; a toggle: toggled once), every answer a 201/200 with the
#    first answer or a 409 request_in_progress, and a later retry replays the first answer
#  - concurrent registration of one address on both -> 20 identical 202, one account, one usable link
#  - login limits: per account (PostgreSQL) 20/PT1H holds across both -> 20 of 50 pass, not 40;
#    per client address (memory, per instance as documented) 20/PT1H on each -> 40 of 50 pass
#  - every password-reset mail is sent exactly once although both dispatchers drain the same outbox
# Client addresses come from X-Forwarded-For, which the service believes only from TRUSTED_PROXIES
# (here 127.0.0.1/32: curl stands for the proxy).
# Usage: bench/two-instances.sh
# shellcheck disable=SC2016,SC2119 # the bash -c programs are single-quoted on purpose: they expand in the child; start_service takes JVM options, none here
set -euo pipefail
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export BENCH_WORK="${BENCH_WORK:-/tmp/todo-two}" PG_PORT="${PG_PORT:-$(free_port)}"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
need
PORT_A=$(free_port); PORT_B=$(free_port); SMTP_PORT=$(free_port); export SMTP_PORT SMTP_USE_TLS=false
A="http://127.0.0.1:$PORT_A"; B="http://127.0.0.1:$PORT_B"
PIDS=()
trap 'kill ${PIDS[*]:-} 2>/dev/null || true; stop_postgres' EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK" && rm -f "$WORK"/service-*.log "$WORK"/wrk-*.txt "$WORK/mails.txt"
start_postgres
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "drop database if exists todo" -c "create database todo"
python3 "$BENCH_DIR/smtp_sink.py" "$SMTP_PORT" "$WORK/mails.txt" 0.1 & PIDS+=($!)
export TRUSTED_PROXIES=127.0.0.1/32 LOG_LEVEL=INFO RATE_LIMIT_LOGIN_PER_IP="20/PT1H" \
  RATE_LIMIT_LOGIN_PER_ACCOUNT="20/PT1H" RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP="100000/PT1M"
# each instance its own management port (metrics), or the second start fails on 9000
MANAGEMENT_PORT=$(free_port) API_PORT=$PORT_A SERVICE_LOG_NAME=service-a.log start_service; PIDS+=("$SERVICE_PID")
MANAGEMENT_PORT=$(free_port) API_PORT=$PORT_B SERVICE_LOG_NAME=service-b.log start_service; PIDS+=("$SERVICE_PID")
API=$A seed 10 50
echo "two instances on :$PORT_A and :$PORT_B, one PostgreSQL on :$PG_PORT; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# background load on both for the whole run (SIGINT makes wrk stop and print its figures)
LOADERS=()
for name in a b; do
  url=$A; [ "$name" = b ] && url=$B
  TOKENS="$WORK/tokens.txt" wrk -t1 -c8 -d10m --timeout 10s -s "$BENCH_DIR/list.lua" "$url" > "$WORK/wrk-$name.txt" 2>&1 &
  LOADERS+=($!)
done
PIDS+=("${LOADERS[@]}")
failed=0
check() { if [ "$1" = "$2" ]; then echo "  ok: $3 ($1)"; else echo "  FAIL: $3: expected $2, got $1"; failed=1; fi; }
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -Atq -c "$1"; }
# instance_of N: A for even N, B for odd
instance_of() { if [ $(( $1 % 2 )) -eq 0 ]; then echo "$A"; else echo "$B"; fi; }
# client_address PREFIX N: a distinct address per N, e.g. 10.9.0.7
client_address() { echo "$1.$(( $2 / 200 )).$(( $2 % 200 + 1 ))"; }
# idempotent N METHOD PATH BODY: sends the write with $KEY to instance_of N; prints "status replayed=<header> <id or code>"
idempotent() {
  local out
  out=$(curl -s -w '\n%{http_code} replayed=%header{idempotent-replayed}' -X "$2" -H "authorization: Bearer $TOKEN" \
    -H 'content-type: application/json' -H "idempotency-key: $KEY" -d "$4" "$(instance_of "$1")$3")
  echo "${out##*$'\n'} $(jq -r '.id // .code' <<< "${out%$'\n'*}")"
}
export -f instance_of client_address idempotent; export A B WORK

echo "== optimistic concurrency: 50 concurrent PATCH, same If-Match, both instances"
token=$(head -1 "$WORK/tokens.txt")
id=$(curl -s -H "authorization: Bearer $token" -H 'content-type: application/json' -d '{"title":"contested"}' "$A/api/todos" | jq -r .id)
seq 1 50 | xargs -P 50 -I{} bash -c 'curl -s -o /dev/null -w "%{http_code}\n" -X PATCH -H "authorization: Bearer '"$token"'" \
  -H "content-type: application/json" -H "if-match: \"0\"" -d "{\"title\":\"edit {}\"}" "$(instance_of {})/api/todos/'"$id"'"' \
  > "$WORK/patch.txt"
check "$(grep -c '^200$' "$WORK/patch.txt")" 1 "PATCH answered 200"
check "$(grep -c '^412$' "$WORK/patch.txt")" 49 "PATCH answered 412"
check "$(curl -s -H "authorization: Bearer $token" "$B/api/todos/$id" | jq .version)" 1 "version after the race"

echo "== one Idempotency-Key sent 20 times at once over both instances: executed once"
export TOKEN="$token" KEY="create-$RANDOM-$RANDOM" TITLE="idempotent $RANDOM"
seq 1 20 | xargs -P 20 -I{} bash -c 'idempotent {} POST /api/todos "{\"title\":\"$TITLE\"}"' > "$WORK/idem-create.txt"
check "$(sql "select count(*) from todo where title = '$TITLE'")" 1 "todos created"
check "$(grep -c -v -e '^201 ' -e '^409 replayed= request_in_progress$' "$WORK/idem-create.txt")" 0 "answers other than 201 or 409 request_in_progress"
check "$(grep -c '^201 replayed= ' "$WORK/idem-create.txt")" 1 "201 answers not marked replayed (executions)"
created=$(sql "select id from todo where title = '$TITLE'")
check "$(grep '^201 ' "$WORK/idem-create.txt" | grep -c -v " $created$")" 0 "201 answers naming another todo"
check "$(idempotent 1 POST /api/todos "{\"title\":\"$TITLE\"}")" "201 replayed=true $created" "a retry afterwards replays the first answer"
echo "  answers: $(cut -d' ' -f1,2 "$WORK/idem-create.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ',')"
KEY="toggle-$RANDOM-$RANDOM"
seq 1 20 | xargs -P 20 -I{} bash -c 'idempotent {} POST /api/todos/'"$created"'/toggle "{}"' > "$WORK/idem-toggle.txt"
check "$(sql "select completed || ' ' || version from todo where id = '$created'")" "true 1" "completed and version after 20 toggles with one key"
check "$(grep -c -v -e '^200 ' -e '^409 replayed= request_in_progress$' "$WORK/idem-toggle.txt")" 0 "answers other than 200 or 409 request_in_progress"
check "$(grep -c '^200 replayed= ' "$WORK/idem-toggle.txt")" 1 "200 answers not marked replayed (executions)"
echo "  answers: $(cut -d' ' -f1,2 "$WORK/idem-toggle.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ',')"

echo "== concurrent registration of one address on both instances"
email="race-$RANDOM@example.com"
rm -rf "$WORK/register" && mkdir -p "$WORK/register"
seq 1 20 | xargs -P 20 -I{} bash -c 'curl -s -o "$WORK/register/{}" -w " %{http_code}\n" -H "content-type: application/json" \
  -H "x-forwarded-for: $(client_address 10.9 {})" \
  -d "{\"email\":\"'"$email"'\",\"password\":\"a long enough password 1\"}" "$(instance_of {})/api/auth/register" >> "$WORK/register/{}"'
check "$(cat "$WORK"/register/* | grep -c ' 202$')" 20 "register answered 202"
check "$(md5sum "$WORK"/register/* | cut -d' ' -f1 | sort -u | wc -l)" 1 "distinct answers (body and status)"
# the accounts are stored in the background, each registration with a fresh link: wait for the 20 links
for _ in $(seq 1 500); do
  [ "$(sql "select count(*) from email_token t join app_user u on u.id = t.user_id where u.email_normalized = '$email'")" = 20 ] && break
  sleep 0.05
done
check "$(sql "select count(*) from app_user where email_normalized = '$email'")" 1 "one account"
check "$(sql "select count(*) from email_token t join app_user u on u.id = t.user_id where u.email_normalized = '$email'")" 20 "verification links issued"
check "$(sql "select count(*) from email_token t join app_user u
  on u.id = t.user_id where u.email_normalized = '$email' and t.used_at is null")" 1 "usable verification links"

echo "== login per account is shared: 20/PT1H, 50 wrong passwords for one account from 50 addresses over both"
API=$A register_verified limited@example.com "the right password 1"
seq 1 50 | xargs -P 50 -I{} bash -c 'curl -s -o /dev/null -w "%{http_code} {}\n" -H "content-type: application/json" \
  -H "x-forwarded-for: $(client_address 10.66 {})" -d "{\"email\":\"limited@example.com\",\"password\":\"wrong password {}\"}" \
  "$(instance_of {})/api/auth/login"' > "$WORK/login-account.txt"
check "$(grep -c '^401 ' "$WORK/login-account.txt")" 20 "wrong passwords checked (20 over both, not 2 x 20)"
check "$(grep -c '^429 ' "$WORK/login-account.txt")" 30 "logins limited"
echo "  checked by instance A: $(awk '$1 == 401 && $2 % 2 == 0' "$WORK/login-account.txt" | wc -l), by B: $(awk '$1 == 401 && $2 % 2 == 1' "$WORK/login-account.txt" | wc -l)"

echo "== login per client address is per instance (documented): 20/PT1H on each, 50 attempts from one address over both"
seq 1 50 | xargs -P 50 -I{} bash -c 'curl -s -o /dev/null -w "%{http_code} {}\n" -H "content-type: application/json" \
  -H "x-forwarded-for: 10.77.0.1" -d "{\"email\":\"nobody{}@example.com\",\"password\":\"wrong password {}\"}" \
  "$(instance_of {})/api/auth/login"' > "$WORK/login.txt"
check "$(grep -c '^401 ' "$WORK/login.txt")" 40 "logins let through (2 x 20)"
check "$(grep -c '^429 ' "$WORK/login.txt")" 10 "logins limited"
check "$(awk '$1 == 401 && $2 % 2 == 0' "$WORK/login.txt" | wc -l)" 20 "let through by instance A"

echo "== password-reset mails with both dispatchers draining one outbox: each sent once"
MAILS=100
sql "insert into app_user (id, email, email_normalized, password_hash, created_at, updated_at, email_verified_at)
  select gen_random_uuid(), 'twice' || n || '@example.com', 'twice' || n || '@example.com', 'x', now(), now(), now()
  from generate_series(1, $MAILS) n"
seq 1 "$MAILS" | xargs -P 8 -I{} bash -c 'curl -s -o /dev/null -w "%{http_code}\n" -H "content-type: application/json" \
  -H "x-forwarded-for: $(client_address 10.8 {})" -d "{\"email\":\"twice{}@example.com\"}" \
  "$(instance_of {})/api/auth/password/forgot"' > "$WORK/forgot.txt"
check "$(grep -c '^202$' "$WORK/forgot.txt")" "$MAILS" "forgot answered 202"
# forgot answers before the work is done: wait for the mails to be queued, then for the outbox to drain
t0=$(date +%s)
until [ "$(sql "select count(*) from mail_outbox where recipient like 'twice%'")" -ge "$MAILS" ] \
  && [ "$(sql "select count(*) from mail_outbox where status = 'pending'")" = 0 ] \
  || [ $(( $(date +%s) - t0 )) -ge 120 ]; do sleep 0.5; done
sleep 1 # a mail accepted by the SMTP server a moment before its row is marked sent
received=$(grep -c '^twice' "$WORK/mails.txt" || true)
unique=$(grep '^twice' "$WORK/mails.txt" | cut -d' ' -f1 | sort -u | wc -l)
check "$unique" "$MAILS" "distinct reset mails received"
check "$received" "$MAILS" "reset mails received in all (duplicates: $(( received - unique )))"
sent_by_a=$(grep -c "(password_reset) sent to" "$WORK/service-a.log" || true)
sent_by_b=$(grep -c "(password_reset) sent to" "$WORK/service-b.log" || true)
echo "  reset mails sent by instance A: $sent_by_a, by B: $sent_by_b"

kill -INT "${LOADERS[@]}" 2>/dev/null || true
wait "${LOADERS[@]}" 2>/dev/null || true
echo "background list load: A $(grep RESULT "$WORK/wrk-a.txt"); B $(grep RESULT "$WORK/wrk-b.txt")"
for log in "$WORK"/service-*.log; do
  echo "WARN/ERROR lines in $(basename "$log"), by message: $(grep -E '"level":"(WARN|ERROR)"' "$log" | jq -r '.level + " " + .message' \
    | cut -c1-100 | sort | uniq -c | sort -rn | tr -s ' ' | tr '\n' ';')"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ $failed -eq 0 ]; then echo PASS; else echo FAIL; exit 1; fi
