#!/usr/bin/env python3
"""Write the exact input matrices of ../shared/bench/peer_scipy.py as .npy files in bench/data/,
so that the C++ benches time the same problems. Needs Debian's python3-numpy/python3-scipy.

Usage: /usr/bin/python3 bench/make_inputs.py [--quick]
"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "shared", "bench"))
import numpy as np  # noqa: E402
import peer_scipy as peer  # noqa: E402

out = os.path.join(here, "data")
os.makedirs(out, exist_ok=True)
quick = "--quick" in sys.argv


def save(name, a):
    np.save(os.path.join(out, name + ".npy"), a)


for job, (_, sizes) in peer.JOBS.items():
    for n in sizes[:1] if quick else sizes:
        if job in ("eig", "eigvec_cond", "schur", "report"):
            save(f"{job}_{n}", peer.gaussian_w(n))
        elif job in ("lyap", "pseudo"):
            save(f"{job}_{n}", -np.eye(n) + peer.gaussian_w(n))
        elif job == "envelope":
            save(f"{job}_{n}", -np.eye(n) + peer.gaussian_w(n, rho=0.95))
        elif job == "ode":
            save(f"{job}_{n}_w", peer.gaussian_w(n, rho=0.9))
            save(f"{job}_{n}_r0", np.random.default_rng(2).standard_normal(n)[:, None])
        elif job == "ode_tanh":
            save(f"{job}_{n}_w", peer.gaussian_w(n, rho=1.5))
            save(f"{job}_{n}_r0", (np.random.default_rng(2).standard_normal(n) * 0.1)[:, None])
        elif job == "soc_step":
            # The peer's initial network (job_soc_step): default_rng(1), Bernoulli mask, no
            # self-loops.
            rng = np.random.default_rng(1)
            ne = n // 2; p = 0.1; r, gamma = 10.0, 3.0
            w0 = np.sqrt(2.0) * r / np.sqrt(p * (1 - p) * (1 + gamma**2))
            w = np.where(rng.random((n, n)) < p, 1.0, 0.0) * w0 / np.sqrt(n)
            w[:, ne:] *= -gamma
            np.fill_diagonal(w, 0.0)
            save(f"{job}_{n}", w)
        elif job == "sparse_eigs":
            import scipy.io
            scipy.io.mmwrite(os.path.join(out, f"{job}_{n}.mtx"), peer.sparse_ei(n))
print(f"inputs written to {out}")
