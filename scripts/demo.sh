#!/usr/bin/env bash
# scripts/demo.sh: install what is missing, build, and run netdyn's main job on the bundled data.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${NETDYN_BUILD_DIR:-build}
scripts/setup.sh "$BUILD_DIR"
for w in data/mm09_balanced.npy data/hebbian_2x2.npy data/gaussian_n200_rho1.5.npy; do
  "$BUILD_DIR/bin/netdyn" check "$w"
  echo
done
