#!/usr/bin/env bash
# shellcheck disable=SC2119 # start_service takes optional JVM options; none here
# Issue 17 at scale, second figure: after an hour of downtime the reminder backlog goes out within
# minutes while the list endpoint's p99 under load stays within 20 % of its baseline.
# 1,000 verified users with reminders on hold 100,000 todos whose reminders are spread over a day
# (about 4,170 an hour); 100 other users x 200 todos serve the list load of bench/list-load.sh
# (wrk -t2 -c32, GET /api/todos?size=50). Mails go to bench/smtp_sink.py, a real SMTP server.
# Each pair of runs makes the last hour's reminders (~4,170) due and unhandled, measures until every
# one of them is in the sink (exactly once) with the list load running, then runs the same number of
# load slices without a backlog (the day's trickle only) as its baseline:
#   restart: with the service stopped, then started; the load starts at ready. Both runs of the pair
#            start cold (JIT), so they differ only by the backlog;
#   warm:    under the running, warmed-up service, whose next scheduler tick (every 20 s) finds them:
#            the catch-up's own cost, without the cold start.
# The load runs in 5-second wrk slices whose latency histograms are merged over the window (until the
# last backlog mail arrived). A warm steady-state figure (20 s) is printed first, as bench/list-load.sh.
# Usage: bench/reminder-catchup.sh [pairs, default 2]
#   MODES: which pairs, default "restart warm"; SINK_DELAY: the SMTP server's answer delay, default 0.05 s
set -euo pipefail
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export BENCH_WORK="${BENCH_WORK:-/tmp/todo-reminder-catchup}" PG_PORT="${PG_PORT:-$(free_port)}" API_PORT="${API_PORT:-$(free_port)}"
source "$(dirname "$0")/lib.sh"
PAIRS="${1:-2}"; MODES="${MODES:-restart warm}"; SINK_DELAY="${SINK_DELAY:-0.05}"; SLICE=5
need
SMTP_PORT=$(free_port); MANAGEMENT_PORT=$(free_port)
export SMTP_PORT SMTP_USE_TLS=false MANAGEMENT_PORT # the local sink speaks plain SMTP
# the tokens seeded once must outlive every run; reminder mails carry List-Unsubscribe as in production
export JWT_ACCESS_TOKEN_TTL=PT3H PUBLIC_API_URL=https://api.bench.example
export BENCH_DIR TOKENS="$WORK/tokens.txt"
trap 'kill ${SINK:-} ${POLLER:-} 2>/dev/null || true; stop_service; stop_postgres' EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK" && rm -f "$WORK/service.log" "$WORK"/*.hist "$WORK"/slice-*.txt
start_postgres
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "drop database if exists todo" -c "create database todo"
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d todo -v ON_ERROR_STOP=1 -Atq -c "$1"; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

: > "$WORK/mails.txt"
python3 "$BENCH_DIR/smtp_sink.py" "$SMTP_PORT" "$WORK/mails.txt" "$SINK_DELAY" & SINK=$!
start_service
seed 100 200
# reminder users straight into the table: verified, reminders on (the default), four time zones;
# todo n's reminder is n x 864 ms after the window start, so 100,000 of them cover 24 hours
sql "insert into app_user (id, email, email_normalized, password_hash, created_at, updated_at, email_verified_at, time_zone)
     select gen_random_uuid(), 'r' || i || '@bench.example', 'r' || i || '@bench.example', 'x', now(), now(), now(),
            (array['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'])[1 + i % 4]
     from generate_series(1, 1000) i"
sql "insert into todo (id, user_id, title, description, priority, position, created_at, updated_at, due_at, remind_at)
     select gen_random_uuid(), u.id, 'remind ' || n, 'Reminder bench todo ' || n, n % 4, n * 1024, now(), now(),
            now() + interval '25 hours', now() + interval '25 hours'
     from generate_series(1, 100000) n
     join (select id, row_number() over (order by email) - 1 as k from app_user where email like 'r%@bench.example') u
       on u.k = n % 1000;
     analyze"

# place_reminders BACKLOG RUN: moves every reminder to now - BACKLOG + n x 864 ms, none handled, empties
# the outbox, and titles todo n "remind n RUN", so a mail of an earlier run's reminder (setting remindAt
# again is a new reminder) is not taken for a duplicate
place_reminders() {
  sql "update todo set remind_at = now() - interval '$1' + (position / 1024) * interval '864 milliseconds',
              reminder_handled_at = null, title = 'remind ' || (position / 1024) || ' $2'
       where title like 'remind %';
       delete from mail_outbox"
}

echo "seeded: $(sql "select count(*) from todo") todos, $(sql "select count(*) from todo where remind_at is not null") with reminders"
place_reminders '0 hours' warm-up
wrk -t2 -c32 -d10s -s "$BENCH_DIR/list.lua" "$API" > /dev/null
cpu0=$(cpu_seconds "$SERVICE_PID")
wrk -t2 -c32 -d20s --latency -s "$BENCH_DIR/list.lua" "$API" > "$WORK/warm.txt"
cpu1=$(cpu_seconds "$SERVICE_PID")
echo "warm steady state (20 s, no backlog): $(grep RESULT "$WORK/warm.txt")" \
  "cpu_s=$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN {printf "%.1f", b-a}') load=$(load_average)"

