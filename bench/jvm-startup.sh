#!/usr/bin/env bash
# JVM cold start and memory: plain JVM, AppCDS (JDK 17) and the JDK 25 AOT cache, RUNS cold starts
# each (process start -> first 200 on /q/health/ready and on an authenticated GET /api/todos),
# median and max, RSS after start; then the 32-connection list load (wrk -t2 -c32, as
# list-load.sh) with the chosen memory settings vs. the unbounded default heap: req/s, p99, errors,
# CPU per request, RSS after load. Prints a markdown table (also written to $WORK/jvm-startup.md).
#
# Usage: bench/jvm-startup.sh [runs, default 10] [load duration, default 30s]
# Env:   SKIP_BUILD=1 reuses the variants built last time ($WORK/variants)
#        SKIP_LOAD=1 / SKIP_START=1 leave out a part
#        JAVA17_HOME, JAVA25_HOME (default: the java on PATH's JDK / Temurin 25)
#        MEM_OPTS the chosen memory settings (default: those of scripts/run-jar.sh), CONTAINER_MB the
#        container limit they are measured under (emulated with -XX:MaxRAM; default 512)
set -euo pipefail
# its own database, port and folder, so it can run beside list-load.sh of another worktree
export BENCH_WORK="${BENCH_WORK:-/tmp/todo-bench-jvm}" PG_PORT="${PG_PORT:-55442}" API_PORT="${API_PORT:-18100}"
source "$(dirname "$0")/lib.sh"
RUNS="${1:-10}"
DURATION="${2:-30s}"
JAVA17_HOME="${JAVA17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JAVA25_HOME="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
VARIANTS="$WORK/variants"
CONTAINER_MB="${CONTAINER_MB:-512}"
# shellcheck source=../scripts/jvm-options.sh
source "$ROOT/scripts/jvm-options.sh"
MEM_OPTS="${MEM_OPTS:-$TODO_JVM_MEMORY_OPTIONS}"
read -r -a MEM <<< "-XX:MaxRAM=${CONTAINER_MB}m $MEM_OPTS"
need
service_env
mkdir -p "$WORK"

# build_variant NAME JAVA_HOME [maven options...]: the production jar (-P!local-db) into $VARIANTS/NAME
build_variant() {
  local name=$1 home=$2; shift 2
  echo "== building $name ($("$home/bin/java" -version 2>&1 | head -1))"
  rm -rf "$ROOT/target/quarkus-app"
  (cd "$ROOT" && JAVA_HOME="$home" ./mvnw -B -q -ntp package -DskipTests -P '!local-db' "$@")
  rm -rf "${VARIANTS:?}/$name" && mkdir -p "$VARIANTS" && cp -a "$ROOT/target/quarkus-app" "$VARIANTS/$name"
}
trap 'stop_service; stop_postgres' EXIT
start_postgres
if [ -z "${SKIP_BUILD:-}" ] || [ ! -d "$VARIANTS/aot-trained" ]; then
  build_variant plain "$JAVA17_HOME"
  build_variant appcds "$JAVA17_HOME" -Pappcds
  build_variant aot "$JAVA25_HOME" -Paot
  # leave target/ as a plain build
  (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests)
  # the same builds, with caches trained on a real startup and requests instead of the static init
  for v in appcds aot; do
    home=$JAVA17_HOME; [ $v = aot ] && home=$JAVA25_HOME
    rm -rf "${VARIANTS:?}/$v-trained" && cp -a "$VARIANTS/$v" "$VARIANTS/$v-trained"
    DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/todo?sslmode=disable" JAVA="$home/bin/java" \
      "$ROOT/scripts/train-jvm-cache.sh" "$VARIANTS/$v-trained"
  done
fi
export TOKENS="$WORK/tokens.txt"
# access tokens live 15 minutes: log the 100 users in again when the tokens are older than 5
refresh_tokens() {
  [ -f "$TOKENS" ] && [ $(( $(date +%s) - $(stat -c %Y "$TOKENS") )) -lt 300 ] && return
  : > "$TOKENS.new"
  for i in $(seq 1 100); do
    curl -s -H 'content-type: application/json' -d "{\"email\":\"bench$i@example.com\",\"password\":\"bench password $i long\"}" \
      "$API/api/auth/login" | jq -r .accessToken >> "$TOKENS.new"
  done
  mv "$TOKENS.new" "$TOKENS"
}

APP_DIR="$VARIANTS/plain" JAVA_BIN="$JAVA17_HOME/bin/java" start_service
if [ ! -s "$TOKENS" ] || [ -z "$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -tAc \
    "select 1 from todo limit 1" 2>/dev/null)" ]; then
  seed 100 200
else
  refresh_tokens
fi
stop_service
head -1 "$WORK/tokens.txt" > "$WORK/token.txt"
touch -d '-11 minutes' "$WORK/token.txt" # first run logs in afresh

