#!/usr/bin/env bash
# scripts/test.sh [--sanitizers]: install what is missing, build, and run the whole test suite
# (CTest: unit, command-line, plot, browser and Python tests), the format check, the
# find_package(netdyn) consumer check, and the Python package as `cmake --install --component
# python` installs it, imported from outside the tree. With --sanitizers, also build the `asan`
# preset (AddressSanitizer + UndefinedBehaviorSanitizer) and run the unit and command-line tests
# under it. CI (.ci/run) runs `scripts/test.sh --sanitizers`.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${NETDYN_BUILD_DIR:-build}
scripts/setup.sh --tests "$BUILD_DIR"
# The browser test must run here, not skip (it skips only for a bare `ctest` without Chromium).
export NETDYN_REQUIRE_BROWSER=1
scripts/format.sh --check
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "${NETDYN_JOBS:-2}"
scripts/check_consumer.sh "$BUILD_DIR"
scripts/check_python_install.sh "$BUILD_DIR"
if [ "${1:-}" = "--sanitizers" ]; then
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  ctest --preset asan -L 'unit|cli' -j "${NETDYN_JOBS:-2}"
fi
