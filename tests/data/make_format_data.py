#!/usr/bin/env python3
"""Regenerate tests/data/formats: the container formats (.mat v4/v5/v7.3, .h5, .npz) and edge
lists, good and deliberately broken, for the reader tests and the CLI's bad-input cases (issue 21).
Needs NumPy, SciPy and h5py (Debian python3-numpy, python3-scipy, python3-h5py).
Run: /usr/bin/python3 tests/data/make_format_data.py
"""
import os
import sys
import numpy as np
import scipy.io
import scipy.sparse
import h5py

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "formats")
os.makedirs(out, exist_ok=True)
sys.path.insert(0, os.path.join(here, "..", "..", "data"))
from make_data import save_mat73  # noqa: E402  (the one v7.3 writer)

# The 3x3 reference matrix of tests/data/good (entries distinguish rows from columns).
M = np.array([[1.0, 2.0, 3.0], [4.0, 5.5, -6.0], [7.0, 8.0, 9.25]])


def p(name):
    return os.path.join(out, name)


def truncate(src, dst, keep):
    with open(src, "rb") as f:
        data = f.read()
    with open(dst, "wb") as f:
        f.write(data[:keep])


# --- good ---
scipy.io.savemat(p("m_v5.mat"), {"M": M}, format="5")
scipy.io.savemat(p("m_v5_compressed.mat"), {"M": M}, format="5", do_compression=True)
scipy.io.savemat(p("m_v4.mat"), {"M": M}, format="4")
save_mat73(p("m_v73.mat"), "M", M)
scipy.io.savemat(p("m_single.mat"), {"M": M.astype(np.float32)})
scipy.io.savemat(p("m_int32.mat"), {"M": np.array([[1, -2], [3, 4]], dtype=np.int32)})
# Several variables, one of them not a matrix: needs a name, and the error lists them.
scipy.io.savemat(p("several.mat"), {"W": M, "C": np.ones((1, 3)), "note": "E first"})
# A MATLAB sparse matrix and the same matrix as Matrix Market (spectrum --count agrees).
rng = np.random.default_rng(5)
S = scipy.sparse.random(60, 60, density=0.08, random_state=rng, format="csc") * 2.0 - \
    scipy.sparse.identity(60, format="csc") * 0.3
scipy.io.savemat(p("sparse60.mat"), {"S": S})
scipy.io.mmwrite(p("sparse60.mtx"), S, precision=17, comment="same matrix as sparse60.mat (make_format_data.py)")

with h5py.File(p("m.h5"), "w") as f:
    f.create_dataset("M", data=M, track_times=False)
with h5py.File(p("m_int16.h5"), "w") as f:
    f.create_dataset("M", data=np.array([[1, 2], [3, 4]], dtype=np.int16), track_times=False)
with h5py.File(p("groups.h5"), "w") as f:
    f.create_dataset("run1/W", data=M, track_times=False)
    f.create_dataset("run2/W", data=M.T, track_times=False)
    f.create_dataset("run2/rates", data=np.ones(3), track_times=False)
    f.create_dataset("label", data=np.bytes_("E-I"), track_times=False)

np.savez(p("m.npz"), M=M)
np.savez_compressed(p("m_deflated.npz"), M=M)
np.savez(p("several.npz"), W=M, C=np.ones((1, 3)))
# One matrix and a 3-D array: the 3-D one is no candidate, so W needs no name.
np.savez(p("with_3d.npz"), W=M, T=np.zeros((2, 2, 2)))

# Edge lists of M (0-based): pre-post (NEST/Brian2 order), with roles named and unnamed.
rows, cols = np.nonzero(M)
with open(p("edges_source_target.csv"), "w") as f:
    f.write("# M as (source = pre = column, target = post = row, weight)\n# nodes: 3\n")
    f.write("source,target,weight\n")
    for i, j in zip(rows, cols):
        f.write(f"{j},{i},{M[i, j]!r}\n")
with open(p("edges_ij.csv"), "w") as f:
    f.write("i,j,weight\n")
    for i, j in zip(rows, cols):
        f.write(f"{j},{i},{M[i, j]!r}\n")
np.savez(p("edges.npz"), source=cols.astype(np.int64), target=rows.astype(np.int64),
         weight=M[rows, cols], nodes=3)

# --- bad ---
scipy.io.savemat(p("complex.mat"), {"W": M + 1j * M})
scipy.io.savemat(p("cell.mat"), {"W": np.array([[M, M]], dtype=object)})
scipy.io.savemat(p("struct.mat"), {"W": {"a": M}})
scipy.io.savemat(p("three_d.mat"), {"W": np.zeros((2, 2, 2))})
scipy.io.savemat(p("nonsquare.mat"), {"W": np.ones((2, 3))})
bad = M.copy()
bad[1, 2] = np.nan
scipy.io.savemat(p("nan.mat"), {"W": bad})
scipy.io.savemat(p("empty.mat"), {"W": np.zeros((0, 0))})
big = np.tile(M, (40, 40))
scipy.io.savemat(p("big_v5.mat"), {"W": big})
truncate(p("big_v5.mat"), p("truncated.mat"), 5000)
save_mat73(p("big_v73.mat"), "W", big)
truncate(p("big_v73.mat"), p("truncated_v73.mat"), 3000)
os.remove(p("big_v5.mat"))
os.remove(p("big_v73.mat"))
with open(p("garbage.mat"), "wb") as f:
    f.write(b"this is not a MATLAB file\n" * 20)

with h5py.File(p("complex.h5"), "w") as f:
    f.create_dataset("W", data=M + 1j * M, track_times=False)
with h5py.File(p("three_d.h5"), "w") as f:
    f.create_dataset("W", data=np.zeros((2, 2, 2)), track_times=False)
with h5py.File(p("nan.h5"), "w") as f:
    f.create_dataset("W", data=bad, track_times=False)
with h5py.File(p("big.h5"), "w") as f:
    f.create_dataset("W", data=big, track_times=False)
truncate(p("big.h5"), p("truncated.h5"), 4000)
os.remove(p("big.h5"))

np.savez(p("complex.npz"), W=M + 1j * M)
np.savez(p("nan.npz"), W=bad)
np.savez(p("big.npz"), W=big)
truncate(p("big.npz"), p("truncated.npz"), 6000)
with open(p("big.npz"), "rb") as f:
    data = bytearray(f.read())
data[4000] ^= 0xFF  # one flipped byte inside the member: the CRC check must catch it
with open(p("corrupt.npz"), "wb") as f:
    f.write(bytes(data))
os.remove(p("big.npz"))

with open(p("edges_negative.csv"), "w") as f:
    f.write("source,target,weight\n0,1,0.5\n-1,2,1.0\n")
with open(p("edges_fraction.csv"), "w") as f:
    f.write("source,target,weight\n0,1.5,0.5\n")
with open(p("edges_nan.csv"), "w") as f:
    f.write("source,target,weight\n0,1,nan\n")
with open(p("edges_nodes.csv"), "w") as f:
    f.write("# nodes: 2\nsource,target,weight\n0,2,1.0\n")
