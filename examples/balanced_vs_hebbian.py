"""Murphy & Miller 2009: balanced amplification (a hidden feedforward weight in a normal-looking
E-I pair) against Hebbian amplification (slowing), at the same integral ratio 4.

Run from anywhere once `import netdyn` works (README: cmake --install build --component python).
"""
import numpy as np
import netdyn

# Balanced: W = [[w, -k w], [w, -k w]], w = 30/7, k = 1.1. Eigenvalues 0 and -3/7: nothing slow.
balanced = netdyn.ei2(w=30 / 7, k=1.1)
W = balanced["W"]
print("balanced eigenvalues", np.round(netdyn.spectrum(W).real, 12))  # 0 to rounding, -3/7
print("hidden feedforward weight", netdyn.schur(W)["feedforward_norm"])  # 9
print("integral of r_E: %.6f x uncoupled" % balanced["amplification"])  # 4

# Hebbian: one population with self-weight 3/4 is amplified as much, by slowing down 4-fold.
hebbian = np.array([[0.75]])
t, r = netdyn.simulate(hebbian, np.array([1.0]), t_end=60.0, samples=60001)
hebbian_ratio = np.trapz(r[:, 0], t)  # uncoupled: 1
print("Hebbian integral ratio %.6f, time constant %.3f tau" % (hebbian_ratio, 1 / (1 - 0.75)))

# The ODE agrees with the closed form of the balanced response.
t, r = netdyn.simulate(W, np.array([1.0, 0.0]), t_end=5.0, samples=501)
exact = netdyn.ei_response(30 / 7, 33 / 7, 1.0, [1.0, 0.0], t)
print("ODE vs closed form: max error %.1e" % np.max(np.abs(r - exact)))

assert abs(balanced["amplification"] - 4.0) < 1e-9
assert abs(netdyn.schur(W)["feedforward_norm"] - 9.0) < 1e-9
assert abs(hebbian_ratio - 4.0) < 1e-4
assert np.max(np.abs(r - exact)) < 1e-7
