#!/usr/bin/env bash
# Refreshes the catalogues from the sources (run after changing tr() strings, then translate what
# maple_de.ts reports unfinished in Qt Linguist or by hand). maple_en.ts holds only the plural
# forms; they are derived from the "(s)" spelling of the source ("%n device(s)" -> "%n device",
# "%n devices"). tests: test_translations_complete fails while anything is unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
sources=(app/workbench/main.cpp widgets)
"$lupdate" -silent -locations none "${sources[@]}" -ts translations/maple_de.ts -source-language en -target-language de
"$lupdate" -silent -locations none -pluralonly "${sources[@]}" -ts translations/maple_en.ts -source-language en_US -target-language en_US
scripts/en_plurals.py translations/maple_en.ts
grep -c 'type="unfinished"' translations/maple_de.ts translations/maple_en.ts || true
