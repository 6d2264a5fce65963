#!/usr/bin/env bash
# The native binary (scripts/native/gate.sh + link.sh) next to the JVM: RUNS cold starts each
# (process start -> first 200 on /q/health/ready; median and max), RSS after start, after seeding
# and after the list load (wrk -t2 -c32 GET /api/todos, as list-load.sh): req/s, p99, CPU per request.
# Usage: bench/native.sh [runs, default 5] [load duration, default 30s]
# Env:   NATIVE_BIN (default target/todo-service-1.0.0-SNAPSHOT-runner), NATIVE_OPTS (runtime options
#        for the binary, e.g. -Xmx64m), SKIP_JVM=1 leaves the jar out
set -euo pipefail
export BENCH_WORK="${BENCH_WORK:-/tmp/todo-bench-native}" PG_PORT="${PG_PORT:-55452}" API_PORT="${API_PORT:-18110}"
source "$(dirname "$0")/lib.sh"
export TOKENS="$WORK/tokens.txt"  # read by list.lua
RUNS="${1:-5}"
DURATION="${2:-30s}"
NATIVE_BIN="${NATIVE_BIN:-$ROOT/target/todo-service-1.0.0-SNAPSHOT-runner}"
[ -x "$NATIVE_BIN" ] || { echo "no $NATIVE_BIN: run scripts/native/gate.sh and scripts/native/link.sh" >&2; exit 1; }
need
service_env
mkdir -p "$WORK"

# start_native: like lib.sh's start_service, for the binary
start_native() {
  local t0; t0=$(date +%s%N)
  # shellcheck disable=SC2086 # NATIVE_OPTS is a list of options
  env -i "${SERVICE_ENV[@]}" "$NATIVE_BIN" ${NATIVE_OPTS:-} >> "$WORK/native.log" 2>&1 &
  SERVICE_PID=$!
  until curl -sf "http://127.0.0.1:$API_PORT/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "native binary died:"; tail -20 "$WORK/native.log"; return 1; }
    sleep 0.005
  done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

# measure NAME START_FUNCTION: a markdown table row
measure() {
  local name=$1 start=$2 starts=() rss_start
  for _ in $(seq 1 "$RUNS"); do
    $start
    starts+=("$STARTUP_MS")
    rss_start=$(rss_mb "$SERVICE_PID")
    stop_service
  done
  $start
  [ -s "$WORK/tokens.txt" ] || seed 100 200
  # the JVM needs its warm-up; the binary gets the same run so both are measured alike
  wrk -t2 -c32 -d10s -s "$BENCH_DIR/list.lua" "$API" > /dev/null
  local cpu0 cpu1 requests
  cpu0=$(cpu_seconds "$SERVICE_PID")
  wrk -t2 -c32 -d"$DURATION" --latency -s "$BENCH_DIR/list.lua" "$API" > "$WORK/wrk.txt"
  cpu1=$(cpu_seconds "$SERVICE_PID")
  requests=$(sed -n 's/.*RESULT requests=\([0-9]*\).*/\1/p' "$WORK/wrk.txt")
  local sorted median max rps p99 errors cpu rss_load
  sorted=$(printf '%s\n' "${starts[@]}" | sort -n)
  median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  max=$(echo "$sorted" | tail -1)
  rps=$(sed -n 's/.*RESULT .*rps=\([0-9]*\).*/\1/p' "$WORK/wrk.txt")
  p99=$(sed -n 's/.*RESULT .*p99_ms=\([0-9.]*\).*/\1 ms/p' "$WORK/wrk.txt")
  errors=$(sed -n 's/.*RESULT .*non2xx=\([0-9]*\).*/\1/p' "$WORK/wrk.txt")
  cpu=$(awk -v a="$cpu0" -v b="$cpu1" -v n="$requests" 'BEGIN {printf "%.3f", (b-a)*1000/n}')
  rss_load=$(rss_mb "$SERVICE_PID")
  stop_service
  echo "| $name | $median | $max | $rss_start | $rss_load | $rps | $p99 | ${errors:-?} | $cpu |" | tee -a "$WORK/native.md"
}

trap 'stop_service; stop_postgres' EXIT
start_postgres
: > "$WORK/tokens.txt"
{ echo "| variant | ready median (ms) | ready max (ms) | RSS after start (MB) | RSS after load (MB) | req/s | p99 | non-2xx | CPU ms/request |"
  echo "|---|---|---|---|---|---|---|---|---|"; } | tee "$WORK/native.md"
measure "native${NATIVE_OPTS:+ $NATIVE_OPTS}" start_native
[ -n "${SKIP_JVM:-}" ] || measure jvm start_service
echo "(table also in $WORK/native.md)"
