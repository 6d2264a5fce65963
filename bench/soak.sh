#!/usr/bin/env bash
# Soak: mixed load at 32 connections for 5 minutes (list, create, update, toggle, delete, login,
# refresh; one wrk process per endpoint so each gets its own throughput and p50/p99) against the
# packaged jar on Debian's PostgreSQL. Passes when there is no 5xx, no socket error, no pool or
# timeout complaint in the service log, and RSS at the end is within 20% of RSS after the first minute.
# Usage: bench/soak.sh [duration, default 5m] [JVM options, default a 512 MB container's]
set -euo pipefail
# free ports by default: other developers' benchmarks may run on this machine at the same time
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export BENCH_WORK="${BENCH_WORK:-/tmp/todo-soak}" PG_PORT="${PG_PORT:-$(free_port)}" API_PORT="${API_PORT:-$(free_port)}"
source "$(dirname "$0")/lib.sh"
DURATION="${1:-5m}"; shift || true
[ $# -gt 0 ] || set -- -XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError
need
trap 'kill ${SAMPLER:-} 2>/dev/null || true; stop_service; stop_postgres' EXIT
trap 'exit 130' INT TERM
start_postgres
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "drop database if exists todo" -c "create database todo"
rm -f "$WORK/service.log"
start_service "$@"
seed 100 200

sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -Atq -F ' ' -c "$1"; }
login() { # email password -> "access refresh"
  curl -s -H 'content-type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$API/api/auth/login" \
    | jq -r '.accessToken + " " + .refreshToken'
}
: > "$WORK/soak-users.txt"
for i in $(seq 1 100); do
  echo "$(login "bench$i@example.com" "bench password $i long") bench$i@example.com bench password $i long" >> "$WORK/soak-users.txt"
done
: > "$WORK/soak-doomed.txt"
for i in $(seq 1 20); do
  email="doomed$i@example.com"
  register_verified "$email" "doomed password $i"
  token=$(login "$email" "doomed password $i" | cut -d' ' -f1)
  sql "insert into todo (id, user_id, title, priority, tags, position, created_at, updated_at, version, completed)
       select gen_random_uuid(), u.id, 'doomed ' || n, 0, array[]::text[], n * 1024, now(), now(), 0, false
       from app_user u cross join generate_series(1, 5000) n where u.email = '$email'" >/dev/null
  sql "select t.id from todo t join app_user u on u.id = t.user_id where u.email = '$email'" | sed "s/^/$token /" >> "$WORK/soak-doomed.txt"
done
shuf -o "$WORK/soak-doomed.txt" "$WORK/soak-doomed.txt"
# owned todos: each with its owner's token
sql "select u.email, t.id from todo t join app_user u on u.id = t.user_id where u.email like 'bench%'" > "$WORK/owned-by-email.txt"
awk 'NR == FNR { token[$3] = $1; next } { print token[$1], $2 }' "$WORK/soak-users.txt" "$WORK/owned-by-email.txt" > "$WORK/soak-owned.txt"
echo "seeded: $(wc -l < "$WORK/soak-users.txt") users, $(wc -l < "$WORK/soak-owned.txt") todos to edit, $(wc -l < "$WORK/soak-doomed.txt") to delete"

# 32 connections: one wrk per endpoint, all at once
declare -A CONNECTIONS=([list]=10 [create]=5 [update]=5 [toggle]=4 [delete]=4 [login]=2 [refresh]=2)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$WORK/rss.txt"
( t0=$(date +%s); while kill -0 "$SERVICE_PID" 2>/dev/null; do
    echo "$(( $(date +%s) - t0 )) $(rss_mb "$SERVICE_PID")" >> "$WORK/rss.txt"; sleep 5; done ) &
SAMPLER=$!
cpu0=$(cpu_seconds "$SERVICE_PID")
pids=()
for mode in "${!CONNECTIONS[@]}"; do
  MODE=$mode WORK=$WORK wrk -t1 -c"${CONNECTIONS[$mode]}" -d"$DURATION" --timeout 10s --latency \
    -s "$BENCH_DIR/soak.lua" "$API" > "$WORK/wrk-$mode.txt" 2>&1 &
  pids+=($!)
done
wait "${pids[@]}"
cpu1=$(cpu_seconds "$SERVICE_PID")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
rss_end=$(rss_mb "$SERVICE_PID")
kill "$SAMPLER" 2>/dev/null || true

echo "== soak $DURATION at 32 connections, JVM options: $*"
echo "machine: $(nproc) cores, load average before $load_before, after $load_after"
grep -h RESULT "$WORK"/wrk-*.txt | sort
total=$(grep -h RESULT "$WORK"/wrk-*.txt | sed 's/.*requests=\([0-9]*\).*/\1/' | paste -sd+ | bc)
server_errors=$(grep -h RESULT "$WORK"/wrk-*.txt | sed 's/.*5xx=\([0-9]*\).*/\1/' | paste -sd+ | bc)
socket_errors=$(grep -h RESULT "$WORK"/wrk-*.txt | sed 's/.*socket_errors=\([0-9]*\).*/\1/' | paste -sd+ | bc)
rss_1m=$(awk '$1 >= 60 { print $2; exit }' "$WORK/rss.txt")
rss_max=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$WORK/rss.txt")
echo "total: $total requests, $server_errors 5xx, $socket_errors socket errors; CPU $(awk -v a="$cpu0" -v b="$cpu1" -v n="$total" 'BEGIN {printf "%.2f ms", (b-a)*1000/n}') per request"
echo "RSS: ${rss_1m:-?} MB after the first minute, $rss_end MB at the end, $rss_max MB at most"
# pool exhaustion shows as connection-acquire timeouts and the 503s they turn into
pool_complaints=$(grep -ciE "acquire|Dependency unavailable|TimeoutException|exhaust" "$WORK/service.log" || true)
echo "service log: $pool_complaints pool/timeout lines, $(grep -c '"level":"ERROR"' "$WORK/service.log" || true) ERROR lines"

failed=0
[ "$server_errors" -eq 0 ] || { echo "FAIL: $server_errors responses were 5xx"; failed=1; }
[ "$socket_errors" -eq 0 ] || { echo "FAIL: $socket_errors socket errors (timeouts or resets)"; failed=1; }
[ "$pool_complaints" -eq 0 ] || { echo "FAIL: the service log complains about the pool or timeouts"; failed=1; }
if [ -n "$rss_1m" ] && [ "$rss_end" -gt $(( rss_1m * 120 / 100 )) ]; then
  echo "FAIL: RSS grew more than 20% after the first minute"; failed=1
fi
[ $failed -eq 0 ] && echo "PASS"
exit $failed
