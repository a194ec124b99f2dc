#!/usr/bin/env bash
# Regenerates docs/accuracy.md with `maple eval` on the public NAS-Bench-201 data set: every shot
# policy (random as mean +- sd over SEEDS seeds; reference and design are deterministic, one run),
# on HELP's split and on held-out splits of several kinds (each device family left out, a pool
# without the target's batch size, a pool of four devices, one runtime kind to another), every
# method on HELP's split, and the default method's ceiling. About 40 evaluations: 10 minutes on
# an idle 2-core machine.
# Usage: scripts/accuracy.sh [DATA_DIR] [SEEDS]   (defaults: ../shared/data/help-nb201, 10)
# MAPLE_PRESET=dev reuses a dev build (the predictors are optimised there too); MAPLE=PATH runs that
# maple binary without building; ACC_METHODS="opcost lowrank" limits HELP's all-method table.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-$(pwd)/../shared/data/help-nb201}"
seeds="${2:-10}"
preset="${MAPLE_PRESET:-release}"
if [ -n "${MAPLE:-}" ]; then
  maple=$MAPLE
else
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" --target maple >/dev/null
  maple=build/$preset/app/cli/maple
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$maple" new "$work/acc.maple" >/dev/null
"$maple" import --project "$work/acc.maple" "$data" >/dev/null 2>&1
mkdir -p "$work/runs"

methods=${ACC_METHODS:-$("$maple" eval --help | sed -n 's/.*--method TEXT *Method: \(.*\) (default.*/\1/p' | tr -d ',')}
default=$("$maple" eval --help | sed -n 's/.*--method TEXT .*(default \([a-z-]*\)).*/\1/p')
all_devices=$("$maple" devices --project "$work/acc.maple" --json | python3 -c 'import json,sys; print(" ".join(d["name"] for d in json.load(sys.stdin)["devices"]))')
family=$(python3 -c 'import csv,sys; [print(r["device"], r["family"]) for r in csv.DictReader(open(sys.argv[1]))]' "$data/devices.csv")
fam() { echo "$family" | awk -v d="$1" '$1 == d {print $2}'; }
list() { tr ' ' '\n' | sed '/^$/d' | paste -sd, -; } # words -> A,B,C
pick() { for d in $all_devices; do if eval "$1"; then echo "$d"; fi; done | list; } # devices $d where the test holds

help_train=1080ti_1,1080ti_32,1080ti_256,silver_4114,silver_4210r,samsung_a50,pixel3,essential_ph_1,samsung_s7,titanx_1,titanx_32,titanx_256,gold_6240
help_test=titan_rtx_256,gold_6226,fpga,pixel2,raspi4,eyeriss

# run NAME PROTOCOL METHOD DESCRIPTOR POLICY TRAIN TEST
run() {
  local n=$seeds
  [ "$5" = random ] || n=1 # reference and design are deterministic: one run says it all
  echo "eval: $1, $2, $3, $4, $5" >&2
  "$maple" eval --project "$work/acc.maple" --train-devices "$6" --test-devices "$7" --shots 3,10 --seeds "$n" \
    --method "$3" --descriptor "$4" --protocol "$2" --shot-policy "$5" --json 2>/dev/null >"$work/runs/$1.$2.$3.$4.$5.json"
}
t0=$(date +%s)
# HELP's split: every method with designed shots; every policy for the default method, with both
# descriptors (with random or designed shots the reference-latency descriptor is mostly empty).
for m in $methods; do run help full "$m" specs design "$help_train" "$help_test"; done
for pol in random reference; do run help full "$default" specs "$pol" "$help_train" "$help_test"; done
for pol in random reference design; do
  run help full "$default" reference-latency "$pol" "$help_train" "$help_test"
  run help help "$default" specs "$pol" "$help_train" "$help_test"
done
# Held-out splits: NAME:TRAIN:TEST (a split of several parts is pooled over its test devices).
splits=()
for f in gpu server_cpu mobile_soc edge; do
  if [ $f = edge ]; then t='case $(fam $d) in sbc|asic|fpga) true;; *) false;; esac'; else t='[ "$(fam $d)" = '$f' ]'; fi
  splits+=("family-$f:$(pick "! { $t; }"):$(pick "$t")")
done
splits+=("batch:$(pick '[ "${d%_256}" = "$d" ]'):$(pick '[ "${d%_256}" != "$d" ]')")
few=1080ti_32,silver_4210r,pixel3,samsung_s7
splits+=("few:$few:$(pick '! echo ",$few," | grep -q ",$d," && [ "${d#1080ti}" = "$d" ]')")
splits+=("kind:$(pick 'case $(fam $d) in gpu|server_cpu) true;; *) false;; esac'):$(pick 'case $(fam $d) in gpu|server_cpu) false;; *) true;; esac')")
for s in "${splits[@]}"; do
  IFS=: read -r name train test <<<"$s"
  for pol in random reference design; do run "$name" full "$default" specs "$pol" "$train" "$test"; done
done
# The default method's ceiling: every latency of the test device as a shot (in-sample).
for p in full help; do
  echo "eval: ceiling, $p" >&2
  "$maple" eval --project "$work/acc.maple" --train-devices "$help_train" --test-devices "$help_test" --shots 10,15625 \
    --seeds 1 --method "$default" --protocol "$p" --shot-policy reference --json 2>/dev/null >"$work/ceiling.$p.json"
done
secs=$(( $(date +%s) - t0 ))

python3 scripts/accuracy_report.py "$work" "$seeds" "$secs" "$(git rev-parse --short HEAD)" "$default" "${splits[@]}" >docs/accuracy.md
echo "wrote docs/accuracy.md" >&2
