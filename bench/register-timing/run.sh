#!/usr/bin/env bash
# Register timing: new vs pending vs existing (verified) addresses must be indistinguishable in status,
# body and timing. Runs the packaged jar on an embedded PostgreSQL with MAIL_TRANSPORT=log, so the
# verification links of the "existing" accounts are read from the service log and opened for real.
# Usage: bench/register-timing/run.sh [requests-per-kind, default 300]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-300}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -ntp package -DskipTests

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

http_port=$(free_port)
db_dir=$(mktemp -d)
log="$db_dir.log"
PORT=$http_port LOCAL_DB_PORT=$(free_port) LOCAL_DB_DIR=$db_dir LOG_JSON=false MAIL_TRANSPORT=log \
RATE_LIMIT_REGISTER_PER_IP=1000000/PT1M RATE_LIMIT_REGISTER_PER_ADDRESS=1000000/PT1M \
  java -Xmx256m -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$db_dir" "$log"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$http_port/q/health/ready" > /dev/null 2>&1 && break
  sleep 0.5
done
python3 bench/register-timing/bench.py "http://127.0.0.1:$http_port" "$N" "$log"
