#!/usr/bin/python3
"""bench/python_overhead.py: the Python module's calling overhead and copies (issue 18), from the
repository root after building (PYTHONPATH=build/python is set here).

- netdyn.spectrum on a 2 x 2 W: median over 7 rounds of the mean time of 20000 calls (C order and
  Fortran order), beside numpy.linalg.eigvals on the same W;
- a 2000 x 2000 float64 W: the address the C++ side binds to, against the NumPy buffer's, in
  Fortran order (used in place: the same address) and C order (converted once: another one).
"""
import os
import statistics
import sys
import timeit

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "build", "python"))
import numpy as np  # noqa: E402
import netdyn  # noqa: E402


def per_call(f, number=20000, rounds=7):
    return statistics.median(timeit.timeit(f, number=number) / number for _ in range(rounds))


W = np.array([[0.5, 1.0], [0.2, 0.1]])
WF = np.asfortranarray(W)
print("spectrum 2x2, C order        %.2f us per call" % (1e6 * per_call(lambda: netdyn.spectrum(W))))
print("spectrum 2x2, Fortran order  %.2f us per call" % (1e6 * per_call(lambda: netdyn.spectrum(WF))))
print("numpy.linalg.eigvals 2x2     %.2f us per call" % (1e6 * per_call(lambda: np.linalg.eigvals(W))))
big = np.asfortranarray(np.random.default_rng(0).standard_normal((2000, 2000)))
address = big.__array_interface__["data"][0]
in_place = netdyn._core._argument_address(big) == address
c_order = np.ascontiguousarray(big)
copied = netdyn._core._argument_address(c_order) != c_order.__array_interface__["data"][0]
print("2000 x 2000 Fortran order: %s" % ("used in place (no copy)" if in_place else "COPIED"))
print("2000 x 2000 C order:       %s" % ("converted once (a copy)" if copied else "in place"))
sys.exit(0 if in_place and copied else 1)
