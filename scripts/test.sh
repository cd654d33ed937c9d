#!/usr/bin/env bash
# scripts/test.sh: install what is missing, build, and run the whole test suite (CTest), the format
# check and the find_package(netdyn) consumer check. This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${NETDYN_BUILD_DIR:-build}
scripts/setup.sh "$BUILD_DIR"
scripts/format.sh --check
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "${NETDYN_JOBS:-2}"
scripts/check_consumer.sh "$BUILD_DIR"
