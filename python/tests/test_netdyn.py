"""Tests of `import netdyn` against NumPy/SciPy on the same matrices, closed forms and errors."""
import math
import os

import numpy as np
import pytest
import scipy.linalg as sla

import netdyn

DATA = os.environ.get("NETDYN_DATA_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "data"))
MM09 = np.array([[30 / 7, -33 / 7], [30 / 7, -33 / 7]])


def sort_like_netdyn(values):
    return np.array(sorted(values, key=lambda z: (-z.real, -z.imag)))


def test_spectrum_matches_numpy():
    w = np.random.default_rng(1).standard_normal((60, 60)) / math.sqrt(60)
    ours = netdyn.spectrum(w)
    theirs = sort_like_netdyn(np.linalg.eigvals(w))
    # Both are backward stable on a well-conditioned random matrix: agree to ~1e-12.
    assert np.max(np.abs(ours - theirs)) < 1e-10
    values, vectors = netdyn.spectrum(w, vectors=True)
    assert np.allclose(w @ vectors, vectors * values, atol=1e-12)
    assert np.allclose(np.linalg.norm(vectors, axis=0), 1.0)


def test_eigenvalue_conditions_match_scipy():
    w = np.random.default_rng(2).standard_normal((40, 40)) / math.sqrt(40)
    ours = netdyn.eigenvalue_conditions(w)
    values = netdyn.spectrum(w)
    assert ours.shape == values.shape
    theirs_values, left, right = sla.eig(w, left=True, right=True)
    theirs = 1.0 / np.abs(np.sum(left.conj() * right, axis=0))  # unit columns from LAPACK dgeev
    for value, condition in zip(values, ours):
        k = np.argmin(np.abs(theirs_values - value))
        # Both to about eps kappa(V)^2 relative on this well-conditioned W.
        assert abs(condition - theirs[k]) < 1e-9 * theirs[k]
    # Closed form for W = [[a, -b], [a, -b]]: sqrt(2 (a^2 + b^2)) / |a - b| for both eigenvalues.
    expected = math.sqrt(2 * ((30 / 7) ** 2 + (33 / 7) ** 2)) / (3 / 7)
    assert np.allclose(netdyn.eigenvalue_conditions(MM09), expected, rtol=1e-12)
    assert np.allclose(netdyn.eigenvalue_conditions(np.eye(3)), 1.0, rtol=1e-14)


def test_check_has_cli_keys_and_reference_values():
    r = netdyn.check(MM09)
    for key in ("n", "eigenvalues", "spectral_abscissa", "spectral_radius", "stable", "growth_rate",
                "slowest_timescale", "henrici_departure", "henrici_relative",
                "eigenvector_condition", "numerical_abscissa", "steady_state_gain",
                "transient_gain", "transient_gain_time", "total_variance",
                "normal_total_variance", "nonnormal_amplification"):
        assert key in r, key
    assert r["stable"] is True
    assert abs(r["henrici_departure"] - 9.0) < 1e-12
    assert abs(r["steady_state_gain"] - 6.416237026) < 1e-8  # science.md T2c
    unstable = netdyn.check(np.load(os.path.join(DATA, "gaussian_n200_rho1.5.npy")))
    assert unstable["stable"] is False and unstable["steady_state_gain"] is None


def test_check_gives_infinity_as_a_float_and_absence_as_none():
    # A Jordan block is defective: kappa(V) is infinite; the JSON writes "inf", Python gets a float.
    r = netdyn.check(np.array([[0.5, 1.0], [0.0, 0.5]]))
    assert isinstance(r["eigenvector_condition"], float)
    assert r["eigenvector_condition"] == math.inf
    assert [k for k, v in r.items() if isinstance(v, str)] == ["classification"]  # no "inf"
    # Unstable: the stable-only figures are None.
    r = netdyn.check(np.array([[1.5, 0.0], [0.0, 0.2]]))
    assert r["steady_state_gain"] is None and r["transient_gain"] is None


def test_package_layout_and_version():
    # A package (netdyn/__init__.py over the compiled netdyn._core), exporting the core's API.
    assert os.path.basename(netdyn.__file__) == "__init__.py"
    assert netdyn.__version__ == netdyn._core.__version__
    assert "check" in netdyn.__all__ and "spectrum" in netdyn.__all__
    assert all(hasattr(netdyn, name) for name in netdyn.__all__)


def test_nonnormal_amplification_of_balanced_network():
    # science.md T3a: V = 2129/85, V_n = 1.7, ratio 14.733564014.
    r = netdyn.check(MM09)
    if r["nonnormal_amplification"] is not None:
        assert abs(r["nonnormal_amplification"] - 14.733564014) < 1e-8
    c = netdyn.covariance(MM09)
    assert abs(c["total_variance"] - 2129 / 85) < 1e-9
    assert abs(c["nonnormal_amplification"] - 14.733564014) < 1e-8


def test_check_warnings_are_a_list_of_code_and_message():
    # Issue 9: the nilpotent Jordan block of size 50 is defective; MM09 is harmless.
    assert netdyn.check(MM09)["warnings"] == []
    r = netdyn.check(np.diag(np.ones(49), 1))
    assert [w["code"] for w in r["warnings"]] == ["ill_conditioned_eigenvectors"]
    assert "for m = n = 50" in r["warnings"][0]["message"]
    assert abs(r["henrici_departure"] - 7.0) < 1e-12


def test_lyapunov_matches_scipy():
    rng = np.random.default_rng(3)
    a = -np.eye(80) + 0.8 * rng.standard_normal((80, 80)) / math.sqrt(80)
    q = np.eye(80)
    x, residual = netdyn.lyapunov(a, q)
    expected = sla.solve_continuous_lyapunov(a, -q)
    assert np.linalg.norm(x - expected) < 1e-10 * np.linalg.norm(expected)
    assert residual < 1e-12


def test_covariance_matches_scipy_unit_noise():
    w = netdyn.gaussian(50, rho=0.7, seed=5)
    c = netdyn.covariance(w, sigma=0.5)
    expected = sla.solve_continuous_lyapunov(w - np.eye(50), -2 * 0.25 * np.eye(50))
    assert np.linalg.norm(c["covariance"] - expected) < 1e-10 * np.linalg.norm(expected)


def test_envelope_matches_scipy_expm():
    w = netdyn.gaussian(40, rho=0.9, seed=2)
    out = netdyn.amplify(w, tau=2.0, tmax=6.0, points=13)
    a = (w - np.eye(40)) / 2.0
    for t, value in zip(out["times"], out["envelope"]):
        assert abs(value - np.linalg.norm(sla.expm(t * a), 2)) < 1e-9 * max(1.0, value)
    assert out["transient_gain"] >= max(out["envelope"]) - 1e-12


def test_transient_gain_between_first_grid_points():
    # Issue 22: the peak (2.7933 at t = 0.80) lies before the grid's second point (t = 3); the
    # maximum was bracketed with the element before the grid, so the answer depended on heap
    # contents (300.0 in a fresh process, 1.0 after a check call).
    for _ in range(2):
        out = netdyn.amplify(MM09, tmax=300.0)
        assert abs(out["transient_gain"] - 2.793279595) < 1e-8
        assert abs(out["transient_gain_time"] - 0.80174563915) < 1e-7
        netdyn.check(MM09)
    a = MM09 - np.eye(2)
    t = out["transient_gain_time"]
    assert abs(out["transient_gain"] - np.linalg.norm(sla.expm(t * a), 2)) < 1e-12


def test_schur_identities():
    w = netdyn.gaussian(30, rho=1.0, seed=4)
    s = netdyn.schur(w)
    u, t = s["U"], s["T"]
    assert np.linalg.norm(w @ u - u @ t) < 1e-12 * 30
    assert np.linalg.norm(u.conj().T @ u - np.eye(30)) < 1e-12 * 30
    assert np.allclose(np.tril(t, -1), 0)
    assert all(np.diff(np.real(np.diag(t))) <= 1e-14)
    assert abs(s["feedforward_norm"] - netdyn.henrici_departure(w)) < 1e-10


def test_ei2_amplification_four():
    r = netdyn.ei2(w=30 / 7, k=1.1)
    assert abs(r["amplification"] - 4.0) < 1e-10
    assert abs(r["feedforward_weight"] - 9.0) < 1e-12


def test_simulate_matches_expm():
    w = netdyn.gaussian(20, rho=0.8, seed=7)
    r0 = np.linspace(-1, 1, 20)
    t, rates = netdyn.simulate(w, r0, t_end=5.0, tau=1.0, samples=11, rtol=1e-10, atol=1e-12)
    for k, tk in enumerate(t):
        exact = sla.expm(tk * (w - np.eye(20))) @ r0
        assert np.linalg.norm(rates[k] - exact) < 1e-8 * max(1.0, np.linalg.norm(exact))


def test_jacobian_of_tanh_network():
    w = netdyn.gaussian(10, rho=1.2, seed=8)
    r = np.linspace(-0.5, 0.5, 10)
    j = netdyn.jacobian(w, r, f="tanh", tau=2.0)
    expected = (-np.eye(10) + np.diag(1 - np.tanh(w @ r) ** 2) @ w) / 2.0
    assert np.allclose(j, expected, atol=1e-14)


def test_generators_are_seeded():
    assert np.array_equal(netdyn.gaussian(5, 1.0, 3), netdyn.gaussian(5, 1.0, 3))
    assert not np.array_equal(netdyn.gaussian(5, 1.0, 3), netdyn.gaussian(5, 1.0, 4))
    d = netdyn.dale(100, f=0.8, mean_e=0.1, mean_i=-0.4, seed=1)
    assert (d[:, :80] >= 0).all() and (d[:, 80:] <= 0).all()


def test_io_round_trip(tmp_path):
    m = np.arange(12.0).reshape(3, 4) / 7
    netdyn.write_matrix(str(tmp_path / "m.npy"), m)
    assert np.array_equal(np.load(tmp_path / "m.npy"), m)
    assert np.array_equal(netdyn.read_matrix(str(tmp_path / "m.npy")), m)


def test_errors_become_value_errors():
    with pytest.raises(ValueError, match="3x2"):
        netdyn.spectrum(np.zeros((3, 2)))
    bad = np.eye(3)
    bad[1, 2] = np.nan
    with pytest.raises(ValueError, match="nan"):
        netdyn.check(bad)
    with pytest.raises(ValueError, match="Hurwitz|stationary"):
        netdyn.covariance(np.eye(3) * 1.5)
    with pytest.raises(ValueError, match="no such file"):
        netdyn.read_matrix("/nonexistent/W.npy")
    with pytest.raises(ValueError):
        netdyn.ei2(w=1.0)


def test_fortran_order_input_is_accepted_without_change():
    w = np.asfortranarray(netdyn.gaussian(30, 1.0, 9))
    assert np.array_equal(netdyn.spectrum(w), netdyn.spectrum(np.ascontiguousarray(w)))


# Issue 22: NumPy's casting dropped imaginary parts with only a ComplexWarning.
def test_complex_input_is_refused_naming_the_argument(tmp_path):
    w = np.array([[0.5, 2j], [0, 0.1]])
    with pytest.raises(ValueError, match="W has complex dtype complex128"):
        netdyn.check(w)
    with pytest.raises(ValueError, match="^W has complex"):
        netdyn.henrici_departure([[0.5, 2j], [0, 0.1]])
    with pytest.raises(ValueError, match="^Q has complex"):
        netdyn.lyapunov(-np.eye(2), np.eye(2) * (1 + 1j))
    with pytest.raises(ValueError, match="^r0 has complex"):
        netdyn.simulate(np.zeros((2, 2)), np.array([1j, 0]), 1.0)
    # A complex dtype with zero imaginary parts is still refused: the dtype decides, not luck.
    with pytest.raises(ValueError, match="matrix has complex"):
        netdyn.write_matrix(str(tmp_path / "c.npy"), np.eye(2, dtype=complex))
    # Real input of any real dtype still works.
    assert netdyn.henrici_departure(np.array([[0.5, 2.0], [0, 0.1]], dtype=np.float32)) == \
        pytest.approx(2.0)


def test_paths_may_be_path_like(tmp_path):
    m = np.arange(4.0).reshape(2, 2)
    netdyn.write_matrix(tmp_path / "m.npy", m)
    assert np.array_equal(netdyn.read_matrix(tmp_path / "m.npy"), m)


def test_amplify_points_is_capped_as_on_the_command_line():
    w = np.array([[0.0, 1.0], [0.0, 0.0]])
    with pytest.raises(ValueError, match="points = 1000001; need 2 <= points <= 1000000"):
        netdyn.amplify(w, tmax=1.0, points=1000001)
    with pytest.raises(ValueError, match="points = 1;"):
        netdyn.amplify(w, tmax=1.0, points=1)
    assert len(netdyn.amplify(w, tmax=1.0, points=5)["times"]) == 5


def test_amplify_certified_gain_brackets_a_dense_expm_maximum():
    # Issue 17: transient_gain <= max_t ||expm(tA)||_2 <= transient_gain_upper_bound, 1e-8 apart.
    # The dense reference (SciPy expm and NumPy's 2-norm on 4001 points, then SciPy's bounded
    # maximisation around the best one) is a lower estimate of the maximum, accurate to ~1e-12.
    from scipy.linalg import expm
    from scipy.optimize import minimize_scalar
    w = netdyn.gaussian(30, rho=0.9, seed=4)
    a = w - np.eye(30)
    out = netdyn.amplify(w)
    t_end = out["times"][-1]

    def norm_at(t):
        return np.linalg.norm(expm(t * a), 2)

    grid = np.linspace(0.0, t_end, 4001)
    values = [norm_at(t) for t in grid]
    k = int(np.argmax(values))
    lo, hi = grid[max(k - 1, 0)], grid[min(k + 1, len(grid) - 1)]
    best = minimize_scalar(lambda t: -norm_at(t), bounds=(lo, hi), method="bounded",
                           options={"xatol": 1e-10})
    dense = max(values[k], -best.fun)
    assert out["transient_gain_tolerance_met"]
    assert out["transient_gain"] == pytest.approx(dense, rel=1e-8)
    assert out["transient_gain_upper_bound"] >= dense * (1 - 1e-12)
    assert out["transient_gain_upper_bound"] - out["transient_gain"] <= 1e-8 * out["transient_gain"]
    assert norm_at(out["transient_gain_time"]) == pytest.approx(out["transient_gain"], rel=1e-10)


def test_distance_to_instability_matches_svd_on_a_frequency_grid():
    # beta(A) = min_omega sigma_min(A - i omega I): NumPy's SVD on a grid, then SciPy's bounded
    # scalar minimisation around the grid minimum.
    w = netdyn.gaussian(20, rho=0.8, seed=9)
    tau = 2.0
    a = (w - np.eye(20)) / tau

    def sigma_min(omega):
        return np.linalg.svd(a - 1j * omega * np.eye(20), compute_uv=False)[-1]

    grid = np.linspace(0.0, 2.0 * np.linalg.norm(a, 2), 4001)
    k = int(np.argmin([sigma_min(x) for x in grid]))
    lo, hi = grid[max(k - 1, 0)], grid[min(k + 1, len(grid) - 1)]
    from scipy.optimize import minimize_scalar
    best = minimize_scalar(sigma_min, bounds=(lo, hi), method="bounded",
                           options={"xatol": 1e-12})
    out = netdyn.amplify(w, tau=tau)
    assert abs(out["distance_to_instability"] - best.fun) < 1e-9 * best.fun
    assert abs(out["distance_to_instability_frequency"] - best.x) < 1e-5
    r = netdyn.check(w, tau=tau)
    assert r["distance_to_instability"] == out["distance_to_instability"]
    assert r["distance_to_instability_frequency"] == out["distance_to_instability_frequency"]


def test_distance_to_instability_is_none_when_unstable():
    # MM09 at omega* = 0: beta = sigma_min(W - I) = 1/steady_state_gain (science.md 2.3).
    r = netdyn.check(MM09)
    assert abs(r["distance_to_instability"] - 1 / 6.416237026) < 1e-9
    assert r["distance_to_instability_frequency"] == 0.0
    unstable = np.array([[1.25, 3.0], [0.0, 0.5]])
    assert netdyn.check(unstable)["distance_to_instability"] is None
    out = netdyn.amplify(unstable, tmax=1.0, points=5)
    assert out["distance_to_instability"] is None
    assert out["distance_to_instability_frequency"] is None


def test_amplify_kreiss_interval_closed_form_and_bounds():
    # science.md T2c: K(MM09) = 2.002440521125 on the real axis (x* = 1.3795711476); the interval's
    # upper end is the certified transient gain (Kreiss matrix theorem K <= max_t ||exp(tA)||).
    out = netdyn.amplify(MM09)
    assert out["kreiss_lower_bound"] == pytest.approx(2.002440521125, rel=1e-10)
    assert out["kreiss_point"][0] == pytest.approx(1.3795711476, rel=1e-6)
    assert out["kreiss_point"][1] == 0.0
    assert out["kreiss_constant_upper_bound"] == out["transient_gain_upper_bound"]
    # K is independent of tau; the point scales as 1/tau.
    slow = netdyn.amplify(MM09, tau=10.0)
    assert slow["kreiss_lower_bound"] == pytest.approx(out["kreiss_lower_bound"], rel=1e-10)
    assert slow["kreiss_point"][0] == pytest.approx(out["kreiss_point"][0] / 10.0, rel=1e-5)
    # An envelope over [0, 0.5] (before the gain's peak) bounds only that interval: no upper end.
    short = netdyn.amplify(MM09, tmax=0.5, points=5)
    assert short["kreiss_constant_upper_bound"] is None
    assert short["kreiss_lower_bound"] == pytest.approx(2.002440521125, rel=1e-10)
    unstable = netdyn.amplify(np.array([[1.25, 3.0], [0.0, 0.5]]), tmax=1.0, points=5)
    assert unstable["kreiss_lower_bound"] is None
    assert unstable["kreiss_constant_upper_bound"] is None
    assert unstable["kreiss_point"] is None


def test_amplify_kreiss_off_the_real_axis_matches_a_dense_svd_search():
    # Eigenvalues -1 +- 25i, -1 +- 15i, -1 +- 8i, coupled (6 N(0,1) above the blocks) and rotated:
    # the maximum of Re z / sigma_min(zI - A) lies off the real axis, 18% above the axis maximum.
    # Reference: NumPy's SVD on a 60 x 250 grid (log Re z in [1e-2, 1e2], Im z in [0, 30]), then
    # Nelder-Mead from the best grid point to 1e-12 in position; at the maximum the value's error
    # is quadratic in position, so the reference is within ~1e-14 of the local maximum, and netdyn's
    # value is within its search's 1e-12: 1e-9 relative covers both with room.
    from scipy.optimize import minimize
    rng = np.random.default_rng(3)
    t = np.zeros((6, 6))
    for b, om in enumerate([25.0, 15.0, 8.0]):
        t[2 * b:2 * b + 2, 2 * b:2 * b + 2] = [[-1.0, om], [-om, -1.0]]
    for j in range(6):
        for i in range(j):
            if i // 2 != j // 2:
                t[i, j] = 6.0 * rng.standard_normal()
    q, _ = np.linalg.qr(rng.standard_normal((6, 6)))
    a = q @ t @ q.T

    def ratio(x, y):
        return x / np.linalg.svd((x + 1j * y) * np.eye(6) - a, compute_uv=False)[-1]

    xs = np.geomspace(1e-2, 1e2, 60)
    ys = np.linspace(0.0, 30.0, 250)
    grid = np.array([[ratio(x, y) for y in ys] for x in xs])
    i, j = np.unravel_index(np.argmax(grid), grid.shape)
    best = minimize(lambda p: -ratio(np.exp(p[0]), abs(p[1])), [np.log(xs[i]), ys[j]],
                    method="Nelder-Mead", options={"xatol": 1e-12, "fatol": 1e-16, "maxiter": 4000})
    k = int(np.argmax(grid[:, 0]))
    axis = minimize(lambda p: -ratio(np.exp(p[0]), 0.0), [np.log(xs[k])], method="Nelder-Mead",
                    options={"xatol": 1e-12, "fatol": 1e-16})
    out = netdyn.amplify(a + np.eye(6))
    assert out["kreiss_lower_bound"] == pytest.approx(-best.fun, rel=1e-9)
    assert out["kreiss_point"][0] == pytest.approx(np.exp(best.x[0]), rel=1e-4)
    assert out["kreiss_point"][1] == pytest.approx(abs(best.x[1]), rel=1e-4)
    assert out["kreiss_lower_bound"] > 1.15 * -axis.fun
    assert ratio(*out["kreiss_point"]) == pytest.approx(out["kreiss_lower_bound"], rel=1e-11)
    assert out["kreiss_lower_bound"] <= out["kreiss_constant_upper_bound"]
    assert out["kreiss_constant_upper_bound"] == out["transient_gain_upper_bound"]
    # The other side of the theorem, max_t ||exp(tA)|| <= e n K, holds with the lower bound for K.
    assert out["transient_gain"] <= math.e * 6 * out["kreiss_lower_bound"]


def test_docs_python_examples_run(capsys):
    # Every ```python block of docs/python.md runs as written (from the repository root, where its
    # relative data/ paths point), and the package docstring's doctest holds.
    import doctest
    import re
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    text = open(os.path.join(root, "docs", "python.md")).read()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks
    here = os.getcwd()
    try:
        os.chdir(root)
        for block in blocks:
            if block.startswith(">>>"):  # a doctest, with netdyn and np in scope
                test = doctest.DocTestParser().get_doctest(
                    block, {"netdyn": netdyn, "np": np}, "docs/python.md", "docs/python.md", 0)
                assert test.examples
                runner = doctest.DocTestRunner()
                runner.run(test)
                assert runner.failures == 0, block
            else:
                exec(compile(block, "docs/python.md", "exec"), {})
    finally:
        os.chdir(here)
    assert doctest.testmod(netdyn, verbose=False).failed == 0


@pytest.mark.skipif(not os.environ.get("NETDYN_CLI"), reason="NETDYN_CLI (the netdyn executable) not set")
def test_check_equals_the_command_line_on_data():
    # Issue 18: every number `netdyn check --json` prints for data/ is the same from Python.
    import json
    import subprocess
    for name in sorted(os.listdir(DATA)):
        if not name.endswith((".npy", ".csv")):
            continue
        path = os.path.join(DATA, name)
        cli = json.loads(subprocess.run([os.environ["NETDYN_CLI"], "check", "--json", path],
                                        capture_output=True, text=True, check=True).stdout)
        py = netdyn.check(netdyn.read_matrix(path))
        # The CLI adds where the numbers came from (file, hash, options); Python gets the matrix.
        assert cli.pop("provenance")["inputs"][0]["path"] == path
        assert set(py) == set(cli), name
        for key, theirs in cli.items():
            ours = py[key]
            if key == "eigenvalues":
                assert np.array_equal(ours, np.array([complex(re, im) for re, im in theirs])), name
            elif theirs is None or isinstance(theirs, (bool, str, list)):
                if theirs in ("inf", "-inf"):
                    assert ours == float(theirs), (name, key)
                else:
                    assert ours == theirs, (name, key, ours, theirs)
            else:
                assert abs(ours - theirs) <= 1e-12 * abs(theirs), (name, key, ours, theirs)


def test_pseudospectra_match_scipy_svd():
    rng = np.random.default_rng(5)
    W = rng.standard_normal((20, 20)) / np.sqrt(20) + np.triu(rng.standard_normal((20, 20)), 1)
    ps = netdyn.pseudospectra(W, grid=(5, 4), box=(-2.0, 1.0, 0.0, 1.5), tolerance=1e-9)
    assert ps["sigma_min"].shape == (4, 5)
    assert np.allclose(ps["x"], np.linspace(-2.0, 1.0, 5)) and np.allclose(ps["y"], np.linspace(0.0, 1.5, 4))
    for i, y in enumerate(ps["y"]):
        for j, x in enumerate(ps["x"]):
            theirs = sla.svdvals((x + 1j * y) * np.eye(20) - W)[-1]
            assert abs(ps["sigma_min"][i, j] - theirs) <= 1e-8 * theirs, (i, j)
    ours, theirs = ps["eigenvalues"], np.linalg.eigvals(W)
    assert max(np.min(np.abs(theirs - z)) for z in ours) < 1e-10  # the same set
    assert len(ours) == len(theirs)
    with pytest.raises(ValueError):
        netdyn.pseudospectra(W, grid=(0, 4))


def test_pseudospectral_abscissa_closed_form_and_bounds():
    # Normal W: alpha_eps = alpha + eps exactly.
    W = np.diag([0.5, -1.0, 0.2])
    a = netdyn.pseudospectral_abscissa(W, 0.1)
    assert abs(a["abscissa"] - 0.6) < 1e-10
    # Nonnormal (the balanced pair): sigma_min at the rightmost point equals eps, and alpha_eps
    # exceeds alpha + eps (the pseudospectrum bulges out).
    a = netdyn.pseudospectral_abscissa(MM09, 0.1)
    z = a["abscissa"] + 1j * a["y"]
    assert abs(sla.svdvals(z * np.eye(2) - MM09)[-1] - 0.1) < 1e-8
    assert a["abscissa"] > max(np.linalg.eigvals(MM09).real) + 0.1


def test_fixed_point_of_rate_networks():
    rng = np.random.default_rng(8)
    W = 0.5 * rng.standard_normal((6, 6)) / np.sqrt(6)
    X = rng.standard_normal(6)
    # Linear (the CLI's default f): r* = (I - W)^{-1} X.
    fp = netdyn.fixed_point(W, input=X)
    assert np.allclose(fp["fixed_point"], np.linalg.solve(np.eye(6) - W, X), rtol=1e-12, atol=1e-14)
    assert np.allclose(fp["jacobian"], W - np.eye(6), atol=1e-15)
    assert fp["stable"] is True and fp["classification"] is None
    assert np.allclose(np.sort_complex(fp["jacobian_eigenvalues"]), np.sort_complex(np.linalg.eigvals(W - np.eye(6))))
    # tanh: r* = tanh(W r* + X), its Jacobian the one netdyn.jacobian gives there.
    fp = netdyn.fixed_point(W, input=X, f="tanh", tau=2.0)
    r = fp["fixed_point"]
    assert np.max(np.abs(r - np.tanh(W @ r + X))) < 1e-12
    assert np.allclose(fp["jacobian"], netdyn.jacobian(W, r, input=X, f="tanh", tau=2.0), rtol=1e-14)
    # Threshold-linear with every unit above threshold: the closed form holds and agrees.
    fp = netdyn.fixed_point(0.2 * np.abs(W), input=np.abs(X) + 1.0, f="relu")
    assert fp["closed_form_valid"] is True
    assert np.allclose(fp["threshold_linear_closed_form"], fp["fixed_point"], rtol=1e-12)
    with pytest.raises(ValueError):
        netdyn.fixed_point(W, f="cubic")


def test_fitzhugh_nagumo_fixed_point_and_hopf_current():
    r = netdyn.fitzhugh_nagumo(current=0.3, hopf=True)
    v, w = r["fixed_point"]
    a, b, tau, current = 0.7, 0.8, 12.5, 0.3
    assert abs(v - v**3 / 3 - w + current) < 1e-12 and abs(v + a - b * w) < 1e-12
    assert np.allclose(r["jacobian"], [[1 - v**2, -1.0], [1 / tau, -b / tau]], atol=1e-12)
    assert abs(r["trace"] - np.trace(r["jacobian"])) < 1e-14
    assert r["stable"] is True
    # The Hopf current: trace 1 - v^2 - b/tau = 0 on the lower branch, v_H = -sqrt(1 - b/tau).
    v_h = -math.sqrt(1 - b / tau)
    assert abs(r["hopf_current"] - (-v_h + v_h**3 / 3 + (v_h + a) / b)) < 1e-9
    assert netdyn.fitzhugh_nagumo(current=0.3)["hopf_current"] is None
    assert netdyn.fitzhugh_nagumo(current=0.5)["stable"] is False  # beyond I_H ~ 0.33


def test_sde_covariance_agrees_with_lyapunov():
    # The balanced pair: tr S = 2129/85 (science.md T3a); the seeded run lands within 4 standard
    # errors of it, and its covariance matrix near SciPy's Lyapunov solution (A S + S A^T = -2 I,
    # unit noise, tau = 1).
    s = netdyn.sde(MM09, duration=4000.0, seed=3)
    assert abs(s["total_variance"] - 2129 / 85) < 4 * s["total_variance_standard_error"]
    assert s["total_variance_standard_error"] < 0.05 * 2129 / 85
    exact = sla.solve_continuous_lyapunov(MM09 - np.eye(2), -2.0 * np.eye(2))
    assert np.allclose(s["covariance"], exact, rtol=0.1, atol=0.5)
    assert np.allclose(s["mean"], 0.0, atol=0.5)
    again = netdyn.sde(MM09, duration=4000.0, seed=3)
    assert np.array_equal(again["covariance"], s["covariance"])  # seeded
    with pytest.raises(ValueError, match="method"):
        netdyn.sde(MM09, method="milstein")


def test_sparse_ei_generator_and_sparse_spectrum_against_scipy():
    import scipy.sparse as sp
    import scipy.sparse.linalg as spla
    W = netdyn.sparse_ei(1000, k=50, balance_rows=True, seed=4)
    assert sp.issparse(W) and W.shape == (1000, 1000) and W.nnz == 50 * 1000
    dense = W.toarray()
    assert (dense[:, :800] >= 0).all() and (dense[:, 800:] <= 0).all()  # Dale's law by columns
    assert np.allclose(dense.sum(axis=1), 0.0, atol=1e-12)  # balanced rows
    assert (netdyn.sparse_ei(1000, k=50, balance_rows=True, seed=4) != W).nnz == 0  # seeded
    for matrix in (W, W.tocsr()):  # CSR is accepted too
        s = netdyn.sparse_spectrum(matrix, count=6)
        k = len(s["eigenvalues"])  # 6, or 7 to complete a conjugate pair (netdyn order)
        assert k in (6, 7)
        exact = np.linalg.eigvals(dense)
        top = exact[np.argsort(-exact.real)][:k]
        assert np.allclose(np.sort(s["eigenvalues"].real), np.sort(top.real), atol=1e-9)
        assert s["verification_difference"] is not None and s["warnings"] == []
    theirs = spla.eigs(W, k=k, which="LR", ncv=60, tol=1e-12, return_eigenvectors=False)
    assert np.allclose(np.sort(s["eigenvalues"].real), np.sort(theirs.real), atol=1e-9)
    with pytest.raises(ValueError):
        netdyn.sparse_ei(100, k=200)
    with pytest.raises(ValueError):
        netdyn.sparse_spectrum(W, target="smallest")


def test_gramians_match_scipy():
    rng = np.random.default_rng(9)
    A = rng.standard_normal((8, 8)) / np.sqrt(8) - 1.5 * np.eye(8)
    B = rng.standard_normal((8, 2))
    C = rng.standard_normal((3, 8))
    P, res = netdyn.controllability_gramian(A, B)
    assert np.allclose(P, sla.solve_continuous_lyapunov(A, -B @ B.T), rtol=1e-10, atol=1e-12)
    assert res < 1e-12
    Q, res = netdyn.observability_gramian(A, C)
    assert np.allclose(Q, sla.solve_continuous_lyapunov(A.T, -C.T @ C), rtol=1e-10, atol=1e-12)
    with pytest.raises(ValueError):
        netdyn.controllability_gramian(A, B[:5])


def test_evoked_energy_is_twice_the_integrated_squared_response():
    # (2/tau) int_0^inf ||e^{tA} a||^2 dt by the trapezoid rule on expm samples (tau = 1).
    a = np.array([1.0, 0.0])
    A = MM09 - np.eye(2)
    ts = np.linspace(0.0, 40.0, 40001)
    step = sla.expm((ts[1] - ts[0]) * A)
    r, sq = a.copy(), []
    for _ in ts:
        sq.append(r @ r)
        r = step @ r
    integral = 2.0 * np.trapz(sq, ts)
    assert abs(netdyn.evoked_energy(MM09, a) - integral) < 1e-6 * integral
    assert abs(netdyn.evoked_energy(np.zeros((3, 3)), np.array([0.0, 1.0, 0.0])) - 1.0) < 1e-14
    modes = netdyn.amplified_modes(MM09, count=2)
    Q = modes["energy_matrix"]
    assert np.allclose(modes["energies"], np.sort(np.linalg.eigvalsh(Q))[::-1], rtol=1e-12)
    top = modes["patterns"][:, 0]
    assert abs(top @ Q @ top - modes["energies"][0]) < 1e-10 * modes["energies"][0]
    assert abs(netdyn.evoked_energy(MM09, top) - modes["energies"][0]) < 1e-10 * modes["energies"][0]
    assert abs(modes["mean_energy"] - np.trace(Q) / 2) < 1e-12 * modes["mean_energy"]


@pytest.mark.parametrize("method", ["dopri5", "rk78", "rosenbrock4", "krylov"])
def test_ode_check_against_scipy_expm(method):
    rng = np.random.default_rng(10)
    W = 0.9 * rng.standard_normal((10, 10)) / np.sqrt(10)
    r0 = rng.standard_normal(10)
    h = np.ones(10)
    c = netdyn.ode_check(W, r0, 5.0, tau=2.0, input=h, samples=11, method=method)
    A = (W - np.eye(10)) / 2.0
    # r(t) = e^{tA} (r0 - r*) + r*, r* = (I - W)^{-1} h.
    fixed = np.linalg.solve(np.eye(10) - W, h)
    ours = np.array([sla.expm(t * A) @ (r0 - fixed) + fixed for t in c["t"]])
    assert np.allclose(c["exact"], ours, rtol=1e-12, atol=1e-12)
    assert abs(np.max(np.abs(c["R"] - ours)) - c["max_abs_error"]) < 1e-12  # exact to rounding
    assert c["max_rel_error"] < 1e-6


# Every function taking W: the same bad inputs, the same kind of error; lists, integer arrays and
# both memory orders give the same result as a float64 C-order array.
W_FUNCTIONS = {
    "spectrum": lambda W: netdyn.spectrum(W),
    "eigenvalue_conditions": lambda W: netdyn.eigenvalue_conditions(W),
    "henrici_departure": lambda W: netdyn.henrici_departure(W),
    "numerical_abscissa": lambda W: netdyn.numerical_abscissa(W),
    "steady_state_gain": lambda W: netdyn.steady_state_gain(W)["gain"],
    "schur": lambda W: netdyn.schur(W)["T"],
    "check": lambda W: netdyn.check(W)["transient_gain"],
    "covariance": lambda W: netdyn.covariance(W)["total_variance"],
    "amplify": lambda W: netdyn.amplify(W, points=5)["transient_gain"],
    "pseudospectra": lambda W: netdyn.pseudospectra(W, grid=(3, 2))["sigma_min"],
    "pseudospectral_abscissa": lambda W: netdyn.pseudospectral_abscissa(W, 0.1)["abscissa"],
    "fixed_point": lambda W: netdyn.fixed_point(W)["jacobian"],
    "sde": lambda W: netdyn.sde(W, duration=10.0)["total_variance"],
    "evoked_energy": lambda W: netdyn.evoked_energy(W, np.ones(len(W))),
    "amplified_modes": lambda W: netdyn.amplified_modes(W)["energies"],
    "simulate": lambda W: netdyn.simulate(W, np.ones(len(W)), 1.0)[1],
    "ode_check": lambda W: netdyn.ode_check(W, np.ones(len(W)), 1.0)["R"],
    "jacobian": lambda W: netdyn.jacobian(W, np.ones(len(W))),
}
STABLE = np.array([[0.2, 1.0, 0.0], [0.0, -0.5, 0.3], [0.1, 0.0, 0.4]])


@pytest.mark.parametrize("name", sorted(W_FUNCTIONS))
def test_every_w_function_refuses_bad_input_and_accepts_lists_and_orders(name):
    f = W_FUNCTIONS[name]
    nan = STABLE.copy()
    nan[1, 2] = np.nan
    for bad, message in ((np.ones(3), None), (np.ones((3, 2)), "3x2|square|x2"),
                         (nan, "nan"), (np.ones((0, 0)), "empty|0x0")):
        with pytest.raises(ValueError if bad.ndim == 2 else (ValueError, TypeError), match=message):
            f(bad)
    reference = f(STABLE)
    for same in (STABLE.tolist(), np.asfortranarray(STABLE), STABLE[:, ::-1][:, ::-1]):  # view
        assert np.array_equal(np.asarray(f(same)), np.asarray(reference)), name
    single = STABLE.astype(np.float32)  # converted to float64
    assert np.array_equal(np.asarray(f(single)), np.asarray(f(single.astype(np.float64)))), name
    nilpotent = np.array([[0, 1, 0], [0, 0, 1], [0, 0, 0]])  # int64
    assert np.array_equal(np.asarray(f(nilpotent)), np.asarray(f(nilpotent.astype(float)))), name


def test_network_decomposes_w_once_and_agrees_with_the_functions():
    rng = np.random.default_rng(11)
    W = 0.8 * rng.standard_normal((120, 120)) / np.sqrt(120)  # n > 100: no dense SVD of T either
    before = netdyn._core._lapack_calls()
    net = netdyn.Network(W, tau=3.0)
    report = net.check()
    amp = net.amplify(points=11)
    cov = net.covariance()
    energy = net.evoked_energy(np.ones(120))
    modes = net.amplified_modes(count=2)
    eigenvalues, kappa = net.eigenvalues, net.eigenvector_condition()
    after = netdyn._core._lapack_calls()
    assert after["dgees"] - before["dgees"] == 1  # the one real Schur decomposition
    assert after["dgeev"] == before["dgeev"] and after["gesdd"] == before["gesdd"]
    # The same numbers as the one-shot functions (each of which decomposes W itself).
    assert np.array_equal(eigenvalues, netdyn.spectrum(W))
    single = netdyn.check(W, tau=3.0)
    for key in ("transient_gain", "total_variance", "henrici_departure", "steady_state_gain"):
        assert abs(report[key] - single[key]) <= 1e-12 * abs(single[key]), key
    assert abs(amp["transient_gain"] - netdyn.amplify(W, tau=3.0, points=11)["transient_gain"]) < 1e-12 * amp["transient_gain"]
    assert np.allclose(cov["covariance"], netdyn.covariance(W)["covariance"], rtol=1e-12, atol=1e-14)
    assert abs(energy - netdyn.evoked_energy(W, np.ones(120))) < 1e-12 * energy
    assert np.allclose(modes["energies"], netdyn.amplified_modes(W, count=2)["energies"], rtol=1e-12)
    assert abs(kappa - report["eigenvector_condition"]) <= 1e-12 * kappa
    assert net.tau == 3.0 and np.array_equal(net.W, W) and "n=120" in repr(net)
    with pytest.raises(ValueError, match="tau"):
        netdyn.Network(W, tau=0.0)
    with pytest.raises(ValueError):
        netdyn.Network(np.ones((2, 3)))


def test_type_stubs_are_current_and_cover_the_api():
    # python/netdyn/_core.pyi is what scripts/make_python_stubs.py writes for this build.
    import ast
    import subprocess
    import sys
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    fresh = subprocess.run([sys.executable, os.path.join(root, "scripts", "make_python_stubs.py")],
                           capture_output=True, text=True, check=True).stdout
    stubs = open(os.path.join(root, "python", "netdyn", "_core.pyi")).read()
    assert fresh == stubs, "regenerate: PYTHONPATH=build/python scripts/make_python_stubs.py python/netdyn/_core.pyi"
    tree = ast.parse(stubs)
    names = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    assert set(netdyn.__all__) <= names | {"__version__"}


def test_fortran_order_float64_is_bound_in_place_and_c_order_is_converted():
    big = np.asfortranarray(np.random.default_rng(0).standard_normal((300, 300)))
    assert netdyn._core._argument_address(big) == big.__array_interface__["data"][0]
    c_order = np.ascontiguousarray(big)
    assert netdyn._core._argument_address(c_order) != c_order.__array_interface__["data"][0]


EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "examples")


