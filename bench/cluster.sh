#!/usr/bin/env bash
# Benchmarks a cluster on loopback: a private MariaDB, a viewserver and WORKERS workers
# (one of which is the controller), CHECKS checks of the C fixture's no-op type at interval 1.
# Prints check executions per second, counted from the result history the controller writes.
# Every process listens on 127.0.0.1 and is stopped by its PID on exit.
#
# Environment: CHECKS (3000), WORKERS (3), THREADS (32 per worker), DURATION (30),
# WARMUP (15), BASE_PORT (19600), SKIP_BUILD=1 to use the existing release build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

checks=${CHECKS:-3000}
workers=${WORKERS:-3}
threads=${THREADS:-32}
duration=${DURATION:-30}
warmup=${WARMUP:-15}
base=${BASE_PORT:-19600}

if [ "${SKIP_BUILD:-0}" != 1 ]; then swift build -c release >&2; fi
bearmon=$PWD/.build/release/bearmon
work=$(mktemp -d /tmp/bearmon-bench-cluster.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

mariadb-install-db --no-defaults --datadir="$work/db" --user=root --auth-root-authentication-method=normal --skip-test-db >/dev/null
mariadbd --no-defaults --datadir="$work/db" --socket="$work/mysqld.sock" --port=$((base + 99)) --bind-address=127.0.0.1 \
  --user=root --skip-log-bin --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2 >"$work/mysqld.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do mariadb-admin --no-defaults -S "$work/mysqld.sock" -uroot ping >/dev/null 2>&1 && break; sleep 0.1; done
mariadb --no-defaults -S "$work/mysqld.sock" -uroot -e "CREATE DATABASE bench; CREATE USER 'bench'@'127.0.0.1' IDENTIFIED BY 'bench-pw'; GRANT ALL ON bench.* TO 'bench'@'127.0.0.1';"
dsn="bench:bench-pw@tcp(127.0.0.1:$((base + 99)))/bench"

mkdir -m 755 "$work/plugins"
cc -shared -fPIC -O2 -I Sources/PluginABI/include -o "$work/plugins/libfixture.so" Tests/Fixtures/plugins/fixture.c
"$bearmon" db init --db "$dsn" >/dev/null
mariadb --no-defaults -S "$work/mysqld.sock" -uroot bench -e "SET SESSION cte_max_recursion_depth = 1000000;
  INSERT INTO checks (name, type, data, check_interval, delay)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $checks) SELECT CONCAT('noop ', i), 'fixture_noop', '{}', 1, 1 FROM n;"

{
  printf '[default]\npassword = bench-cluster-secret\nnode = viewserver\n[viewserver]\naddr = 127.0.0.1:%d\n' "$base"
  for i in $(seq 1 "$workers"); do printf 'controller = 127.0.0.1:%d\n' $((base + i)); done
} >"$work/viewserver.cfg"
"$bearmon" "$work/viewserver.cfg" >"$work/viewserver.log" 2>&1 &
pids+=($!)
for i in $(seq 1 "$workers"); do
  printf '[default]\npassword = bench-cluster-secret\nnode = w%d\n[controller]\naddr = 127.0.0.1:%d\ndatabase = %s\nconfirmations = 2\n[worker]\nviewAddr = 127.0.0.1:%d\nnumThreads = %d\n[plugins]\ndir = %s\n' \
    "$i" $((base + i)) "$dsn" "$base" "$threads" "$work/plugins" >"$work/worker$i.cfg"
  "$bearmon" "$work/worker$i.cfg" >"$work/worker$i.log" 2>&1 &
  pids+=($!)
done

count() { mariadb --no-defaults -S "$work/mysqld.sock" -uroot -N -B bench -e "SELECT COALESCE(MAX(id), 0) FROM check_results"; }
sleep "$warmup"
a=$(count); t0=$(date +%s.%N)
sleep "$duration"
b=$(count); t1=$(date +%s.%N)
awk -v a="$a" -v b="$b" -v t0="$t0" -v t1="$t1" -v n="$checks" -v w="$workers" -v th="$threads" 'BEGIN {
  printf "cluster: %d workers x %d slots, %d no-op checks at interval 1 s, confirmations 2\n", w, th, n
  printf "executions: %.0f per second (ideal %d), over %.1f s after warm-up\n", (b - a) / (t1 - t0), n, t1 - t0
  printf "gobearmon ceiling for comparison: %d workers x %d threads per 2 s poll = %d per second\n", w, th, w * th / 2
}'
