#!/usr/bin/env bash
# convert_roundtrip.sh NETDYN SCRATCH: from the repository root with relative inputs, convert the
# v7.3 .mat to .npy, to a NEST-style edge list and back, and require the same W (bit for bit, by
# the report's JSON), a provenance file beside each output naming the input's SHA-256, and no
# output at all when the conversion fails.
set -eu
netdyn=$1
scratch=$2
rm -rf "$scratch"
mkdir -p "$scratch"
"$netdyn" convert data/gaussian_n200_rho1.5_v73.mat "$scratch/w.npy"
"$netdyn" convert "$scratch/w.npy" "$scratch/nest.csv" --to-edges pre-post
"$netdyn" convert "$scratch/nest.csv" "$scratch/back.npy" --convention pre-post
"$netdyn" convert "$scratch/w.npy" "$scratch/brian2.npz" --to-edges pre-post
/usr/bin/python3 - "$scratch" <<'PY'
import hashlib, json, sys
import numpy as np
d = sys.argv[1]
w = np.load("data/gaussian_n200_rho1.5.npy")
assert np.array_equal(np.load(f"{d}/w.npy"), w), "v7.3 -> npy changed W"
assert np.array_equal(np.load(f"{d}/back.npy"), w), "npy -> edges -> npy changed W"
z = np.load(f"{d}/brian2.npz")
rebuilt = np.zeros_like(w)
np.add.at(rebuilt, (z["target"], z["source"]), z["weight"])
assert int(z["nodes"]) == 200 and np.array_equal(rebuilt, w), "npz edge list is not W"
header = open(f"{d}/nest.csv").read().splitlines()[2]
assert header == "source,target,weight", header
p = json.load(open(f"{d}/w.npy.provenance.json"))
src = hashlib.sha256(open("data/gaussian_n200_rho1.5_v73.mat", "rb").read()).hexdigest()
assert p["inputs"][0]["sha256"] == src and p["inputs"][0]["variable"] == "W", p
out = hashlib.sha256(open(f"{d}/w.npy", "rb").read()).hexdigest()
assert p["files"]["w.npy"]["sha256"] == out, p
print("convert round trip: W unchanged through .mat v7.3, .npy, a csv and an npz edge list")
PY
# A failed conversion leaves nothing behind.
if "$netdyn" convert tests/data/formats/corrupt.npz "$scratch/bad.npy" 2>/dev/null; then
  echo "FAIL: convert of a corrupt file succeeded"; exit 1
fi
if ls "$scratch"/bad.npy* >/dev/null 2>&1; then echo "FAIL: partial output left"; exit 1; fi
echo "ok"
