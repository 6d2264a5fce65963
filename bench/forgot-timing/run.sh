#!/usr/bin/env bash
# Forgot-password timing, known vs unknown addresses, with the mail server slow (accepts, never
# answers) and down (connection refused). Runs the packaged jar on an embedded PostgreSQL.
# Usage: bench/forgot-timing/run.sh [requests-per-kind, default 300]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-300}
HERE=bench/forgot-timing
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

run_case() {
  local name=$1 smtp_port=$2
  local http_port db_dir pid
  http_port=$(free_port)
  db_dir=$(mktemp -d)
  echo "== mail server $name (SMTP port $smtp_port), $N requests per kind"
  PORT=$http_port LOCAL_DB_PORT=$(free_port) LOCAL_DB_DIR=$db_dir LOG_JSON=false LOG_LEVEL=WARN \
  MAIL_TRANSPORT=smtp SMTP_HOST=127.0.0.1 SMTP_PORT=$smtp_port SMTP_USE_TLS=false \
  RATE_LIMIT_FORGOT_PER_IP=1000000/PT1M RATE_LIMIT_FORGOT_PER_ADDRESS=1000000/PT1M RATE_LIMIT_REGISTER_PER_IP=1000/PT1M RATE_LIMIT_REGISTER_PER_ADDRESS=1000/PT1M \
    java -Xmx256m -jar target/quarkus-app/quarkus-run.jar > "$db_dir.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$http_port/q/health/ready" > /dev/null 2>&1 && break
    sleep 0.5
  done
  python3 $HERE/bench.py measure "http://127.0.0.1:$http_port" "$N"
  curl -s "http://127.0.0.1:$http_port/q/health" | python3 -c \
    'import json,sys; c=[c for c in json.load(sys.stdin)["checks"] if c["name"]=="mail-outbox"][0]; print("outbox:", c["data"])'
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$db_dir" "$db_dir.log"
}

BLACKHOLE=$(free_port)
python3 $HERE/bench.py blackhole "$BLACKHOLE" & HOLE=$!
trap 'kill $HOLE 2>/dev/null || true' EXIT
run_case slow "$BLACKHOLE"
run_case down "$(free_port)"
