#!/usr/bin/env bash
# Measures the push API under a flood and what the flood does to alerting, on SQLite and on
# MariaDB. For each store a standalone node runs one http check at interval 1 (delay 0)
# against a local switchable target, with a webhook contact to a local recorder, and:
#   1. push ingestion: wrk posts monitor-srv healthchecks from CLIENTS connections for
#      DURATION seconds (PUSH_IDS ids, so mostly updates); prints accepted pushes/s and 503s;
#   2. outage to notification, idle: OUTAGES times the target goes down then up, timing each
#      change to the webhook's arrival; prints p50/p99;
#   3. the same with the flood running; the goal is a p99 within twice the idle one.
# Loopback only; every process is stopped by its PID on exit.
#
# Environment: STORES ("sqlite mariadb"), CLIENTS (64), DURATION (10), OUTAGES (10),
# PUSH_IDS (1000), THREADS (8), BASE_PORT (19900), BEARMON (the binary; default the release
# build), SKIP_BUILD=1.
cd "$(dirname "$0")/.."
stores=${STORES:-sqlite mariadb}
clients=${CLIENTS:-64}
duration=${DURATION:-10}
outages=${OUTAGES:-10}
threads=${THREADS:-8}
base=${BASE_PORT:-19900}
workers=0
source bench/lib/cluster.sh
bearmon=${BEARMON:-$bearmon}
command -v wrk >/dev/null || { echo "bench: wrk is missing; run script/bootstrap" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 is missing (apt-get install sqlite3)" >&2; exit 1; }
export PUSH_IDS=${PUSH_IDS:-1000}

start_mariadb   # also puts the http and webhook plugins in $work/plugins
mkdir -p "$work/switch"
mkfifo "$work/http.stdin"
exec 3<>"$work/http.stdin"   # the target exits when its stdin closes: held until this script exits
/usr/bin/python3 Tests/Fixtures/http/server.py --state "$work/switch" --record "$work/requests.jsonl" --lifetime 7200 \
  >"$work/http.port" 2>/dev/null <"$work/http.stdin" &
pids+=($!)
for _ in $(seq 1 50); do grep -q PORT "$work/http.port" 2>/dev/null && break; sleep 0.1; done
http_port=$(awk '/PORT/ {print $2}' "$work/http.port")
node_port=$((base + 1))

wait_for() { # wait_for SECONDS COMMAND...: polls until COMMAND succeeds
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@"; do [ "$(date +%s)" -lt "$deadline" ] || return 1; sleep 0.02; done
}
lines() { if [ -f "$work/requests.jsonl" ]; then wc -l <"$work/requests.jsonl"; else echo 0; fi; }
setup_sql() { # the check, contact and alert, and a used view so that standalone plants no example
  echo "UPDATE controller_view SET number = 1, holder = 'bench' WHERE id = 1;
    INSERT INTO checks (name, type, data, check_interval, delay) VALUES
      ('web', 'http', '{\"url\":\"http://127.0.0.1:$http_port/switch/web\",\"expect_status\":200}', 1, 0);
    INSERT INTO contacts (type, data) VALUES ('webhook', 'http://127.0.0.1:$http_port/record');
    INSERT INTO alerts (check_id, contact_id, type) VALUES (1, 1, 'both');"
}

# outage_times: OUTAGES times down then up; prints one delay in ms per notification.
outage_times() {
  local before started received state
  for _ in $(seq 1 "$outages"); do
    for state in down up; do
      before=$(lines)
      started=$(date +%s.%N)
      echo "$state" >"$work/switch/web"
      more_lines() { [ "$(lines)" -gt "$before" ]; }
      if wait_for 60 more_lines; then
        received=$(sed -n "$((before + 1))p" "$work/requests.jsonl" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["received"])')
        awk -v a="$started" -v b="$received" 'BEGIN { printf "%d\n", (b - a) * 1000 }'
      else
        echo "bench: no notification within 60 s of going $state" >&2
      fi
      sleep 2
    done
  done
}

percentiles() { # percentiles NAME: p50 and p99 (nearest rank) of the numbers on stdin
  sort -n | awk -v name="$1" '{ v[NR] = $1 } END {
    if (NR == 0) { printf "%s: no samples\n", name; exit }
    p50 = v[int(0.50 * NR + 0.999)]; p99 = v[int(0.99 * NR + 0.999)]
    printf "%s: p50 %d ms, p99 %d ms over %d notifications\n", name, p50, p99, NR }'
}

flood() { # flood SECONDS: wrk against the node's push API; exec, so that a flood run in the background is wrk's own PID
  exec wrk -t 4 -c "$clients" -d "$1" --timeout 10s -s bench/lib/push.lua "http://127.0.0.1:$node_port/v1/healthchecks"
}

for store in $stores; do
  case $store in
    sqlite)
      db="sqlite:$work/bench.sqlite"
      "$bearmon" db init --db "$db" >/dev/null
      sqlite3 "$work/bench.sqlite" "$(setup_sql)" ;;
    mariadb)
      db="mysql:$dsn"
      sql "$(setup_sql)" ;;
    *) echo "bench: unknown store $store (sqlite or mariadb)" >&2; exit 1 ;;
  esac
  rm -f "$work/switch/web" "$work/requests.jsonl"
  "$bearmon" standalone --db "$db" --plugins "$work/plugins" --threads "$threads" --addr "127.0.0.1:$node_port" \
    >"$work/node-$store.log" 2>&1 &
  node_pid=$!
  pids+=($node_pid)
  serving() { curl -sf "http://127.0.0.1:$node_port/healthz" >/dev/null; }
  wait_for 60 serving || { echo "bench: the $store node did not start; its log:" >&2; cat "$work/node-$store.log" >&2; exit 1; }
  sleep 3

  echo "== $store"
  (flood "$duration") >"$work/ingest.txt"
  awk '/^FLOOD/ { printf "push ingestion, %d clients: %.0f accepted pushes/s (%d shed with 503, %d other refusals, %d socket errors; client p99 %.1f ms)\n", clients, $3 / $11, $5, $7, $9, $13 }' \
    clients="$clients" "$work/ingest.txt"
  outage_times | percentiles "outage to notification, idle"
  (flood 3600) >"$work/flood.txt" &
  flood_pid=$!   # wrk itself: stopping a subshell around it left wrk flooding for an hour
  sleep 2
  outage_times | percentiles "outage to notification, under the flood"
  { kill -KILL "$flood_pid"; wait "$flood_pid"; } 2>/dev/null || true   # wrk prints nothing useful when stopped early
  stop_pid "$node_pid"
  if grep -qi "cannot\|error" "$work/node-$store.log"; then
    echo "note: the node logged $(grep -ci "cannot\|error" "$work/node-$store.log") error lines, first: $(grep -i -m1 "cannot\|error" "$work/node-$store.log")"
  fi
done
