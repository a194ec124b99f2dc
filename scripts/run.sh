#!/usr/bin/env bash
# The main job: installs what is missing, builds in Release, makes the demo project from the public
# NAS-Bench-201 latency table (once), and walks through it.
# Usage: scripts/run.sh [DATA_DIR]   (default: ../shared/data/help-nb201 beside this checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-$(pwd)/../shared/data/help-nb201}"
scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
maple=build/release/app/cli/maple
demo=build/demo/demo.maple
if [ ! -f "$demo" ]; then
  [ -f "$data/nb201_latency_ms.csv" ] || { echo "no nb201_latency_ms.csv in $data: pass the data folder as the first argument" >&2; exit 2; }
  mkdir -p build/demo
  tmp="$demo.partial"
  rm -f "$tmp" "$tmp-wal" "$tmp-shm"
  "$maple" new "$tmp"
  "$maple" import --project "$tmp" "$data"
  mv "$tmp" "$demo"
fi
"$maple" info --project "$demo"
"$maple" devices --project "$demo"
