#!/bin/sh
# no-cuda-needed FILE...: none of the binaries lists a CUDA library as NEEDED.
# not-installed MAPLE: without the plugin, `maple measure --engine cuda` fails (exit 2, a missing resource) saying so.
set -u
case $1 in
no-cuda-needed)
  shift
  for f; do
    echo "$f:"; readelf -d "$f" | grep NEEDED
    if readelf -d "$f" | grep -iqE 'NEEDED.*(cuda|cublas|cudnn)'; then echo "FAIL: $f links CUDA"; exit 1; fi
  done ;;
not-installed)
  d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
  "$2" new "$d/p.maple" >/dev/null || exit 1
  echo '|nor_conv_3x3~0|+|skip_connect~0|none~1|+|none~0|none~1|skip_connect~2|' >"$d/archs"
  MAPLE_PLUGIN_DIR="$d" "$2" measure --project "$d/p.maple" --device here --engine cuda --archs-file "$d/archs" \
    --repeats 1 2>"$d/err"
  rc=$?
  cat "$d/err"
  [ $rc -eq 2 ] || { echo "FAIL: exit $rc, expected 2"; exit 1; }
  grep -q 'the CUDA engine is not installed' "$d/err" || { echo "FAIL: no 'not installed' message"; exit 1; } ;;
*) echo "unknown check $1"; exit 2 ;;
esac
