"""Hennequin, Vogels & Gerstner 2012: a random E-I network with Dale's law amplifies noise far
more than its eigenvalues suggest. The stationary variance (unit noise) against the value of a
normal network with the same eigenvalues, their ratio xi, checked against a simulation.
"""
import numpy as np
import netdyn

# Exactly balanced E-I network (science.md 4.5): N = 400, f = 1/2, p = 0.1, gamma = 1, R = 0.85.
N, p, gamma, R = 400, 0.1, 1.0, 0.85
w0 = np.sqrt(2) * R / np.sqrt(p * (1 - p) * (1 + gamma**2))
rng = np.random.default_rng(7)
W = (rng.random((N, N)) < p) * w0 / np.sqrt(N)
W[:, N // 2:] *= -gamma
np.fill_diagonal(W, 0.0)

net = netdyn.Network(W)
c = net.covariance()
print("rightmost eigenvalue %.4f, Henrici departure %.2f" % (net.eigenvalues[0].real, net.henrici_departure()))
print("V/N = %.4f, V_normal/N = %.4f, xi = %.4f"
      % (c["total_variance"] / N, c["normal_total_variance"] / N, c["nonnormal_amplification"]))
s = netdyn.sde(W, duration=500.0, seed=2)
print("simulated V/N = %.4f +- %.4f" % (s["total_variance"] / N, s["total_variance_standard_error"] / N))

assert c["nonnormal_amplification"] > 1.4  # science.md 4.5: xi = 1.598 for its sample
assert abs(s["total_variance"] - c["total_variance"]) < 4 * s["total_variance_standard_error"]
