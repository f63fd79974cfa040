#!/usr/bin/env bash
# The cost of [plugins] isolate per call: `bearmon bench` runs the C fixture's no-op check
# (fixture_noop) and its echo check in-process and in a plugin-host helper, one call at a
# time and 32 at once, and prints each run's figures. Run from the repository root after
# `swift build -c release` (or set BEARMON to another build).
source "$(dirname "$0")/lib/standalone.sh"

printf '' > "$work/inprocess.cfg"
printf '[plugins]\nisolate = fixture\n' > "$work/isolated.cfg"
count=${COUNT:-20000}
for type in fixture_noop fixture; do
  data='{}'
  [ "$type" = fixture ] && data='{"mode":"echo","headers":{"a":"b"}}'
  for concurrency in 1 32; do
    for mode in inprocess isolated; do
      echo "== $type, $mode, concurrency $concurrency, $count calls"
      "$bearmon" bench "$type" --data "$data" --count "$count" --concurrency "$concurrency" \
        --plugins "$work/plugins" --config "$work/$mode.cfg"
    done
  done
done
