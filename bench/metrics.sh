#!/usr/bin/env bash
# Benchmarks GET /metrics on a standalone node with CHECKS checks of a no-op type (the C test
# fixture's fixture_noop, built here with cc) at interval INTERVAL: after WARMUP seconds,
# SCRAPES scrapes one after another, as Prometheus makes them. Prints the median and slowest
# answer time, the size and the number of series. The node serves on 127.0.0.1 only, with
# [metrics] open, and is stopped by its PID.
#
# Environment: CHECKS (10000), INTERVAL (10), WARMUP (20), SCRAPES (20), PORT (18491),
# SKIP_BUILD=1 to use the existing release build; BEARMON=path to use another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

checks=${CHECKS:-10000}
interval=${INTERVAL:-10}
warmup=${WARMUP:-20}
scrapes=${SCRAPES:-20}
port=${PORT:-18491}

command -v sqlite3 >/dev/null || { echo "bench: sqlite3 is missing (apt-get install sqlite3)" >&2; exit 1; }
command -v curl >/dev/null || { echo "bench: curl is missing (apt-get install curl)" >&2; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product bearmon >&2
fi
bearmon=${BEARMON:-$PWD/.build/release/bearmon}

work=$(mktemp -d /tmp/bearmon-bench-metrics.XXXXXX)
chmod 755 "$work"
node_pid=
cleanup() {
  if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
    kill -TERM "$node_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$node_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -m 755 "$work/plugins"
cc -shared -fPIC -O2 -I Sources/PluginABI/include -o "$work/plugins/libfixture.so" Tests/Fixtures/plugins/fixture.c
db="$work/bench.sqlite"
"$bearmon" db init --db "sqlite:$db" >/dev/null
# The first row marks the database as used, so standalone does not seed its example.
sqlite3 "$db" "UPDATE controller_view SET number = 1, holder = 'bench' WHERE id = 1;
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $checks)
  INSERT INTO checks (name, type, data, check_interval, delay) SELECT 'noop \"' || i || '\"', 'fixture_noop', '{}', $interval, 1 FROM n;"
printf '[metrics]\nopen = true\n' >"$work/node.cfg"

"$bearmon" standalone --db "sqlite:$db" --plugins "$work/plugins" --config "$work/node.cfg" --addr "127.0.0.1:$port" \
  >"$work/node.log" 2>&1 &
node_pid=$!
sleep "$warmup"

for _ in $(seq 1 "$scrapes"); do
  curl -s -o "$work/metrics.txt" -w '%{http_code} %{time_total} %{size_download}\n' "http://127.0.0.1:$port/metrics" >>"$work/times"
done
series=$(grep -vc '^#' "$work/metrics.txt" || true)
up=$(grep -c '^bearmon_check_up' "$work/metrics.txt" || true)
sort -k2 -n "$work/times" | awk -v n="$checks" -v series="$series" -v up="$up" '
  { code[NR] = $1; t[NR] = $2; size = $3; if ($1 != 200) bad++ }
  END {
    printf "metrics: %d checks on a standalone node, %d scrapes (%d not 200)\n", n, NR, bad
    printf "answer time: median %.0f ms, slowest %.0f ms; %.1f MiB, %d series (%d with bearmon_check_up)\n",
      t[int((NR + 1) / 2)] * 1000, t[NR] * 1000, size / 1048576, series, up
  }'
