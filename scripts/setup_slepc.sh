#!/usr/bin/env bash
# scripts/setup_slepc.sh [BUILD_DIR] [extra cmake args...]
# Optional distributed backend (issue #7): installs PETSc/SLEPc (real scalars, 32-bit indices) and
# OpenMPI from Debian 12, then configures BUILD_DIR (default: build-slepc) with -DNETDYN_WITH_SLEPC=ON
# through scripts/setup.sh. The default build never needs any of this.
#   Debian 12 facts: pkg-config names `slepc` / `petsc` (3.18); `slepc64` for 64-bit indices.
#   As root, OpenMPI refuses to run unless OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build-slepc}
shift || true
NETDYN_EXTRA_PACKAGES="${NETDYN_EXTRA_PACKAGES:-} libslepc-real-dev petsc-dev libopenmpi-dev openmpi-bin" \
  exec scripts/setup.sh "$BUILD_DIR" -DNETDYN_WITH_SLEPC=ON "$@"
