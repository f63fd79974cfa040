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

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product bearmon >&2
fi
command -v curl >/dev/null || { echo "bench: curl is missing (apt-get install curl)" >&2; exit 1; }
source bench/lib/standalone.sh
seed_noop_checks "$checks" "$interval" "'noop \"' || i || '\"'"
printf '[metrics]\nopen = true\n' >"$work/node.cfg"

"$bearmon" standalone --db "sqlite:$db" --plugins "$work/plugins" --config "$work/node.cfg" --addr "127.0.0.1:$port" \
  >"$work/node.log" 2>&1 &
node_pid=$!
sleep "$warmup"

for _ in $(seq 1 "$scrapes"); do
  curl -s -o "$work/metrics.txt" -w '%{http_code} %{time_total} %{size_download}\n' "http://127.0.0.1:$port/metrics" >>"$work/times"
done
series=$(grep -vc '^#' "$work/metrics.txt" || true)
up=$(grep -c '^bearmon_check_up{' "$work/metrics.txt" || true)
sort -k2 -n "$work/times" | awk -v n="$checks" -v series="$series" -v up="$up" '
  { code[NR] = $1; t[NR] = $2; size = $3; if ($1 != 200) bad++ }
  END {
    printf "metrics: %d checks on a standalone node, %d scrapes (%d not 200)\n", n, NR, bad
    printf "answer time: median %.0f ms, slowest %.0f ms; %.1f MiB, %d series (%d with bearmon_check_up)\n",
      t[int((NR + 1) / 2)] * 1000, t[NR] * 1000, size / 1048576, series, up
  }'
