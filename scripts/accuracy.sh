#!/usr/bin/env bash
# Regenerates docs/accuracy.md: every method and descriptor available on the public data set, on
# HELP's split (both protocols) and on a second split, 3 and 10 shots, with `maple eval`; the default
# method's ceiling (every latency as a shot) and every device left out in turn.
# Usage: scripts/accuracy.sh [DATA_DIR] [SEEDS]   (defaults: ../shared/data/help-nb201, 10)
# MAPLE_PRESET=dev reuses a dev build (the predictors are optimised there too).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-$(pwd)/../shared/data/help-nb201}"
seeds="${2:-10}"
preset="${MAPLE_PRESET:-release}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --target maple >/dev/null
maple=build/$preset/app/cli/maple
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$maple" new "$work/acc.maple" >/dev/null
"$maple" import --project "$work/acc.maple" "$data" >/dev/null 2>&1

help_train=1080ti_1,1080ti_32,1080ti_256,silver_4114,silver_4210r,samsung_a50,pixel3,essential_ph_1,samsung_s7,titanx_1,titanx_32,titanx_256,gold_6240
help_test=titan_rtx_256,gold_6226,fpga,pixel2,raspi4,eyeriss
b_train=1080ti_1,1080ti_32,1080ti_256,titanx_1,titanx_32,titanx_256,titan_rtx_1,titan_rtx_32,titan_rtx_256,gold_6240,silver_4210r,pixel2,pixel3,essential_ph_1,samsung_a50,samsung_s7,raspi4,eyeriss,fpga
b_test=2080ti_1,2080ti_32,2080ti_256,titanxp_1,titanxp_32,titanxp_256,gold_6226,silver_4114
methods=$("$maple" eval --help | sed -n 's/.*--method TEXT *Method: \(.*\) (default.*/\1/p' | tr -d ',')
default=$("$maple" eval --help | sed -n 's/.*--method TEXT .*(default \([a-z-]*\)).*/\1/p')
all_devices=$("$maple" devices --project "$work/acc.maple" --json | python3 -c 'import json,sys; print(" ".join(d["name"] for d in json.load(sys.stdin)["devices"]))')

run() { # split protocol method descriptor train test
  local out="$work/$1.$2.$3.$4.json"
  echo "eval: split $1, $2, $3, $4" >&2
  "$maple" eval --project "$work/acc.maple" --train-devices "$5" --test-devices "$6" --shots 3,10 \
    --seeds "$seeds" --method "$3" --descriptor "$4" --protocol "$2" --json 2>/dev/null >"$out"
}
t0=$(date +%s)
for m in $methods; do
  for d in reference-latency specs; do
    run help full "$m" "$d" "$help_train" "$help_test"
    run help help "$m" "$d" "$help_train" "$help_test"
    run other full "$m" "$d" "$b_train" "$b_test"
  done
done
# The default method's ceiling: every latency of the test device as a shot (in-sample).
for p in full help; do
  echo "eval: ceiling, $p" >&2
  "$maple" eval --project "$work/acc.maple" --train-devices "$help_train" --test-devices "$help_test" --shots 10,15625 \
    --seeds 1 --method "$default" --protocol "$p" --json 2>/dev/null >"$work/ceiling.$p.json"
done
# Leave one device out: each device unseen in turn, trained on the others less its own chip at
# other batch sizes (an unseen device rarely has a twin in the pool).
chip() { case "$1" in essential_ph_1) echo "$1" ;; *_1|*_32|*_256) echo "${1%_*}" ;; *) echo "$1" ;; esac; }
mkdir -p "$work/lodo"
for m in "$default" lowrank; do
  for t in $all_devices; do
    train=$(for d in $all_devices; do [ "$(chip "$d")" = "$(chip "$t")" ] || printf '%s,' "$d"; done)
    echo "eval: leave out $t, $m" >&2
    "$maple" eval --project "$work/acc.maple" --train-devices "${train%,}" --test-devices "$t" --shots 3,10 \
      --seeds "$seeds" --method "$m" --protocol full --json 2>/dev/null >"$work/lodo/$m.$t.json"
  done
done
secs=$(( $(date +%s) - t0 ))

python3 scripts/accuracy_report.py "$work" "$seeds" "$secs" "$(git rev-parse --short HEAD)" "$default" >docs/accuracy.md
echo "wrote docs/accuracy.md" >&2
