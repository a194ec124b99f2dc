#!/usr/bin/env bash
# Installs what is missing, builds (reusing build/ on a second run) and runs the whole CTest suite.
# Usage: scripts/test.sh [preset]   (dev by default; asan runs the same suite under sanitizers)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
scripts/deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" -j "$(nproc)"
