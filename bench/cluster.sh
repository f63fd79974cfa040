#!/usr/bin/env bash
# Benchmarks a cluster on loopback: a private MariaDB, a viewserver and WORKERS workers
# (one of which is the controller), CHECKS checks of the C fixture's no-op type at interval 1.
# Prints check executions per second, counted from the result history the controller writes.
# Every process listens on 127.0.0.1 and is stopped by its PID on exit.
#
# Environment: CHECKS (3000), WORKERS (3), THREADS (32 per worker), DURATION (30),
# WARMUP (15), BASE_PORT (19600), SKIP_BUILD=1 to use the existing release build.
cd "$(dirname "$0")/.."
checks=${CHECKS:-3000}
workers=${WORKERS:-3}
threads=${THREADS:-32}
duration=${DURATION:-30}
warmup=${WARMUP:-15}
base=${BASE_PORT:-19600}
source bench/lib/cluster.sh

start_mariadb
sql "INSERT INTO checks (name, type, data, check_interval, delay) SELECT CONCAT('noop ', seq), 'fixture_noop', '{}', 1, 1 FROM seq_1_to_$checks;"
start_viewserver
for i in $(seq 1 "$workers"); do start_worker "$i"; done

# Results whose run ended in [$1, $2) (unix ms), counted by their time, as bench/scale.sh
# does: row ids sampled at the window's ends move with each flush of the history.
count() { sql "SELECT COUNT(*) FROM check_results WHERE time >= $1 AND time < $2"; }
sleep "$warmup"
t0=$(date +%s%3N)
sleep "$duration"
t1=$(date +%s%3N)
sleep 3  # for the window's last results to be committed
runs=$(count "$t0" "$t1")
awk -v runs="$runs" -v t0="$t0" -v t1="$t1" -v n="$checks" -v w="$workers" -v th="$threads" 'BEGIN {
  printf "cluster: %d workers x %d slots, %d no-op checks at interval 1 s, confirmations 2\n", w, th, n
  printf "executions: %.0f per second (ideal %d), over %.1f s after warm-up\n", runs / ((t1 - t0) / 1000), n, (t1 - t0) / 1000
  printf "gobearmon ceiling for comparison: %d workers x %d threads per 2 s poll = %d per second\n", w, th, w * th / 2
}'
