#!/usr/bin/env bash
# The CUDA engine's checks on a machine with a GPU, in one short run: builds the plugin, the CUDA
# tests and bench_engine in a Release build without the GUI, prints the GPU, runs test_engine_cuda_plan
# and test_engine_cuda (fails when a GPU test skips although nvidia-smi lists a GPU), then
# bench_engine --engine cuda (device and wall medians, error against the CPU engine). Everything it
# prints is also written to BUILD/gpu_check.txt.
# Usage: scripts/gpu_check.sh [--quick] [--build DIR]
#   --quick: 3 architectures per space and fewer repeats (a smoke run, not figures to report)
#   --build: build folder (default build/gpu; reused on a second run)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=()
build=build/gpu
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=(--quick) ;;
    --build) build="${2:?--build needs a folder}"; shift ;;
    *) echo "usage: scripts/gpu_check.sh [--quick] [--build DIR]" >&2; exit 1 ;;
  esac
  shift
done
cuda="${CUDA_HOME:-/usr/local/cuda}"
for tool in cmake ninja "$cuda/bin/nvcc"; do
  command -v "$tool" >/dev/null || { echo "gpu_check: $tool is missing (../shared/guide/TOOLCHAIN.md, scripts/deps.sh)" >&2; exit 2; }
done
mkdir -p "$build"
exec > >(tee "$build/gpu_check.txt") 2>&1

echo "== GPU"
gpus=$(nvidia-smi -L 2>/dev/null | grep -c '^GPU' || true)
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv,noheader 2>/dev/null || echo "nvidia-smi lists no GPU"

echo "== build ($build, Release)"
SECONDS=0
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CUDA_COMPILER="$cuda/bin/nvcc" \
  -DMAPLE_WITH_CUDA=ON -DMAPLE_BUILD_GUI=OFF -DMAPLE_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --target maple-engine-cuda test_engine_cuda_plan test_engine_cuda bench_engine
echo "built in ${SECONDS} s"

export MAPLE_PLUGIN_DIR="$build/plugins" QT_QPA_PLATFORM=offscreen
status=0
for t in test_engine_cuda_plan test_engine_cuda; do
  echo "== $t"
  "$build/tests/engine/$t" 2>&1 | tee "$build/$t.txt" || status=1
done
if [ "$gpus" -gt 0 ] && grep '^SKIP' "$build/test_engine_cuda.txt" | grep -v withoutADeviceSaysSo; then
  echo "gpu_check: nvidia-smi lists $gpus GPU(s) but the GPU tests above skipped"
  status=1
fi

echo "== bench_engine --engine cuda ${quick[*]}"
"$build/bench/bench_engine" --engine cuda "${quick[@]}" || status=1
echo "== gpu_check: $([ "$status" = 0 ] && echo passed || echo FAILED)"
exit "$status"
