#!/usr/bin/env bash
# scripts/demo.sh: install what is missing, build, and run netdyn's main job on the bundled data.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${NETDYN_BUILD_DIR:-build}
scripts/setup.sh "$BUILD_DIR"
# The report on the balanced E-I pair and the random network, then every reproduction and the
# report page (out/ is git-ignored).
for w in data/mm09_balanced.npy data/gaussian_n200_rho1.5.npy; do
  "$BUILD_DIR/bin/netdyn" check "$w"
  echo
done
"$BUILD_DIR/bin/netdyn" demo --out out/demo
echo "open out/demo/index.html in a browser: $(pwd)/out/demo/index.html"
