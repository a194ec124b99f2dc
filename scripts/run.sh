#!/usr/bin/env bash
# The main job: installs what is missing, builds in Release, makes the demo project from the public
# NAS-Bench-201 latency table (once), and opens the workbench on it.
# Usage: scripts/run.sh [DATA_DIR]   (default: ../shared/data/help-nb201 beside this checkout)
# Without a display ($DISPLAY and $WAYLAND_DISPLAY empty) the workbench cannot be shown: it renders
# every view offscreen into build/demo/screenshots/ instead and prints the paths (set
# MAPLE_XVFB=1 to run the interactive window under xvfb-run instead, e.g. for a VNC session).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-$(pwd)/../shared/data/help-nb201}"
scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target maple maple-workbench # the tests build with scripts/test.sh
maple=build/release/app/cli/maple
workbench=build/release/app/workbench/maple-workbench
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
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$workbench" --project "$demo"
elif [ "${MAPLE_XVFB:-0}" = 1 ]; then
  exec xvfb-run -a "$workbench" --project "$demo"
else
  echo "no display: rendering each view of $demo offscreen" >&2
  mkdir -p build/demo/screenshots
  for view in devices capture samples predictions; do
    "$workbench" --project "$demo" --view "$view" --screenshot "build/demo/screenshots/$view.png"
  done
fi
