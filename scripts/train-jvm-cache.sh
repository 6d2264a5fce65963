#!/usr/bin/env bash
# Training run for the JVM start-up cache: starts the packaged service with the JVM's cache-output
# option, drives the whole startup (settings check, Flyway, Hibernate, HTTP) and a realistic mix of
# API calls, then stops it with SIGTERM; the JVM writes the cache as it exits. A cache trained this
# way holds the classes of the runtime startup and of the request path too, not only those of the
# static init that `-Paot` / `-Pappcds` alone record, and halves the CPU a cold start needs (bench/README.md).
#
#   JDK 25+:  APP_DIR/app.aot      (AOT cache, JEP 483/514/515: classes loaded + linked, method profiles)
#             run with: java -XX:AOTCache=app.aot -jar quarkus-run.jar   (from APP_DIR)
#   JDK 17+:  APP_DIR/app-cds.jsa  (AppCDS dynamic archive)
#             run with: java -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar   (from APP_DIR)
#
# The cache only fits the exact JVM build that wrote it and the same application files: train with
# the JVM that will run the service (Dockerfile.jvm trains inside its runtime image), after every build.
# For the JDK 25 cache build with -Paot (aot-jar layout: the application's classes on the JVM's own
# class path, where the AOT cache can link them).
#
# Usage: scripts/train-jvm-cache.sh [APP_DIR, default target/quarkus-app]
# Needs: curl, psql, and DATABASE_URL of a PostgreSQL the training may write to (it registers a user
#        train-<random>@example.com and creates todos; a throwaway database is best).
# Env:   JAVA (default: java on PATH), PORT (default 18199), TRAIN_LISTS (list requests, default 400),
#        the service's other variables as in production (defaults below for the rest).
set -euo pipefail
APP_DIR="$(cd "${1:-$(dirname "$0")/../target/quarkus-app}" && pwd)"
JAVA="${JAVA:-java}"
: "${DATABASE_URL:?DATABASE_URL must point at a PostgreSQL the training may write to}"
export DATABASE_URL
export ENVIRONMENT="${ENVIRONMENT:-production}" PORT="${PORT:-18199}"
export JWT_SECRET_KEY="${JWT_SECRET_KEY:-training-secret-training-secret-0123456789}"
export FRONTEND_URL="${FRONTEND_URL:-https://training.example}"
export MAIL_TRANSPORT="${MAIL_TRANSPORT:-smtp}" SMTP_HOST="${SMTP_HOST:-127.0.0.1}" SMTP_PORT="${SMTP_PORT:-2525}"
export SMTP_FROM_EMAIL="${SMTP_FROM_EMAIL:-training@example.com}" LOG_LEVEL="${LOG_LEVEL:-WARN}"
TRAIN_LISTS="${TRAIN_LISTS:-400}"
API="http://127.0.0.1:$PORT"

