# Shared by the standalone benchmarks: a work directory removed on exit, the node started in
# $node_pid stopped by PID, the C test fixture (fixture_noop) built into $work/plugins, and
# seed_noop_checks. Source it from the repository root after building; it sets bearmon (the
# release build, or $BEARMON), work and db.
set -euo pipefail

command -v sqlite3 >/dev/null || { echo "bench: sqlite3 is missing (apt-get install sqlite3)" >&2; exit 1; }
bearmon=${BEARMON:-$PWD/.build/release/bearmon}

work=$(mktemp -d /tmp/bearmon-bench-standalone.XXXXXX)
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

# seed_noop_checks COUNT INTERVAL NAME: a new database with COUNT (0 or more) fixture_noop
# checks at INTERVAL seconds, each named by the SQL expression NAME over i (1...COUNT).
seed_noop_checks() {
  "$bearmon" db init --db "sqlite:$db" >/dev/null
  # The first row marks the database as used, so standalone does not seed its example.
  sqlite3 "$db" "UPDATE controller_view SET number = 1, holder = 'bench' WHERE id = 1;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
    INSERT INTO checks (name, type, data, check_interval, delay) SELECT $3, 'fixture_noop', '{}', $2, 1 FROM n WHERE $1 > 0;"
}
