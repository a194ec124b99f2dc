#!/usr/bin/env bash
# The main job: installs what is missing, builds in Release, makes the demo project (once): the
# public NAS-Bench-201 latency table (and HELP's FBNet table when it lies beside it: the workbench
# then shows its search-space picker), plus this machine as a local device measured with the CPU
# engine on HELP's 10 reference architectures and 6 small ones, and one predictor adapted to it
# (stored in the project and exported to build/demo/DEVICE.maplepred); then opens the workbench on it.
# Usage: scripts/run.sh [DATA_DIR]   (default: ../shared/data/help-nb201 beside this checkout)
# Without a display ($DISPLAY and $WAYLAND_DISPLAY empty) the workbench cannot be shown: it renders
# every view offscreen into build/demo/screenshots/ instead and prints the paths (set
# MAPLE_XVFB=1 to run the interactive window under xvfb-run instead, e.g. for a VNC session).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-$(pwd)/../shared/data/help-nb201}"
fbnet_data="$(dirname "$data")/help-fbnet"
scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target maple maple-workbench # the tests build with scripts/test.sh
maple=build/release/app/cli/maple
workbench=build/release/app/workbench/maple-workbench
demo=build/demo/demo.maple
# This machine under its host name (never an imported device's name: those are reference data).
local_device="$(hostname -s 2>/dev/null || true)"
local_device="local-${local_device:-machine}"
references=11982,431,55,9,14451,8636,9881,13479,6196,1462

# Measures this machine (a few seconds of CPU-engine runs) and adapts a predictor to it.
add_local_device() {
  local project="$1" small
  small=$("$maple" select --project "$project" --strategy flops-stratified --count 6 --max-mflops 40 --seed 1 |
    sed -n 's/.*--archs \([0-9,]*\).*/\1/p')
  "$maple" measure --project "$project" --device "$local_device" --engine cpu --threads 1 --repeats 10 --warmup 2 \
    --archs "$references${small:+,$small}"
  "$maple" adapt --project "$project" --device "$local_device" --shots 10 --save "demo-$local_device" \
    --out "build/demo/$local_device.maplepred" --force
}

has_fbnet() { [[ $("$maple" info --project "$1" --json) == *'"fbnet"'* ]]; }

# HELP's FBNet table, when it lies beside the NAS-Bench-201 one and the project lacks it.
add_fbnet() {
  [ -f "$fbnet_data/fbnet_latency_ms.csv" ] || return 0
  has_fbnet "$1" || "$maple" import --project "$1" "$fbnet_data" --format help-fbnet
}

if [ ! -f "$demo" ]; then
  [ -f "$data/nb201_latency_ms.csv" ] || { echo "no nb201_latency_ms.csv in $data: pass the data folder as the first argument" >&2; exit 2; }
  mkdir -p build/demo
  tmp="$demo.partial"
  rm -f "$tmp" "$tmp-wal" "$tmp-shm"
  "$maple" new "$tmp"
  "$maple" import --project "$tmp" "$data"
  add_local_device "$tmp"
  add_fbnet "$tmp"
  mv "$tmp" "$demo"
elif ! "$maple" devices --project "$demo" --json | grep -Eq "\"name\": ?\"$local_device\""; then
  add_local_device "$demo" # a demo made before the local device was part of it
fi
add_fbnet "$demo" # a demo made before FBNet was part of it
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
  if has_fbnet "$demo"; then
    "$workbench" --project "$demo" --space fbnet --view samples --screenshot build/demo/screenshots/samples-fbnet.png
  fi
fi
