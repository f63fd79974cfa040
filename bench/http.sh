#!/usr/bin/env bash
# Benchmarks the http check plugin against a local nginx, next to wrk's ceiling.
#
# Starts nginx (Debian's nginx-light) with its own config in a temp directory, on a loopback
# port, then measures:
#   1. wrk with "Connection: close": a new connection per request, as every bearmon check
#      makes; this is what the machine can do, the ceiling.
#   2. `bearmon bench http` at the same concurrency through the whole host path (params,
#      worker pool, deadlines, the plugin, libcurl).
# alternating ROUNDS times, and prints the medians and their ratio. nginx is stopped by its PID on exit.
#
# Environment: PORT (default 18480), CONCURRENCY (64), COUNT (bearmon checks per round, 40000),
# DURATION (wrk seconds per round, 5), ROUNDS (3), NGINX_WORKERS (2), SKIP_BUILD=1 to use the
# existing release build.
# Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

port=${PORT:-18480}
concurrency=${CONCURRENCY:-64}
count=${COUNT:-40000}
duration=${DURATION:-5}
rounds=${ROUNDS:-3}
workers=${NGINX_WORKERS:-2}
url="http://127.0.0.1:${port}/"

for tool in nginx wrk; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run script/bootstrap" >&2; exit 1; }
done
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release >&2
fi
bearmon=.build/release/bearmon

prefix=$(mktemp -d /tmp/bearmon-bench-nginx.XXXXXX)
nginx_pid=
cleanup() {
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
  fi
  rm -rf "$prefix"
}
trap cleanup EXIT

mkdir -p "$prefix/logs" "$prefix/tmp"
cat >"$prefix/nginx.conf" <<CONF
daemon off;
master_process on;
worker_processes ${workers};
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp;
  keepalive_timeout 0;
  server {
    listen 127.0.0.1:${port} backlog=4096;
    location / { return 200 "ok\n"; }
  }
}
CONF

nginx -e "$prefix/logs/error.log" -p "$prefix" -c "$prefix/nginx.conf" &
nginx_pid=$!
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null && break
  kill -0 "$nginx_pid" 2>/dev/null || { echo "bench: nginx did not start:" >&2; cat "$prefix/logs/error.log" >&2; exit 1; }
  sleep 0.1
done

echo "== nginx on ${url} (${workers} workers), concurrency ${concurrency}, ${rounds} rounds"
# The machine may be shared, so wrk and bearmon alternate, and the medians are compared.
wrk_rates=() bench_rates=() bench_p99s=()
for round in $(seq "$rounds"); do
  echo "== round ${round}: wrk -H 'Connection: close' (the ceiling), ${duration}s"
  wrk_out=$(wrk -t 2 -c "$concurrency" -d "${duration}s" -H 'Connection: close' "$url")
  echo "$wrk_out" | grep -E "requests in|Requests/sec|Socket errors" || true
  wrk_rates+=("$(awk '/^Requests\/sec:/ {print $2}' <<<"$wrk_out")")

  sleep 1
  echo "== round ${round}: bearmon bench http, ${count} checks"
  bench_out=$("$bearmon" bench http --concurrency "$concurrency" --count "$count" \
    --data "{\"url\":\"${url}\",\"expect_status\":200}")
  echo "$bench_out"
  bench_rates+=("$(awk '/^throughput:/ {print $2}' <<<"$bench_out")")
  bench_p99s+=("$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' <<<"$bench_out")")
  sleep 1
done

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
wrk_rate=$(median "${wrk_rates[@]}")
bench_rate=$(median "${bench_rates[@]}")
bench_p99=$(median "${bench_p99s[@]}")

ratios=()
for i in "${!wrk_rates[@]}"; do
  ratios+=("$(awk -v b="${bench_rates[$i]}" -v w="${wrk_rates[$i]}" 'BEGIN { printf "%.1f", 100 * b / w }')")
done

echo "== summary (medians of ${rounds} rounds; load average $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v b="$bench_rate" -v w="$wrk_rate" -v p="$bench_p99" -v c="$concurrency" 'BEGIN {
  printf "bearmon http: %.0f checks/s, p99 %.2f ms (concurrency %d)\n", b, p, c
  printf "wrk Connection: close: %.0f requests/s\n", w
  printf "ratio: %.0f%% of the ceiling\n", 100 * b / w
}'
echo "per-round ratios (bearmon / the wrk run just before it): ${ratios[*]} %; median $(median "${ratios[@]}") %"
