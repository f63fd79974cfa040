#!/usr/bin/env bash
# How a standalone node's costs grow with the number of checks (issue 26): runs it at 1,000,
# 10,000 and 100,000 no-op checks (fixture_noop; intervals 1, 1 and 10 s by default) and
# prints, for each, executions per second against the schedule, resident memory (the whole
# process's, and per check above an idle node's), and CPU time per execution; and how the
# first interval's runs were spread (the share of the first runs that went in its first
# tenth: 10% is even, 100% a thundering herd). The idle node (no checks, measured first) is
# the floor every size stands on: mostly the code pages of the binary and of Swift's
# runtime and Foundation, which every bearmon process on a host shares. Each node serves on
# 127.0.0.1 only and is stopped by its PID.
#
# Environment: SIZES ("1000:1 10000:1 100000:10", COUNT:INTERVAL pairs), DURATION (30),
# WARMUP (15), THREADS (64), PORT (18492), SKIP_BUILD=1 to use the existing release build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

sizes=${SIZES:-"1000:1 10000:1 100000:10"}
duration=${DURATION:-30}
warmup=${WARMUP:-15}
threads=${THREADS:-64}
port=${PORT:-18492}
ticks=$(getconf CLK_TCK)

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release >&2
fi
source bench/lib/standalone.sh

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Results whose run ended in [$1, $2) (unix ms). Counted by their time rather than by row ids
# sampled at the window's ends, which group commit writes up to a flush late: at 10,000 a
# second that moved the figure by 3% either way.
count_results() { sqlite3 "$db" "SELECT COUNT(*) FROM check_results WHERE time >= $1 AND time < $2"; }

rss_of() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
start_node() {
  "$bearmon" standalone --db "sqlite:$db" --plugins "$work/plugins" --threads "$threads" --addr "127.0.0.1:$port" >"$work/node-$1.log" 2>&1 &
  node_pid=$!
}
stop_node() { kill -TERM "$node_pid"; wait "$node_pid" 2>/dev/null || true; node_pid=; }

# The floor: a node with no checks, after the same warm-up.
rm -f "$db"
seed_noop_checks 0 1 "'noop ' || i"
start_node idle
sleep "$warmup"
idle_kb=$(rss_of "$node_pid")
stop_node
printf "idle node (no checks): RSS %.1f MiB\n" "$(awk -v k="$idle_kb" 'BEGIN {print k / 1024}')"

printf "%-9s %-8s %-22s %-10s %-16s %-16s %s\n" checks interval "executions/s (share)" "RSS" "RSS/check > idle" "CPU/execution" "first runs in the first tenth"
for size in $sizes; do
  checks=${size%%:*}
  interval=${size##*:}
  rm -f "$db"
  seed_noop_checks "$checks" "$interval" "'noop ' || i"
  start_node "$checks"
  sleep "$warmup"
  c0=$(cpu_ticks "$node_pid"); t0=$(date +%s%3N)
  sleep "$duration"
  c1=$(cpu_ticks "$node_pid"); t1=$(date +%s%3N)
  rss_kb=$(rss_of "$node_pid")
  sleep 3  # for the window's last results to be committed
  runs=$(count_results "$t0" "$t1")
  # The first interval after the node's first result: how many of the checks' first runs fell in its first tenth.
  spread=$(sqlite3 "$db" "WITH f AS (SELECT check_id, MIN(time) AS t FROM check_results GROUP BY check_id),
      s AS (SELECT MIN(t) AS t0 FROM f)
    SELECT printf('%.0f%%', 100.0 * SUM(CASE WHEN f.t < s.t0 + $interval * 100 THEN 1 ELSE 0 END) / COUNT(*)) FROM f, s")
  stop_node
  awk -v runs="$runs" -v t0="$t0" -v t1="$t1" -v n="$checks" -v i="$interval" -v rss="$rss_kb" -v idle="$idle_kb" -v c0="$c0" -v c1="$c1" \
      -v hz="$ticks" -v spread="$spread" 'BEGIN {
    rate = runs / ((t1 - t0) / 1000); target = n / i
    cpu_us = rate > 0 ? (c1 - c0) / hz / runs * 1e6 : 0
    printf "%-9d %-8s %-22s %-10s %-16s %-16s %s\n", n, i " s", sprintf("%.0f (%.0f%%)", rate, 100 * rate / target),
      sprintf("%.1f MiB", rss / 1024), sprintf("%.2f KiB", (rss - idle) / n), sprintf("%.1f us", cpu_us), spread
  }'
done
