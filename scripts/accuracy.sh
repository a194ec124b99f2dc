#!/usr/bin/env bash
# Regenerates docs/accuracy.md with `maple eval` on the public data sets.
# NAS-Bench-201: every shot policy (random as mean +- sd over SEEDS seeds; reference and design are
# deterministic, one run), on HELP's split and on held-out splits of several kinds (each device
# family left out, a pool without the target's batch size, a pool of four devices, one runtime kind
# to another), every method on HELP's split, and the default method's ceiling. About 40
# evaluations. With a Release build both parts take about 12 minutes on a 2-core machine (20 seeds).
# FBNet: HELP's FBNet meta-train devices (or a part of them) as the pool, against splits of the
# other devices (HELP's meta-validation devices, the devices in neither of HELP's lists, each device
# family left out, a pool without batch 64); on every split every method with designed shots and the
# default method also with random (FB_SEEDS seeds) and HELP's reference shots;
# opcost's sharing cross-validation on HELP's pool.
# Usage: scripts/accuracy.sh [DATA_DIR] [SEEDS]   (defaults: ../shared/data/help-nb201, 20)
# ACC_SPACES="nb201 fbnet" (default) names the parts to run; a part not run keeps its section of
# docs/accuracy.md. FB_DATA (default ../shared/data/help-fbnet), FB_SEEDS (default 20).
# MAPLE_PRESET=dev reuses a dev build (the predictors are optimised there too); MAPLE=PATH runs that
# maple binary without building; ACC_METHODS="opcost lowrank" limits the all-method tables;
# ACC_WORK=DIR keeps the projects and runs there and reuses the runs already made.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-$(pwd)/../shared/data/help-nb201}"
seeds="${2:-20}"
fb_data="${FB_DATA:-$(pwd)/../shared/data/help-fbnet}"
fb_seeds="${FB_SEEDS:-20}"
spaces="${ACC_SPACES:-nb201 fbnet}"
wants() { case " $spaces " in *" $1 "*) true;; *) false;; esac; }
need() { [ -f "$1/devices.csv" ] || { echo "accuracy.sh: no data set at $1 (devices.csv missing): $2" >&2; exit 2; }; }
! wants nb201 || need "$data" "pass its folder as DATA_DIR"
! wants fbnet || need "$fb_data" "set FB_DATA to its folder"
preset="${MAPLE_PRESET:-release}"
if [ -n "${MAPLE:-}" ]; then
  maple=$MAPLE
else
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" --target maple >/dev/null
  maple=build/$preset/app/cli/maple
fi
if [ -n "${ACC_WORK:-}" ]; then
  work=$ACC_WORK # kept; runs already there are reused (resume after an interruption)
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
methods=${ACC_METHODS:-$("$maple" eval --help | sed -n 's/.*--method TEXT *Method: \(.*\) (default.*/\1/p' | tr -d ',')}
default=$("$maple" eval --help | sed -n 's/.*--method TEXT .*(default \([a-z-]*\)).*/\1/p')
list() { tr ' ' '\n' | sed '/^$/d' | paste -sd, -; } # words -> A,B,C
# use DATA_DIR [FORMAT]: a fresh project of one data set; sets proj, out (its runs), all_devices, family.
use() {
  proj="$work/$(basename "$1").maple"
  out="$work/$(basename "$1").runs"
  if [ ! -f "$proj" ]; then
    "$maple" -q new "$proj" >/dev/null
    # A failed import leaves no project behind, so a rerun with ACC_WORK imports again.
    "$maple" -q import --project "$proj" "$1" ${2:+--format "$2"} >/dev/null ||
      { rm -f "$proj"; echo "accuracy.sh: importing $1 failed (the reason above)" >&2; exit 2; }
  fi
  mkdir -p "$out"
  all_devices=$("$maple" devices --project "$proj" --json | python3 -c 'import json,sys; print(" ".join(d["name"] for d in json.load(sys.stdin)["devices"]))')
  family=$(python3 -c 'import csv,sys; [print(r["device"], r["family"]) for r in csv.DictReader(open(sys.argv[1]))]' "$1/devices.csv")
}
fam() { echo "$family" | awk -v d="$1" '$1 == d {print $2}'; }
pick() { for d in $all_devices; do if eval "$1"; then echo "$d"; fi; done | list; } # devices $d where the test holds

help_train=1080ti_1,1080ti_32,1080ti_256,silver_4114,silver_4210r,samsung_a50,pixel3,essential_ph_1,samsung_s7,titanx_1,titanx_32,titanx_256,gold_6240
help_test=titan_rtx_256,gold_6226,fpga,pixel2,raspi4,eyeriss

