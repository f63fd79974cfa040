#!/usr/bin/env bash
# Builds bearmon's fuzz targets (fuzz/targets/NAME) with libFuzzer and AddressSanitizer in
# their own build directory (.build-fuzz, apart from the normal .build), then runs each for
# a bounded time from its committed seed corpus (fuzz/corpus/NAME). A crash, a Swift trap, a
# sanitizer report or an input slower than 10 s fails the run; the input that did it is kept
# in .build-fuzz/artifacts. New inputs the fuzzer finds go to .build-fuzz/corpus/NAME, never
# into the committed corpus.
#
#   fuzz/run.sh                         every target, FUZZ_SECONDS (default 25) each
#   FUZZ_SECONDS=600 fuzz/run.sh dns    one target, ten minutes
#   fuzz/run.sh push -- -jobs=2         anything after -- goes to libFuzzer
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

all=(push gcfg params dns)
targets=()
extra=()
while (($#)); do
    case "$1" in
        --) shift; extra=("$@"); break ;;
        *) targets+=("$1"); shift ;;
    esac
done
((${#targets[@]})) || targets=("${all[@]}")
for name in "${targets[@]}"; do
    [[ " ${all[*]} " == *" $name "* ]] || { echo "fuzz/run.sh: no fuzz target '$name' (targets: ${all[*]})" >&2; exit 2; }
done

seconds="${FUZZ_SECONDS:-25}"
build=.build-fuzz
# SwiftPM's --sanitize=fuzzer gives the executables libFuzzer's main; the single combined
# -sanitize flag after it is the one swiftc keeps (with two, the last wins), so every module,
# the code under test as well as the harness, gets coverage and ASan instrumentation.
# BEARMON_FUZZ adds the fuzz targets to Package.swift. gold's warnings that it cannot export
# ASan's symbols (the dns plugin's version script hides them) are noise, and left out.
for name in "${targets[@]}"; do
    echo "== building fuzz-$name"
    BEARMON_FUZZ=1 swift build --build-path "$build" --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --product "fuzz-$name" 2>&1 \
        | { grep -v "Cannot export local symbol" || true; }
done

# Swift's own backtracer would catch the trap before libFuzzer saves the input.
export SWIFT_BACKTRACE=enable=no
for name in "${targets[@]}"; do
    echo "== fuzzing $name for ${seconds}s"
    mkdir -p "$build/corpus/$name" "$build/artifacts"
    "$build/debug/fuzz-$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$build/artifacts/$name-" "$build/corpus/$name" "fuzz/corpus/$name" ${extra[@]+"${extra[@]}"} 2>&1 \
        | grep -v -E '^#[0-9]+\s+(NEW|REDUCE|pulse)' \
        || { echo "fuzz/run.sh: fuzz-$name failed; the input is in $build/artifacts/ (replay: $build/debug/fuzz-$name FILE)" >&2; exit 1; }
done
echo "== fuzzing passed: ${targets[*]}"
