#!/usr/bin/env bash
# scripts/check_consumer.sh BUILD_DIR: install netdyn into a temporary prefix and build a tiny
# project against it with find_package(netdyn), proving the exported target works.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$BUILD_DIR" --prefix "$work/prefix" >/dev/null
cmake -S tests/consumer -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
"$work/build/consumer" | grep -q "spectral abscissa 1"
echo "consumer check: find_package(netdyn) OK"