@pytest.mark.parametrize("script", sorted(f for f in os.listdir(EXAMPLES) if f.endswith(".py")))
def test_examples_run_and_assert_their_headline_numbers(script, tmp_path):
    import subprocess
    import sys
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(netdyn.__file__)))
    run = subprocess.run([sys.executable, os.path.abspath(os.path.join(EXAMPLES, script))],
                         cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_plot_helpers_draw_labelled_axes(tmp_path):
    matplotlib = pytest.importorskip("matplotlib")  # scripts/setup.sh --tests installs it
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import netdyn.plot
    W = netdyn.gaussian(60, rho=0.8, seed=3)
    fig, axes = plt.subplots(2, 2, figsize=(9, 8))
    netdyn.plot.spectrum(axes[0, 0], W)
    netdyn.plot.envelope(axes[0, 1], netdyn.amplify(W, points=41))
    netdyn.plot.schur(axes[1, 0], W)
    netdyn.plot.pseudospectra(axes[1, 1], netdyn.pseudospectra(W, grid=(30, 30)))
    for ax in axes.flat:
        assert ax.get_xlabel() and ax.get_ylabel()
    assert len(axes[0, 0].lines) == 3  # eigenvalues, stability edge, circle
    assert np.allclose(axes[0, 1].lines[0].get_ydata(), netdyn.amplify(W, points=41)["envelope"])
    fig.savefig(tmp_path / "plots.png")
    assert (tmp_path / "plots.png").stat().st_size > 10000


@pytest.mark.skipif(not os.environ.get("NETDYN_CLI"), reason="NETDYN_CLI (the netdyn executable) not set")
def test_amplify_covariance_spectrum_equal_the_command_line_on_data():
    # The keys the subcommands and the functions share, on every data/ matrix (1e-12; envelope
    # values at the same grid).
    import json
    import subprocess

    def cli(*args):
        out = subprocess.run([os.environ["NETDYN_CLI"], *args, "--json"], capture_output=True,
                             text=True, check=True).stdout
        j = json.loads(out)
        j.pop("provenance")  # CLI-only: the input file, its hash and the options
        return j

    def same(ours, theirs, where):
        if theirs is None or isinstance(theirs, (bool, str)):
            assert ours == theirs or (theirs in ("inf", "-inf") and ours == float(theirs)), where
        elif isinstance(theirs, list) and theirs and isinstance(theirs[0], list):  # [re, im] pairs
            assert np.allclose(np.asarray(ours), [complex(*z) for z in theirs], rtol=1e-12, atol=1e-14), where
        elif isinstance(theirs, list):  # the JSON writes infinities as "inf"
            theirs = [float(v) if isinstance(v, str) else v for v in theirs]
            assert np.allclose(np.asarray(ours, dtype=float), theirs, rtol=1e-12, atol=1e-14), where
        else:
            assert abs(ours - theirs) <= 1e-12 * abs(theirs) + 1e-14, (where, ours, theirs)

    for name in sorted(os.listdir(DATA)):
        if not name.endswith(".npy"):
            continue
        path = os.path.join(DATA, name)
        W = netdyn.read_matrix(path)
        stable = netdyn.check(W)["stable"]
        tmax = [] if stable else ["--tmax", "2"]
        theirs = cli("amplify", path, *tmax)
        ours = netdyn.amplify(W, tmax=0.0 if stable else 2.0)
        for key in set(theirs) & set(ours):
            if key == "envelope":  # the CLI's [[t, ||exp(tA)||], ...], the function's two arrays
                same(ours["times"], [t for t, _ in theirs[key]], (name, "times"))
                same(ours[key], [g for _, g in theirs[key]], (name, key))
            else:
                same(ours[key], theirs[key], (name, key))
        if stable:
            theirs, ours = cli("covariance", path), netdyn.covariance(W)
            for key in set(theirs) & set(ours) - {"warnings"}:
                same(ours[key], theirs[key], (name, key))
        theirs = cli("spectrum", path)
        same(netdyn.spectrum(W), theirs["eigenvalues"], (name, "eigenvalues"))
        same(netdyn.eigenvalue_conditions(W), theirs["eigenvalue_conditions"], (name, "conditions"))


def test_sparse_matrix_market_round_trip_and_scipy(tmp_path):
    import scipy.io
    import scipy.sparse as sp
    W = netdyn.sparse_ei(300, k=20, seed=5)
    path = tmp_path / "W.mtx"
    netdyn.write_sparse_matrix(path, W)
    back = netdyn.read_sparse_matrix(path)
    assert sp.issparse(back) and (back != W).nnz == 0
    assert (sp.csc_matrix(scipy.io.mmread(str(path))) != W).nnz == 0  # SciPy reads netdyn's file
    scipy.io.mmwrite(str(tmp_path / "scipy.mtx"), W)
    assert (netdyn.read_sparse_matrix(tmp_path / "scipy.mtx") != W).nnz == 0  # and vice versa
    (tmp_path / "bad.mtx").write_text("%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 1.0\n")
    with pytest.raises(ValueError, match="bad.mtx"):
        netdyn.read_sparse_matrix(tmp_path / "bad.mtx")


def test_hebbian2_is_normal_with_eigenvalues_w_and_0_and_matches_the_cli(tmp_path):
    W = netdyn.hebbian2(6 / 7)
    assert np.allclose(W, (3 / 7) * np.ones((2, 2)), rtol=0, atol=1e-16)
    assert np.allclose(np.sort(np.linalg.eigvals(W).real), [0.0, 6 / 7], atol=1e-15)
    assert netdyn.henrici_departure(W) < 1e-15
    # science.md 1.6: int r_E = (tau/2)[1/(1 - w) + 1] = 4 at w = 6/7, from r(0) = (1, 0).
    t, r = netdyn.simulate(W, np.array([1.0, 0.0]), t_end=80.0, samples=80001)
    assert abs(np.trapz(r[:, 0], t) - 4.0) < 1e-4
    if os.environ.get("NETDYN_CLI"):
        import subprocess
        out = tmp_path / "h.npy"
        subprocess.run([os.environ["NETDYN_CLI"], "generate", "hebbian2", "--w", str(6 / 7), "-o", str(out)],
                       check=True, capture_output=True)
        assert np.array_equal(np.load(out), W)


def test_complex_sparse_input_is_refused_naming_the_argument():
    import scipy.sparse as sp
    W = sp.csc_matrix(np.array([[0.5, 2j], [0.0, 0.1]]))
    with pytest.raises(ValueError, match="^W has complex dtype complex128"):
        netdyn.sparse_spectrum(W, count=1, verify=False)


# --- Issue 18: every number the command line prints for data/ and the reference cases is the
# same from Python. Each test runs `netdyn SUBCOMMAND ... --json` and compares every key the
# subcommand and the function share (renamed or reshaped keys explicitly), to 1e-12 relative.
# The absolute floor 1e-14 is for values at rounding level, where a relative comparison means
# nothing: the near-zero eigenvalue of MM09 (-4.4e-15 from the Schur form) or the residuals and
# backward errors of order eps; both sides run the same lib/ code, so in practice they agree
# exactly, and the floor never hides a difference in a value of order 1.
needs_cli = pytest.mark.skipif(not os.environ.get("NETDYN_CLI"),
                               reason="NETDYN_CLI (the netdyn executable) not set")
DATA_2X2 = ("mm09_balanced.npy", "hebbian_2x2.npy")


def run_cli(*args, json_output=True):
    import json
    import subprocess
    out = subprocess.run([os.environ["NETDYN_CLI"], *args, *(["--json"] if json_output else [])],
                         capture_output=True, text=True, check=True).stdout
    if not json_output:
        return out
    j = json.loads(out)
    j.pop("provenance")  # CLI-only: the input file, its hash and the options
    return j


def as_real_array(value):
    value = np.asarray(value)
    if np.iscomplexobj(value):  # as the JSON's [[re, im], ...]
        value = np.stack([value.real, value.imag], axis=-1)
    return np.asarray(value, dtype=float)


def same_as_cli(ours, theirs, where):
    """ours (Python's value) equals theirs (the CLI's JSON value) to 1e-12 relative."""
    if theirs is None or isinstance(theirs, (bool, str)):
        if theirs in ("inf", "-inf"):
            assert ours == float(theirs), where
        else:
            assert ours == theirs, (where, ours, theirs)
        return
    if isinstance(theirs, list) and theirs and isinstance(theirs[0], dict):  # warnings
        assert ours == theirs, where
        return
    if isinstance(theirs, list):
        theirs = [[float(v) if isinstance(v, str) else v for v in row] if isinstance(row, list)
                  else (float(row) if isinstance(row, str) else row) for row in theirs]
    ours, theirs = as_real_array(ours), as_real_array(theirs)
    assert ours.shape == theirs.shape, (where, ours.shape, theirs.shape)
    assert np.array_equal(np.isinf(ours), np.isinf(theirs)), where
    finite = np.isfinite(theirs)
    assert np.all(np.abs(ours[finite] - theirs[finite]) <= 1e-12 * np.abs(theirs[finite]) + 1e-14), \
        (where, ours, theirs)


def compare_shared(ours, theirs, where, skip=()):
    shared = set(ours) & set(theirs) - set(skip)
    assert shared, where
    for key in sorted(shared):
        same_as_cli(ours[key], theirs[key], (where, key))
    return shared


@needs_cli
def test_schur_equals_the_command_line_on_data(tmp_path):
    for name in sorted(os.listdir(DATA)):
        if not name.endswith(".npy"):
            continue
        path = os.path.join(DATA, name)
        W = netdyn.read_matrix(path)
        for real in (False, True):
            for order in ("decreasing-real", "increasing-real"):
                out = tmp_path / f"{name}-{real}-{order}"
                theirs = run_cli("schur", path, "--order", order, "--out", str(out),
                                 *(["--real"] if real else []))
                ours = netdyn.schur(W, real=real, order=order)
                where = (name, real, order)
                shared = compare_shared(ours, theirs, where)
                assert {"eigenvalues", "feedforward_norm", "feedforward_relative",
                        "backward_error", "orthogonality_error"} <= shared
                assert ("real_feedforward_norm" in shared) == real
                assert theirs["n"] == W.shape[0] and theirs["form"] == ("real" if real else "complex")
                # U and T are printed to files (--out), not to the JSON.
                same_as_cli(ours["U"], np.load(out / "schur_U.npy"), (where, "U"))
                same_as_cli(ours["T"], np.load(out / "schur_T.npy"), (where, "T"))
                assert np.array_equal(ours["T"], np.load(out / "schur_T.npy"))


@needs_cli
def test_pseudospectra_equal_the_command_line_on_data(tmp_path):
    cases = [("mm09_balanced.npy", ["--grid", "9", "7", "--box", "-2", "2", "-1.5", "1.5"]),
             ("mm09_balanced.npy", ["--grid", "6", "5"]),
             ("hebbian_2x2.npy", ["--grid", "8", "6", "--tolerance", "1e-8"])]
    for k, (name, args) in enumerate(cases):
        path = os.path.join(DATA, name)
        W = netdyn.read_matrix(path)
        eps = [0.1, 0.01] if W.shape[0] == 2 else [0.1]
        out = tmp_path / str(k)
        theirs = run_cli("pseudospectra", path, *args, "--eps", *map(str, eps), "--out", str(out))
        grid = [int(args[args.index("--grid") + 1]), int(args[args.index("--grid") + 2])]
        box = [float(v) for v in args[args.index("--box") + 1:][:4]] if "--box" in args else None
        tolerance = float(args[args.index("--tolerance") + 1]) if "--tolerance" in args else 1e-5
        ours = netdyn.pseudospectra(W, grid=grid, box=box, tolerance=tolerance)
        where = (name, args)
        assert compare_shared(ours, theirs, where) == {"eigenvalues", "lanczos_steps",
                                                      "unconverged_points", "mirrored_rows"}
        # The grid itself is in the files; the JSON has its box, shape and minimum. (sigma_min
        # is not bitwise reproducible: two Python calls differ by up to 1 ulp, the CLI's by 2-3.)
        for key in ("x", "y", "sigma_min"):
            same_as_cli(ours[key], np.load(out / f"pseudospectra_{key}.npy").reshape(ours[key].shape),
                        (where, key))
        same_as_cli([ours["x"][0], ours["x"][-1], ours["y"][0], ours["y"][-1]], theirs["box"], (where, "box"))
        assert theirs["grid"] == grid and theirs["n"] == W.shape[0]
        same_as_cli(ours["sigma_min"].min(), theirs["sigma_min_min"], (where, "sigma_min_min"))
        same_as_cli([[e, netdyn.pseudospectral_abscissa(W, e)["abscissa"]] for e in eps],
                    theirs["pseudospectral_abscissa"], (where, "pseudospectral_abscissa"))


@needs_cli
def test_fixedpoint_equals_the_command_line():
    # FitzHugh-Nagumo, with and without --hopf, at the defaults and elsewhere.
    for current, tau, a, b in ((0.3, 12.5, 0.7, 0.8), (0.5, 10.0, 0.6, 0.9), (-0.2, 12.5, 0.7, 0.8)):
        for hopf in (False, True):
            theirs = run_cli("fixedpoint", "--model", "fitzhugh-nagumo", "--current", repr(current),
                             "--tau", repr(tau), "--a", repr(a), "--b", repr(b),
                             *(["--hopf"] if hopf else []))
            ours = netdyn.fitzhugh_nagumo(current=current, tau=tau, a=a, b=b, hopf=hopf)
            where = ("fitzhugh-nagumo", current, hopf)
            shared = compare_shared(ours, theirs, where)
            assert ("hopf_current" in shared) == hopf
    # Rate networks: the data/ 2x2 matrices with an input, every transfer function, both forms.
    for name in DATA_2X2:
        path = os.path.join(DATA, name)
        W = netdyn.read_matrix(path)
        for f in ("linear", "tanh", "relu", "threshold-linear", "sigmoid"):
            for form in ("rate", "current"):
                if f == "linear" and name == "mm09_balanced.npy" and form == "current":
                    continue
                gain, threshold = (0.5, 0.1) if f != "linear" else (1.0, 0.0)
                theirs = run_cli("fixedpoint", "--model", "rate", path, "--f", f, "--form", form,
                                 "--input", "1,0.5", "--gain", repr(gain), "--threshold", repr(threshold),
                                 "--tau", "2")
                ours = netdyn.fixed_point(W, input=np.array([1.0, 0.5]), f=f, form=form, tau=2.0,
                                          gain=gain, threshold=threshold)
                where = (name, f, form)
                shared = compare_shared(ours, theirs, where)
                assert {"fixed_point", "jacobian", "jacobian_eigenvalues", "stable",
                        "classification", "residual"} <= shared, where
                assert ("threshold_linear_closed_form" in theirs) == ("threshold_linear_closed_form" in ours)


@needs_cli
def test_jacobian_equals_the_command_line():
    # Every number `netdyn jacobian --json` prints (the Jacobian, its eigenvalues, the
    # finite-difference and AutoDiff differences) is jacobian_check's, and its Jacobian is
    # jacobian()'s, for every f and form, with a shared and a per-unit tau.
    for name in (*DATA_2X2, "gaussian_n200_rho1.5.npy"):
        path = os.path.join(DATA, name)
        W = netdyn.read_matrix(path)
        n = W.shape[0]
        r = np.linspace(-0.3, 0.4, n)
        for tau in (3.0, np.linspace(1.0, 2.0, n)):
            tau_arg = repr(tau) if np.isscalar(tau) else ",".join(map(repr, tau))
            for f in ("linear", "tanh", "relu", "threshold-linear", "sigmoid"):
                for form in ("rate", "current"):
                    theirs = run_cli("jacobian", path, "--f", f, "--form", form,
                                     "--at", ",".join(map(repr, r)), "--input", "0.5",
                                     "--gain", "1.5", "--threshold", "0.05", "--tau", tau_arg)
                    options = dict(input=np.full(n, 0.5), f=f, form=form, tau=tau, gain=1.5,
                                   threshold=0.05)
                    ours = netdyn.jacobian_check(W, r, **options)
                    where = (name, f, form, tau_arg[:10])
                    assert compare_shared(ours, theirs, where) == set(theirs), where
                    assert np.array_equal(netdyn.jacobian(W, r, **options),
                                          np.asarray(theirs["jacobian"])), where


@needs_cli
def test_ei2_equals_the_command_line():
    cases = [(["--w", "4.285714285714286", "--k", "1.1"], dict(w=4.285714285714286, k=1.1)),
             (["--w", "2", "--k", "0.5", "--tau", "10"], dict(w=2.0, k=0.5, tau=10.0)),
             (["--we", "2", "--wi", "6", "--r0", "0.5,0.5"], dict(we=2.0, wi=6.0, r0=(0.5, 0.5))),
             (["--we", "0.5", "--wi", "0.2", "--tau", "2"], dict(we=0.5, wi=0.2, tau=2.0)),
             (["--we", "3", "--wi", "1"], dict(we=3.0, wi=1.0))]  # unstable: integrals None
    for args, kwargs in cases:
        theirs = run_cli("ei2", *args)
        ours = netdyn.ei2(**kwargs)
        shared = compare_shared(ours, theirs, args)
        assert {"eigenvalues", "schur_T", "feedforward_weight", "sum_decay_rate", "integral_rE",
                "integral_rI", "integral_rE_uncoupled", "amplification", "peak_rE", "peak_time",
                "hebbian_weight", "hebbian_time_constant"} <= shared, args
        # The CLI prints wE and wI; Python returns W = [[wE, -wI], [wE, -wI]].
        same_as_cli(ours["W"], [[theirs["w_e"], -theirs["w_i"]]] * 2, (args, "W"))
    assert abs(netdyn.ei2(w=30 / 7, k=1.1)["amplification"] - 4.0) < 1e-12  # science.md 1.3


@needs_cli
def test_generate_writes_the_matrices_of_the_generators(tmp_path):
    import subprocess

    def generate(*args):
        out = tmp_path / "W.npy"
        subprocess.run([os.environ["NETDYN_CLI"], "generate", *args, "-o", str(out)],
                       check=True, capture_output=True)
        return np.load(out)

    for n, rho, seed in ((50, 1.3, 7), (1, 1.0, 0), (200, 1.5, 123456789)):
        assert np.array_equal(generate("gaussian", "--n", str(n), "--rho", repr(rho), "--seed", str(seed)),
                              netdyn.gaussian(n, rho=rho, seed=seed))
    dale = dict(n=60, f=0.75, mean_e=0.0447, sd_e=0.02, mean_i=-0.1789, sd_i=0.07, p=0.3, seed=3)
    for zero_row_sums in (False, True):
        for distribution in ("gaussian", "lognormal"):
            args = ["dale", "--n", "60", "--f", "0.75", "--mean-e", "0.0447", "--sd-e", "0.02",
                    "--mean-i", "-0.1789", "--sd-i", "0.07", "--p", "0.3", "--seed", "3",
                    "--distribution", distribution, *(["--zero-row-sums"] if zero_row_sums else [])]
            assert np.array_equal(generate(*args), netdyn.dale(**dale, zero_row_sums=zero_row_sums,
                                                                distribution=distribution)), args
    assert np.array_equal(generate("ei2", "--w", "4.285714285714286", "--k", "1.1"),
                          netdyn.ei2(w=4.285714285714286, k=1.1)["W"])
    assert np.array_equal(generate("ei2", "--we", "2", "--wi", "6"), netdyn.ei2(we=2.0, wi=6.0)["W"])
    assert np.array_equal(generate("hebbian2", "--w", "0.75"), netdyn.hebbian2(0.75))


@needs_cli
def test_generate_sparse_and_sparse_spectrum_equal_the_command_line(tmp_path):
    cases = [(["--n", "300", "--k", "20", "--seed", "5"], dict(n=300, k=20, seed=5)),
             (["--n", "400", "--p", "0.05", "--gamma", "3", "--cv", "0.5", "--seed", "7"],
              dict(n=400, p=0.05, gamma=3.0, cv=0.5, seed=7)),
             (["--n", "250", "--k", "25", "--balance-rows", "--no-self", "--f", "0.7", "--we", "0.1"],
              dict(n=250, k=25, balance_rows=True, self_connections=False, f=0.7, we=0.1))]
    for k, (args, kwargs) in enumerate(cases):
        path = tmp_path / f"W{k}.mtx"
        info = run_cli("generate-sparse", *args, "-o", str(path))
        W = netdyn.sparse_ei(**kwargs)
        theirs = netdyn.read_sparse_matrix(path)
        assert theirs.shape == W.shape and (theirs != W).nnz == 0, args
        assert info["n"] == W.shape[0] and info["nonzeros"] == W.nnz
        prediction = netdyn.sparse_ei_prediction(**{k: v for k, v in kwargs.items() if k != "seed"})
        compare_shared(prediction, info, args)
        # The CLI's counts, from the matrix: the first round(f n) columns are excitatory (its
        # definition), and balance_rows leaves unbalanced only rows with inputs of one sign.
        n_e = round(kwargs.get("f", 0.8) * kwargs["n"])
        assert info["n_excitatory"] == n_e, args
        assert W[:, :n_e].min() >= 0 and W[:, n_e:].max() <= 0, args
        dense = W.toarray()
        one_signed = ~((dense > 0).any(axis=1) & (dense < 0).any(axis=1)) & (dense != 0).any(axis=1)
        assert info["unbalanced_rows"] == (int(one_signed.sum()) if kwargs.get("balance_rows") else 0)
        for extra, options in (([], {}),
                               (["--target", "largest-magnitude"], dict(target="largest-magnitude")),
                               (["--target", "nearest-shift", "--shift", "0.5"],
                                dict(target="nearest-shift", shift=0.5)),
                               (["--no-verify", "--subspace", "40"], dict(verify=False, subspace=40))):
            theirs = run_cli("spectrum", str(path), "--count", "4", *extra)
            ours = netdyn.sparse_spectrum(W, count=4, **options)
            where = (args, extra)
            shared = compare_shared(ours, theirs, where)
            assert {"eigenvalues", "circular_law_radius", "method", "subspace_size", "iterations",
                    "operations", "runs", "residual", "eigenvalue_condition",
                    "verification_difference", "warnings"} <= shared, where
            # The CLI's abscissa (largest-real) and radius (largest-magnitude) of those values.
            values = ours["eigenvalues"]
            target = options.get("target", "largest-real")
            same_as_cli(values.real.max() if target == "largest-real" else None,
                        theirs["spectral_abscissa"], (where, "spectral_abscissa"))
            same_as_cli(np.abs(values).max() if target == "largest-magnitude" else None,
                        theirs["spectral_radius"], (where, "spectral_radius"))
            assert theirs["n"] == W.shape[0] and theirs["nonzeros"] == W.nnz and theirs["target"] == target
            assert theirs["eigenvalue_conditions"] is None


@needs_cli
def test_simulate_check_equals_ode_check_on_data(tmp_path):
    for name in DATA_2X2:
        path = os.path.join(DATA, name)
        W = netdyn.read_matrix(path)
        for method in ("dopri5", "rk78", "rosenbrock4", "krylov"):
            for input_args, input_value in (([], None), (["--input", "0.5,0.2"], np.array([0.5, 0.2]))):
                out = tmp_path / f"{name}-{method}-{bool(input_args)}"
                theirs = run_cli("simulate", path, "--r0", "1,0", "--tmax", "5", "--samples", "51",
                                 "--tau", "2", "--method", method, "--check", *input_args, "--out", str(out))
                ours = netdyn.ode_check(W, np.array([1.0, 0.0]), 5.0, tau=2.0, input=input_value,
                                        samples=51, method=method)
                where = (name, method, input_args)
                assert compare_shared(ours, theirs, where) == {"max_abs_error", "max_rel_error",
                                                              "worst_time", "steps",
                                                              "rejected_steps", "rhs_evaluations"}
                assert theirs["t_end"] == 5.0 and theirs["method"] == method and theirs["n"] == 2
                same_as_cli(ours["R"][-1], theirs["final_state"], (where, "final_state"))
                same_as_cli(np.abs(ours["R"]).max(), theirs["max_abs_state"], (where, "max_abs_state"))
                assert theirs["samples"] == len(ours["t"])
                # --out: trajectory.npy and exact.npy, rows (t, r_1, ..., r_n).
                same_as_cli(np.column_stack([ours["t"], ours["R"]]), np.load(out / "trajectory.npy"),
                            (where, "trajectory"))
                same_as_cli(np.column_stack([ours["t"], ours["exact"]]), np.load(out / "exact.npy"),
                            (where, "exact"))
                # simulate without --check is the same trajectory.
                t, R = netdyn.simulate(W, np.array([1.0, 0.0]), 5.0, tau=2.0, input=input_value,
                                       samples=51, method=method)
                assert np.array_equal(t, ours["t"]) and np.array_equal(R, ours["R"]), where


@needs_cli
def test_covariance_simulate_equals_sde_on_data():
    for name in DATA_2X2:
        path = os.path.join(DATA, name)
        W = netdyn.read_matrix(path)
        for sigma, tau, duration, seed in ((0.3, 1.0, 200.0, 1), (1.0, 2.5, 100.0, 7)):
            theirs = run_cli("covariance", path, "--sigma", repr(sigma), "--tau", repr(tau),
                             "--simulate", repr(duration), "--seed", str(seed))
            run = netdyn.sde(W, tau=tau, sigma=sigma, duration=duration, seed=seed)
            c = netdyn.covariance(W, sigma=sigma)
            where = (name, sigma, tau, seed)
            compare_shared(c, theirs, where)
            # Same seed, same run: the CLI's simulated_* keys are sde()'s total variance and error.
            same_as_cli(run["total_variance"], theirs["simulated_total_variance"], where)
            same_as_cli(run["total_variance_standard_error"], theirs["simulated_standard_error"], where)
            same_as_cli(abs(run["total_variance"] - c["total_variance"]) / c["total_variance"],
                        theirs["relative_discrepancy"], where)


@needs_cli
def test_pseudospectra_of_a_large_w_equal_the_command_line(tmp_path):
    # On the default threads: each grid row starts its warm-started inverse Lanczos afresh, so the
    # numbers do not depend on which thread took which row (they did, by ~1e-11, before lib
    # restarted each row; tests/pseudospectrum_test.cpp SameNumbersOnAnyThreadCount).
    import json
    import subprocess
    path = os.path.join(DATA, "gaussian_n200_rho1.5.npy")
    box = ["-1.6", "1.6", "-0.5", "1.0"]
    cli = subprocess.run([os.environ["NETDYN_CLI"], "pseudospectra", path, "--grid", "5", "4",
                          "--box", *box, "--eps", "0.1", "--out", str(tmp_path / "cli"), "--json"],
                         capture_output=True, text=True, check=True).stdout
    W = netdyn.read_matrix(path)
    ps = netdyn.pseudospectra(W, grid=(5, 4), box=tuple(map(float, box)))
    theirs = json.loads(cli)
    for key in ("lanczos_steps", "unconverged_points", "mirrored_rows", "eigenvalues"):
        same_as_cli(ps[key], theirs[key], key)
    for key in ("x", "y", "sigma_min"):
        same_as_cli(ps[key], np.load(tmp_path / "cli" / f"pseudospectra_{key}.npy").reshape(ps[key].shape), key)
    same_as_cli(ps["sigma_min"].min(), theirs["sigma_min_min"], "sigma_min_min")
    same_as_cli([[0.1, netdyn.pseudospectral_abscissa(W, 0.1)["abscissa"]]],
                theirs["pseudospectral_abscissa"], "abscissa")


def test_core_docstrings_are_numpy_style_and_their_examples_run():
    # Issue 18: every public function and Network method of netdyn._core has a NumPy-style
    # docstring (python/docstrings.hpp) whose Examples are doctests, run here. doctest's finder
    # only collects objects whose __module__ is the module tested, so this tests netdyn._core
    # itself (the package netdyn re-exports the same objects).
    import doctest
    import inspect
    core = netdyn._core
    finder = doctest.DocTestFinder()
    tests = finder.find(core)
    with_examples = {t.name.split(".", 2)[-1] for t in tests if t.examples}
    public = [name for name in dir(core) if not name.startswith("_")]
    members = ["Network." + name for name, _ in vars(core.Network).items()
               if not name.startswith("_")] + ["Network.__init__"]
    for name in public + members:
        assert name in with_examples, f"{name}: no doctest examples"
        obj = core
        for part in name.split("."):
            obj = getattr(obj, part)
        doc = inspect.getdoc(obj) or ""
        assert "Examples\n--------" in doc, name
        if callable(obj) and not inspect.isclass(obj) and name != "Network.__init__":
            # A pybind11 signature line "name(arg: type, ...) -> ret": arguments other than self
            # need a Parameters section; everything that returns something a Returns section.
            signature = doc.splitlines()[0]
            arguments = [a for a in signature[signature.index("(") + 1:signature.rindex(")")].split(",")
                         if a.strip() and not a.strip().startswith("self")]
            if arguments:
                assert "Parameters\n----------" in doc, name
            if not signature.endswith("-> None"):
                assert "Returns\n-------" in doc, name
    results = doctest.testmod(core, verbose=False)
    assert results.failed == 0
    assert results.attempted > 150, results  # 196 examples when written
    # The runner would notice a wrong expected output: henrici_departure's 9.0 changed to 9.5.
    doc = core.henrici_departure.__doc__
    assert "\n9.0\n" in doc
    test = doctest.DocTestParser().get_doctest(doc.replace("\n9.0\n", "\n9.5\n", 1), {},
                                               "wrong", "wrong", 0)
    runner = doctest.DocTestRunner(verbose=False)
    runner.run(test, out=lambda text: None)
    assert runner.failures == 1 and runner.tries == len(test.examples)


def test_documented_result_keys_are_the_returned_keys():
    # The keys of every dict a function returns are named in its docstring's Returns section
    # and in its row of docs/python.md's table (check's row refers to netdyn check --json).
    import re
    import scipy.sparse as sp
    W = MM09
    jordan = np.array([[0.0, 4.0], [0.0, 0.5]])
    calls = {
        "steady_state_gain": lambda: netdyn.steady_state_gain(W),
        "schur": lambda: netdyn.schur(W, real=True),
        "check": lambda: netdyn.check(W),
        "sparse_spectrum": lambda: netdyn.sparse_spectrum(sp.csc_matrix(netdyn.gaussian(30, seed=1)), count=2),
        "ei2": lambda: netdyn.ei2(w=30 / 7, k=1.1),
        "amplified_modes": lambda: netdyn.amplified_modes(W),
        "covariance": lambda: netdyn.covariance(W),
        "amplify": lambda: netdyn.amplify(W, points=5),
        "sde": lambda: netdyn.sde(W, duration=5.0),
        "pseudospectra": lambda: netdyn.pseudospectra(W, grid=(3, 3)),
        "pseudospectral_abscissa": lambda: netdyn.pseudospectral_abscissa(W, 0.1),
        "ode_check": lambda: netdyn.ode_check(W, np.array([1.0, 0.0]), 1.0),
        "fixed_point": lambda: netdyn.fixed_point(jordan, input=np.ones(2), f="relu"),
        "fitzhugh_nagumo": lambda: netdyn.fitzhugh_nagumo(hopf=True),
    }
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    table = open(os.path.join(root, "docs", "python.md")).read()
    for name, call in calls.items():
        keys = set(call())
        doc = getattr(netdyn._core, name).__doc__
        returns = doc[doc.index("Returns\n-------"):]
        returns = returns[:returns.index("\nExamples\n")]
        documented = set(re.findall(r"^    (\w+(?:, \w+)*) :", returns, re.M))
        documented = {k for group in documented for k in group.split(", ")}
        assert keys == documented, (name, keys ^ documented)
        row = next(line for line in table.splitlines() if line.startswith(f"| `{name}("))
        if name != "check":
            missing = [k for k in keys if f"`{k}`" not in row]
            assert not missing, (name, missing)


@needs_cli
def test_dense_spectrum_count_equals_the_command_line_on_data():
    # netdyn spectrum FILE --count K on a dense file: the K rightmost of spectrum(W), their
    # conditions, and the figures of the whole spectrum.
    for name in sorted(os.listdir(DATA)):
        if not name.endswith(".npy"):
            continue
        path = os.path.join(DATA, name)
        W = netdyn.read_matrix(path)
        count = min(5, W.shape[0])
        theirs = run_cli("spectrum", path, "--count", str(count))
        values = netdyn.spectrum(W)
        same_as_cli(values[:len(theirs["eigenvalues"])], theirs["eigenvalues"], (name, "eigenvalues"))
        assert len(theirs["eigenvalues"]) in (count, count + 1), name  # a pair is not cut
        k = len(theirs["eigenvalues"])
        same_as_cli(netdyn.eigenvalue_conditions(W)[:k], theirs["eigenvalue_conditions"], (name, "conditions"))
        same_as_cli(values.real.max(), theirs["spectral_abscissa"], (name, "spectral_abscissa"))
        same_as_cli(np.abs(values).max(), theirs["spectral_radius"], (name, "spectral_radius"))
        # sqrt(n var(W_ij)) over all n^2 entries (lib: circular_law_radius; NumPy's own sums).
        same_as_cli(np.sqrt(W.shape[0] * W.var()), theirs["circular_law_radius"], (name, "radius"))


@needs_cli
def test_nonlinear_simulate_equals_the_command_line_on_data(tmp_path):
    # netdyn simulate --f F (no --check): the trajectory it writes with --out and the numbers it
    # prints are netdyn.simulate's (which has no gain, threshold or form: their defaults).
    for name in DATA_2X2:
        path = os.path.join(DATA, name)
        W = netdyn.read_matrix(path)
        for f in ("tanh", "relu", "sigmoid"):
            for method in ("dopri5", "rosenbrock4"):
                out = tmp_path / f"{name}-{f}-{method}"
                theirs = run_cli("simulate", path, "--f", f, "--r0", "0.3,-0.2", "--input", "0.5,0.1",
                                 "--tmax", "8", "--samples", "41", "--tau", "1.5", "--method", method,
                                 "--out", str(out))
                t, R = netdyn.simulate(W, np.array([0.3, -0.2]), 8.0, tau=1.5, f=f,
                                       input=np.array([0.5, 0.1]), samples=41, method=method)
                where = (name, f, method)
                same_as_cli(np.column_stack([t, R]), np.load(out / "trajectory.npy"), where)
                same_as_cli(R[-1], theirs["final_state"], (where, "final_state"))
                same_as_cli(np.abs(R).max(), theirs["max_abs_state"], (where, "max_abs_state"))
                assert theirs["samples"] == len(t) and theirs["transfer"] == f, where


@needs_cli
def test_simulate_with_per_unit_tau_time_dependent_input_and_transfer_options_equals_the_cli(tmp_path):
    # The rest of netdyn simulate's options: --tau LIST, --gain, --threshold, --form, and the
    # repeatable --input (constant, step or pulse, impulses), with and without --check.
    path = os.path.join(DATA, "mm09_balanced.npy")
    W = netdyn.read_matrix(path)
    cases = [  # (CLI --input arguments, simulate's keyword arguments)
        (["--input", "0.2,0.1", "--input", "pulse:1,0.5@1:2.5", "--input", "impulse:0.3,-0.2@3"],
         dict(input=[0.2, 0.1], pulse=([1.0, 0.5], 1.0, 2.5), impulses=[([0.3, -0.2], 3.0)])),
        (["--input", "step:0.4,0@0.75"], dict(step=([0.4, 0.0], 0.75))),
    ]
    for k, (cli_inputs, kwargs) in enumerate(cases):
        for f, extra, options in (("linear", [], {}),
                                  ("tanh", ["--gain", "2", "--threshold", "0.1", "--form", "current"],
                                   dict(gain=2.0, threshold=0.1, form="current"))):
            out = tmp_path / f"{k}-{f}"
            args = ["simulate", path, "--f", f, "--r0", "0.3,-0.2", "--tmax", "5", "--samples", "41",
                    "--tau", "1,2.5", *extra, *cli_inputs, "--out", str(out)]
            theirs = run_cli(*args)
            t, R = netdyn.simulate(W, [0.3, -0.2], 5.0, tau=np.array([1.0, 2.5]), f=f, samples=41,
                                   **options, **kwargs)
            same_as_cli(np.column_stack([t, R]), np.load(out / "trajectory.npy"), (k, f))
            same_as_cli(R[-1], theirs["final_state"], (k, f, "final_state"))
            if f == "linear":  # --check: against the exact solution, with the same input
                theirs = run_cli(*args[:-2], "--check", "--out", str(out / "check"))
                ours = netdyn.ode_check(W, [0.3, -0.2], 5.0, tau=[1.0, 2.5], samples=41, **kwargs)
                assert compare_shared(ours, theirs, (k, "check")) >= {"max_abs_error", "max_rel_error"}
                same_as_cli(np.column_stack([ours["t"], ours["exact"]]),
                            np.load(out / "check" / "exact.npy"), (k, "exact"))
    # The tau vector is the per-unit one: r_i = 1 - exp(-t / tau_i) under a unit step at 0.
    t, R = netdyn.simulate(np.zeros((2, 2)), [0.0, 0.0], 2.0, tau=[0.5, 4.0], samples=5,
                           step=(np.ones(2), 0.0), rtol=1e-11, atol=1e-13)
    assert np.allclose(R, 1.0 - np.exp(-np.outer(t, [2.0, 0.25])), atol=1e-9)
    with pytest.raises(ValueError, match="step or pulse"):
        netdyn.simulate(W, [0.0, 0.0], 1.0, step=([1.0, 1.0], 0.0), pulse=([1.0, 1.0], 0.0, 1.0))
    with pytest.raises(ValueError, match="tau"):
        netdyn.simulate(W, [0.0, 0.0], 1.0, tau=[1.0, 2.0, 3.0])
    J = netdyn.jacobian(W, [0.0, 0.0], tau=[1.0, 2.5])  # rows divided by tau_i
    assert np.allclose(J, (W - np.eye(2)) / np.array([[1.0], [2.5]]), rtol=1e-14)


@needs_cli
def test_fitzhugh_nagumo_jacobian_equals_the_cli():
    # `netdyn jacobian --model fitzhugh-nagumo --json` at arbitrary states (the rate model's
    # counterpart is test_jacobian_equals_the_command_line).
    for state, current in (((0.5, 0.2), 0.3), ((-1.2, -0.6), 0.9), ((0.0, 0.0), 0.0)):
        theirs = run_cli("jacobian", "--model", "fitzhugh-nagumo", "--at", "%r,%r" % state,
                         "--current", repr(current), "--tau", "10")
        ours = netdyn.fitzhugh_nagumo_jacobian(state, current=current, tau=10.0)
        assert compare_shared(ours, theirs, state) == set(theirs), state
        v = state[0]  # J = [[1 - v^2, -1], [1/tau, -b/tau]]
        assert np.allclose(ours["jacobian"], [[1 - v * v, -1.0], [0.1, -0.08]], rtol=1e-15, atol=0)
    with pytest.raises(ValueError, match="state"):
        netdyn.fitzhugh_nagumo_jacobian([0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="state"):
        netdyn.fitzhugh_nagumo_jacobian([0.1, float("nan")])


def test_smoothed_spectral_abscissa_against_scipy_lyapunov():
    # alpha_eps: tr P(s) = 1/eps with SciPy's own Lyapunov solver at the returned s; the gradient
    # Q P / tr(Q P) from SciPy's P and Q; and central differences of the value.
    rng = np.random.default_rng(3)
    W = 1.4 * rng.standard_normal((8, 8)) / np.sqrt(8)
    eps = 0.02
    r = netdyn.smoothed_spectral_abscissa(W, eps, gradient=True)
    s = r["value"]
    A = W - s * np.eye(8)
    P = sla.solve_continuous_lyapunov(A, -np.eye(8))
    Q = sla.solve_continuous_lyapunov(A.T, -np.eye(8))
    assert abs(np.trace(P) * eps - 1.0) < 1e-11
    assert abs(r["spectral_abscissa"] - np.linalg.eigvals(W).real.max()) < 1e-12
    assert r["value"] >= r["spectral_abscissa"] + eps / 2
    assert np.allclose(r["gradient"], Q @ P / np.trace(Q @ P), rtol=1e-9, atol=1e-12)
    h = 1e-6
    E = np.zeros((8, 8)); E[2, 5] = h
    fd = (netdyn.smoothed_spectral_abscissa(W + E, eps)["value"]
          - netdyn.smoothed_spectral_abscissa(W - E, eps)["value"]) / (2 * h)
    assert abs(fd - r["gradient"][2, 5]) < 1e-6 * np.abs(r["gradient"]).max()
    assert netdyn.smoothed_spectral_abscissa(W, eps)["gradient"] is None
    with pytest.raises(ValueError, match="epsilon"):
        netdyn.smoothed_spectral_abscissa(W, -1.0)


def test_optimise_stability_reaches_target_and_amplifies():
    w0 = netdyn.soc_initial_network(n=40, radius=3.0, density=0.3, seed=5)
    assert (w0[:, :20] >= 0).all() and (w0[:, 20:] <= 0).all() and not np.diag(w0).any()
    r = netdyn.optimise_stability(w0)
    W = r["W"]
    alpha = np.linalg.eigvals(W).real.max()
    assert r["converged"] and r["stop_reason"] == "target" and alpha < 0.15
    assert (W[:, :20] == w0[:, :20]).all() and (W[:, 20:] <= 0).all() and not np.diag(W).any()
    trace = r["trace"]
    assert len(trace["step"]) == r["steps"] + 1
    assert abs(trace["spectral_abscissa"][-1] - alpha) < 1e-10
    assert np.allclose(trace["smoothed_spectral_abscissa"],
                       np.maximum(1.5 * trace["spectral_abscissa"], trace["spectral_abscissa"] + 0.2))
    # The shift is the SSA at the recorded eps: SciPy's tr P there is 1/eps.
    s, eps = trace["smoothed_spectral_abscissa"][-1], trace["epsilon"][-1]
    P = sla.solve_continuous_lyapunov(W - s * np.eye(40), -np.eye(40))
    assert abs(np.trace(P) * eps - 1.0) < 1e-10
    # The paper's point, with SciPy's Lyapunov solver: more variance than the initial network
    # scaled to the same abscissa.
    scaled = w0 * alpha / np.linalg.eigvals(w0).real.max()
    def variance(w):
        return np.trace(sla.solve_continuous_lyapunov(w - np.eye(40), -2.0 * np.eye(40)))
    assert variance(W) > variance(scaled)
    capped = netdyn.optimise_stability(w0, mask="density-cap", density_cap=0.4, max_steps=20)
    assert np.count_nonzero(capped["W"][:, 20:]) <= 320
    with pytest.raises(ValueError, match="Dale"):
        bad = w0.copy(); bad[3, 30] = 0.5
        netdyn.optimise_stability(bad)
    with pytest.raises(ValueError, match="need free, fixed or density-cap"):
        netdyn.optimise_stability(w0, mask="dense")


def test_amplified_modes_readout_sensitivity_and_the_integrated_energy():
    # Readout C: Q against SciPy's Lyapunov solver with 2 C^T C; each mode's energy integrated
    # along the ODE; the eigenvalue sensitivity against central differences.
    rng = np.random.default_rng(8)
    W = 0.8 * rng.standard_normal((6, 6)) / np.sqrt(6)
    C = rng.standard_normal((2, 6))
    m = netdyn.amplified_modes(W, count=3, readout=C)
    Q = sla.solve_continuous_lyapunov((W - np.eye(6)).T, -2.0 * C.T @ C)
    assert np.allclose(m["energy_matrix"], Q, rtol=1e-10, atol=1e-12)
    assert np.allclose(m["energies"], np.sort(np.linalg.eigvalsh(Q))[::-1][:3], rtol=1e-10)
    for k in range(3):
        r = netdyn.evoked_energy_integral(W, m["patterns"][:, k], readout=C)
        assert abs(r["energy"] - m["energies"][k]) < 1e-8 * m["energies"][0]
    lam = netdyn.spectrum(W)
    S = netdyn.eigenvalue_sensitivity(W, 0)
    h = 1e-6
    E = np.zeros((6, 6)); E[3, 1] = h
    def near(M):
        v = np.linalg.eigvals(M)
        return v[np.argmin(abs(v - lam[0]))]
    assert abs((near(W + E) - near(W - E)) / (2 * h) - S[3, 1]) < 1e-6 * abs(S).max()
    assert abs(np.trace(S) - 1.0) < 1e-12
    assert abs(np.linalg.norm(S, 2) - netdyn.eigenvalue_conditions(W)[0]) < 1e-10 * np.linalg.norm(S, 2)
    with pytest.raises(ValueError, match="k = 6"):
        netdyn.eigenvalue_sensitivity(W, 6)
    with pytest.raises(ValueError, match="readout"):
        netdyn.amplified_modes(W, readout=np.ones((2, 5)))


def test_sweeps_locate_the_stability_boundary():
    # Gain: g* = 1/alpha(W) (NumPy's eigenvalues); the stable points' variance against SciPy.
    rng = np.random.default_rng(4)
    W = 1.3 * rng.standard_normal((30, 30)) / np.sqrt(30)
    alpha = np.linalg.eigvals(W).real.max()
    s = netdyn.sweep_gain(W, np.linspace(0.1, 1.5, 8))
    assert len(s["boundaries"]) == 1 and abs(s["boundaries"][0]["parameter"] - 1 / alpha) < 2e-10
    for g, st, v in zip(s["parameter"], s["stable"], s["total_variance"]):
        if st:
            ref = np.trace(sla.solve_continuous_lyapunov(g * W - np.eye(30), -2 * np.eye(30)))
            assert abs(v - ref) < 1e-9 * ref
        else:
            assert np.isnan(v)
    # The E-I pair: alpha = max(0, w (1 - k)) = 1 at w = 2 for k = 0.5, at k = 0.75 for w = 4.
    assert abs(netdyn.sweep_ei2("w", np.linspace(0.1, 3, 7), k=0.5)["boundaries"][0]["parameter"] - 2) < 1e-10
    b = netdyn.sweep_ei2("k", np.linspace(0, 1.2, 5), w=4.0)["boundaries"][0]
    assert abs(b["parameter"] - 0.75) < 1e-10 and not b["destabilising"]
    # FitzHugh-Nagumo: the Hopf current, where the Jacobian's trace crosses 0.
    h = netdyn.sweep_fitzhugh_nagumo("current", np.linspace(0, 0.5, 6))["boundaries"][0]["parameter"]
    assert abs(h - netdyn.fitzhugh_nagumo(hopf=True)["hopf_current"]) < 1e-9
    with pytest.raises(ValueError, match="strictly increasing"):
        netdyn.sweep_gain(W, np.array([0.3, 0.1]))
    with pytest.raises(ValueError, match="need w or k"):
        netdyn.sweep_ei2("x", np.linspace(0, 1, 3))


# --- issue 21: .mat (v5, v7.3), .h5, .npz, FILE:NAME, edge lists, provenance -----------------
FORMATS = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "data", "formats")


@pytest.mark.parametrize("name", ["mm09_balanced", "gaussian_n200_rho1.5"])
def test_every_format_reads_the_npy_matrix(name):
    w = np.load(os.path.join(DATA, name + ".npy"))
    for suffix in [".mat", "_v73.mat", ".h5", ".npz", ".mat:W", ".h5:/W", ".npz:W"]:
        got = netdyn.read_matrix(os.path.join(DATA, name + suffix))
        assert np.array_equal(got, w), suffix


def test_mat_and_h5_agree_with_scipy_and_h5py():
    scipy_io = pytest.importorskip("scipy.io")
    h5py = pytest.importorskip("h5py")
    path = os.path.join(FORMATS, "several.mat")
    assert np.array_equal(netdyn.read_matrix(path + ":W"), scipy_io.loadmat(path)["W"])
    assert np.array_equal(netdyn.read_matrix(path + ":C"), scipy_io.loadmat(path)["C"])
    with h5py.File(os.path.join(FORMATS, "groups.h5"), "r") as f:
        want = f["run2/W"][()]
    assert np.array_equal(netdyn.read_matrix(os.path.join(FORMATS, "groups.h5:/run2/W")), want)
    # The v7.3 file h5py holds transposed (MATLAB is column-major); netdyn reads it as MATLAB does.
    with h5py.File(os.path.join(DATA, "mm09_balanced_v73.mat"), "r") as f:
        assert np.array_equal(netdyn.read_matrix(os.path.join(DATA, "mm09_balanced_v73.mat")), f["W"][()].T)


def test_matlab_sparse_matches_scipy():
    scipy_io = pytest.importorskip("scipy.io")
    s = netdyn.read_sparse_matrix(os.path.join(FORMATS, "sparse60.mat"))
    want = scipy_io.loadmat(os.path.join(FORMATS, "sparse60.mat"))["S"]
    assert s.nnz == want.nnz and (s != want).nnz == 0


def test_several_matrices_need_a_name():
    with pytest.raises(ValueError, match=r"holds 2 matrices; name one as .*W \(3x3 double\), C \(1x3 double\)"):
        netdyn.read_matrix(os.path.join(FORMATS, "several.mat"))
    with pytest.raises(ValueError, match=r"corrupt member \(CRC error\)"):
        netdyn.read_matrix(os.path.join(FORMATS, "corrupt.npz"))


def test_edge_list_round_trip_and_convention(tmp_path):
    rng = np.random.default_rng(3)
    w = rng.standard_normal((7, 7)) * (rng.random((7, 7)) < 0.4)
    import scipy.sparse
    for ext, convention in [(".csv", "pre-post"), (".csv", "post-pre"), (".npz", "pre-post")]:
        path = str(tmp_path / ("edges" + ext))
        netdyn.write_edge_list(path, scipy.sparse.csc_matrix(w), convention=convention)
        assert np.array_equal(netdyn.read_matrix(path, convention=convention), w)
        with pytest.raises(ValueError, match="convention"):
            netdyn.read_matrix(path)
    # The npz edge list as a Brian2/NEST user would build W from it: W[target, source] = weight.
    z = np.load(str(tmp_path / "edges.npz"))
    rebuilt = np.zeros((int(z["nodes"]),) * 2)
    np.add.at(rebuilt, (z["target"], z["source"]), z["weight"])
    assert np.array_equal(rebuilt, w)
    # A matrix exported pre x post is transposed only when asked.
    np.save(str(tmp_path / "pre_post.npy"), w.T)
    assert np.array_equal(netdyn.read_matrix(str(tmp_path / "pre_post.npy"), convention="pre-post"), w)


def test_provenance_hash_matches_hashlib():
    import hashlib
    path = os.path.join(DATA, "gaussian_n200_rho1.5_v73.mat")
    info = netdyn.matrix_provenance(path)
    assert info["sha256"] == hashlib.sha256(open(path, "rb").read()).hexdigest()
    assert (info["format"], info["variable"], info["shape"]) == ("mat-v7.3", "W", (200, 200))
    assert info["netdyn_version"] == netdyn.__version__
