#!/usr/bin/python3
"""bench/verify_gain.py [--samples S] [N ...]: issue 17's acceptance check at sizes too large for
the unit tests. For a random (Gaussian, rho 2), a balanced E-I (Dale's law, column means +-1; at
N = 2 the Murphy & Miller pair) and an oscillatory network (eigenvalues -0.5 +- i omega, omega in
[5, 30], in nonnormal 2 x 2 blocks coupled by a random upper triangle, rotated) of each size N
(default 100 300), shifted where needed to spectral abscissa 0.9, it compares `netdyn amplify
--json`'s certified `transient_gain` and `transient_gain_upper_bound` with a NumPy brute force on S uniform
points (default 1e5) of [0, horizon]:

  E_{k+1} = E_k expm(dt A)  (one BLAS product per sample),
  ||E_k||_2 from below by two power steps on E^T E warm-started from the previous vector,

then, at the five largest local maxima of the sampled sequence, exact norms (numpy.linalg.norm,
SVD) of a fresh scipy.linalg.expm and a golden section to 1e-12 in time. Every approximation in
the oracle is from below, so a brute force above netdyn's value means netdyn missed a maximum, and
one below by more than 1e-8 fails too (the oracle missed it or netdyn is too high). Minutes per
matrix at N = 300; not part of CI. Run from the repository root after building.
"""
import json
import time
import subprocess
import sys
import tempfile

import numpy as np
import scipy.linalg

NETDYN = "build/bin/netdyn"


def networks(n, rng):
    g = rng.standard_normal((n, n)) * 2.0 / np.sqrt(n)
    ne = n // 2
    ei = np.empty((n, n))
    ei[:, :ne] = 1.0 + 0.2 * rng.standard_normal((n, ne))
    ei[:, ne:] = -1.0 + 0.2 * rng.standard_normal((n, n - ne))
    ei /= np.sqrt(n)
    t = np.zeros((n, n))
    m = n // 2
    omegas = np.linspace(5.0, 30.0, m)
    for b, om in enumerate(omegas):
        i = 2 * b
        t[i, i] = t[i + 1, i + 1] = -0.5
        t[i, i + 1], t[i + 1, i] = 2.0 * om, -0.5 * om  # eigenvalues -0.5 +- i om, nonnormal
    if n % 2:
        t[n - 1, n - 1] = -0.5
    if n == 2:  # Murphy & Miller 2009's balanced pair (science.md T2c) as the E-I case
        ei = np.array([[1.0, -1.1], [1.0, -1.1]]) * 30.0 / 7.0
    upper = np.triu(rng.standard_normal((n, n)) * 3.0 / np.sqrt(n), 2)
    for b in range(m):  # keep the 2 x 2 blocks themselves
        upper[2 * b, 2 * b + 1] = 0.0
    t += upper
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    osc = q @ t @ q.T + np.eye(n)
    out = []
    for name, w in (("random", g), ("E-I", ei), ("oscillatory", osc)):
        alpha = np.linalg.eigvals(w).real.max()
        if alpha > 0.9:
            w = w - (alpha - 0.9) * np.eye(n)
        out.append((name, w))
    return out


def exact(a, t):
    return np.linalg.norm(scipy.linalg.expm(t * a), 2)


def golden(a, lo, hi):
    g = 0.5 * (np.sqrt(5.0) - 1.0)
    c, d = hi - g * (hi - lo), lo + g * (hi - lo)
    fc, fd = exact(a, c), exact(a, d)
    while hi - lo > 1e-12 * max(1.0, hi):
        if fc > fd:
            hi, d, fd = d, c, fc
            c = hi - g * (hi - lo)
            fc = exact(a, c)
        else:
            lo, c, fc = c, d, fd
            d = lo + g * (hi - lo)
            fd = exact(a, d)
    tm = 0.5 * (lo + hi)
    return exact(a, tm), tm


def brute_force(a, t_end, samples):
    n = a.shape[0]
    dt = t_end / (samples - 1)
    step = scipy.linalg.expm(dt * a)
    e = np.eye(n)
    v = np.ones(n) / np.sqrt(n)
    values = np.empty(samples)
    values[0] = 1.0
    for k in range(1, samples):
        e = e @ step
        for _ in range(2):
            y = e.T @ (e @ v)
            v = y / np.linalg.norm(y)
        values[k] = np.linalg.norm(e @ v)
    inner = np.flatnonzero((values[1:-1] >= values[:-2]) & (values[1:-1] >= values[2:])) + 1
    candidates = sorted(inner, key=lambda k: -values[k])[:5] or [int(np.argmax(values))]
    best = (values.max(), dt * int(np.argmax(values)))
    for k in candidates:
        g, tm = golden(a, max(0.0, (k - 1) * dt), min(t_end, (k + 1) * dt))
        if g > best[0]:
            best = (g, tm)
    return best


def main(argv):
    samples = 100000
    if argv[:1] == ["--samples"]:
        samples, argv = int(argv[1]), argv[2:]
    sizes = [int(x) for x in argv] or [100, 300]
    rng = np.random.default_rng(17)
    failures = 0
    print("network n netdyn_gain netdyn_upper brute_force rel_diff width time netdyn_s")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            for name, w in networks(n, rng):
                path = f"{tmp}/w.npy"
                np.save(path, w)
                t0 = time.perf_counter()
                out = subprocess.run([NETDYN, "amplify", "--json", path], check=True,
                                     capture_output=True, text=True).stdout
                seconds = time.perf_counter() - t0
                r = json.loads(out)
                gain, upper = r["transient_gain"], r["transient_gain_upper_bound"]
                t_end = r["envelope"][-1][0]
                a = w - np.eye(n)
                bg, bt = brute_force(a, t_end, samples)
                rel = (gain - bg) / bg
                width = (upper - gain) / gain
                ok = abs(rel) <= 1e-8 and upper >= bg * (1 - 1e-12) and width <= 1e-8
                failures += not ok
                print(f"{name} {n} {gain:.12g} {upper:.12g} {bg:.12g} {rel:.1e} {width:.1e} "
                      f"{bt:.6g} {seconds:.2f} {'ok' if ok else 'FAIL'}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