machine() {
  echo "$(nproc) CPUs ($(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)), $(free -g | awk '/Mem:/ {print $2}') GB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
OUT="$WORK/jvm-startup.md"
{
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(machine); memory settings \`-XX:MaxRAM=${CONTAINER_MB}m $MEM_OPTS\`"
  echo
} | tee "$OUT"

declare -A OPTS=(
  [plain]="$JAVA17_HOME/bin/java"
  [appcds]="$JAVA17_HOME/bin/java -XX:SharedArchiveFile=app-cds.jsa"
  [appcds-trained]="$JAVA17_HOME/bin/java -XX:SharedArchiveFile=app-cds.jsa"
  [aot]="$JAVA25_HOME/bin/java -XX:AOTCache=app.aot"
  [aot-trained]="$JAVA25_HOME/bin/java -XX:AOTCache=app.aot"
)
ORDER=(plain appcds appcds-trained aot aot-trained)
if [ -z "${SKIP_START:-}" ]; then
  for v in "${ORDER[@]}"; do : > "$WORK/start-$v.txt"; done
  # round robin, so that load from other users of the machine hits every variant alike
  for i in $(seq 1 "$RUNS"); do
    for v in "${ORDER[@]}"; do
      read -r -a cmd <<< "${OPTS[$v]}"
      env "${SERVICE_ENV[@]}" SERVICE_LOG="$WORK/service.log" \
        python3 "$BENCH_DIR/coldstart.py" "$VARIANTS/$v" "$WORK/token.txt" "${cmd[@]}" "${MEM[@]}" \
        | tee -a "$WORK/start-$v.txt" | sed "s/^/$v run $i: /"
    done
  done
  {
    echo "| variant (JVM) | cold start to ready, median / max | to first authenticated GET /api/todos, median / max | CPU used to ready / to first GET, median | RSS after start, median |"
    echo "|---|---|---|---|---|"
    for v in "${ORDER[@]}"; do
      python3 - "$v" "${OPTS[$v]}" "$WORK/start-$v.txt" <<'PY'
import re, statistics, sys
name, opts, path = sys.argv[1:]
rows = [dict(re.findall(r"(\w+)=(\d+)", l)) for l in open(path) if "ready_ms" in l]
col = lambda k: [int(r[k]) for r in rows]
jdk = "JDK 25" if "25" in opts.split()[0] else "JDK 17"
flag = next((o for o in opts.split()[1:]), "")
print(f"| {name} ({jdk}{', `' + flag + '`' if flag else ''}) | {statistics.median(col('ready_ms')):.0f} / {max(col('ready_ms'))} ms "
      f"| {statistics.median(col('todos_ms')):.0f} / {max(col('todos_ms'))} ms "
      f"| {statistics.median(col('ready_cpu_ms')) / 1000:.2f} / {statistics.median(col('todos_cpu_ms')) / 1000:.2f} s "
      f"| {statistics.median(col('rss_mb')):.0f} MB |")
PY
    done
    echo
    echo "$RUNS runs each, round robin; CPU = user+system time of the JVM (all threads); RSS after start = right after the first 200 on GET /api/todos."
    echo
  } | tee -a "$OUT"
fi
service_env

# load_run LABEL VARIANT [java options...]: list-load.sh's measurement for one configuration
load_run() {
  local label=$1 v=$2; shift 2
  read -r -a cmd <<< "${OPTS[$v]}"
  APP_DIR="$VARIANTS/$v" JAVA_BIN="${cmd[0]}" start_service "${cmd[@]:1}" "$@"
  refresh_tokens
  local rss_start; rss_start=$(rss_mb "$SERVICE_PID")
  wrk -t2 -c32 -d10s -s "$BENCH_DIR/list.lua" "$API" > /dev/null
  local cpu0; cpu0=$(cpu_seconds "$SERVICE_PID")
  wrk -t2 -c32 -d"$DURATION" --latency -s "$BENCH_DIR/list.lua" "$API" > "$WORK/wrk.txt"
  local cpu1; cpu1=$(cpu_seconds "$SERVICE_PID")
  local rss_load; rss_load=$(rss_mb "$SERVICE_PID")
  stop_service
  local r; r=$(grep RESULT "$WORK/wrk.txt")
  local n rps p99 non2xx sock
  n=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<< "$r"); rps=$(sed -n 's/.*rps=\([0-9]*\).*/\1/p' <<< "$r")
  p99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<< "$r"); non2xx=$(sed -n 's/.*non2xx=\([0-9]*\).*/\1/p' <<< "$r")
  sock=$(sed -n 's/.*socket_errors=\([0-9]*\).*/\1/p' <<< "$r")
  local errors=$((non2xx + sock)) first
  first=$(sed -n 's/^FIRST_ERROR \([0-9]*\).*/\1/p' "$WORK/wrk.txt" | head -1)
  [ -z "$first" ] || errors="$errors (first: $first)"
  echo "| $label | $rps | $p99 ms | $errors | $(awk -v a="$cpu0" -v b="$cpu1" -v n="$n" 'BEGIN {printf "%.2f", (b-a)*1000/n}') ms | $rss_start MB | $rss_load MB | $(cut -d' ' -f1 /proc/loadavg) |"
}
if [ -z "${SKIP_LOAD:-}" ]; then
  {
    echo "| configuration (list load, wrk -t2 -c32 -d$DURATION after 10 s warm-up) | req/s | p99 | errors | CPU/request | RSS after start | RSS after load | load avg |"
    echo "|---|---|---|---|---|---|---|---|"
  } | tee -a "$OUT"
  for round in 1 2; do
    load_run "plain JDK 17, default heap and GC (G1), run $round" plain | tee -a "$OUT"
    load_run "trained AOT cache (JDK 25), default heap and GC (G1), run $round" aot-trained | tee -a "$OUT"
    load_run "**chosen**: trained AOT cache (JDK 25) + \`$MEM_OPTS\` in ${CONTAINER_MB} MB, run $round" aot-trained "${MEM[@]}" | tee -a "$OUT"
    load_run "trained AppCDS (JDK 17) + \`$MEM_OPTS\` in ${CONTAINER_MB} MB, run $round" appcds-trained "${MEM[@]}" | tee -a "$OUT"
  done
  echo | tee -a "$OUT"
fi
echo "(written to $OUT)"
