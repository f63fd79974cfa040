#!/usr/bin/env bash
# Benchmarks what people and scrapers read at scale: CHECKS checks (a no-op type at interval
# 60, so that probes barely load the machine) with DAYS days of daily uptime aggregates, 30 days
# of hourly ones and a few flips each, written straight into SQLite. Then a standalone node
# serves, and each page is fetched REPEAT times: the dashboard `/`, a check page, the status
# page, `/metrics` and the uptime JSON. Prints, per page, the median and slowest time and the
# page's size. Pages this build does not serve print "absent". Loopback only; the node is
# stopped by its PID.
#
# Environment: CHECKS (10000), DAYS (90), REPEAT (20), PORT (18495), SKIP_BUILD=1 to use the
# existing release build, BEARMON=PATH to run another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

checks=${CHECKS:-10000}
days=${DAYS:-90}
repeat=${REPEAT:-20}
port=${PORT:-18495}

command -v curl >/dev/null || { echo "bench: curl is missing (apt-get install curl)" >&2; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release >&2
fi
source bench/lib/standalone.sh
seed_noop_checks "$checks" 60 "'service ' || i"

now_ms=$(( $(date +%s) * 1000 ))
hour_ms=3600000
first_hour=$(( (now_ms / hour_ms - 30 * 24) * hour_ms ))
today=$(( now_ms / 86400000 ))
echo "bench: writing $checks checks, $days days of daily and 30 days of hourly aggregates..." >&2
gen_start=$(date +%s.%N)
sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
UPDATE checks SET delay = 0, status = CASE WHEN id % 97 = 0 THEN 'offline' ELSE 'online' END;
INSERT INTO check_tags (check_id, tag) SELECT id, 'team-' || (id % 20) FROM checks;
INSERT INTO check_options (check_id, public) SELECT id, 1 FROM checks WHERE id % 10 = 0;
WITH RECURSIVE d(day) AS (SELECT $today - $days + 1 UNION ALL SELECT day + 1 FROM d WHERE day < $today)
  INSERT INTO check_daily (check_id, day, results, online, latency_sum, latency_min, latency_max, first_at, last_at)
  SELECT c.id, d.day, 1440, 1440 - (c.id + d.day) % 7, 1440 * 3.5, 0.8, 40.0, d.day * 86400000, d.day * 86400000 + 86340000 FROM checks c, d;
WITH RECURSIVE h(start) AS (SELECT $first_hour UNION ALL SELECT start + $hour_ms FROM h WHERE start + $hour_ms < $now_ms)
  INSERT INTO check_hourly (check_id, hour_start, results, online, latency_sum, latency_min, latency_max, first_at, last_at)
  SELECT c.id, h.start, 60, 60 - (c.id + h.start / $hour_ms) % 3, 60 * 3.5, 0.8, 40.0, h.start, h.start + 3540000 FROM checks c, h;
INSERT INTO check_events (check_id, type) SELECT id, 'offline' FROM checks WHERE id % 97 = 0;
INSERT INTO check_flips (flip_id, check_id, check_event_id, status, message, view, time, began_at)
  SELECT 'bench-' || id, id, 0, 'offline', 'connection refused', 1, $now_ms - 7200000, $now_ms - 7260000 FROM checks WHERE id % 97 = 0;
COMMIT;
SQL
gen_end=$(date +%s.%N)
echo "bench: data written in $(echo "$gen_end - $gen_start" | bc) s ($(du -h "$db" | cut -f1))" >&2

"$bearmon" standalone --db "sqlite:$db" --plugins "$work/plugins" --addr "127.0.0.1:$port" >"$work/node.log" 2>&1 &
node_pid=$!
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

# One line per page: median and slowest seconds over REPEAT fetches, and the size in bytes.
measure() {
  local name=$1 path=$2
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path")
  if [ "$status" != 200 ]; then
    printf '%-28s absent (HTTP %s)\n' "$name" "$status"
    return
  fi
  local times=() size=0
  for _ in $(seq 1 "$repeat"); do
    read -r t s < <(curl -s -o /dev/null -w '%{time_total} %{size_download}\n' "http://127.0.0.1:$port$path")
    times+=("$t")
    size=$s
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v size="$size" '
    { t[NR] = $1 } END { printf "%-28s median %6.1f ms   slowest %6.1f ms   %8d bytes\n", name, t[int((NR + 1) / 2)] * 1000, t[NR] * 1000, size }'
}

echo "bearmon pages: $checks checks, $days days of history, $repeat fetches each (loopback, $(basename "$(dirname "$bearmon")") build)"
measure "dashboard /" "/"
measure "dashboard, 2nd page" "/?page=2"
measure "check page /checks/97" "/checks/97"
measure "status page /status" "/status"
measure "metrics /metrics" "/metrics"
measure "uptime JSON (check 10)" "/api/v1/checks/10/uptime"
measure "checks API (first page)" "/api/v1/checks"
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$node_pid/status")
echo "node RSS: $((rss_kb / 1024)) MiB"