# percentile P of merged "<us> <count>" histograms on stdin, in ms ("-" when no request completed)
percentile() {
  sort -n | awk -v p="$1" '{v[NR] = $1; c[NR] = $2; total += $2}
    END {need = total * p / 100; for (i = 1; i <= NR; i++) {sum += c[i]; if (sum >= need) {printf "%.1f", v[i] / 1000; exit}}; if (total == 0) printf "-"}'
}

# backlog_received N RUN: distinct due reminders of this run (titles "remind 1..N RUN") in the sink, and all their mails
backlog_received() {
  awk -v n="$1" -v run="$2" '$3 == "Reminder:" && $4 == "remind" && $5 + 0 <= n && $6 == run {all++; if (!seen[$5]++) distinct++}
    END {print distinct + 0, all + 0}' "$WORK/mails.txt"
}

sum() { awk '{s += $1} END {print s + 0}'; }

# run MODE LABEL BACKLOG SLICES: makes BACKLOG of reminders due and runs list-load slices until every
# due reminder is in the sink, at least SLICES of them; sets RUN_SLICES. MODE restart: with the service
# stopped, then started (the load starts at ready); MODE warm: under the running service, whose next
# scheduler tick (every 20 s) finds them.
run() {
  local mode=$1 label=$2 backlog=$3 slices=$4 due load t0 cpu0
  [ "$mode" = warm ] || stop_service
  : > "$WORK/mails.txt"
  place_reminders "$backlog" "$label"
  due=$(sql "select count(*) from todo where title like 'remind %' and remind_at <= now()")
  load=$(load_average)
  t0=$(date +%s%N)
  [ "$mode" = warm ] || start_service
  cpu0=$(cpu_seconds "$SERVICE_PID")
  # the sink watcher: ms from t0 until every due reminder arrived (gives up after 15 minutes)
  ( while [ "$(backlog_received "$due" "$label" | cut -d' ' -f1)" -lt "$due" ]; do
      [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 900 ] || exit 1
      sleep 0.2
    done
    echo $(( ($(date +%s%N) - t0) / 1000000 )) > "$WORK/$label.done" ) & POLLER=$!
  local i=0 w0; w0=$(date +%s%N)
  while [ "$i" -lt "$slices" ] || kill -0 "$POLLER" 2>/dev/null; do
    HISTOGRAM="$WORK/$label-$i.hist" wrk -t2 -c32 -d"${SLICE}s" -s "$BENCH_DIR/list-histogram.lua" "$API" \
      > "$WORK/slice-$label-$i.txt"
    i=$((i + 1))
  done
  local wall_ms=$(( ($(date +%s%N) - w0) / 1000000 )) cpu_end; cpu_end=$(cpu_seconds "$SERVICE_PID")
  wait "$POLLER" 2>/dev/null || true; POLLER=
  RUN_SLICES=$i
  sleep 2 # a duplicate would come after the last first copy
  local requests errors distinct all sent ready=""
  requests=$(sed -n 's/.*RESULT requests=\([0-9]*\).*/\1/p' "$WORK"/slice-"$label"-*.txt | sum)
  errors=$(sed -n 's/.*non2xx=\([0-9]*\) socket_errors=\([0-9]*\).*/\1\n\2/p' "$WORK"/slice-"$label"-*.txt | sum)
  read -r distinct all <<< "$(backlog_received "$due" "$label")"
  sent="not_all_sent"; [ -f "$WORK/$label.done" ] && sent="all_sent_after_ms=$(cat "$WORK/$label.done")"
  [ "$mode" = warm ] || ready=" ready_after_ms=$STARTUP_MS"
  echo "RESULT run=$label due=$due received=$distinct duplicates=$((all - distinct)) lost=$((due - distinct))" \
    "$sent$ready window_s=$((wall_ms / 1000)) rps=$((requests * 1000 / wall_ms))" \
    "p50_ms=$(cat "$WORK/$label"-*.hist | percentile 50) p99_ms=$(cat "$WORK/$label"-*.hist | percentile 99)" \
    "errors=$errors cpu_s=$(awk -v a="$cpu0" -v b="$cpu_end" 'BEGIN {printf "%.1f", b-a}')" \
    "load_before=${load// /,} load_after=$(load_average | tr ' ' ,)"
  echo "  p99 per ${SLICE}-s slice (ms): $(for ((n = 0; n < i; n++)); do percentile 99 < "$WORK/$label-$n.hist"; printf ' '; done)"
  # which half takes the time: the scheduler writing the outbox, or the dispatcher sending it
  [ "$due" -eq 0 ] || echo "  due reminders' mails (s after t0): queued $(sql "select round(extract(epoch from min(created_at)) - $t0 / 1e9, 1)
      || ' to ' || round(extract(epoch from max(created_at)) - $t0 / 1e9, 1) || ', sent ' || round(extract(epoch from min(sent_at)) - $t0 / 1e9, 1)
      || ' to ' || round(extract(epoch from max(sent_at)) - $t0 / 1e9, 1)
    from mail_outbox where kind = 'reminder' and subject like '% $label' and substring(subject from 'remind ([0-9]+) ')::int <= $due");" \
    "outbox: $(sql "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from mail_outbox group by 1) s");" \
    "backlog unhandled: $(sql "select count(*) from todo where title like 'remind %' and position / 1024 <= $due and reminder_handled_at is null")"
}

for pair in $(seq 1 "$PAIRS"); do
  echo "pair $pair:"
  for mode in $MODES; do
    run "$mode" "$mode-catchup-$pair" '1 hour' 1
    run "$mode" "$mode-baseline-$pair" '0 hours' "$RUN_SLICES"
  done
done
