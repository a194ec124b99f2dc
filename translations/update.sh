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
python3 - translations/maple_en.ts <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
def fill(m):
    source = m.group(1)
    one = re.sub(r"\(s\)", "", source)
    many = re.sub(r"\(s\)", "s", source)
    return (f"<source>{source}</source>\n        <translation>\n"
            f"            <numerusform>{one}</numerusform>\n            <numerusform>{many}</numerusform>\n"
            f"        </translation>")
text = re.sub(r"<source>([^<]*)</source>\s*<translation type=\"unfinished\">\s*<numerusform></numerusform>\s*"
              r"<numerusform></numerusform>\s*</translation>", fill, text)
open(path, "w", encoding="utf-8").write(text)
PY
grep -c 'type="unfinished"' translations/maple_de.ts translations/maple_en.ts || true
