#!/usr/bin/env python3
"""Regenerate tests/data/guards: matrices for the numerical-guard tests of issue 9 (netdyn check
warnings). Needs NumPy. Run: /usr/bin/python3 tests/data/make_guard_data.py

- jordan50.npy: the nilpotent Jordan block N of size 50 (ones on the superdiagonal), rotated
  by a seeded random orthogonal Q: W = Q N Q^T. Exact eigenvalues all 0, Henrici departure 7,
  eigenvector condition infinite (defective); the computed eigenvalues scatter on a circle of
  radius about eps^(1/50) = 0.49.
- near_critical_2x2.csv: W = L T L^{-1} with T = [[l1, 2], [0, 1/2]], L = [[1, 0], [1, 1]] and
  l1 = 1 - 9008 * 2^-53 (1 - l1 = 1.00009e-12). Every entry and every step is exact in binary64,
  so the stored W has exactly the eigenvalues l1 and 1/2.
"""
import os

import numpy as np

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "guards")
os.makedirs(here, exist_ok=True)

n = 50
q, r = np.linalg.qr(np.random.default_rng(9).standard_normal((n, n)))
q = q * np.sign(np.diag(r))  # unique Q (positive diagonal of R)
np.save(os.path.join(here, "jordan50.npy"), q @ np.diag(np.ones(n - 1), 1) @ q.T)

l1 = 1.0 - 9008.0 * 2.0**-53
w = np.array([[l1 - 2.0, 2.0], [l1 - 2.5, 2.5]])
assert w[0, 0] + 2.0 == l1 and w[1, 0] + 2.5 == l1  # both subtractions exact
with open(os.path.join(here, "near_critical_2x2.csv"), "w") as f:
    f.write("# W = L [[l1, 2], [0, 1/2]] L^-1, L = [[1, 0], [1, 1]], l1 = 1 - 9008 * 2^-53 exactly\n")
    for row in w:
        f.write(", ".join(repr(float(v)) for v in row) + "\n")
