#!/usr/bin/env bash
# Measures controller failover on loopback: RUNS times, kills the active controller with
# SIGKILL and times how long until the new controller hands out its first assignment (from
# the status it reports), then restarts the killed worker. Also times an outage: from the
# moment an HTTP target starts failing to the arrival of the webhook notification.
# Prints min/median/max of each. Default lease settings. Loopback only; PIDs stopped on exit.
#
# Environment: RUNS (10), WORKERS (3), THREADS (8), BASE_PORT (19700), SKIP_BUILD=1.
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
workers=${WORKERS:-3}
threads=${THREADS:-8}
base=${BASE_PORT:-19700}
source bench/lib/cluster.sh

start_mariadb
mkdir -p "$work/switch" "$work/recorder"
# The server exits when its stdin closes: this script holds a FIFO's write end until it exits.
mkfifo "$work/http.stdin"
exec 3<>"$work/http.stdin"
/usr/bin/python3 Tests/Fixtures/http/server.py --state "$work/switch" --record "$work/recorder/requests.jsonl" --lifetime 3600 \
  >"$work/http.port" 2>/dev/null <"$work/http.stdin" &
pids+=($!)
for _ in $(seq 1 50); do grep -q PORT "$work/http.port" 2>/dev/null && break; sleep 0.1; done
http_port=$(awk '/PORT/ {print $2}' "$work/http.port")
sql "INSERT INTO checks (name, type, data, check_interval, delay) VALUES
  ('web', 'http', '{\"url\":\"http://127.0.0.1:$http_port/switch/web\",\"expect_status\":200}', 1, 0);
  INSERT INTO checks (name, type, data, check_interval, delay) SELECT CONCAT('noop ', seq), 'fixture_noop', '{}', 1, 1 FROM seq_1_to_50;
  INSERT INTO contacts (type, data) VALUES ('webhook', 'http://127.0.0.1:$http_port/record');
  INSERT INTO alerts (check_id, contact_id, type) VALUES (1, 1, 'both');"
start_viewserver
for i in $(seq 1 "$workers"); do start_worker "$i"; sleep 0.3; done

now_ms() { date +%s%3N; }
wait_for() { # wait_for SECONDS COMMAND...: polls until COMMAND succeeds
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@"; do [ "$(date +%s)" -lt "$deadline" ] || return 1; sleep 0.05; done
}
controller_number() { local c; c=$(status_field 'r["controller"]'); [ -n "$c" ] && echo $(( ${c##*:} - base )); }
settled() { [ "$(status_field 'sum(1 for w in r["workers"] if w["alive"])')" = "$workers" ]; }
wait_for 60 settled

failovers=()
for run in $(seq 1 "$runs"); do
  old=$(controller_number)
  old_view=$(status_field 'r["view"]["number"]')
  killed_at=$(now_ms)
  kill -KILL "${worker_pid[$old]}"
  new_assignment() {
    local first; first=$(status_field 'r["view"]["first_assignment_at"] if r["view"]["number"] > '"$old_view"' and r["view"]["first_assignment_at"] else ""')
    [ -n "$first" ] && echo "$first" >"$work/first"
  }
  if wait_for 60 new_assignment; then
    failovers+=($(( $(cat "$work/first") - killed_at )))
  else
    echo "run $run: no new controller within 60 s" >&2
  fi
  start_worker "$old"
  wait_for 60 settled
  sleep 2
done

notifications=()
lines() { if [ -f "$work/recorder/requests.jsonl" ]; then wc -l <"$work/recorder/requests.jsonl"; else echo 0; fi; }
for run in $(seq 1 3); do
  for state in down up; do
    before=$(lines)
    more_lines() { [ "$(lines)" -gt "$before" ]; }
    started=$(/usr/bin/python3 -c 'import time; print(time.time())')
    echo "$state" >"$work/switch/web"
    if wait_for 60 more_lines; then
      received=$(tail -n 1 "$work/recorder/requests.jsonl" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["received"])')
      notifications+=($(/usr/bin/python3 -c "print(int(($received - $started) * 1000))"))
    fi
    sleep 3
  done
done

summary() { # summary NAME VALUES...
  local name=$1; shift
  printf '%s\n' "$@" | sort -n | awk -v name="$name" '{ v[NR] = $1 } END {
    if (NR == 0) { printf "%s: no samples\n", name; exit }
    printf "%s over %d runs: min %d ms, median %d ms, max %d ms\n", name, NR, v[1], v[int((NR + 1) / 2)], v[NR] }'
}
echo "failover samples (ms): ${failovers[*]}"
summary "failover (kill -9 to the new controller's first assignment)" "${failovers[@]}"
summary "outage to notification (interval 1, delay 0, confirmations 2)" "${notifications[@]}"