feature=$("$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -c ' AOTCacheOutput ' || true)
if [ "$feature" -gt 0 ]; then
  cache=app.aot; record=(-XX:AOTCacheOutput=app.aot)
else
  cache=app-cds.jsa; record=(-XX:ArchiveClassesAtExit=app-cds.jsa)
fi
rm -f "$APP_DIR/$cache"
log="$APP_DIR/training.log"
echo "train-jvm-cache: $("$JAVA" -version 2>&1 | head -1) -> $APP_DIR/$cache"
(cd "$APP_DIR" && exec "$JAVA" "${record[@]}" -jar quarkus-run.jar) > "$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT

until curl -sf -o /dev/null "$API/q/health/ready"; do
  kill -0 "$pid" 2>/dev/null || { echo "train-jvm-cache: the service did not start:"; tail -20 "$log"; exit 1; }
  sleep 0.2
done

call() { # call METHOD PATH [JSON body] [extra curl args...]: prints the body, fails on a 5xx
  local method=$1 path=$2 body=${3:-}; shift 3 || shift $#
  local args=(-s -X "$method" -w '\n%{http_code}' "$@")
  [ -n "$body" ] && args+=(-H 'content-type: application/json' -d "$body")
  local out; out=$(curl "${args[@]}" "$API$path")
  local code=${out##*$'\n'}
  [ "$code" -lt 500 ] || { echo "train-jvm-cache: $method $path answered $code" >&2; exit 1; }
  printf '%s' "${out%$'\n'*}"
}
json() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

for path in /q/health /q/health/live /q/health/started /q/openapi; do call GET "$path" > /dev/null; done
email="train-$(date +%s%N)@example.com"; password="training password $RANDOM long"
call POST /api/auth/register "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"Training\"}" > /dev/null
call POST /api/auth/register "{\"email\":\"not-an-address\",\"password\":\"password\"}" > /dev/null # 422 path
call POST /api/auth/login "{\"email\":\"$email\",\"password\":\"wrong password here\"}" > /dev/null # 401 path
call POST /api/auth/email/verify '{"token":"not-a-real-token"}' > /dev/null # 400 path
# register answers before it stores the account; training does not read mail, so it marks the
# address verified itself (psql comes with the PostgreSQL the training writes to)
for _ in $(seq 1 200); do
  [ "$(psql "$DATABASE_URL" -Atq -c "update app_user set email_verified_at = now() where email_normalized = '$email' returning 1")" = 1 ] && break
  sleep 0.1
done
tokens=$(call POST /api/auth/login "{\"email\":\"$email\",\"password\":\"$password\"}")
access=$(json accessToken <<< "$tokens"); refresh=$(json refreshToken <<< "$tokens")
auth=(-H "Authorization: Bearer $access")
call GET /api/auth/me "" "${auth[@]}" > /dev/null
call GET /api/todos "" > /dev/null # 401 path

ids=()
for i in $(seq 1 60); do
  created=$(call POST /api/todos "{\"title\":\"Training todo $i\",\"description\":\"text $i\",\"priority\":\"$([ $((i % 2)) = 0 ] && echo high || echo low)\",\"category\":\"cat$((i % 4))\",\"tags\":[\"t$((i % 3))\"]}" "${auth[@]}")
  ids+=("$(json id <<< "$created")")
done
call POST /api/todos '{"title":""}' "${auth[@]}" > /dev/null # 422 path
for id in "${ids[@]:0:10}"; do
  etag=$(curl -s -D - -o /dev/null "${auth[@]}" "$API/api/todos/$id" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
  call PATCH "/api/todos/$id" '{"title":"Renamed","completed":true}' "${auth[@]}" -H "If-Match: $etag" > /dev/null
  call POST "/api/todos/$id/toggle" "" "${auth[@]}" > /dev/null
done
call POST "/api/todos/${ids[20]}/move" "{\"beforeId\":\"${ids[30]}\"}" "${auth[@]}" > /dev/null
call POST /api/todos/bulk "{\"action\":\"complete\",\"ids\":[\"${ids[40]}\",\"${ids[41]}\"]}" "${auth[@]}" > /dev/null
call GET /api/todos/categories "" "${auth[@]}" > /dev/null
call DELETE "/api/todos/${ids[50]}" "" "${auth[@]}" > /dev/null
call GET /api/todos/00000000-0000-0000-0000-000000000000 "" "${auth[@]}" > /dev/null # 404 path
queries=("size=50" "size=50&status=active" "size=20&sort=priority&order=desc" "size=50&category=cat1" "size=10&q=todo&page=2")
for i in $(seq 1 "$TRAIN_LISTS"); do
  call GET "/api/todos?${queries[$((i % ${#queries[@]}))]}" "" "${auth[@]}" > /dev/null
done
call DELETE "/api/todos?status=completed" "" "${auth[@]}" > /dev/null
tokens=$(call POST /api/auth/refresh "{\"refreshToken\":\"$refresh\"}")
call POST /api/auth/logout "{\"refreshToken\":\"$(json refreshToken <<< "$tokens")\"}" > /dev/null

kill -TERM "$pid"
wait "$pid" || true # 143: ended by SIGTERM, as intended
trap - EXIT
[ -s "$APP_DIR/$cache" ] || { echo "train-jvm-cache: no $cache written:"; tail -20 "$log"; exit 1; }
echo "train-jvm-cache: wrote $APP_DIR/$cache ($(du -m "$APP_DIR/$cache" | cut -f1) MB)"
