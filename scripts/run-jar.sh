#!/usr/bin/env bash
# Runs the packaged service (target/quarkus-app, or APP_DIR) the way the JVM image does:
#  - with its start-up cache when the build made one: app.aot (JDK 25 AOT cache, -Paot and
#    scripts/train-jvm-cache.sh) or app-cds.jsa (AppCDS, -Pappcds); a cache made by another JVM
#    build is ignored by the JVM with a warning, the service then just starts slower;
#  - with bounded memory (scripts/jvm-options.sh): sized from the container's memory limit, or on a
#    host without one as if the limit were JVM_MAX_RAM (default 512m); JAVA_MEMORY_OPTIONS replaces
#    these settings, JAVA_OPTS adds more.
# Settings of the service come from the environment as always (README); extra arguments go to the
# application. JAVA picks the JVM (default: java on PATH).
#
#   ./mvnw package -DskipTests -P'!local-db' && ENVIRONMENT=production DATABASE_URL=... scripts/run-jar.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/jvm-options.sh"
APP_DIR="${APP_DIR:-$ROOT/target/quarkus-app}"
JAVA="${JAVA:-java}"
[ -f "$APP_DIR/quarkus-run.jar" ] || { echo "run-jar: no $APP_DIR/quarkus-run.jar; build with ./mvnw package -DskipTests" >&2; exit 1; }

limit_bytes() { # the cgroup (v2 or v1) memory limit, empty when there is none
  local v=""
  if [ -r /sys/fs/cgroup/memory.max ]; then
    v=$(cat /sys/fs/cgroup/memory.max)
  elif [ -r /sys/fs/cgroup/memory/memory.limit_in_bytes ]; then
    v=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)
  fi
  # "max" (v2) or a near-2^63 page-rounded value (v1) mean unlimited
  if [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -lt 4611686018427387904 ]; then echo "$v"; fi
}

opts=()
if [ -n "${JAVA_MEMORY_OPTIONS+set}" ]; then
  read -r -a mem <<< "$JAVA_MEMORY_OPTIONS"
else
  read -r -a mem <<< "$TODO_JVM_MEMORY_OPTIONS"
  [ -n "$(limit_bytes)" ] || mem=("-XX:MaxRAM=${JVM_MAX_RAM:-512m}" "${mem[@]}")
fi
opts+=("${mem[@]}")
if [ -f "$APP_DIR/app.aot" ] && "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCache '; then
  opts+=(-XX:AOTCache=app.aot)
elif [ -f "$APP_DIR/app-cds.jsa" ]; then
  opts+=(-XX:SharedArchiveFile=app-cds.jsa)
fi
read -r -a extra <<< "${JAVA_OPTS:-}"
cd "$APP_DIR" # the caches name the jar by the relative path they were made with
exec "$JAVA" "${opts[@]}" "${extra[@]}" -jar quarkus-run.jar "$@"
