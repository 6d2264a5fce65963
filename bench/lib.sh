# Shared helpers for the benchmarks: a real PostgreSQL (Debian's) in a temp dir, the packaged
# service, seeding through the API, and process figures from /proc. Sourced, not run.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
WORK="${BENCH_WORK:-/tmp/todo-bench}"
PG_PORT="${PG_PORT:-55432}"
API_PORT="${API_PORT:-18090}"
API="http://127.0.0.1:$API_PORT"
JWT_SECRET="bench-secret-bench-secret-bench-secret-0123"

need() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1; }

start_postgres() {
  mkdir -p "$WORK"
  local data="$WORK/pgdata"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data" && chown postgres "$WORK" "$data"
    runuser -u postgres -- "$(pg_bin)/initdb" -D "$data" -U postgres --auth=trust >/dev/null
  fi
  runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$data" -o "-p $PG_PORT -k /tmp -c max_connections=200" -l "$WORK/pg.log" -w start >/dev/null
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tc "select 1 from pg_database where datname='todo'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database todo"
}

stop_postgres() {
  runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$WORK/pgdata" -m fast stop >/dev/null 2>&1 || true
}

# The service's environment for every benchmark run (production mode, the bench database). SMTP_PORT,
# LOG_LEVEL and the RATE_LIMIT_* variables may be set by the caller (defaults: port 2525, WARN, limits
# high enough not to get in a benchmark's way).
service_env() {
  SERVICE_ENV=(ENVIRONMENT=production DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/todo?sslmode=disable"
    JWT_SECRET_KEY="$JWT_SECRET" FRONTEND_URL="https://bench.example" PORT="$API_PORT"
    MAIL_TRANSPORT=smtp SMTP_HOST=127.0.0.1 SMTP_PORT="${SMTP_PORT:-2525}" SMTP_FROM_EMAIL=bench@example.com
    LOG_LEVEL="${LOG_LEVEL:-WARN}" RATE_LIMIT_LOGIN_PER_IP="${RATE_LIMIT_LOGIN_PER_IP:-100000/PT1M}"
    RATE_LIMIT_REGISTER_PER_IP="${RATE_LIMIT_REGISTER_PER_IP:-100000/PT1M}"
    RATE_LIMIT_REGISTER_PER_ADDRESS="${RATE_LIMIT_REGISTER_PER_ADDRESS:-100000/PT1M}"
    RATE_LIMIT_LOGIN_PER_ACCOUNT="${RATE_LIMIT_LOGIN_PER_ACCOUNT:-100000/PT1M}")
}

# start_service [extra java options...]: starts the packaged jar on API_PORT, sets SERVICE_PID and
# STARTUP_MS; appends its output to $WORK/$SERVICE_LOG_NAME (default service.log).
# APP_DIR picks another quarkus-app directory (default target/quarkus-app); the jar runs from inside
# it so relative -XX:SharedArchiveFile / -XX:AOTCache paths resolve. JAVA_BIN picks the JVM.
start_service() {
  local dir="${APP_DIR:-$ROOT/target/quarkus-app}" log="$WORK/${SERVICE_LOG_NAME:-service.log}"
  [ -f "$dir/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests)
  service_env
  local t0; t0=$(date +%s%N)
  (cd "$dir" && exec env "${SERVICE_ENV[@]}" ${JAVA_BIN:-java} "$@" -jar quarkus-run.jar) >> "$log" 2>&1 &
  SERVICE_PID=$!
  until curl -sf "http://127.0.0.1:$API_PORT/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service died:"; tail -20 "$log"; return 1; }
    sleep 0.01
  done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

stop_service() {
  [ -n "${SERVICE_PID:-}" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# CPU seconds (user+system) the process has used so far
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14+$15)/hz}' "/proc/$1/stat"; }

# register_verified EMAIL PASSWORD: signs up through the API, then marks the address verified with one
# SQL statement instead of opening the emailed link (benchmarks measure other things than mail).
# Register answers before the account is stored, so this waits for the row.
register_verified() {
  curl -s -o /dev/null -H 'content-type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$API/api/auth/register"
  for _ in $(seq 1 1000); do
    [ "$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -Atq -c \
      "update app_user set email_verified_at = now() where email_normalized = lower('$1') returning 1")" = 1 ] && return 0
    sleep 0.02
  done
  echo "register_verified: no account was stored for $1" >&2
  return 1
}

# seed USERS users with TODOS todos each; writes one access token per line to $WORK/tokens.txt
seed() {
  local users=$1 todos=$2
  : > "$WORK/tokens.txt"
  for i in $(seq 1 "$users"); do
    local email="bench$i@example.com"
    register_verified "$email" "bench password $i long"
    curl -s -H 'content-type: application/json' -d "{\"email\":\"$email\",\"password\":\"bench password $i long\"}" \
      "$API/api/auth/login" | jq -r .accessToken >> "$WORK/tokens.txt"
  done
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -q <<SQL
insert into todo (id, user_id, title, description, completed, priority, category, tags, position, created_at, updated_at, version)
select gen_random_uuid(), u.id, 'Todo ' || n || ' of ' || u.email, 'Some description ' || n, n % 3 = 0, n % 4,
       'cat' || (n % 5), array['t' || (n % 7), 'bench'], n * 1024, now() - (n || ' minutes')::interval, now(), 0
from app_user u cross join generate_series(1, $todos) n
where u.email like 'bench%' and not exists (select 1 from todo t where t.user_id = u.id);
analyze todo;
SQL
}
