#!/usr/bin/env python3
"""Regenerate the reference matrices in data/ (see data/README.md). Needs NumPy (Debian python3-numpy).

Run from the repository root:  /usr/bin/python3 data/make_data.py
"""
import os
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))


def save(name, w, comment):
    np.save(os.path.join(here, name + ".npy"), w)
    np.savetxt(os.path.join(here, name + ".csv"), w, delimiter=",", fmt="%.17g",
               header=comment, comments="# ")


# Murphy & Miller 2009 balanced amplification: W = [[w, -k w], [w, -k w]], w = 30/7, k = 1.1.
w, k = 30.0 / 7.0, 1.1
save("mm09_balanced", np.array([[w, -k * w], [w, -k * w]]),
     "Murphy & Miller 2009 balanced E-I network, W = [[w, -k w], [w, -k w]], w = 30/7, k = 1.1")

# Hebbian (normal) counterpart: W = (w/2) [[1, 1], [1, 1]], eigenvalues {w, 0}, w = 6/7, so that
# int r_E dt = 4 tau from r(0) = (1, 0) as for the balanced network (science.md 1.6).
w = 6.0 / 7.0
save("hebbian_2x2", (w / 2.0) * np.ones((2, 2)),
     "Hebbian (normal) 2x2 network, W = (w/2) [[1, 1], [1, 1]], w = 6/7")

# Rosenbaum fig. 4.2C: Gaussian W = rho * randn(N, N) / sqrt(N), N = 200, rho = 1.5.
rng = np.random.default_rng(42)
n, rho = 200, 1.5
save("gaussian_n200_rho1.5", rho * rng.standard_normal((n, n)) / np.sqrt(n),
     "Gaussian random network, rho * standard_normal((200, 200)) / sqrt(200), rho = 1.5, "
     "numpy.random.default_rng(42)")
