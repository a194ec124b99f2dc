#!/usr/bin/env bash
# Regenerates every screenshot of docs/workbench.md (docs/images/), offscreen, with the scripted
# mode of the workbench: no figure of the docs lacks its command.
#   1. the demo as scripts/run.sh makes it: the public NAS-Bench-201 latency table, plus this
#      machine (as local-machine) measured with the CPU engine on HELP's 10 reference
#      architectures and 2 small ones;
#   2. devices, capture and samples views on it, the target being local-machine;
#   3. predictions: adapt to local-machine with the default settings (--run; design shot policy);
#   4. cross-device: a run over 12 of the table's devices (four chips at three batch sizes, kept
#      whole in the folds) on its first 2,000 architectures, so it takes a minute, not an hour.
# Usage: scripts/screenshots.sh [BUILD_DIR] [DATA_DIR]
#   BUILD_DIR: holding app/cli/maple and app/workbench/maple-workbench (default build/release)
#   DATA_DIR: the folder of nb201_latency_ms.csv and devices.csv (default ../shared/data/help-nb201)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/release}"
data="${2:-$(pwd)/../shared/data/help-nb201}"
maple="$build/app/cli/maple"
workbench="$build/app/workbench/maple-workbench"
out=docs/images
size=1280x800
[ -x "$maple" ] && [ -x "$workbench" ] || { echo "no maple and maple-workbench in $build: build them first" >&2; exit 2; }
[ -f "$data/nb201_latency_ms.csv" ] || { echo "no nb201_latency_ms.csv in $data: pass the data folder" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 # English, plurals included
mkdir -p "$out"
# Qt's offscreen platform says it cannot propagate size hints, once per window: not news.
shot() { "$workbench" --size "$size" --screenshot "$@" 2> >(grep -v propagateSizeHints >&2) >/dev/null; }

# 1. The demo project with this machine measured.
demo="$work/demo.maple"
"$maple" new "$demo" >/dev/null
"$maple" import --project "$demo" "$data" >/dev/null
small=$("$maple" select --project "$demo" --strategy flops-stratified --count 2 --max-mflops 40 --seed 1 |
  sed -n 's/.*--archs \([0-9,]*\).*/\1/p')
"$maple" measure --project "$demo" --device local-machine --engine cpu --threads 1 --repeats 10 --warmup 2 \
  --archs "11982,431,55,9,14451,8636,9881,13479,6196,1462${small:+,$small}" >/dev/null

# 2-3. The views of the loop, in its order.
shot "$out/devices.png" --project "$demo" --device local-machine --view devices
shot "$out/capture.png" --project "$demo" --device local-machine --view capture
shot "$out/samples.png" --project "$demo" --device local-machine --view samples
shot "$out/predictions.png" --project "$demo" --device local-machine --view predictions --run

# 4. Cross-device on a part of the table.
part="$work/part"
mkdir -p "$part"
columns="1080ti_1 1080ti_32 1080ti_256 2080ti_1 2080ti_32 2080ti_256 titan_rtx_1 titan_rtx_32 titan_rtx_256 gold_6226 pixel3 raspi4"
awk -F, -v OFS=, -v want="$columns" '
  NR == 1 { n = split(want, w, " "); for (i = 1; i <= NF; i++) col[$i] = i; line = "idx,arch_str"
            for (j = 1; j <= n; j++) line = line "," w[j]; print line; next }
  $1 < 2000 || $1 ~ /^(11982|431|55|9|14451|8636|9881|13479|6196|1462)$/ {
            line = $1 "," $2; for (j = 1; j <= n; j++) line = line "," $(col[w[j]]); print line }' \
  "$data/nb201_latency_ms.csv" >"$part/nb201_latency_ms.csv"
awk -F, -v want="$columns" 'BEGIN { n = split(want, w, " "); for (j = 1; j <= n; j++) keep[w[j]] = 1 }
  NR == 1 || ($1 in keep)' "$data/devices.csv" >"$part/devices.csv"
cross="$work/cross.maple"
"$maple" new "$cross" >/dev/null
"$maple" import --project "$cross" "$part" >/dev/null
shot "$out/cross-device.png" --project "$cross" --view cross-device --run
ls -l "$out"
