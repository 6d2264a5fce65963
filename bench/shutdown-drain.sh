#!/usr/bin/env bash
# SIGTERM drains in-flight requests: a PATCH is held in flight by a row lock another database session
# keeps; the service gets SIGTERM while it waits; the lock is released after the signal; the PATCH must
# still answer 200 and the service then exit. Also shows what a new request gets during the drain.
set -euo pipefail
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export BENCH_WORK="${BENCH_WORK:-/tmp/todo-drain}" PG_PORT="${PG_PORT:-$(free_port)}" API_PORT="${API_PORT:-$(free_port)}"
source "$(dirname "$0")/lib.sh"
need
trap 'kill ${LOCKER:-} 2>/dev/null || true; stop_service; stop_postgres' EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK" && rm -f "$WORK/service.log"
start_postgres
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "drop database if exists todo" -c "create database todo"
start_service
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -Atq -c "$1"; }
register_verified drain@example.com "drain password 1"
token=$(curl -s -H 'content-type: application/json' -d '{"email":"drain@example.com","password":"drain password 1"}' "$API/api/auth/login" | jq -r .accessToken)
id=$(curl -s -H "authorization: Bearer $token" -H 'content-type: application/json' -d '{"title":"held"}' "$API/api/todos" | jq -r .id)

# another session locks the row until told to stop (a FIFO keeps its transaction open)
mkfifo "$WORK/locker.in" 2>/dev/null || true
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -q < "$WORK/locker.in" > /dev/null & LOCKER=$!
exec 3> "$WORK/locker.in"
echo "begin; select 1 from todo where id = '$id' for update;" >&3
until [ "$(sql "select count(*) from pg_locks l join pg_class c on c.oid = l.relation where c.relname = 'todo' and l.mode = 'RowShareLock'")" -ge 1 ]; do sleep 0.05; done

t0=$(date +%s%N)
curl -s -o "$WORK/patch.json" -w '%{http_code}' -X PATCH -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"title":"finished during shutdown"}' "$API/api/todos/$id" > "$WORK/patch.code" & PATCH=$!
# the PATCH is in flight once its statement waits for the lock
until [ "$(sql "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = 'todo'")" -ge 1 ]; do sleep 0.05; done
kill -TERM "$SERVICE_PID"
t_term=$(date +%s%N)
sleep 1 # the service is draining now
during=$(curl -s -o /dev/null -w '%{http_code}' -H "authorization: Bearer $token" "$API/api/todos" || true)
echo "commit;" >&3; exec 3>&-
wait "$PATCH" || true
t_done=$(date +%s%N)
exit_code=0; wait "$SERVICE_PID" || exit_code=$?; t_exit=$(date +%s%N); SERVICE_PID=
code=$(cat "$WORK/patch.code")
echo "in-flight PATCH: $code after $(( (t_done - t0) / 1000000 )) ms ($(jq -r .title "$WORK/patch.json")); SIGTERM came $(( (t_term - t0) / 1000000 )) ms after it was sent"
echo "a new request 1 s into the drain: ${during:-000} (000 = connection refused)"
echo "service exit code $exit_code, $(( (t_exit - t_term) / 1000000 )) ms after SIGTERM; stored title: $(sql "select title from todo where id = '$id'")"
[ "$code" = 200 ] && [ "$(sql "select title from todo where id = '$id'")" = "finished during shutdown" ] && echo PASS || { echo FAIL; exit 1; }
