#!/bin/sh
# Runs the predictor file fuzzer for a bounded time on a seed corpus it writes itself (real files of
# every method, about 20 KB each; -max_len leaves room to grow them).
# Usage: run_fuzz.sh FUZZER SEED_WRITER WORK_DIR SECONDS [INPUT_TIMEOUT]   (FUZZER empty: no clang,
# skip). INPUT_TIMEOUT (default 90 s) is wall-clock seconds for one input: an MLP seed's adaptation
# takes about 3 s of CPU here, over 20 s of wall time on a loaded 2-core machine (slowness, not a hang).
fuzzer="$1" seeds="$2" work="$3" seconds="$4" timeout="${5:-90}"
if [ -z "$fuzzer" ]; then
  echo "skipped: clang++ with libFuzzer (packages clang, libclang-rt-14-dev) was not found at configure time"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work/corpus" "$work/artifacts" || exit 1
"$seeds" "$work/corpus" || exit 1
exec "$fuzzer" "$work/corpus" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=4096 -max_len=1048576 \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1
