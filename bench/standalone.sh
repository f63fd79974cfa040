#!/usr/bin/env bash
# Benchmarks the standalone node's scheduling path: CHECKS checks of a no-op type (the C
# test fixture's fixture_noop, built here with cc) at interval 1, for DURATION seconds.
# Prints check executions per second (from the result history the controller writes) and
# the node's resident memory. The node serves on 127.0.0.1 only and is stopped by its PID.
#
# Environment: CHECKS (10000), DURATION (30), WARMUP (10), THREADS (64), PORT (18490),
# SKIP_BUILD=1 to use the existing release build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

checks=${CHECKS:-10000}
duration=${DURATION:-30}
warmup=${WARMUP:-10}
threads=${THREADS:-64}
port=${PORT:-18490}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release >&2
fi
source bench/lib/standalone.sh
seed_noop_checks "$checks" 1 "'noop ' || i"

"$bearmon" standalone --db "sqlite:$db" --plugins "$work/plugins" --threads "$threads" --addr "127.0.0.1:$port" \
  >"$work/node.log" 2>&1 &
node_pid=$!

count_results() { sqlite3 "$db" "SELECT COALESCE(MAX(id), 0) FROM check_results"; }
sleep "$warmup"
start_count=$(count_results)
start_time=$(date +%s.%N)
sleep "$duration"
end_count=$(count_results)
end_time=$(date +%s.%N)
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$node_pid/status")
hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$node_pid/status")
cpu=$(ps -o %cpu= -p "$node_pid" | tr -d ' ')

awk -v a="$start_count" -v b="$end_count" -v t0="$start_time" -v t1="$end_time" -v n="$checks" \
    -v rss="$rss_kb" -v hwm="$hwm_kb" -v cpu="$cpu" -v threads="$threads" 'BEGIN {
  rate = (b - a) / (t1 - t0)
  printf "standalone: %d checks at interval 1 s, %d worker slots\n", n, threads
  printf "executions: %.0f per second (target %d), measured over %.1f s after warm-up\n", rate, n, t1 - t0
  printf "memory: RSS %.1f MiB (peak %.1f MiB); CPU %s%% over the process lifetime\n", rss / 1024, hwm / 1024, cpu
}'
if grep -q "dropped .* results" "$work/node.log"; then
  echo "note: the history could not keep up; see the node log" >&2
fi