# run NAME PROTOCOL METHOD DESCRIPTOR POLICY TRAIN TEST (in the project `use` made; random: $n seeds)
run() {
  local k=$n file="$out/$1.$2.$3.$4.$5.json"
  [ "$5" = random ] || k=1 # reference and design are deterministic: one run says it all
  [ ! -s "$file" ] || return 0
  echo "eval: $(basename "$proj" .maple), $1, $2, $3, $4, $5" >&2
  "$maple" -q eval --project "$proj" --train-devices "$6" --test-devices "$7" --shots 3,10 --seeds "$k" \
    --method "$3" --descriptor "$4" --protocol "$2" --shot-policy "$5" --json >"$file.part" ||
    { rm -f "$file.part"; echo "accuracy.sh: maple eval failed for $(basename "$file") (the reason above)" >&2; exit 2; }
  mv "$file.part" "$file"
}
# A tree with uncommitted changes says so: its figures are not the commit's.
commit=$(git describe --always --dirty)

if wants nb201; then
use "$data"
n=$seeds
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
  "$maple" -q eval --project "$proj" --train-devices "$help_train" --test-devices "$help_test" --shots 10,15625 \
    --seeds 1 --method "$default" --protocol "$p" --shot-policy reference --json >"$out/ceiling.$p.json"
done
# Every device's ceiling, for the goals' table (a split's is its test devices' mean): HELP's pool's
# devices from the others and the others from HELP's pool (with every latency a shot the prior barely matters).
others=$(pick '! echo ",$help_train," | grep -q ",$d,"')
for half in "$help_train:$others:others" "$others:$help_train:pool"; do
  IFS=: read -r train test part <<<"$half"
  [ -s "$out/ceiling.every.$part.json" ] && continue
  echo "eval: ceiling, every device ($part)" >&2
  "$maple" -q eval --project "$proj" --train-devices "$train" --test-devices "$test" --shots 15625 --seeds 1 \
    --method "$default" --descriptor specs --protocol full --shot-policy reference --json >"$out/ceiling.every.$part.json"
done
secs=$(( $(date +%s) - t0 ))
python3 scripts/accuracy_report.py "$out" "$seeds" "$secs" "$commit" "$default" "${splits[@]}" >"$work/nb201.md"
fi

if wants fbnet; then
use "$fb_data" help-fbnet
n=$fb_seeds
t0=$(date +%s)
# HELP's FBNet meta-train devices; its meta-validation devices are the `help` split's test devices.
fb_train=1080ti_1,1080ti_32,1080ti_64,silver_4114,silver_4210r,samsung_a50,pixel3,essential_ph_1,samsung_s7
fb_help_test=titanx_1,titanx_32,titanx_64,gold_6240
in_train='echo ",$fb_train," | grep -q ",$d,"'
fb_splits=("help:$fb_train:$fb_help_test")
fb_splits+=("others:$fb_train:$(pick "! { $in_train; } && ! echo ,$fb_help_test, | grep -q ,\$d,")")
for f in gpu server_cpu mobile_soc; do
  fb_splits+=("family-$f:$(pick "$in_train && [ \"\$(fam \$d)\" != $f ]"):$(pick "[ \"\$(fam \$d)\" = $f ]")")
done
fb_splits+=("batch:$(pick "$in_train && [ \"\${d%_64}\" = \"\$d\" ]"):$(pick '[ "${d%_64}" != "$d" ]')")
for s in "${fb_splits[@]}"; do
  IFS=: read -r name train test <<<"$s"
  for m in $methods; do run "$name" full "$m" specs design "$train" "$test"; done
  run "$name" full "$default" specs random "$train" "$test"
  run "$name" full "$default" reference-latency reference "$train" "$test"
done
# opcost's cross-validated choice of op-count sharing on HELP's pool.
echo "train: fbnet, help, opcost" >&2
[ -s "$out/sharing.help.maplepred" ] ||
  "$maple" -q train --project "$proj" --method opcost --descriptor specs --train-devices "$fb_train" --out "$out/sharing.help.maplepred" >/dev/null
secs=$(( $(date +%s) - t0 ))
python3 scripts/accuracy_report.py --fbnet "$out" "$fb_seeds" "$secs" "$commit" "$default" "${fb_splits[@]}" >"$work/fbnet.md"
fi

# A part not run keeps its section of the current page (NAS-Bench-201 before "## FBNet", FBNet after).
[ -f "$work/nb201.md" ] || sed '/^## FBNet/,$d' docs/accuracy.md >"$work/nb201.md"
[ -f "$work/fbnet.md" ] || sed -n '/^## FBNet/,$p' docs/accuracy.md >"$work/fbnet.md"
cat "$work/nb201.md" "$work/fbnet.md" >docs/accuracy.md
echo "wrote docs/accuracy.md" >&2
