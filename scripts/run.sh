#!/usr/bin/env bash
# The whole app with zero setup: the API in dev mode (embedded PostgreSQL, mail printed to the log
# with its link, live reload) on :8080 and the web UI on :3000. Ctrl-C stops both.
#   scripts/run.sh --api-only    just the API
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--api-only" ]; then
  exec ./mvnw -B -ntp quarkus:dev -Dquarkus.console.enabled=false
fi

./mvnw -B -ntp quarkus:dev -Dquarkus.console.enabled=false &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null' EXIT INT TERM
until curl -sf http://localhost:8080/q/health/ready >/dev/null 2>&1; do
  kill -0 $api 2>/dev/null || { echo "the API did not start"; exit 1; }
  sleep 1
done
echo "API ready on http://localhost:8080 (OpenAPI: /q/openapi, Swagger UI: /q/swagger-ui)"
API_URL=http://localhost:8080 ./web/scripts/dev.sh
