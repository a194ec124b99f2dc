#!/bin/sh
# The German catalogue translates every tr() string the sources hold now, and the English one every
# plural: lupdate runs on copies, so a string added since the last translations/update.sh counts.
set -eu
lupdate=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$src/translations/maple_de.ts" "$src/translations/maple_en.ts" "$tmp/"
cd "$src"
"$lupdate" -silent -locations none app/workbench/main.cpp widgets -ts "$tmp/maple_de.ts"
"$lupdate" -silent -locations none -pluralonly app/workbench/main.cpp widgets -ts "$tmp/maple_en.ts"
status=0
for ts in "$tmp/maple_de.ts" "$tmp/maple_en.ts"; do
  total=$(grep -c '<message' "$ts" || true)
  open=$(grep -c 'type="unfinished"' "$ts" || true)
  echo "$(basename "$ts"): $total messages, $open unfinished"
  if [ "$open" -ne 0 ]; then
    grep -B3 'type="unfinished"' "$ts" | grep '<source>' | head -20
    status=1
  fi
done
[ $status -eq 0 ] || echo "FAIL: run translations/update.sh and translate what it reports"
exit $status
