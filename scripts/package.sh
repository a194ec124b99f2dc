#!/usr/bin/env bash
# Builds the Debian packages with cpack in BUILD_DIR, installs them into fresh roots (dpkg --root),
# runs the installed maple, maple-workbench (offscreen), the Python module and a downstream CMake
# project there with no CUDA on the library path, and runs lintian (zero errors required).
# Usage: scripts/package.sh BUILD_DIR [FIXTURE_DIR]   (CTest runs it as test_packages; FIXTURE_DIR holds
# pool.maplepred and descriptor.json from tests/capi/make_capi_fixture)
# Exit 77 (a skip) when dpkg-deb or lintian is missing.
set -euo pipefail
build=$(realpath "$1")
fixture=${2:-}
src=$(realpath "$(dirname "$0")/..")
for tool in dpkg-deb dpkg-shlibdeps lintian cpack; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/deps.sh installs it)"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

step "cpack in $build"
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
mapfile -t debs < <(ls "$work"/out/*.deb)
ls -l "$work"/out/*.deb "$work"/out/*.ddeb 2>/dev/null | awk '{print $5, $9}'
names=$(for d in "${debs[@]}"; do dpkg-deb -f "$d" Package; done | sort | tr '\n' ' ')
for want in maple maple-workbench libmaple-predictor1 libmaple-predictor-dev python3-maple; do
  [[ " $names" == *" $want "* ]] || fail "no $want package (made: $names)"
done

# A fresh root per case: only the dpkg database skeleton. --unpack puts the files in place without
# running maintainer scripts, which would need a whole system inside the root.
install_root() {
  local root=$1; shift
  mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
  : >"$root/var/lib/dpkg/status"
  dpkg --root="$root" --log=/dev/null --force-depends --force-not-root --unpack "$@" >/dev/null
}
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
run_in() { # run_in ROOT CMD...: the root's libraries first, nothing of CUDA's
  local root=$1; shift
  env -u DISPLAY -u WAYLAND_DISPLAY -u MAPLE_PLUGIN_DIR LD_LIBRARY_PATH="$root/usr/lib/$arch" \
      PYTHONPATH="$root/usr/lib/python3/dist-packages" QT_QPA_PLATFORM=offscreen "$@"
}

root="$work/root"
step "dpkg --root $root: ${names}"
without_cuda=()
for d in "${debs[@]}"; do [[ $(dpkg-deb -f "$d" Package) == maple-engine-cuda ]] || without_cuda+=("$d"); done
install_root "$root" "${without_cuda[@]}"
dpkg --root="$root" -l | awk '/^.U/ {print "   ", $2, $3}'

step "no CUDA library in any binary's NEEDED"
for f in "$root/usr/bin/maple" "$root/usr/bin/maple-workbench" "$root"/usr/lib/"$arch"/libmaple_predictor.so.* \
         "$root"/usr/lib/python3/dist-packages/maple/*.so; do
  [[ -L $f ]] && continue
  if readelf -d "$f" | grep -iE 'NEEDED.*(cuda|cublas|cudnn)'; then fail "$f links CUDA"; fi
  echo "   $f: none"
done

step "maple --version; maple-workbench --help and --version without a display"
run_in "$root" "$root/usr/bin/maple" --version | tee "$work/v"
grep -qx "maple $(dpkg-deb -f "${debs[0]}" Version)" "$work/v" || fail "maple --version does not print the package version"
run_in "$root" "$root/usr/bin/maple-workbench" --help | head -3
run_in "$root" "$root/usr/bin/maple-workbench" --version

step "--engine cuda without the plugin"
run_in "$root" "$root/usr/bin/maple" new "$work/p.maple" >/dev/null
echo "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|" >"$work/arch.txt"
measure_cuda() { # sets rc and msg
  set +e
  msg=$(run_in "$root" "$root/usr/bin/maple" measure --project "$work/p.maple" --device here --engine cuda \
        --archs-file "$work/arch.txt" --repeats 1 2>&1)
  rc=$?
  set -e
  echo "   exit $rc: $msg"
}
measure_cuda
[[ $rc -ne 0 && $msg == *"CUDA engine is not installed"* ]] || fail "maple measure --engine cuda without the plugin"

step "the Python module"
run_in "$root" /usr/bin/python3 - "$fixture" <<'PY'
import os
import sys
import numpy as np
import maple
print("   maple", maple.__version__, "from", maple.__file__)
try:
    maple.Predictor("/nonexistent.maplepred")
    sys.exit("a missing file was accepted")
except OSError as e:
    print("   refused:", e)
if sys.argv[1]:
    pool = maple.Predictor(os.path.join(sys.argv[1], "pool.maplepred"))
    p = pool.adapt([], [], descriptor=os.path.join(sys.argv[1], "descriptor.json"), device="unseen")
    ms = p.predict(["|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|"])
    assert isinstance(ms, np.ndarray) and ms.shape == (1,) and ms[0] > 0, ms
    print("   predicted", ms)
PY

step "a downstream CMake project (find_package and pkg-config) against the installed -dev package"
PKG_CONFIG_SYSROOT_DIR="" PKG_CONFIG_LIBDIR="$root/usr/lib/$arch/pkgconfig" \
  cmake -S "$src/tests/packaging/downstream" -B "$work/downstream" -DCMAKE_PREFIX_PATH="$root/usr" >"$work/ds.log" 2>&1 \
  || { cat "$work/ds.log"; fail "downstream configure"; }
cmake --build "$work/downstream" >>"$work/ds.log" 2>&1 || { cat "$work/ds.log"; fail "downstream build"; }
run_in "$root" "$work/downstream/downstream" ${fixture:+"$fixture/pool.maplepred"}
run_in "$root" "$work/downstream/downstream_pc" | grep -q "^api "

if ls "$work"/out/maple-engine-cuda_*.deb >/dev/null 2>&1; then
  step "--engine cuda with the plugin installed (this machine: $(command -v nvidia-smi >/dev/null && echo has || echo no) nvidia-smi)"
  install_root "$root" "$work"/out/maple-engine-cuda_*.deb
  measure_cuda
  [[ $msg == *"no CUDA device"* || $rc -eq 0 ]] || fail "maple measure --engine cuda with the plugin"
  [[ $msg != *"not installed"* ]] || fail "the installed plugin was not found"
fi

step "lintian"
set +e
lintian --no-tag-display-limit --display-level ">=warning" "${debs[@]}" | tee "$work/lintian.txt"
set -e
errors=$(grep -c '^E:' "$work/lintian.txt" || true)
warnings=$(grep -c '^W:' "$work/lintian.txt" || true)
echo "lintian: $errors errors, $warnings warnings over ${#debs[@]} packages"
[[ $errors -eq 0 ]] || fail "lintian reports $errors errors"
echo "OK"
