"""A random rate network W = g J (J Gaussian, variance 1/N): its eigenvalues fill the disk of
radius g (Girko's circular law); the linear network is stable for g < 1 and grows for g > 1,
and the integrated dynamics agree.
"""
import numpy as np
import netdyn

N = 400
for g in (0.9, 1.1):
    W = netdyn.gaussian(N, rho=g, seed=1)
    r = netdyn.check(W)
    print("g = %.1f: spectral radius %.4f (circular law %.1f), stable %s, growth rate %+.4f"
          % (g, r["spectral_radius"], g, r["stable"], r["growth_rate"]))
    t, x = netdyn.simulate(W, np.ones(N) / np.sqrt(N), t_end=60.0, samples=7)
    norm = np.linalg.norm(x, axis=1)
    print("   ||r(t)|| at t = 0, 10, ..., 60:", np.array2string(norm, precision=3))
    assert abs(r["spectral_radius"] - g) < 0.05 * g
    assert r["stable"] == (g < 1)
    assert (norm[-1] < norm[0]) == (g < 1)  # decay below, growth above the edge
