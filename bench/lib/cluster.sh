# Shared by the cluster benchmarks: a private MariaDB, a viewserver and N workers on
# 127.0.0.1, configured with gobearmon-format files in $work, all stopped by PID on exit.
# Source it after setting: base (first port), workers, threads; it sets bearmon, work, dsn.
set -euo pipefail
export PATH="$PATH:/opt/swift/usr/bin"

if [ "${SKIP_BUILD:-0}" != 1 ]; then swift build -c release >&2; fi
bearmon=$PWD/.build/release/bearmon
work=$(mktemp -d /tmp/bearmon-bench-cluster.XXXXXX)
chmod 755 "$work"
pids=()
declare -A worker_pid

stop_pid() {
  local pid=$1 signal=${2:-TERM}
  kill -"$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  for pid in "${worker_pid[@]}" "${pids[@]}"; do stop_pid "$pid"; done
  rm -rf "$work"
}
trap cleanup EXIT

start_mariadb() {
  mariadb-install-db --no-defaults --datadir="$work/db" --user=root --auth-root-authentication-method=normal --skip-test-db >/dev/null
  mariadbd --no-defaults --datadir="$work/db" --socket="$work/mysqld.sock" --port=$((base + 99)) --bind-address=127.0.0.1 \
    --user=root --skip-log-bin --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2 >"$work/mysqld.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do mariadb-admin --no-defaults -S "$work/mysqld.sock" -uroot ping >/dev/null 2>&1 && break; sleep 0.1; done
  sql "CREATE DATABASE bench; CREATE USER 'bench'@'127.0.0.1' IDENTIFIED BY 'bench-pw'; GRANT ALL ON bench.* TO 'bench'@'127.0.0.1';" ""
  dsn="bench:bench-pw@tcp(127.0.0.1:$((base + 99)))/bench"
  mkdir -m 755 "$work/plugins"
  cc -shared -fPIC -O2 -I Sources/PluginABI/include -o "$work/plugins/libfixture.so" Tests/Fixtures/plugins/fixture.c
  for plugin in http webhook; do cp ".build/release/libbearmon-$plugin.so" "$work/plugins/"; done
  "$bearmon" db init --db "$dsn" >/dev/null
}

# sql STATEMENTS [DATABASE]: runs SQL as root over the unix socket; prints tab-separated rows.
sql() { mariadb --no-defaults -S "$work/mysqld.sock" -uroot -N -B ${2-bench} -e "$1"; }

start_viewserver() {
  {
    printf '[default]\npassword = bench-cluster-secret\nnode = viewserver\n[viewserver]\naddr = 127.0.0.1:%d\n' "$base"
    for i in $(seq 1 "$workers"); do printf 'controller = 127.0.0.1:%d\n' $((base + i)); done
  } >"$work/viewserver.cfg"
  "$bearmon" "$work/viewserver.cfg" >>"$work/viewserver.log" 2>&1 &
  pids+=($!)
}

# start_worker N: starts worker N (config written on first use).
start_worker() {
  local i=$1
  [ -f "$work/worker$i.cfg" ] || printf '[default]\npassword = bench-cluster-secret\nnode = w%d\n[controller]\naddr = 127.0.0.1:%d\ndatabase = %s\nconfirmations = 2\n[worker]\nviewAddr = 127.0.0.1:%d\nnumThreads = %d\n[plugins]\ndir = %s\n' \
    "$i" $((base + i)) "$dsn" "$base" "$threads" "$work/plugins" >"$work/worker$i.cfg"
  "$bearmon" "$work/worker$i.cfg" >>"$work/worker$i.log" 2>&1 &
  worker_pid[$i]=$!
}

# status_field EXPR: evaluates a Python expression over the cluster's status JSON (as `r`).
status_field() {
  "$bearmon" status --json --config "$work/worker1.cfg" 2>/dev/null \
    | /usr/bin/python3 -c "import json, sys; r = json.load(sys.stdin); print($1)" 2>/dev/null || true
}
