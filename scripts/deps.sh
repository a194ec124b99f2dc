#!/usr/bin/env bash
# Installs the Debian 12 packages the build and tests need, when any is missing.
# As root it uses apt-get; otherwise it names the command to run.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev libqt6sql6-sqlite libqcustomplot-dev
  libeigen3-dev libsqlite3-dev libpfm4-dev libcli11-dev nlohmann-json3-dev
  xvfb xauth fonts-dejavu-core qt6-translations-l10n
  python3-dev python3-pybind11
  help2man lintian appstream desktop-file-utils dpkg-dev file
  python3 python3-numpy python3-torch sqlite3
  openssh-server openssh-client
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "missing packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
