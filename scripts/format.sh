#!/usr/bin/env bash
# scripts/format.sh [--check]: apply (or, with --check, verify) clang-format on every C++ file.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -co --exclude-standard -- '*.cpp' '*.hpp' | grep -v '^build')
if [ "${1:-}" = "--check" ]; then
  clang-format --dry-run -Werror "${files[@]}"
  echo "format check: ${#files[@]} files clean"
else
  clang-format -i "${files[@]}"
fi
