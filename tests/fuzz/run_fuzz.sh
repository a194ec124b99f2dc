#!/bin/sh
# Runs the predictor file fuzzer for a bounded time on a seed corpus it writes itself (real files of
# every method, about 20 KB each; -max_len leaves room to grow them). -timeout is generous: adapting
# an MLP seed under ASan takes over 20 s on a loaded 2-core machine, which is slowness, not a hang.
# Usage: run_fuzz.sh FUZZER SEED_WRITER WORK_DIR SECONDS   (FUZZER empty: no clang, skip)
fuzzer="$1" seeds="$2" work="$3" seconds="$4"
if [ -z "$fuzzer" ]; then
  echo "skipped: clang++ with libFuzzer (packages clang, libclang-rt-14-dev) was not found at configure time"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work/corpus" "$work/artifacts" || exit 1
"$seeds" "$work/corpus" || exit 1
exec "$fuzzer" "$work/corpus" -max_total_time="$seconds" -timeout=90 -rss_limit_mb=4096 -max_len=1048576 \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1
