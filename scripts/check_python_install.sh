#!/usr/bin/env bash
# scripts/check_python_install.sh BUILD_DIR: the Python package as `cmake --install BUILD_DIR
# --component python` installs it (staged with DESTDIR into a temporary folder, so no root is
# needed), imported from a directory outside the tree, in a fresh interpreter and in a venv made
# with --system-site-packages. Compares its report of data/mm09_balanced.npy with `netdyn check
# --json` of the same build.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
root=$PWD
py=$(sed -n 's/^Python3_EXECUTABLE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt")
site=$(sed -n 's/^NETDYN_PYTHON_SITEARCH:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt")
if [ -z "$site" ]; then
  echo "python install check: skipped (the Python module is not configured in $BUILD_DIR)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
DESTDIR="$work/stage" cmake --install "$BUILD_DIR" --component python >/dev/null
staged="$work/stage$site"
[ -f "$staged/netdyn/__init__.py" ] || { echo "python install check: nothing installed under $staged" >&2; exit 1; }
"$root/$BUILD_DIR/bin/netdyn" check --json "$root/data/mm09_balanced.npy" >"$work/cli.json"
cat >"$work/check.py" <<PY
import json, sys
import numpy as np
import netdyn
assert netdyn.__file__.startswith("$staged"), netdyn.__file__
W = netdyn.read_matrix("$root/data/mm09_balanced.npy")
py, cli = netdyn.check(W), json.load(open("$work/cli.json"))
# The CLI's JSON also says where its numbers came from (file, SHA-256, options); Python got W.
assert cli.pop("provenance")["inputs"][0]["path"].endswith("mm09_balanced.npy")
assert set(py) == set(cli), set(py) ^ set(cli)
for key in ("nonnormal_amplification", "transient_gain", "henrici_departure"):
    assert abs(py[key] - cli[key]) <= 1e-12 * abs(cli[key]), (key, py[key], cli[key])
print(netdyn.__version__)
PY
mkdir -p "$work/elsewhere"
cd "$work/elsewhere"
PYTHONPATH="$staged" "$py" "$work/check.py" >/dev/null
"$py" -m venv --system-site-packages "$work/venv"
# The venv reads the folder the real install writes to, and the package works inside it (the
# staged folder standing in for the real one).
"$work/venv/bin/python" -c "import sys; assert '$site' in sys.path, sys.path"
PYTHONPATH="$staged" "$work/venv/bin/python" "$work/check.py" >/dev/null
echo "python install check: cmake --install --component python gives an importable netdyn ($staged)"
