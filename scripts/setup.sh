#!/usr/bin/env bash
# scripts/setup.sh [--tests] [BUILD_DIR] [extra cmake args...]   |   scripts/setup.sh --install-only
# Installs every Debian package netdyn needs (apt-get, as root; otherwise prints the exact command),
# then configures and builds into BUILD_DIR (default: build). Safe to run again: it installs only
# what is missing and rebuilds incrementally. --tests also installs what only the test suite uses
# (Chromium, for the browser test of the demo page).
set -euo pipefail
cd "$(dirname "$0")/.."

# Build toolchain and libraries (Debian 12 names). Keep this list the single source of truth.
PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libeigen3-dev libspectra-dev
  libopenblas-dev liblapack-dev
  libboost-dev libboost-iostreams-dev libboost-filesystem-dev libboost-system-dev
  libgtest-dev libgmock-dev
  libcli11-dev nlohmann-json3-dev
  gnuplot-nox libgnuplot-iostream-dev
  libmatio-dev libhdf5-dev libzip-dev libssl-dev
  clang-format
  python3-dev python3-numpy python3-scipy python3-pytest pybind11-dev
)
# Only the test suite's: headless Chromium opens the demo page (tests/support/screenshot_demo.sh);
# SLICOT's AB13FD is the distance to instability's reference (tests/stability_radius_test.cpp);
# matplotlib draws netdyn.plot's figures in pytest; h5py reads back the HDF5 files in pytest.
TEST_PACKAGES=(chromium libslicot-dev python3-matplotlib python3-h5py)
if [ "${1:-}" = "--tests" ]; then
  PACKAGES+=("${TEST_PACKAGES[@]}")
  shift
fi
PACKAGES+=(${NETDYN_EXTRA_PACKAGES:-})

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  else
    echo "setup: missing Debian packages; run as root:" >&2
    echo "  sudo sh -c '$cmd'" >&2
    exit 1
  fi
fi

# OpenBLAS must provide liblapack.so.3 (the reference LAPACK is several times slower).
if command -v update-alternatives >/dev/null 2>&1; then
  current=$(update-alternatives --query liblapack.so.3-x86_64-linux-gnu 2>/dev/null | awk '/^Value:/ {print $2}')
  case "$current" in
    *openblas*|"") ;;
    *) echo "setup: note: liblapack.so.3 points to $current, not OpenBLAS; netdyn links OpenBLAS directly" >&2 ;;
  esac
fi

if [ "${1:-}" = "--install-only" ]; then exit 0; fi

BUILD_DIR=${1:-build}
shift || true
# The Python module is built for Debian's python3 (where python3-numpy lives), not for another
# python3 that may come first on PATH.
python_hint=()
if [ -x /usr/bin/python3 ]; then python_hint=(-DPython3_EXECUTABLE=/usr/bin/python3); fi
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "${python_hint[@]}" "$@" >&2
cmake --build "$BUILD_DIR" -j "${NETDYN_JOBS:-2}" >&2
