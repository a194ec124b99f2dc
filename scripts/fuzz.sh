#!/bin/sh
# The long fuzz run of the predictor file's whole load path (decode, restore, adapt, predict; #15):
# builds the libFuzzer target and the seed writer in a configured build folder, writes the seed
# corpus (real files of every method, pool-trained and adapted, plus tests/fuzz/regressions), runs
# the fuzzer for SECONDS and prints its executions and the corpus it ended with. A finding is saved
# under WORK/artifacts and the run exits nonzero; commit such an input to tests/fuzz/regressions.
# Usage: scripts/fuzz.sh [SECONDS] [BUILD_DIR] [INPUT_TIMEOUT]   (defaults: 300, build/dev, 120 s of
# wall clock per input, for a machine busy with other work; needs clang and libclang-rt-14-dev at
# configure time)
set -eu
cd "$(dirname "$0")/.."
seconds="${1:-300}"
build="${2:-build/dev}"
timeout="${3:-120}"
cmake --build "$build" --target fuzz_predictor_file_build fuzz_write_seeds >/dev/null
work="$build/tests/fuzz/work-$seconds"
log="$work.log"
status=0
sh tests/fuzz/run_fuzz.sh "$build/tests/fuzz/fuzz_predictor_file_clang" "$build/tests/fuzz/fuzz_write_seeds" \
  "$work" "$seconds" "$timeout" >"$log" 2>&1 || status=$?
grep -E '^#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==ERROR|SUMMARY' "$log" || true
findings=$(ls "$work/artifacts" | grep -vc '^slow-unit-' || true) # slow units (over 10 s) are not failures
echo "corpus: $(ls "$work/corpus" | wc -l) files, $(du -sk "$work/corpus" | cut -f1) KiB; findings: $findings; slow units: $(ls "$work/artifacts" | grep -c '^slow-unit-' || true) (log: $log)"
exit "$status"
