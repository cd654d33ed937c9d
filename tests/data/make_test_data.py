#!/usr/bin/env python3
"""Regenerate tests/data/{good,bad}: small files for the reader tests and the bad-input catalogue.
Needs NumPy (Debian python3-numpy). Run: /usr/bin/python3 tests/data/make_test_data.py
"""
import os
import struct
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
good = os.path.join(here, "good")
bad = os.path.join(here, "bad")
os.makedirs(good, exist_ok=True)
os.makedirs(bad, exist_ok=True)

# The 3x3 reference matrix every good file encodes (entries distinguish rows from columns).
M = np.array([[1.0, 2.0, 3.0], [4.0, 5.5, -6.0], [7.0, 8.0, 9.25]])


def npy_with_header(path, header, data, version=(1, 0)):
    """Write a raw .npy with a chosen header dict string (format v1/v2/v3)."""
    hbytes = header.encode("latin1" if version[0] < 3 else "utf8")
    fixed = 10 if version[0] == 1 else 12
    pad = (64 - (fixed + len(hbytes) + 1) % 64) % 64
    hbytes += b" " * pad + b"\n"
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY" + bytes(version))
        f.write(struct.pack("<H" if version[0] == 1 else "<I", len(hbytes)))
        f.write(hbytes)
        f.write(data)


# --- good files ---
np.save(os.path.join(good, "m_c_f8.npy"), M)
np.save(os.path.join(good, "m_fortran_f8.npy"), np.asfortranarray(M))
np.save(os.path.join(good, "m_c_f4.npy"), M.astype(np.float32))
np.save(os.path.join(good, "m_big_endian.npy"), M.astype(">f8"))
npy_with_header(os.path.join(good, "m_v2.npy"),
                "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 3), }",
                M.astype("<f8").tobytes(), version=(2, 0))
npy_with_header(os.path.join(good, "m_v3.npy"),
                "{'descr': '<f8', 'fortran_order': True, 'shape': (3, 3), }",
                M.astype("<f8").tobytes(order="F"), version=(3, 0))
with open(os.path.join(good, "m_comments.csv"), "w") as f:
    f.write("# a comment line\n1, 2, 3  # trailing comment\n\n4,5.5,-6\r\n+7,8e0,9.25\n")
with open(os.path.join(good, "m_whitespace.txt"), "w") as f:
    f.write("1 2 3\n4\t5.5  -6\n   7 8 9.25\n")
with open(os.path.join(good, "m_plain.dat"), "w") as f:
    f.write("1 2 3\n4 5.5 -6\n7 8 9.25\n")
with open(os.path.join(good, "m_coordinate.mtx"), "w") as f:
    f.write("%%MatrixMarket matrix coordinate real general\n% comment\n3 3 10\n")
    entries = [(i + 1, j + 1, M[i, j]) for j in range(3) for i in range(3)]
    # split (2,2) = 5.5 into two duplicates that must be summed
    for i, j, v in entries:
        if (i, j) == (2, 2):
            f.write("2 2 5\n2 2 0.5\n")
        else:
            f.write(f"{i} {j} {v!r}\n")
with open(os.path.join(good, "m_array.mtx"), "w") as f:
    f.write("%%MatrixMarket matrix array real general\n3 3\n")
    for v in M.flatten(order="F"):
        f.write(f"{v!r}\n")
S = M + M.T
with open(os.path.join(good, "s_symmetric.mtx"), "w") as f:
    f.write("%%MatrixMarket matrix coordinate real symmetric\n3 3 6\n")
    for j in range(3):
        for i in range(j, 3):
            f.write(f"{i + 1} {j + 1} {S[i, j]!r}\n")
with open(os.path.join(good, "s_symmetric_array.mtx"), "w") as f:
    f.write("%%MatrixMarket matrix array real symmetric\n3 3\n")
    for j in range(3):
        for i in range(j, 3):
            f.write(f"{S[i, j]!r}\n")
K = M - M.T
with open(os.path.join(good, "k_skew.mtx"), "w") as f:
    f.write("%%MatrixMarket matrix coordinate integer skew-symmetric\n3 3 3\n")
    for j in range(3):
        for i in range(j + 1, 3):
            f.write(f"{i + 1} {j + 1} {int(K[i, j]) if K[i, j] == int(K[i, j]) else K[i, j]}\n")
np.save(os.path.join(good, "s_symmetric_expected.npy"), S)
np.save(os.path.join(good, "k_skew_expected.npy"), K)

# --- bad files: the catalogue of issue 2, one per case ---
open(os.path.join(bad, "empty.csv"), "w").close()
open(os.path.join(bad, "empty.npy"), "wb").close()
with open(os.path.join(bad, "comments_only.csv"), "w") as f:
    f.write("# nothing but a comment\n\n")
with open(os.path.join(bad, "nonsquare.csv"), "w") as f:
    f.write("1,2,3\n4,5,6\n")
with open(os.path.join(bad, "ragged.csv"), "w") as f:
    f.write("1,2,3\n4,5,6\n7,8\n")
with open(os.path.join(bad, "token.csv"), "w") as f:
    f.write("1,2,3\n4,abc,6\n7,8,9\n")
with open(os.path.join(bad, "nan.csv"), "w") as f:
    f.write("1,2\nnan,4\n")
with open(os.path.join(bad, "inf.txt"), "w") as f:
    f.write("1 2\n3 inf\n")
with open(os.path.join(bad, "overflow.csv"), "w") as f:
    f.write("1,2\n3,1e999\n")
N = np.eye(3)
N[1, 2] = np.nan
np.save(os.path.join(bad, "nan.npy"), N)
with open(os.path.join(bad, "magic.npy"), "wb") as f:
    f.write(b"PK\x03\x04 this is a zip file, not npy" + bytes(64))
np.save(os.path.join(bad, "dtype_int64.npy"), np.eye(3, dtype=np.int64))
np.save(os.path.join(bad, "dtype_complex.npy"), np.eye(3, dtype=np.complex128))
full = open(os.path.join(good, "m_c_f8.npy"), "rb").read()
with open(os.path.join(bad, "truncated.npy"), "wb") as f:
    f.write(full[:-20])
npy_with_header(os.path.join(bad, "huge_header.npy"),
                "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000), }",
                bytes(64))
npy_with_header(os.path.join(bad, "shape3d.npy"),
                "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2, 2), }", bytes(64))
with open(os.path.join(bad, "index_range.mtx"), "w") as f:
    f.write("%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 1.0\n4 2 2.0\n")
with open(os.path.join(bad, "truncated.mtx"), "w") as f:
    f.write("%%MatrixMarket matrix coordinate real general\n3 3 5\n1 1 1.0\n2 2 2.0\n")
with open(os.path.join(bad, "huge.mtx"), "w") as f:
    f.write("%%MatrixMarket matrix coordinate real general\n1000000 1000000 1000000000000\n1 1 1\n")
with open(os.path.join(bad, "banner.mtx"), "w") as f:
    f.write("3 3 1\n1 1 1\n")
with open(os.path.join(bad, "pattern.mtx"), "w") as f:
    f.write("%%MatrixMarket matrix coordinate pattern general\n2 2 1\n1 1\n")
with open(os.path.join(bad, "matrix.xlsx"), "w") as f:
    f.write("1,2\n3,4\n")
print("written", good, bad)
