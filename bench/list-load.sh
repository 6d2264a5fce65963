#!/usr/bin/env bash
# GET /api/todos (50 items) under wrk -t2 -c32: requests/s, p50/p99, errors, CPU per request,
# RSS; plus cold start to the first 200 on /q/health/ready. 100 users x 200 todos.
# Usage: bench/list-load.sh [duration, default 30s] [extra JVM options...]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DURATION="${1:-30s}"; shift || true
need
trap 'stop_service; stop_postgres' EXIT
start_postgres
start_service "$@"
echo "cold start to ready: ${STARTUP_MS} ms"
seed 100 200
echo "RSS after start+seed: $(rss_mb "$SERVICE_PID") MB"
# warm-up so the JIT has seen the path, then the measured run
export TOKENS="$WORK/tokens.txt"
wrk -t2 -c32 -d10s -s "$BENCH_DIR/list.lua" "$API" > /dev/null
cpu0=$(cpu_seconds "$SERVICE_PID")
wrk -t2 -c32 -d"$DURATION" --latency -s "$BENCH_DIR/list.lua" "$API" | tee "$WORK/wrk.txt" | grep -E "RESULT|Requests/sec"
cpu1=$(cpu_seconds "$SERVICE_PID")
requests=$(sed -n 's/.*RESULT requests=\([0-9]*\).*/\1/p' "$WORK/wrk.txt")
echo "CPU per request: $(awk -v a="$cpu0" -v b="$cpu1" -v n="$requests" 'BEGIN {printf "%.3f ms", (b-a)*1000/n}')"
echo "RSS after load: $(rss_mb "$SERVICE_PID") MB"
