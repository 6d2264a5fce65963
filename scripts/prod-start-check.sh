#!/usr/bin/env bash
# Starts the packaged service the way production does -- as a non-root user (UID 1000, as on a
# Hugging Face Space), with only the production environment variables, against a real PostgreSQL
# started here -- and checks that:
#   1. it reports /q/health/ready UP (probed with the images' own health-probe.sh),
#   2. it stops cleanly on SIGTERM,
#   3. with one required variable missing it exits non-zero with a message naming that variable
#      and printing no secret.
# Needs target/quarkus-app (./mvnw package) and PostgreSQL server binaries (Debian's postgresql).
# Runs as root (CI, developer machines here) or as any user that can start PostgreSQL itself.
# The service runs from a copy of the app in a world-readable temp directory: UID 1000 may not be
# able to enter the checkout (GitHub's Ubuntu runners keep it under /home/runner, mode 750).
set -euo pipefail
cd "$(dirname "$0")/.."

APP_UID=1000
BUILT_APP="$PWD/target/quarkus-app"
[ -f "$BUILT_APP/quarkus-run.jar" ] || { echo "prod-start-check: $BUILT_APP/quarkus-run.jar missing; run ./mvnw package first" >&2; exit 1; }

PG_BIN="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
[ -x "$PG_BIN/initdb" ] || { echo "prod-start-check: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

WORK="$(mktemp -d /tmp/prod-start-check.XXXXXX)"
chmod 0755 "$WORK"
cp -r "$BUILT_APP" "$WORK/app"
cp src/main/docker/health-probe.sh "$WORK/health-probe.sh"
chmod -R a+rX "$WORK/app" "$WORK/health-probe.sh"
JAR="$WORK/app/quarkus-run.jar"
PROBE="$WORK/health-probe.sh"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill -KILL "$APP_PID" 2>/dev/null || true; fi
  if [ -f "$WORK/pg/postmaster.pid" ]; then as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# PostgreSQL refuses to run as root: use the postgres account when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# The service runs as UID 1000 when we can switch users; otherwise as the current (non-root) user.
AS_APP=()
if [ "$(id -u)" = 0 ]; then AS_APP=(setpriv --reuid="$APP_UID" --regid="$APP_UID" --clear-groups --); fi
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

echo "== prod-start-check: PostgreSQL from $PG_BIN"
PG_PORT="$(free_port)"
DB_PASSWORD="pw-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; fi
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null
as_pg "$PG_BIN/psql" -h "$WORK" -p "$PG_PORT" -U postgres -q -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE todo LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE todo OWNER todo" >/dev/null

APP_PORT="$(free_port)"
JWT_SECRET="prod-check-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
MAIL_KEY="re_$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
mkdir -p "$WORK/home"
chown "$APP_UID:$APP_UID" "$WORK/home" 2>/dev/null || true

# Only what a production deployment sets (deploy/README.md), plus PATH and HOME for the process.
PROD_ENV=(
  "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  "HOME=$WORK/home"
  "ENVIRONMENT=production"
  "PORT=$APP_PORT"
  "MANAGEMENT_PORT=0"
  "DATABASE_URL=postgresql://todo:$DB_PASSWORD@127.0.0.1:$PG_PORT/todo?sslmode=disable"
  "JWT_SECRET_KEY=$JWT_SECRET"
  "FRONTEND_URL=https://todo.example.com"
  "MAIL_TRANSPORT=resend"
  "MAIL_API_KEY=$MAIL_KEY"
  "SMTP_FROM_EMAIL=no-reply@todo.example.com"
  "SMTP_FROM_NAME=Todo"
  "LOG_LEVEL=INFO"
)

start_app() { # start_app LOGFILE VAR=VALUE...
  local log="$1"; shift
  # not through a function: $! must be the service's own PID (setpriv and env exec into java)
  "${AS_APP[@]}" env -i "$@" java -XX:+ExitOnOutOfMemoryError -jar "$JAR" >"$log" 2>&1 &
  APP_PID=$!
}

echo "== prod-start-check: service as UID $APP_UID with production variables only (port $APP_PORT)"
start_app "$WORK/app.log" "${PROD_ENV[@]}"
ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
  if PORT="$APP_PORT" "$PROBE" /q/health/ready; then ready=yes; break; fi
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "FAIL: /q/health/ready did not answer UP; service log:" >&2
  tail -n 60 "$WORK/app.log" >&2
  exit 1
fi
uid="$(ps -o uid= -p "$APP_PID" | tr -d ' ')"
if [ "$(id -u)" = 0 ] && [ "$uid" != "$APP_UID" ]; then
  echo "FAIL: the service runs as UID $uid, expected $APP_UID" >&2; exit 1
fi
if command -v curl >/dev/null; then
  body="$(curl -fsS "http://127.0.0.1:$APP_PORT/q/health/ready")"
  case "$body" in *'"status": "UP"'* | *'"status":"UP"'*) ;; *) echo "FAIL: readiness body: $body" >&2; exit 1 ;; esac
fi
migrations="$(as_pg "$PG_BIN/psql" -h "$WORK" -p "$PG_PORT" -U postgres -d todo -tA \
  -c "SELECT count(*) FROM flyway_schema_history WHERE success")"
[ "$migrations" -gt 0 ] || { echo "FAIL: Flyway applied no migration at startup" >&2; exit 1; }
echo "ok: /q/health/ready is UP (UID $uid; Flyway applied $migrations migration(s) at startup)"

echo "== prod-start-check: SIGTERM stops it cleanly"
kill -TERM "$APP_PID"
stopped=""
for _ in $(seq 1 60); do
  if ! kill -0 "$APP_PID" 2>/dev/null; then stopped=yes; break; fi
  sleep 0.5
done
[ -n "$stopped" ] || { echo "FAIL: still running 30 s after SIGTERM" >&2; exit 1; }
set +e; wait "$APP_PID"; rc=$?; set -e
APP_PID=""
# 143 = terminated by SIGTERM after the shutdown hooks ran; 0 = exited by itself.
case "$rc" in 0 | 143) echo "ok: stopped on SIGTERM (exit $rc)" ;; *) echo "FAIL: exit $rc after SIGTERM" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1 ;; esac

echo "== prod-start-check: each required variable missing in turn"
for missing in DATABASE_URL JWT_SECRET_KEY FRONTEND_URL MAIL_API_KEY SMTP_FROM_EMAIL; do
  env_without=()
  for kv in "${PROD_ENV[@]}"; do [ "${kv%%=*}" = "$missing" ] || env_without+=("$kv"); done
  start_app "$WORK/missing.log" "${env_without[@]}"
  set +e
  for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$APP_PID" 2>/dev/null; then
    set -e; echo "FAIL: still running without $missing" >&2; exit 1
  fi
  wait "$APP_PID"; rc=$?
  set -e
  APP_PID=""
  if [ "$rc" = 0 ]; then echo "FAIL: exit 0 without $missing" >&2; exit 1; fi
  if ! grep -q "$missing is required" "$WORK/missing.log"; then
    echo "FAIL: no message naming $missing; log:" >&2; tail -n 40 "$WORK/missing.log" >&2; exit 1
  fi
  for secret in "$DB_PASSWORD" "$JWT_SECRET" "$MAIL_KEY"; do
    if grep -qF "$secret" "$WORK/missing.log"; then echo "FAIL: a secret value was printed" >&2; exit 1; fi
  done
  echo "ok: without $missing -> exit $rc, \"$(grep -o "$missing is required[^(\"]*" "$WORK/missing.log" | head -n 1 | sed 's/ *$//')\""
done
echo "prod-start-check: all checks passed"
