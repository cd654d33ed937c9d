// The docstrings of netdyn._core (NumPy style), one constant per function, method and class, so
// that netdyn_module.cpp stays a readable list of bindings. Their Examples sections are doctests:
// python/tests/test_netdyn.py runs doctest.testmod(netdyn._core) and counts them, so every
// expected output here is checked. The expected values are closed forms (Murphy & Miller's
// balanced pair, the Hebbian pair, diagonal and Jordan-like 2x2 matrices) or the certified values
// of ../shared/docs/science.md, rounded so that they do not depend on rounding noise.
//
// Conventions (docs/conventions.md): tau dr/dt = -r + W r + h(t), W[i, j] the weight from unit j
// to unit i; generator A = (W - I)/tau; stable iff max Re lambda(W) < 1; eigenvalues of W in
// netdyn order (decreasing real part, then decreasing imaginary part); unit noise
// tau dx = (W - I) x dt + sigma sqrt(2 tau) dB.
#pragma once

namespace netdyn_doc {

constexpr const char* kModuleDoc =
    R"doc(netdyn: stability, nonnormality and amplification of rate networks.

The linear rate network is ``tau dr/dt = -r + W r + h(t)`` (``W[i, j]`` the weight from unit j to
unit i, inhibitory weights negative), its generator ``A = (W - I)/tau``; it is stable iff
``max Re lambda(W) < 1``. Eigenvalues are those of W, sorted by decreasing real part, then
decreasing imaginary part. Noise follows the unit convention
``tau dx = (W - I) x dt + sigma sqrt(2 tau) dB`` (W = 0 gives variance sigma^2 per unit).
Conventions: docs/conventions.md; the functions: docs/python.md.

Examples
--------
>>> import numpy as np, netdyn
>>> W = np.array([[30/7, -33/7], [30/7, -33/7]])   # Murphy & Miller 2009's balanced pair
>>> round(netdyn.henrici_departure(W), 6)           # the hidden feedforward weight
9.0
)doc";

// --- Network ------------------------------------------------------------------------------------

constexpr const char* kNetworkDoc =
    R"doc(A network (W, tau) decomposed once, for many questions.

One real Schur form ``W = Q T Q^T`` (LAPACK dgees) serves every method, so asking a Network for
the report, the envelope, the covariance and the evoked energy costs one O(n^3) decomposition in
all (plus each analysis's own triangular work). The methods are the module functions of the same
names, computed from that form, with the same results. The model is
``tau dr/dt = -r + W r + h(t)``, ``A = (W - I)/tau``.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real; ``W[i, j]`` is the weight from unit j to unit i.
tau : float, default 1.0
    Time constant (> 0); rates are per unit of tau's time unit, times in that unit.

Raises
------
ValueError
    W empty, not square, not finite or complex (the message names W), or tau not a finite
    value > 0 (it names tau).

Examples
--------
>>> import numpy as np, netdyn
>>> net = netdyn.Network(np.array([[30/7, -33/7], [30/7, -33/7]]), tau=10.0)
>>> net
netdyn.Network(n=2, tau=10.0)
>>> round(net.henrici_departure(), 6), round(net.covariance()["total_variance"], 6)
(9.0, 25.047059)
)doc";

constexpr const char* kNetworkInitDoc =
    R"doc(Decompose W once (real Schur form with Schur vectors); see ``Network``.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
tau : float, default 1.0
    Time constant (> 0).

Raises
------
ValueError
    W not a finite real square matrix, or tau not finite and > 0 (the message names it).

Examples
--------
>>> import numpy as np, netdyn
>>> netdyn.Network(np.eye(3), tau=2.0).tau
2.0
)doc";

constexpr const char* kNetworkWDoc =
    R"doc(The connectivity W, shape (n, n) (a copy).

Examples
--------
>>> import numpy as np, netdyn
>>> netdyn.Network(np.diag([0.5, 0.2])).W.tolist()
[[0.5, 0.0], [0.0, 0.2]]
)doc";

constexpr const char* kNetworkTauDoc =
    R"doc(The time constant tau (float, > 0).

Examples
--------
>>> import numpy as np, netdyn
>>> netdyn.Network(np.eye(2)).tau
1.0
)doc";

constexpr const char* kNetworkEigenvaluesDoc =
    R"doc(Eigenvalues of W (complex array, shape (n,)), netdyn order: decreasing real part, then
decreasing imaginary part. As ``netdyn.spectrum(W)``.

Examples
--------
>>> import numpy as np, netdyn
>>> netdyn.Network(np.diag([1.0, 3.0, 2.0])).eigenvalues.real.tolist()
[3.0, 2.0, 1.0]
)doc";

constexpr const char* kNetworkEigenvectorsDoc =
    R"doc(Unit right eigenvectors of W, as the columns of a complex (n, n) array in the order of
``eigenvalues`` (``Q V_T`` from the Schur form); as ``netdyn.spectrum(W, vectors=True)[1]``.

Returns
-------
numpy.ndarray, complex, shape (n, n)
    ``V`` with ``W V = V diag(eigenvalues)`` and unit 2-norm columns.

Examples
--------
>>> import numpy as np, netdyn
>>> net = netdyn.Network(np.array([[0.0, 4.0], [0.0, 0.5]]))
>>> V = net.eigenvectors()
>>> bool(np.allclose(net.W @ V, V * net.eigenvalues, atol=1e-14))
True
>>> np.round(np.linalg.norm(V, axis=0), 12).tolist()
[1.0, 1.0]
)doc";

constexpr const char* kNetworkEigenvalueConditionsDoc =
    R"doc(Condition number ``1/|y^* x|`` of each eigenvalue (unit right and left eigenvectors x, y),
in the order of ``eigenvalues``; as ``netdyn.eigenvalue_conditions(W)``.

Returns
-------
numpy.ndarray, float, shape (n,)
    1 for every eigenvalue of a normal W; ``inf`` for a numerically defective one.

Examples
--------
>>> import numpy as np, netdyn
>>> net = netdyn.Network(np.array([[30/7, -33/7], [30/7, -33/7]]))
>>> bool(np.allclose(net.eigenvalue_conditions(), np.sqrt(3978) / 3, rtol=1e-12))
True
)doc";

constexpr const char* kNetworkEigenvectorConditionDoc =
    R"doc(``kappa(V) = ||V||_2 ||V^-1||_2`` of the unit-column eigenvector matrix (EigTool's
``cond(V)``); ``inf`` if W is numerically defective. As
``netdyn.eigenvector_condition(netdyn.spectrum(W, vectors=True)[1])``.

Returns
-------
float
    1 for normal W.

Examples
--------
>>> import numpy as np, netdyn
>>> round(netdyn.Network(np.array([[30/7, -33/7], [30/7, -33/7]])).eigenvector_condition(), 6)
42.023796
>>> netdyn.Network(np.array([[0.5, 1.0], [0.0, 0.5]])).eigenvector_condition()  # Jordan block
inf
)doc";

constexpr const char* kNetworkHenriciDoc =
    R"doc(Henrici departure from normality ``||N||_F``, N the strictly upper part of the complex
Schur form ``W = U (Lambda + N) U*``; as ``netdyn.henrici_departure(W)``.

Returns
-------
float
    0 for normal W; ``sqrt(||W||_F^2 - sum |lambda_i|^2)``.

Examples
--------
>>> import numpy as np, netdyn
>>> round(netdyn.Network(np.array([[30/7, -33/7], [30/7, -33/7]])).henrici_departure(), 6)
9.0
)doc";

constexpr const char* kNetworkNumericalAbscissaDoc =
    R"doc(Numerical abscissa ``omega(A) = lambda_max((A + A^T)/2)`` of ``A = (W - I)/tau``, the initial
growth rate of ``||exp(tA)||_2`` (units 1/tau); as ``netdyn.numerical_abscissa(W, tau)``.

Returns
-------
float
    > 0 means some initial condition grows at first, even when W is stable.

Examples
--------
>>> import numpy as np, netdyn
>>> round(netdyn.Network(np.array([[0.0, 4.0], [0.0, 0.0]]), tau=2.0).numerical_abscissa(), 6)
0.5
)doc";

constexpr const char* kNetworkSteadyStateDoc =
    R"doc(Steady-state gain ``||(I - W)^-1||_2`` and the input it amplifies most; as
``netdyn.steady_state_gain(W)`` (independent of tau).

Returns
-------
dict
    The keys of ``netdyn.steady_state_gain``: ``gain``, ``input_pattern``, ``response``.

Raises
------
ValueError
    I - W singular (W has an eigenvalue 1 to working precision).

Examples
--------
>>> import numpy as np, netdyn
>>> round(netdyn.Network(np.array([[0.0, 4.0], [0.0, 0.0]])).steady_state_gain()["gain"], 6)
4.236068
)doc";

constexpr const char* kNetworkCheckDoc =
    R"doc(The ``netdyn check`` report of (W, tau), as ``netdyn.check(W, tau)``.

Returns
-------
dict
    The keys of ``netdyn check --json``; see ``netdyn.check``.

Examples
--------
>>> import numpy as np, netdyn
>>> r = netdyn.Network(np.array([[30/7, -33/7], [30/7, -33/7]])).check()
>>> r["stable"], round(r["steady_state_gain"], 6)
(True, 6.416237)
)doc";

constexpr const char* kNetworkAmplifyDoc =
    R"doc(Transient envelope, distance to instability and Kreiss interval of (W, tau), as
``netdyn.amplify(W, tau, tmax, points)``.

Parameters
----------
tmax : float, default 0.0
    End of the time grid (in tau's unit); 0 chooses it from the spectrum (needs stable W).
points : int, default 101
    Grid points, 2 <= points <= the cap of ``netdyn amplify --points``.

Returns
-------
dict
    The keys of ``netdyn.amplify``.

Raises
------
ValueError
    points out of range (the message names points), or W unstable with tmax = 0.

Examples
--------
>>> import numpy as np, netdyn
>>> out = netdyn.Network(np.array([[30/7, -33/7], [30/7, -33/7]])).amplify(points=51)
>>> round(out["transient_gain"], 6)   # science.md T2c: 2.793279595
2.79328
)doc";

constexpr const char* kNetworkCovarianceDoc =
    R"doc(Stationary covariance under unit noise, as ``netdyn.covariance(W, sigma)``.

``tau dx = (W - I) x dt + sigma sqrt(2 tau) dB``; S solves
``(W - I) S + S (W - I)^T + 2 sigma^2 I = 0`` and does not depend on tau.

Parameters
----------
sigma : float, default 1.0
    Noise amplitude (> 0).

Returns
-------
dict
    The keys of ``netdyn.covariance``.

Examples
--------
>>> import numpy as np, netdyn
>>> c = netdyn.Network(np.diag([0.5, 0.0])).covariance(sigma=2.0)
>>> round(c["total_variance"], 6)   # sigma^2 sum 1/(1 - w_i) = 4 (2 + 1)
12.0
)doc";

constexpr const char* kNetworkEvokedEnergyDoc =
    R"doc(Energy evoked by the initial condition r0, as ``netdyn.evoked_energy(W, r0)``.

Parameters
----------
r0 : array_like, shape (n,)
    Initial condition r(0) (no input afterwards).

Returns
-------
float
    ``r0^T Q r0 = (2/tau) int_0^inf ||r(t)||^2 dt`` (dimensionless; 1 for unit r0 when W = 0).

Examples
--------
>>> import numpy as np, netdyn
>>> round(netdyn.Network(np.diag([0.5, 0.0])).evoked_energy([1.0, 0.0]), 6)   # 1/(1 - 0.5)
2.0
)doc";

constexpr const char* kNetworkAmplifiedModesDoc =
    R"doc(The ``count`` unit initial conditions that evoke the most energy, as
``netdyn.amplified_modes(W, count)``.

Parameters
----------
count : int, default 1
    Number of patterns, 1 <= count <= n.

Returns
-------
dict
    The keys of ``netdyn.amplified_modes``.

Examples
--------
>>> import numpy as np, netdyn
>>> np.round(netdyn.Network(np.diag([0.5, 0.0])).amplified_modes(count=2)["energies"], 6).tolist()
[2.0, 1.0]
)doc";

constexpr const char* kEvokedEnergyIntegralDoc =
    R"doc(The evoked energy of one initial state, by integrating the dynamics.

``E(a) = (2/tau) int_0^inf ||C r(t)||^2 dt`` for ``tau dr/dt = -r + W r``, ``r(0) = r0``:
Dormand-Prince 5(4) on the state and the running integral together, until
``||r|| <= 1e-8 ||r0||``. The independent check of ``r0^T Q r0`` (``amplified_modes``,
``evoked_energy``); E does not depend on tau.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real, stable.
r0 : array_like, shape (n,)
readout : array_like, shape (p, n), optional
    C (default I).

Returns
-------
dict
    energy : float
    horizon : float
        Where the integration stopped (units of tau).
    steps : int
        Accepted ODE steps.

Raises
------
ValueError
    Bad shapes or values.
RuntimeError
    W unstable (the response grows) or the state does not decay by t = 1e5.

Examples
--------
>>> import numpy as np, netdyn
>>> W = np.array([[30/7, -33/7], [30/7, -33/7]])
>>> round(netdyn.evoked_energy_integral(W, np.array([1.0, 0.0]))["energy"], 6)
15.117647
>>> round(netdyn.evoked_energy(W, np.array([1.0, 0.0])), 6)
15.117647
)doc";

constexpr const char* kEigenvalueSensitivityDoc =
    R"doc(First-order sensitivity ``d lambda_k / dW`` of one eigenvalue.

``S_ij = conj(y_i) x_j / (y^* x)`` with x, y the right and left eigenvectors of
``lambda_k = spectrum(W)[k]`` (netdyn order), so that ``lambda(W + E) ~ lambda + sum(S * E)``.
``||S||_2`` is the eigenvalue's condition number (``eigenvalue_conditions``) and ``trace(S) =
1``. Both eigenvectors come from one real Schur form.

Parameters
----------
W : array_like, shape (n, n)
k : int
    Index into ``spectrum(W)``, 0 <= k < n.

Returns
-------
numpy.ndarray, complex, shape (n, n)

Raises
------
ValueError
    k out of range, W not a finite real square matrix.
RuntimeError
    The eigenvalue is defective (``y^* x = 0``): no derivative exists.

Examples
--------
>>> import numpy as np, netdyn
>>> S = netdyn.eigenvalue_sensitivity(np.array([[0.5, 2.0], [0.0, -1.0]]), 0)
>>> np.round(S.real, 6).tolist(), round(abs(np.trace(S)), 12)
([[1.0, 0.0], [1.333333, 0.0]], 1.0)
)doc";

constexpr const char* kSweepGainDoc =
    R"doc(Stability and amplification of ``g W`` against the gain g, and the stability boundary.

The eigenvalues of g W are ``g lambda_i``, so one decomposition of W gives the spectral abscissa
at every g and the boundary (TOMS 748 root finding to ``tolerance`` on each sign change of
``alpha - 1`` between neighbouring grid points); the transient gain and total variance of each
stable point take one decomposition of g W.

Parameters
----------
W : array_like, shape (n, n)
gains : array_like, shape (m,)
    Strictly increasing, m >= 2.
tolerance : float, default 1e-10
    Absolute, on g at a crossing.

Returns
-------
dict
    threshold : float
        1 (``tau dr/dt = -r + W r`` is stable while alpha < 1).
    parameter, spectral_abscissa, transient_gain, total_variance : numpy.ndarray, shape (m,)
        Per grid point; gain and variance NaN where unstable.
    stable : numpy.ndarray of bool, shape (m,)
    boundaries : list of dict
        ``parameter``, ``bracket_width``, ``alpha_minus_threshold``, ``evaluations``,
        ``destabilising`` (alpha rises through the threshold as the parameter grows).

Raises
------
ValueError
    W bad, the grid not strictly increasing or finite.

Examples
--------
>>> import numpy as np, netdyn
>>> s = netdyn.sweep_gain(np.diag([0.5, -0.2]), np.linspace(0.5, 3.0, 6))
>>> round(s["boundaries"][0]["parameter"], 10), s["stable"].tolist()
(2.0, [True, True, True, False, False, False])
)doc";

constexpr const char* kSweepEi2Doc =
    R"doc(The MM09 E-I pair ``W = [[w, -k w], [w, -k w]]`` against w or k.

Eigenvalues 0 and ``w (1 - k)``. Keys as ``sweep_gain``.

Parameters
----------
parameter : {"w", "k"}
values : array_like, strictly increasing
w, k : float
    The fixed one (defaults: MM09's 30/7 and 1.1).
tolerance : float, default 1e-10

Returns
-------
dict

Examples
--------
>>> import numpy as np, netdyn
>>> round(netdyn.sweep_ei2("w", np.linspace(0.1, 3.0, 7), k=0.5)["boundaries"][0]["parameter"], 10)
2.0
)doc";

constexpr const char* kSweepFitzHughNagumoDoc =
    R"doc(FitzHugh-Nagumo's fixed point against one parameter: where it loses stability.

``spectral_abscissa`` is the largest real part of the Jacobian's eigenvalues at the fixed point
(threshold 0: a Hopf bifurcation when they are a complex pair); ``transient_gain`` and
``total_variance`` are NaN. Keys as ``sweep_gain``.

Parameters
----------
parameter : {"current", "a", "b", "tau"}
values : array_like, strictly increasing
current, tau, a, b : float
    The other parameters (defaults 0.3, 12.5, 0.7, 0.8).
tolerance : float, default 1e-10

Returns
-------
dict

Examples
--------
>>> import numpy as np, netdyn
>>> s = netdyn.sweep_fitzhugh_nagumo("current", np.linspace(0.0, 0.5, 6))
>>> round(s["boundaries"][0]["parameter"], 8)
0.33128134
)doc";

// --- Stability optimisation ---------------------------------------------------------------------

constexpr const char* kSmoothedSpectralAbscissaDoc =
    R"doc(Smoothed spectral abscissa ``alpha_eps(W)`` (Vanbiervliet et al. 2009) and its gradient.

The s with ``tr P(s) = 1/eps``, where ``(W - sI) P + P (W - sI)^T + I = 0``, so that
``tr P(s) = int_0^inf ||e^{t(W - sI)}||_F^2 dt``. Bounds: ``alpha + eps/2 <= alpha_eps <=
omega + n eps/2`` (alpha the spectral abscissa, omega the numerical abscissa); ``alpha_eps ->
alpha`` as eps -> 0. Gradient ``d alpha_eps / dW = Q P / tr(Q P)`` with
``(W - sI)^T Q + Q (W - sI) + I = 0``. One real Schur decomposition, then a safeguarded Newton
iteration of two triangular Lyapunov solves per step.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real, finite (need not be stable).
epsilon : float
    eps > 0.
gradient : bool, default False
    Also return the gradient.

Returns
-------
dict
    value : float
        alpha_eps(W).
    epsilon : float
        eps.
    spectral_abscissa : float
        alpha(W), the largest real part of an eigenvalue.
    trace_p : float
        ``tr P`` at the value (1/eps to 1e-13).
    trace_qp : float
        ``tr(Q P)`` at the value.
    iterations : int
        Newton steps taken.
    gradient : numpy.ndarray, shape (n, n), or None
        ``d alpha_eps / dW`` when asked for (its trace is 1).

Raises
------
ValueError
    W not a finite real square matrix, or epsilon not finite and > 0.

Examples
--------
>>> import numpy as np, netdyn
>>> r = netdyn.smoothed_spectral_abscissa(np.array([[-0.4]]), 0.3)
>>> round(r["value"], 12)  # a + eps/2 for a scalar
-0.25
>>> r = netdyn.smoothed_spectral_abscissa(np.diag([0.5, -1.0]), 0.01, gradient=True)
>>> r["value"] > r["spectral_abscissa"] + 0.005, round(float(np.trace(r["gradient"])), 12)
(True, 1.0)
)doc";

constexpr const char* kSocInitialNetworkDoc =
    R"doc(The initial network of a stability-optimised circuit (Hennequin, Vogels & Gerstner 2014).

The first ``round(f n)`` columns excitatory, each off-diagonal weight present with probability
``density``: E weights ``w0/sqrt(n)``, I weights ``-gamma w0/sqrt(n)``, ``w0 = radius /
sqrt(p (1 - p) (f + (1 - f) gamma^2))`` (bulk spectral radius ``radius``), no self-loops.

Parameters
----------
n : int, default 200
excitatory_fraction : float, default 0.5
density : float, default 0.1
    In (0, 1).
radius : float, default 10.0
gamma : float, default 3.0
seed : int, default 1

Returns
-------
numpy.ndarray, float64, shape (n, n)

Raises
------
ValueError
    A parameter out of range (the message names it).

Examples
--------
>>> import numpy as np, netdyn
>>> w = netdyn.soc_initial_network(n=40, radius=3.0, density=0.3, seed=5)
>>> w.shape, float(np.abs(np.diag(w)).max()), bool((w[:, :20] >= 0).all() and (w[:, 20:] <= 0).all())
((40, 40), 0.0, True)
)doc";

constexpr const char* kOptimiseStabilityDoc =
    R"doc(Stability-optimised circuit: descend the smoothed spectral abscissa on the inhibitory weights.

The published algorithm by default (Hennequin, Vogels & Gerstner 2014, as the public ports run
it): each step takes ``s = max(1.5 alpha, alpha + 0.2)``, the Gramians P and Q of ``W - sI``,
and moves the inhibitory columns by ``-learning_rate Q P / tr(Q P)``; positive inhibitory
weights are clipped to 0 and the diagonal kept at 0; it stops once ``alpha(W) < target``.
Each step is one real Schur decomposition of W plus triangular solves.

Parameters
----------
W : array_like, shape (n, n)
    Initial connectivity, excitatory columns first (>= 0), then inhibitory (<= 0).
excitatory : int, optional
    Number of excitatory columns (default n/2).
learning_rate : float, default 10.0
target : float, default 0.15
    Stop once the spectral abscissa of W is below this.
max_steps : int, default 10000
shift : {"published", "smoothed-abscissa"}, default "published"
    ``"smoothed-abscissa"``: s = alpha_eps(W) for ``epsilon`` (the true gradient of alpha_eps).
epsilon : float, default 0.01
mask : {"free", "fixed", "density-cap"}, default "free"
    Which inhibitory weights may be nonzero: any, those of the initial W, or the strongest
    ``density_cap`` fraction.
density_cap : float, default 0.4
renormalisation : {"none", "ei-ratio", "row-sum"}, default "none"
    After each step: block means of the I columns = -gamma times the E columns' (per row
    population), or each row sums as in the initial W.
gamma : float, default 3.0
zero_diagonal : bool, default True

Returns
-------
dict
    W : numpy.ndarray, shape (n, n)
        The optimised connectivity (Dale's law holds).
    converged : bool
        ``alpha(W) < target``.
    stop_reason : str
        ``"target"``, ``"stalled"`` (alpha decreased by less than 1e-6 in 200 steps) or
        ``"max_steps"``.
    steps : int
        Updates applied.
    trace : dict of numpy.ndarray
        One entry per step and one for the final W: ``step``, ``spectral_abscissa``,
        ``smoothed_spectral_abscissa`` (the shift s), ``epsilon`` (``1/tr P(s)``: the eps for
        which s is the smoothed spectral abscissa) and ``inhibitory_norm`` (``||W_I||_F``).

Raises
------
ValueError
    W not a finite real square matrix, Dale's law violated (the message names the entry), an
    option out of range.

Examples
--------
>>> import netdyn
>>> w0 = netdyn.soc_initial_network(n=40, radius=3.0, density=0.3, seed=5)
>>> r = netdyn.optimise_stability(w0)
>>> r["converged"], r["stop_reason"], bool(r["trace"]["spectral_abscissa"][-1] < 0.15)
(True, 'target', True)
)doc";

// --- I/O ----------------------------------------------------------------------------------------

constexpr const char* kReadMatrixDoc =
    R"doc(Read a dense real matrix from a file, as every ``netdyn`` subcommand does.

Formats (docs/tools.md): NumPy ``.npy`` (float, integer or bool; C or Fortran order) and ``.npz``,
MATLAB ``.mat`` (v4, v5 and v7.3, which SciPy cannot read), HDF5 ``.h5``/``.hdf5``, text
``.csv``/``.txt``/``.dat`` (comma or whitespace separated, ``#`` comments), Matrix Market ``.mtx``,
and edge lists (``source,target,weight`` rows, or an ``.npz`` with those members).

Parameters
----------
path : str or os.PathLike
    The file; its extension selects the format. ``"FILE:NAME"`` names one matrix inside a
    ``.mat``, ``.h5`` (an HDF5 path such as ``"runs.h5:/run3/W"``) or ``.npz``; a file with one
    numeric matrix needs no name.
convention : {None, "post-pre", "pre-post"}, keyword-only
    Layout of the file. ``"post-pre"`` (rows postsynaptic) is netdyn's and the default for
    matrices; ``"pre-post"`` (rows presynaptic, as NEST and Brian2 export) transposes. An edge
    list must state it: ``"pre-post"`` when its first column is the source.

Returns
-------
numpy.ndarray, float64, shape (m, n)
    In netdyn's post x pre layout.

Raises
------
ValueError
    Missing or unreadable file, unknown extension, malformed, truncated or corrupt content,
    complex, cell, struct or N-D variables, a name that is not there (the message lists what
    is), several matrices and no name, non-finite entries (the message names the file, variable
    and position).

Examples
--------
>>> import os, tempfile, numpy as np, netdyn
>>> folder = tempfile.mkdtemp()
>>> netdyn.write_matrix(os.path.join(folder, "W.csv"), np.array([[0.5, -1.0], [2.0, 0.0]]))
>>> netdyn.read_matrix(os.path.join(folder, "W.csv")).tolist()
[[0.5, -1.0], [2.0, 0.0]]
>>> np.savez(os.path.join(folder, "runs.npz"), W=np.eye(2), rates=np.ones(2))
>>> netdyn.read_matrix(os.path.join(folder, "runs.npz:W")).tolist()
[[1.0, 0.0], [0.0, 1.0]]
>>> netdyn.read_matrix(os.path.join(folder, "runs.npz"))  # doctest: +ELLIPSIS
Traceback (most recent call last):
ValueError: ...runs.npz: holds 2 matrices; name one as ...runs.npz:NAME: W ((2, 2) <f8), rates ((2,) <f8)
)doc";

constexpr const char* kMatrixProvenanceDoc =
    R"doc(What ``read_matrix`` reads from a file, for tracing a result to its input.

The same record every ``netdyn ... --json`` carries under ``provenance.inputs``.

Parameters
----------
path : str or os.PathLike
    As for ``read_matrix`` (``"FILE:NAME"`` allowed).
convention : {None, "post-pre", "pre-post"}, keyword-only
    As for ``read_matrix``.

Returns
-------
dict
    ``path``, ``variable`` (the matrix read, or None), ``format`` (``"npy"``, ``"mat-v7.3"``,
    ``"hdf5"``, ``"csv edge list"``, ...), ``dtype``, ``shape``, ``sha256`` (of the file's bytes),
    ``convention``, ``edge_list`` and ``netdyn_version``.

Examples
--------
>>> import hashlib, os, tempfile, numpy as np, netdyn
>>> path = os.path.join(tempfile.mkdtemp(), "net.npz")
>>> np.savez(path, W=np.eye(3))
>>> info = netdyn.matrix_provenance(path)
>>> info["format"], info["variable"], info["shape"]
('npz', 'W', (3, 3))
>>> info["sha256"] == hashlib.sha256(open(path, "rb").read()).hexdigest()
True
)doc";

constexpr const char* kWriteEdgeListDoc =
    R"doc(Write W (post x pre) as an edge list for a simulator, atomically.

Parameters
----------
path : str or os.PathLike
    ``.csv`` (a ``# nodes: N`` line, a header naming the roles, then 0-based ``index,index,weight``
    rows) or ``.npz`` (members ``source``, ``target``, ``weight`` and ``nodes``).
matrix : scipy.sparse matrix or array_like, square, real
    W, with W[i, j] the weight from j to i.
convention : {"pre-post", "post-pre"}, keyword-only
    ``"pre-post"``: the first column is presynaptic (``source,target,weight``, as NEST and Brian2
    read them); ``"post-pre"``: ``target,source,weight`` (``.csv`` only).

Raises
------
ValueError
    Another extension, a non-square W, or ``.npz`` with ``"post-pre"``.

Examples
--------
>>> import os, tempfile, numpy as np, scipy.sparse, netdyn
>>> path = os.path.join(tempfile.mkdtemp(), "edges.csv")
>>> W = np.array([[0.0, -2.0], [1.0, 0.0]])   # 0 -> 1 with weight 1, 1 -> 0 with weight -2
>>> netdyn.write_edge_list(path, scipy.sparse.csc_matrix(W), convention="pre-post")
>>> print(open(path).read().splitlines()[2:])
['source,target,weight', '0,1,1', '1,0,-2']
>>> netdyn.read_matrix(path, convention="pre-post").tolist()
[[0.0, -2.0], [1.0, 0.0]]
)doc";

constexpr const char* kWriteMatrixDoc =
    R"doc(Write a dense real matrix as ``.npy`` or ``.csv``, atomically (temporary file, then rename).

Parameters
----------
path : str or os.PathLike
    The file; ``.npy`` (float64) or ``.csv`` (17 significant digits, read back exactly).
matrix : array_like, shape (m, n)
    Real matrix.

Raises
------
ValueError
    Unknown extension, an unwritable folder, or a complex matrix (the message names matrix).

Examples
--------
>>> import os, tempfile, numpy as np, netdyn
>>> path = os.path.join(tempfile.mkdtemp(), "W.npy")
>>> netdyn.write_matrix(path, np.arange(6.0).reshape(2, 3))
>>> np.load(path).tolist()
[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
)doc";

constexpr const char* kReadSparseMatrixDoc =
    R"doc(Read a sparse matrix as a ``scipy.sparse.csc_matrix``; ``.mtx``, MATLAB sparse variables and
edge lists are never densified (other formats are read densely and converted).

The input of ``sparse_spectrum``; SciPy's ``scipy.io.mmread`` reads the same files.

Parameters
----------
path : str or os.PathLike
    A Matrix Market file (real or integer; general, symmetric or skew-symmetric; duplicate
    coordinate entries are summed), ``"FILE.mat:NAME"`` or any format ``read_matrix`` reads.
convention : {None, "post-pre", "pre-post"}, keyword-only
    As for ``read_matrix``.

Returns
-------
scipy.sparse.csc_matrix, float64

Raises
------
ValueError
    Missing file or malformed content (the message names the file and the line).

Examples
--------
>>> import os, tempfile, numpy as np, scipy.sparse, netdyn
>>> path = os.path.join(tempfile.mkdtemp(), "W.mtx")
>>> netdyn.write_sparse_matrix(path, scipy.sparse.csc_matrix(np.diag([1.0, 2.0, 3.0])))
>>> W = netdyn.read_sparse_matrix(path)
>>> W.shape, W.nnz, W.diagonal().tolist()
((3, 3), 3, [1.0, 2.0, 3.0])
)doc";

constexpr const char* kWriteSparseMatrixDoc =
    R"doc(Write a scipy.sparse matrix as Matrix Market ``.mtx``, atomically (as ``netdyn
generate-sparse``).

Parameters
----------
path : str or os.PathLike
    The ``.mtx`` file.
matrix : scipy.sparse matrix, real
    Written as coordinate entries with 17 significant digits (read back exactly).

Raises
------
ValueError
    An unwritable folder, or a complex matrix.

Examples
--------
>>> import os, tempfile, scipy.sparse, netdyn
>>> path = os.path.join(tempfile.mkdtemp(), "I.mtx")
>>> netdyn.write_sparse_matrix(path, scipy.sparse.identity(4, format="csc"))
>>> netdyn.read_sparse_matrix(path).nnz
4
)doc";

// --- spectrum and nonnormality ------------------------------------------------------------------

constexpr const char* kSpectrumDoc =
    R"doc(Eigenvalues of W (and optionally its eigenvectors), in netdyn order.

From the real Schur form of W (LAPACK dgees), sorted by decreasing real part, then decreasing
imaginary part (conjugate pairs ``+i`` first), as ``netdyn spectrum --json``. These are the
eigenvalues of W, not of ``A = (W - I)/tau``; the network is stable iff the first real part is
below 1.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
vectors : bool, default False
    Also return the unit right eigenvectors.

Returns
-------
numpy.ndarray, complex, shape (n,)
    The eigenvalues; with ``vectors=True`` a tuple ``(eigenvalues, V)``, V complex (n, n) with
    unit 2-norm columns, ``W V = V diag(eigenvalues)``.

Raises
------
ValueError
    W empty, not square, not finite or complex (the message names W).

Examples
--------
>>> import numpy as np, netdyn
>>> W = np.array([[30/7, -33/7], [30/7, -33/7]])   # Murphy & Miller 2009: {0, -3/7}
>>> (np.round(netdyn.spectrum(W).real, 6) + 0.0).tolist()
[0.0, -0.428571]
>>> netdyn.spectrum(np.array([[0.0, -2.0], [2.0, 0.0]])).tolist()   # +2i first
[2j, -2j]
>>> values, V = netdyn.spectrum(W, vectors=True)
>>> bool(np.allclose(W @ V, V * values, atol=1e-12))
True
)doc";

constexpr const char* kEigenvalueConditionsDoc =
    R"doc(Condition number of each eigenvalue of W, ``1/|y_i^* x_i|``.

x_i and y_i are the unit right and left eigenvectors (LAPACK dtrsna on the real Schur form); an
eigenvalue moves by about ``condition * ||E||_2`` under a perturbation E of W.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.

Returns
-------
numpy.ndarray, float, shape (n,)
    In the order of ``spectrum(W)``: 1 for every eigenvalue of a normal W, ``inf`` for a
    numerically defective eigenvalue.

Raises
------
ValueError
    W empty, not square, not finite or complex (the message names W).

Examples
--------
>>> import numpy as np, netdyn
>>> W = np.array([[30/7, -33/7], [30/7, -33/7]])
>>> c = netdyn.eigenvalue_conditions(W)   # sqrt(2 (a^2 + b^2))/|a - b|, a = 30/7, b = 33/7
>>> bool(np.allclose(c, np.sqrt(3978) / 3, rtol=1e-12))
True
>>> np.round(netdyn.eigenvalue_conditions(np.eye(3)), 12).tolist()
[1.0, 1.0, 1.0]
)doc";

constexpr const char* kEigenvectorConditionDoc =
    R"doc(Condition number ``cond_2(V) = ||V||_2 ||V^-1||_2`` of an eigenvector matrix.

EigTool's ``cond(V)``, for V with unit 2-norm columns (as ``spectrum(W, vectors=True)`` returns
them); ``inf`` when V is numerically singular (``sigma_min(V) <= n eps sigma_max(V)``), i.e. W
is numerically defective.

Parameters
----------
V : array_like, shape (n, n), real or complex
    Eigenvector matrix.

Returns
-------
float
    >= 1; 1 for unitary V (normal W).

Raises
------
ValueError
    V empty, not square or not finite (the message names V).

Examples
--------
>>> import numpy as np, netdyn
>>> s = 1 / np.sqrt(2)
>>> round(netdyn.eigenvector_condition(np.array([[1.0, s], [0.0, s]])), 6)   # 1 + sqrt(2)
2.414214
>>> netdyn.eigenvector_condition(np.array([[1.0, 1.0], [0.0, 0.0]]))   # parallel columns
inf
)doc";

constexpr const char* kHenriciDepartureDoc =
    R"doc(Henrici departure from normality ``||N||_F``.

N is the strictly upper ("feedforward") part of the complex Schur form
``W = U (Lambda + N) U*``; ``||N||_F^2 = ||W||_F^2 - sum |lambda_i|^2`` is the same for every
Schur form. 0 iff W is normal.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.

Returns
-------
float
    In the units of W.

Raises
------
ValueError
    W empty, not square, not finite or complex (the message names W).

Examples
--------
>>> import numpy as np, netdyn
>>> round(netdyn.henrici_departure(np.array([[30/7, -33/7], [30/7, -33/7]])), 6)   # wE + wI
9.0
>>> round(netdyn.henrici_departure(np.array([[0.0, 4.0], [-1.0, 0.0]])), 6)   # sqrt(17 - 8)
3.0
>>> round(netdyn.henrici_departure(np.array([[1.0, 2.0], [2.0, 1.0]])), 12)   # symmetric
0.0
)doc";

constexpr const char* kNumericalAbscissaDoc =
    R"doc(Numerical abscissa ``omega(A) = lambda_max((A + A^T)/2)`` of ``A = (W - I)/tau``.

The initial growth rate ``d/dt ||exp(tA)||_2`` at t = 0; it bounds the envelope,
``||exp(tA)||_2 <= exp(omega t)``. Units 1/tau.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
tau : float, default 1.0
    Time constant (> 0).

Returns
-------
float
    > 0 means transient growth is possible, even for stable W.

Raises
------
ValueError
    W not a finite real square matrix, or tau not finite and > 0 (the message names it).

Examples
--------
>>> import numpy as np, netdyn
>>> round(netdyn.numerical_abscissa(np.array([[0.0, 4.0], [0.0, 0.0]])), 6)   # -1 + w/2, w = 4
1.0
>>> round(netdyn.numerical_abscissa(np.diag([0.5, 0.2]), tau=2.0), 6)   # (0.5 - 1)/2
-0.25
)doc";

constexpr const char* kSteadyStateGainDoc =
    R"doc(Steady-state gain ``||(I - W)^-1||_2`` and the most amplified constant input.

For a constant input h the fixed point of ``tau dr/dt = -r + W r + h`` is
``r* = (I - W)^-1 h`` (reached if W is stable); the gain is the largest ``||r*|| / ||h||``. It
does not depend on tau.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.

Returns
-------
dict
    gain : float
        ``||(I - W)^-1||_2`` (dimensionless).
    input_pattern : numpy.ndarray, shape (n,)
        The unit input h that attains it (a right singular vector; its sign is arbitrary).
    response : numpy.ndarray, shape (n,)
        ``(I - W)^-1 input_pattern``, of norm ``gain``.

Raises
------
ValueError
    W not a finite real square matrix, or I - W singular to working precision (W has an
    eigenvalue 1).

Examples
--------
>>> import numpy as np, netdyn
>>> g = netdyn.steady_state_gain(np.array([[0.0, 4.0], [0.0, 0.0]]))
>>> round(g["gain"], 6)   # (w + sqrt(w^2 + 4))/2 = 2 + sqrt(5), w = 4 (science.md T2b)
4.236068
>>> round(float(np.linalg.norm(g["response"])), 6)
4.236068
>>> round(netdyn.steady_state_gain(np.array([[30/7, -33/7], [30/7, -33/7]]))["gain"], 6)
6.416237
)doc";

constexpr const char* kSchurDoc =
    R"doc(Ordered Schur form of W, as ``netdyn schur [--real] [--order] --json``.

Complex (default): ``W = U T U*``, U unitary, T upper triangular with the eigenvalues on its
diagonal; the strictly upper part N of T is the "feedforward" part, ``||N||_F`` the Henrici
departure. Real (``real=True``): ``W = Q T Q^T``, Q orthogonal, T quasi-triangular with
standardised 2x2 blocks for complex pairs.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
real : bool, default False
    Return the real quasi-triangular form instead of the complex one.
order : str, default 'decreasing-real'
    Diagonal order of T: 'decreasing-real' (netdyn order), 'increasing-real' or 'none'
    (LAPACK's).

Returns
-------
dict
    U : numpy.ndarray, shape (n, n)
        Schur basis (complex unitary, or real orthogonal with ``real=True``).
    T : numpy.ndarray, shape (n, n)
        The triangular (quasi-triangular) factor.
    eigenvalues : numpy.ndarray, complex, shape (n,)
        The diagonal (block eigenvalues) of T in ``order``.
    feedforward_norm : float
        Henrici departure ``||N||_F`` of the complex form, in both forms (units of W).
    feedforward_relative : float
        ``feedforward_norm / ||W||_F`` (0 normal, up to 1); 0 for W = 0.
    backward_error : float
        ``||W - U T U*||_F / ||W||_F``.
    orthogonality_error : float
        ``||U* U - I||_F``.
    real_feedforward_norm : float
        Only with ``real=True``: the Frobenius norm of T outside its 1x1 and 2x2 diagonal
        blocks (not the Henrici departure: a 2x2 block may itself be nonnormal).

Raises
------
ValueError
    W not a finite real square matrix (the message names W), or an unknown order.

Examples
--------
>>> import numpy as np, netdyn
>>> s = netdyn.schur(np.array([[30/7, -33/7], [30/7, -33/7]]))
>>> round(s["feedforward_norm"], 6), round(abs(s["T"][0, 1]), 6)   # w_FF = wE + wI = 9
(9.0, 9.0)
>>> (np.round(s["eigenvalues"].real, 6) + 0.0).tolist()
[0.0, -0.428571]
>>> r = netdyn.schur(np.array([[0.0, 4.0], [-1.0, 0.0]]), real=True)   # eigenvalues +-2i
>>> round(r["feedforward_norm"], 6), round(r["real_feedforward_norm"], 6)   # one 2x2 block
(3.0, 0.0)
)doc";

constexpr const char* kCheckDoc =
    R"doc(The ``netdyn check`` report: stability, nonnormality and amplification of (W, tau).

Model ``tau dr/dt = -r + W r + h(t)``, ``A = (W - I)/tau``; stable iff
``spectral_abscissa = max Re lambda(W) < 1``. Figures of W alone do not depend on tau; figures
of A are rates per unit of tau's time unit and times in that unit. The keys are those of
``netdyn check --json`` (the same list, ``netdyn::report_fields``), docs/tools.md.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
tau : float, default 1.0
    Time constant (> 0).

Returns
-------
dict
    n : int
        Size of W.
    tau : float
        The time constant.
    eigenvalues : numpy.ndarray, complex, shape (n,)
        Eigenvalues of W, netdyn order.
    spectral_abscissa, spectral_radius : float
        ``max Re lambda(W)`` and ``max |lambda(W)|``.
    stable : bool
        ``spectral_abscissa < 1``.
    growth_rate : float
        ``(spectral_abscissa - 1)/tau``, the asymptotic rate of A (units 1/tau).
    slowest_timescale : float or None
        ``tau/(1 - spectral_abscissa)`` (None if unstable).
    henrici_departure, henrici_relative : float
        ``||N||_F`` and ``||N||_F / ||W||_F``.
    eigenvector_condition : float
        ``cond_2(V)``, ``inf`` if numerically defective.
    numerical_abscissa : float
        ``lambda_max((A + A^T)/2)`` (units 1/tau).
    steady_state_gain : float or None
        ``||(I - W)^-1||_2`` (None if unstable).
    transient_gain, transient_gain_time : float or None
        ``max_t ||exp(tA)||_2`` and where (time in tau's unit; None if unstable).
    transient_gain_upper_bound : float or None
        Certified: ``transient_gain <= max_t ||exp(tA)||_2 <= transient_gain_upper_bound``.
    total_variance, normal_total_variance, nonnormal_amplification : float or None
        Unit-noise ``tr S`` (sigma = 1), its normal counterpart ``sum 1/(1 - Re lambda_i)``
        and their ratio (None if unstable).
    lyapunov_residual : float or None
        Relative residual of the covariance solve.
    eigenvalue_error_estimate : float
        ``min(kappa(V) eps ||W||_2, eps^(1/n) ||W||_2)``, an order of magnitude.
    jacobian_trace, jacobian_determinant : float
        n = 2 only: trace and determinant of A.
    classification : str
        n = 2 only: the trace-determinant class of A ('stable node', 'saddle', ...).
    distance_to_instability, distance_to_instability_frequency : float or None
        ``min_omega sigma_min(A - i omega I)`` and the minimising omega >= 0 (units 1/tau; None
        if unstable or n > 500).
    warnings : list of dict
        ``{"code", "message"}`` (docs/tools.md lists the codes); empty when nothing fired.

Raises
------
ValueError
    W not a finite real square matrix (the message names W), or tau not finite and > 0.

Examples
--------
>>> import numpy as np, netdyn
>>> r = netdyn.check(np.array([[30/7, -33/7], [30/7, -33/7]]))
>>> r["stable"], r["classification"], r["warnings"]
(True, 'stable node', [])
>>> round(r["henrici_departure"], 6), round(r["steady_state_gain"], 6)   # science.md T2c
(9.0, 6.416237)
>>> round(r["total_variance"], 6) == round(2129 / 85, 6)   # science.md T3a
True
>>> netdyn.check(1.5 * np.eye(2))["transient_gain"] is None   # unstable
True
)doc";

constexpr const char* kSparseSpectrumDoc =
    R"doc(A few eigenvalues of a large sparse W, as ``netdyn spectrum W.mtx --count K --json``.

Implicitly restarted Arnoldi (Spectra) on W, which is never densified (its nonzeros are copied
once into compressed columns); with ``verify`` a second run with a larger subspace must agree. A
W that is triangular up to a permutation gives its diagonal exactly (method 'triangular').

Parameters
----------
W : scipy.sparse matrix, shape (n, n), real
    Connectivity.
count : int, default 6
    Eigenvalues wanted, 1 <= count <= n - 2; may grow by one to complete a conjugate pair.
target : str, default 'largest-real'
    'largest-real' (LR), 'largest-magnitude' (LM) or 'nearest-shift' (shift-invert about shift).
shift : float, default 0.0
    The shift of 'nearest-shift'.
subspace : int, default 0
    Krylov subspace size; 0 chooses it, else count + 2 <= subspace <= n.
tolerance : float, default 1e-10
    Relative residual tolerance of Arnoldi.
verify : bool, default True
    Run a second, larger Arnoldi and compare.

Returns
-------
dict
    eigenvalues : numpy.ndarray, complex
        The selected eigenvalues, netdyn order.
    circular_law_radius : float
        ``sqrt(n var(W_ij))`` over all n^2 entries (the bulk radius for i.i.d.-like entries).
    method : str
        'krylov' or 'triangular'.
    subspace_size, iterations, operations, runs : int
        The accepted run's subspace; restarts, products with W (or solves) and runs, all runs.
    residual : float
        ``max_k ||W x_k - lambda_k x_k|| / ||x_k||`` of the accepted run.
    eigenvalue_condition : float
        Largest condition number of the wanted eigenvalues in the Krylov projection.
    verification_difference : float or None
        Set distance between the first run's eigenvalues and the returned ones: 0 when the
        deflated restarts found nothing the first run missed (None without verify).
    warnings : list of dict
        ``{"code", "message"}``.

Raises
------
ValueError
    W not square or complex (the message names W), count out of range, or an unknown target.

Examples
--------
>>> import numpy as np, scipy.sparse, netdyn
>>> W = scipy.sparse.diags(np.arange(1.0, 21.0), format="csc")
>>> s = netdyn.sparse_spectrum(W, count=3)
>>> np.round(s["eigenvalues"].real, 6).tolist(), s["method"]
([20.0, 19.0, 18.0], 'triangular')
)doc";

// --- E-I closed forms ---------------------------------------------------------------------------

constexpr const char* kEi2Doc =
    R"doc(Closed forms for the balanced E-I pair ``W = [[wE, -wI], [wE, -wI]]`` (Murphy & Miller 2009).

Both populations receive the same input, so W has eigenvalues ``wE - wI`` (the sum pattern) and
0 (the difference pattern), and its Schur form ``T = [[wE - wI, wE + wI], [0, 0]]`` carries a
hidden feedforward weight ``w_FF = wE + wI`` from the difference to the sum pattern
(science.md section 1). The response is to a pulse that sets r(0) = r0 in
``tau dr/dt = -r + W r``. As ``netdyn ei2 --json`` (which prints ``w_e``, ``w_i`` instead of W).

Parameters
----------
w, k : float, optional
    MM09 form: ``wE = w``, ``wI = k w`` (both >= 0). Give w and k, or we and wi.
we, wi : float, optional
    Weight magnitudes wE, wI >= 0.
tau : float, default 1.0
    Time constant (> 0); times and integrals are in its unit.
r0 : array_like, shape (2,), default (1, 0)
    Initial rates (r_E, r_I).

Returns
-------
dict
    W : numpy.ndarray, shape (2, 2)
        ``[[wE, -wI], [wE, -wI]]``.
    eigenvalues : numpy.ndarray, complex, shape (2,)
        ``{wE - wI, 0}`` in netdyn order.
    schur_T : numpy.ndarray, shape (2, 2)
        ``[[wE - wI, wE + wI], [0, 0]]`` in the basis (1, 1)/sqrt2, (1, -1)/sqrt2.
    feedforward_weight : float
        ``wE + wI``.
    sum_decay_rate : float
        ``c/tau``, ``c = 1 + wI - wE`` (units 1/tau).
    integral_rE, integral_rI : float or None
        ``int_0^inf r dt`` (units of r0 times tau; None unless stable, c > 0).
    integral_rE_uncoupled : float
        ``tau rE0`` (W = 0).
    amplification : float or None
        ``integral_rE / integral_rE_uncoupled``; for r0 = (1, 0) ``(1 + wI)/(1 + wI - wE)``.
    peak_rE, peak_time : float or None
        ``sup_t r_E(t)`` and where (tau's unit; None if r_E is unbounded).
    hebbian_weight, hebbian_time_constant : float or None
        The normal (Hebbian) pair with the same amplification: its weight and time constant
        ``tau amplification`` (science.md 1.6; None without a positive amplification).

Raises
------
ValueError
    Neither or both of (w, k) and (we, wi) given, or a weight negative or not finite (the
    message names it), or tau not finite and > 0.

Examples
--------
>>> import numpy as np, netdyn
>>> e = netdyn.ei2(w=30/7, k=1.1)   # wE = 30/7, wI = 33/7
>>> round(e["feedforward_weight"], 6), round(e["amplification"], 6)   # 9 and (1 + wI)/(1 + wI - wE)
(9.0, 4.0)
>>> (np.round(e["eigenvalues"].real, 6) + 0.0).tolist()
[0.0, -0.428571]
>>> round(e["peak_rE"], 6), round(e["peak_time"], 6)   # science.md 1.4, T1a
(1.793325, 0.609851)
>>> netdyn.ei2(we=3.0, wi=1.0)["integral_rE"] is None   # unstable: wE - wI = 2 > 1
True
)doc";

constexpr const char* kEiResponseDoc =
    R"doc(Closed-form response ``(r_E(t), r_I(t))`` of the balanced pair ``W = [[wE, -wI], [wE, -wI]]``.

Solves ``tau dr/dt = -r + W r`` from r(0) = r0 (science.md 1.2): with ``c = 1 + wI - wE``,
from (1, 0), ``r_E = (wI e^{-t/tau} - wE e^{-c t/tau})/(wI - wE)``.

Parameters
----------
we, wi : float
    Weight magnitudes wE, wI >= 0.
tau : float
    Time constant (> 0).
r0 : array_like, shape (2,)
    Initial rates (r_E, r_I).
t : array_like, shape (m,)
    Times, in tau's unit.

Returns
-------
numpy.ndarray, shape (m, 2)
    Row k is ``(r_E(t_k), r_I(t_k))``.

Raises
------
ValueError
    A weight negative or not finite, or tau not finite and > 0 (the message names it).

Examples
--------
>>> import numpy as np, netdyn
>>> t = np.linspace(0.0, 5.0, 11)
>>> r = netdyn.ei_response(30/7, 33/7, 1.0, [1.0, 0.0], t)
>>> bool(np.allclose(r[:, 0], 11 * np.exp(-t) - 10 * np.exp(-10 * t / 7), rtol=0, atol=1e-12))
True
>>> bool(np.allclose(r[:, 1], 10 * (np.exp(-t) - np.exp(-10 * t / 7)), rtol=0, atol=1e-12))
True
)doc";

// --- Lyapunov and covariance --------------------------------------------------------------------

constexpr const char* kLyapunovDoc =
    R"doc(Solve the Lyapunov equation ``A X + X A^T + Q = 0`` for a Hurwitz A.

Bartels-Stewart on the real Schur form of A (LAPACK dtrsyl3). For ``A = (W - I)/tau`` and
``Q = 2 sigma^2 I / tau`` this is the stationary covariance of the unit-noise network.

Parameters
----------
A : array_like, shape (n, n)
    Real, every eigenvalue with negative real part.
Q : array_like, shape (n, n)
    Real (symmetric positive semidefinite for a covariance).

Returns
-------
tuple
    ``(X, residual)``: X of shape (n, n) (symmetric when Q is) and the backward-error style
    relative residual ``||A X + X A^T + Q||_F / (2 ||A||_F ||X||_F + ||Q||_F)`` (about n eps).

Raises
------
ValueError
    A not Hurwitz, sizes that differ, non-finite or complex entries (the message names A or Q).

Examples
--------
>>> import numpy as np, netdyn
>>> X, residual = netdyn.lyapunov(-np.eye(2), 2.0 * np.eye(2))
>>> np.round(X, 12).tolist(), residual < 1e-14
([[1.0, 0.0], [0.0, 1.0]], True)
)doc";

constexpr const char* kControllabilityGramianDoc =
    R"doc(Controllability Gramian P of ``x' = A x + B u``: ``A P + P A^T + B B^T = 0``.

As ``scipy.linalg.solve_continuous_lyapunov(A, -B @ B.T)``; A must be Hurwitz.

Parameters
----------
A : array_like, shape (n, n)
    Real, Hurwitz.
B : array_like, shape (n, m)
    Real input matrix.

Returns
-------
tuple
    ``(P, residual)``: P of shape (n, n) and the relative residual of the solve.

Raises
------
ValueError
    A not Hurwitz, rows(B) != n, non-finite or complex entries (the message names A or B).

Examples
--------
>>> import numpy as np, netdyn
>>> P, residual = netdyn.controllability_gramian(-np.eye(2), np.eye(2))   # P = I/2
>>> np.round(P, 12).tolist()
[[0.5, 0.0], [0.0, 0.5]]
)doc";

constexpr const char* kObservabilityGramianDoc =
    R"doc(Observability Gramian Q of ``x' = A x, y = C x``: ``A^T Q + Q A + C^T C = 0``.

A must be Hurwitz.

Parameters
----------
A : array_like, shape (n, n)
    Real, Hurwitz.
C : array_like, shape (p, n)
    Real output matrix.

Returns
-------
tuple
    ``(Q, residual)``: Q of shape (n, n) and the relative residual of the solve.

Raises
------
ValueError
    A not Hurwitz, columns(C) != n, non-finite or complex entries (the message names A or C).

Examples
--------
>>> import numpy as np, netdyn
>>> Q, residual = netdyn.observability_gramian(np.diag([-1.0, -2.0]), np.ones((1, 2)))
>>> np.round(Q, 12).tolist()   # Q_ij = 1/(a_i + a_j) for A = -diag(a), C = (1, 1)
[[0.5, 0.333333333333], [0.333333333333, 0.25]]
)doc";

constexpr const char* kEvokedEnergyDoc =
    R"doc(Energy evoked by the initial condition r0 (Hennequin, Vogels & Gerstner 2014).

In ``tau dr/dt = -r + W r`` from r(0) = r0,
``E = r0^T Q r0 = (2/tau) int_0^inf ||r(t)||^2 dt`` with Q from
``(W - I)^T Q + Q (W - I) + 2 I = 0``; E = 1 for a unit r0 when W = 0, and E does not depend on
tau.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real, stable.
r0 : array_like, shape (n,)
    Initial condition.

Returns
-------
float
    E (dimensionless, times ``||r0||^2``).

Raises
------
ValueError
    W unstable or not a finite real square matrix, or r0 of the wrong size (the message says
    which).

Examples
--------
>>> import numpy as np, netdyn
>>> round(netdyn.evoked_energy(np.zeros((2, 2)), [0.6, 0.8]), 6)
1.0
>>> round(netdyn.evoked_energy(np.diag([0.5, 0.0]), [1.0, 0.0]), 6)   # 1/(1 - 0.5)
2.0
)doc";

constexpr const char* kAmplifiedModesDoc =
    R"doc(The ``count`` unit initial conditions that evoke the most energy.

They are the top eigenvectors of the energy matrix Q of ``evoked_energy``,
``(W - I)^T Q + Q (W - I) + 2 I = 0``; their energies are Q's largest eigenvalues.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real, stable.
count : int, default 1
    Number of patterns, 1 <= count <= n.
readout : array_like, shape (p, n), optional
    Readout C: the energy counts ``||C r||^2`` and Q solves
    ``(W - I)^T Q + Q (W - I) + 2 C^T C = 0`` (default C = I).

Returns
-------
dict
    energies : numpy.ndarray, shape (count,)
        Evoked energies, descending (dimensionless).
    patterns : numpy.ndarray, shape (n, count)
        Orthonormal columns, the initial conditions (signs arbitrary).
    energy_matrix : numpy.ndarray, shape (n, n)
        Q.
    mean_energy : float
        ``tr Q / n``, the mean energy of a random unit initial condition.
    lyapunov_residual : float
        Relative residual of the solve for Q.

Raises
------
ValueError
    W unstable or not a finite real square matrix, or count out of range (the message names
    count).

Examples
--------
>>> import numpy as np, netdyn
>>> m = netdyn.amplified_modes(np.diag([0.5, 0.0]), count=2)
>>> np.round(m["energies"], 6).tolist(), round(m["mean_energy"], 6)
([2.0, 1.0], 1.5)
>>> np.round(np.abs(m["patterns"]), 6).tolist()
[[1.0, 0.0], [0.0, 1.0]]
)doc";

constexpr const char* kCovarianceDoc =
    R"doc(Stationary covariance of the noisy network (unit-noise convention).

``tau dx = (W - I) x dt + sigma sqrt(2 tau) dB``, so W = 0 gives variance sigma^2 per unit; S
solves ``(W - I) S + S (W - I)^T + 2 sigma^2 I = 0`` and does not depend on tau. As
``netdyn covariance --json``.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real, stable.
sigma : float, default 1.0
    Noise amplitude (> 0).

Returns
-------
dict
    covariance : numpy.ndarray, shape (n, n)
        S (units sigma^2).
    total_variance : float
        ``tr S``.
    normal_total_variance : float
        ``sigma^2 sum_i 1/(1 - Re lambda_i)``, the total variance of a normal W with the same
        eigenvalues.
    nonnormal_amplification : float
        ``total_variance / normal_total_variance``.
    lyapunov_residual : float
        Relative residual of the solve.

Raises
------
ValueError
    W unstable (the message names the eigenvalue) or not a finite real square matrix, or sigma
    not finite and > 0.

Examples
--------
>>> import numpy as np, netdyn
>>> c = netdyn.covariance(np.array([[30/7, -33/7], [30/7, -33/7]]))   # science.md T3a
>>> round(c["total_variance"], 6) == round(2129 / 85, 6), round(c["normal_total_variance"], 6)
(True, 1.7)
>>> round(c["nonnormal_amplification"], 6)
14.733564
>>> np.round(netdyn.covariance(np.zeros((2, 2)), sigma=0.5)["covariance"], 12).tolist()
[[0.25, 0.0], [0.0, 0.25]]
)doc";

constexpr const char* kAmplifyDoc =
    R"doc(Transient amplification of ``A = (W - I)/tau``, as ``netdyn amplify --json``.

The envelope ``||exp(tA)||_2`` (the largest growth of any initial condition at time t) on a
uniform grid, its certified maximum, the distance to instability
``beta(A) = min_omega sigma_min(A - i omega I)`` and the Kreiss interval
``kreiss_lower_bound <= K(A) <= kreiss_constant_upper_bound``,
``K(A) = sup_{Re z > 0} Re z ||(zI - A)^-1||_2``.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
tau : float, default 1.0
    Time constant (> 0).
tmax : float, default 0.0
    End of the grid (tau's unit); 0 chooses it from the spectrum (needs stable W).
points : int, default 101
    Grid points, 2 <= points <= the cap of ``netdyn amplify --points``.

Returns
-------
dict
    times : numpy.ndarray, shape (points,)
        The grid, from 0 (tau's unit).
    envelope : numpy.ndarray, shape (points,)
        ``||exp(t A)||_2`` at the times.
    transient_gain, transient_gain_time : float
        ``max_t ||exp(tA)||_2`` (searched between grid points too) and where.
    transient_gain_upper_bound : float or None
        Certified bound for every t (None if none was reached).
    transient_gain_tolerance_met : bool
        Whether the gain's interval reached its tolerance.
    numerical_abscissa : float
        ``lambda_max((A + A^T)/2)`` (units 1/tau).
    distance_to_instability, distance_to_instability_frequency : float or None
        beta(A) and the minimising omega >= 0 (units 1/tau; None if unstable).
    kreiss_lower_bound, kreiss_constant_upper_bound : float or None
        The Kreiss interval (None if unstable; the upper bound None when the envelope certifies
        no bound, a short tmax).
    kreiss_point : list of float or None
        ``[re, im]`` of the z attaining the lower bound (units 1/tau; ``inf`` re for normal W).

Raises
------
ValueError
    W not a finite real square matrix, tau not finite and > 0, points out of range (the message
    names points), or W unstable with tmax = 0.

Examples
--------
>>> import numpy as np, netdyn
>>> out = netdyn.amplify(np.array([[30/7, -33/7], [30/7, -33/7]]))
>>> round(out["transient_gain"], 6), round(out["transient_gain_time"], 4)   # science.md T2c
(2.79328, 0.8017)
>>> normal = netdyn.amplify(np.diag([0.5, 0.2]), points=11)   # normal: no transient growth
>>> round(normal["transient_gain"], 9), round(normal["distance_to_instability"], 9)
(1.0, 0.5)
>>> round(normal["kreiss_lower_bound"], 9), round(float(normal["envelope"][0]), 12)
(1.0, 1.0)
)doc";

constexpr const char* kSdeDoc =
    R"doc(Simulate the noisy linear network and estimate its covariance, as ``netdyn covariance
--simulate``.

``tau dx = (-x + W x + h) dt + sigma sqrt(2 tau) dB`` (the unit-noise convention of
``covariance``), sampled over ``duration`` after ``burn_in``; the total variance comes with a
batch-means standard error. Seeded: the same seed gives the same run on every machine.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real (stable for a stationary covariance).
tau : float, default 1.0
    Time constant (> 0).
sigma : float, default 1.0
    Noise amplitude (>= 0).
duration : float, default 1000.0
    Sampled time after the burn-in (tau's unit, > 0).
dt : float, default 0.01
    Time step (tau's unit, > 0).
method : str, default 'exact'
    'exact' (exact Ornstein-Uhlenbeck steps) or 'euler-maruyama' (first order in dt).
seed : int, default 1
    Random seed (unsigned 64-bit).
burn_in : float or None, default None
    Discarded time; None: 10 slowest timescales (0 if W is unstable).
batches : int, default 20
    Batches of the batch-means standard error (>= 2).
input : array_like, shape (n,), optional
    Constant input h (default 0).
x0 : array_like, shape (n,), optional
    Initial state (default 0).

Returns
-------
dict
    mean : numpy.ndarray, shape (n,)
        Empirical mean.
    covariance : numpy.ndarray, shape (n, n)
        Empirical covariance (1/M normalisation).
    total_variance, total_variance_standard_error : float
        Its trace and the batch-means standard error of the trace.
    steps, samples : int
        Time steps taken (burn-in included) and samples in the covariance.
    final_state : numpy.ndarray, shape (n,)
        The state at the end.

Raises
------
ValueError
    Bad W, options out of range or an unknown method (the message names it).
RuntimeError
    The state became non-finite (an unstable W); the message names the time.

Examples
--------
>>> import numpy as np, netdyn
>>> a = netdyn.sde(np.zeros((2, 2)), duration=200.0, seed=3)
>>> b = netdyn.sde(np.zeros((2, 2)), duration=200.0, seed=3)
>>> bool(np.array_equal(a["covariance"], b["covariance"]))   # the same seed, the same run
True
>>> abs(a["total_variance"] - 2.0) < 4 * a["total_variance_standard_error"]   # exact: n sigma^2
True
)doc";

// --- pseudospectra ------------------------------------------------------------------------------

constexpr const char* kPseudospectraDoc =
    R"doc(Pseudospectra of W: ``sigma_min(zI - W)`` on a grid of ``z = x + iy``, as ``netdyn
pseudospectra``.

EigTool's algorithm: one complex Schur form, then inverse Lanczos per grid point. The
eps-pseudospectrum is ``{z : sigma_min(zI - W) < eps}``; for normal W, sigma_min is the distance
from z to the spectrum.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
grid : tuple of int, default (40, 40)
    ``(nx, ny)`` points, each >= 1.
box : tuple of float or None, default None
    ``(x0, x1, y0, y1)``; None: a box around the eigenvalues, symmetric about the real axis.
tolerance : float, default 1e-5
    Lanczos residual tolerance per point, in (0, 1); sigma_min is accurate to about half of it
    relative, usually its square.

Returns
-------
dict
    x : numpy.ndarray, shape (nx,)
        Re z of the columns, increasing.
    y : numpy.ndarray, shape (ny,)
        Im z of the rows, increasing.
    sigma_min : numpy.ndarray, shape (ny, nx)
        ``sigma_min[i, j] = sigma_min((x[j] + i y[i]) I - W)``, 0 on eigenvalues.
    eigenvalues : numpy.ndarray, complex, shape (n,)
        The Schur diagonal.
    lanczos_steps, unconverged_points, mirrored_rows : int
        Lanczos steps over all points, points that hit the step limit, and rows copied from
        their mirror image about the real axis.

Raises
------
ValueError
    Bad W, a grid with a 0, a reversed or non-finite box, or a tolerance out of range.

Examples
--------
>>> import numpy as np, netdyn
>>> ps = netdyn.pseudospectra(np.zeros((2, 2)), grid=(3, 2), box=(0.5, 1.5, 0.0, 1.0))
>>> ps["x"].tolist(), ps["y"].tolist()
([0.5, 1.0, 1.5], [0.0, 1.0])
>>> bool(np.allclose(ps["sigma_min"], np.hypot(ps["x"], ps["y"][:, None]), rtol=1e-9))   # |z|
True
)doc";

constexpr const char* kPseudospectralAbscissaDoc =
    R"doc(Pseudospectral abscissa ``alpha_eps(W) = max Re z`` over ``sigma_min(zI - W) <= eps``.

The criss-cross algorithm of Burke, Lewis & Overton, as ``netdyn pseudospectra --eps``. For
normal W it is the spectral abscissa + eps; ``alpha_eps(W) - 1 > 0`` means that some
perturbation of norm eps makes the network unstable.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
eps : float
    Perturbation size (> 0).

Returns
-------
dict
    abscissa : float
        ``alpha_eps(W)``.
    y : float
        Im z of a rightmost point.
    iterations : int
        Criss-cross iterations.

Raises
------
ValueError
    Bad W, or eps not finite and > 0 (the message names eps).

Examples
--------
>>> import numpy as np, netdyn
>>> round(netdyn.pseudospectral_abscissa(np.diag([0.5, -1.0]), 0.1)["abscissa"], 9)
0.6
)doc";

// --- simulation and Jacobians -------------------------------------------------------------------

constexpr const char* kSimulateDoc =
    R"doc(Integrate the rate network ``tau o dr/dt = -r + f(W r + X(t))`` (Boost.Odeint).

As ``netdyn simulate``. ``f(x) = phi(gain (x - threshold))`` element-wise; f = 'linear' gives the
linear network ``tau dr/dt = -r + W r + X(t)``; ``form='current'`` integrates
``tau o dI/dt = -I + W f(I + X(t))`` instead. The input ``X(t) = input + step or pulse``, and
``impulses`` make the state jump, as the CLI's repeatable ``--input``.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
r0 : array_like, shape (n,)
    Initial state r(0).
t_end : float
    End time (> 0, tau's unit).
tau : float or array_like of shape (n,), default 1.0
    Time constant (> 0), shared or one per unit (row i of the vector field divided by tau_i).
f : str, default 'linear'
    'linear', 'tanh', 'relu' (or 'threshold-linear': max(0, x)) or 'sigmoid' (1/(1 + e^-x)).
input : array_like, shape (n,), optional
    Constant input (default 0).
samples : int, default 101
    Output times, uniform on [0, t_end] (>= 2).
method : str, default 'dopri5'
    'dopri5', 'rk78', 'rosenbrock4' or 'krylov' (exponential integrator, f linear).
rtol, atol : float, default 1e-8, 1e-10
    Relative and absolute error tolerances of the adaptive steppers.
gain, threshold : float, default 1.0, 0.0
    The transfer function's g and theta.
form : str, default 'rate'
    'rate' or 'current' (the model above).
step : tuple (X, t0), optional
    Input X (shape (n,)) added from t0 on (``--input step:X@T0``).
pulse : tuple (X, t0, t1), optional
    Input X added on [t0, t1) (``--input pulse:X@T0:T1``); at most one of step and pulse.
impulses : sequence of (X, t), default ()
    State jumps r(t+) = r(t-) + X (``--input impulse:X@T0``).

Returns
-------
tuple
    ``(t, R)``: t of shape (samples,), R of shape (samples, n) with ``R[k] = r(t[k])``.

Raises
------
ValueError
    Bad W, r0, tau or input (the message names it), t_end not > 0, an unknown f, form or
    method, or both step and pulse.

Examples
--------
>>> import numpy as np, netdyn
>>> t, R = netdyn.simulate(np.zeros((1, 1)), [1.0], 1.0, samples=3)   # r = exp(-t)
>>> t.tolist(), round(float(R[-1, 0]), 6) == round(float(np.exp(-1.0)), 6)
([0.0, 0.5, 1.0], True)
>>> t, R = netdyn.simulate(np.diag([0.5, 0.0]), [0.0, 0.0], 60.0, input=[1.0, 1.0])
>>> np.round(R[-1], 6).tolist()   # the fixed point (I - W)^-1 input
[2.0, 1.0]
>>> t, R = netdyn.simulate(np.zeros((2, 2)), [0.0, 0.0], 1.0, tau=[1.0, 2.0], samples=2,
...                        step=([1.0, 1.0], 0.0))   # r_i = 1 - exp(-t / tau_i)
>>> bool(np.allclose(R[-1], 1.0 - np.exp(-1.0 / np.array([1.0, 2.0])), atol=1e-7))
True
)doc";

constexpr const char* kOdeCheckDoc =
    R"doc(Integrate the linear network and compare it with its exact solution, as ``netdyn simulate
--check``.

``tau dr/dt = -r + W r + input`` with a constant input, integrated by ``method`` and compared at
every output time with the exact solution (matrix exponential).

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
r0 : array_like, shape (n,)
    Initial state.
t_end : float
    End time (> 0, tau's unit).
tau : float or array_like of shape (n,), default 1.0
    Time constant (> 0), shared or one per unit.
input : array_like, shape (n,), optional
    Constant input (default 0).
samples : int, default 101
    Output times on [0, t_end] (>= 2).
method : str, default 'dopri5'
    'dopri5', 'rk78', 'rosenbrock4' or 'krylov'.
rtol, atol : float, default 1e-8, 1e-10
    Tolerances of the integrator.
step, pulse, impulses : optional
    Time-dependent input and state jumps, as in simulate(); the exact solution follows them.

Returns
-------
dict
    t : numpy.ndarray, shape (samples,)
        Output times.
    R, exact : numpy.ndarray, shape (samples, n)
        The integrated and the exact r at t[k] (rows).
    max_abs_error, max_rel_error : float
        ``max_k ||R[k] - exact[k]||`` and the same relative to ``||exact[k]||`` (norm-wise per
        time).
    worst_time : float
        Where the relative error is largest.
    steps, rejected_steps : int
        Accepted and rejected integrator steps.
    rhs_evaluations : int
        Evaluations of the vector field (krylov: products A x).

Raises
------
ValueError
    Bad W or r0 (the message names it), t_end not > 0, or an unknown method.

Examples
--------
>>> import numpy as np, netdyn
>>> c = netdyn.ode_check(np.array([[30/7, -33/7], [30/7, -33/7]]), [1.0, 0.0], 5.0)
>>> bool(c["max_rel_error"] < 1e-6), c["R"].shape
(True, (101, 2))
>>> t = c["t"]   # science.md 1.2: r_E = 11 e^-t - 10 e^(-10 t/7)
>>> bool(np.allclose(c["exact"][:, 0], 11 * np.exp(-t) - 10 * np.exp(-10 * t / 7), atol=1e-12))
True
)doc";

constexpr const char* kJacobianDoc =
    R"doc(Jacobian of the rate network at a state, ``J = (1/tau)(-I + diag(f'(W r + X)) W)``.

For ``tau dr/dt = -r + f(W r + X)`` (form 'rate'), ``f(x) = phi(gain (x - threshold))``; for form
'current', ``tau dI/dt = -I + W f(I + X)`` and ``J = (1/tau)(-I + W diag(f'(r + X)))``. As
``netdyn jacobian --model rate``.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
r : array_like, shape (n,)
    The state (rates, or currents for form 'current').
input : array_like, shape (n,), optional
    Constant input X (default 0).
f : str, default 'linear'
    'linear', 'tanh', 'relu' (or 'threshold-linear') or 'sigmoid'.
tau : float or array_like of shape (n,), default 1.0
    Time constant (> 0), shared or one per unit (row i divided by tau_i).
gain, threshold : float, default 1.0, 0.0
    g and theta of ``f(x) = phi(g (x - theta))``.
form : str, default 'rate'
    'rate' or 'current'.

Returns
-------
numpy.ndarray, shape (n, n)
    J (units 1/tau).

Raises
------
ValueError
    Bad W or r (the message names it), sizes that differ, or an unknown f or form.

Examples
--------
>>> import numpy as np, netdyn
>>> W = np.array([[30/7, -33/7], [30/7, -33/7]])
>>> bool(np.allclose(netdyn.jacobian(W, [0.3, 0.1], tau=2.0), (W - np.eye(2)) / 2, atol=1e-15))
True
>>> J = netdyn.jacobian(np.ones((1, 1)), [0.0], input=[np.arctanh(0.5)], f="tanh")
>>> round(float(J[0, 0]), 12)   # -1 + (1 - tanh^2) w = -1 + 0.75
-0.25
)doc";

constexpr const char* kJacobianCheckDoc =
    R"doc(The Jacobian of the rate network at r, checked two independent ways, as ``netdyn jacobian
--json``.

``J = diag(1/tau) (-I + diag(f'(W r + X)) W)`` (form 'rate'), compared entry-wise with central
differences of the vector field (Richardson-extrapolated) and, for n <= 200, with forward-mode
AutoDiff; with its eigenvalues and, for n = 2, the fixed-point type.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
r : array_like, shape (n,)
    The state at which to linearise.
input : array_like, shape (n,), optional
    Constant input X (default 0).
f, tau, gain, threshold, form
    As in jacobian().

Returns
-------
dict
    n : int
        Size.
    jacobian : numpy.ndarray, shape (n, n)
        The analytic Jacobian (equal to jacobian()).
    eigenvalues : numpy.ndarray, complex, shape (n,)
        Its eigenvalues, decreasing real part.
    spectral_abscissa : float
        Their largest real part.
    stable : bool
        ``spectral_abscissa < 0``.
    classification : str or None
        For n = 2: 'stable node', 'stable spiral', 'saddle', ... (classify_planar); None
        otherwise.
    finite_difference_error : float
        ``max |J - J_fd|``.
    autodiff_error : float or None
        ``max |J - J_autodiff|``; None for n > 200.

Raises
------
ValueError
    Bad W, r, input or tau (the message names it), an unknown f or form.

Examples
--------
>>> import numpy as np, netdyn
>>> c = netdyn.jacobian_check(np.array([[0.0, 1.0], [-1.0, 0.0]]), [0.0, 0.0])
>>> c["jacobian"].tolist(), c["classification"], c["autodiff_error"]
([[-1.0, 1.0], [-1.0, -1.0]], 'stable spiral', 0.0)
>>> bool(c["finite_difference_error"] < 1e-9)
True
)doc";

constexpr const char* kFitzHughNagumoJacobianDoc =
    R"doc(The FitzHugh-Nagumo Jacobian at a state (v, w), checked as jacobian_check(), as ``netdyn
jacobian --model fitzhugh-nagumo --at V,W --json``.

``dv/dt = v - v^3/3 - w + I``, ``tau dw/dt = v + a - b w``, so
``J = [[1 - v^2, -1], [1/tau, -b/tau]]``.

Parameters
----------
state : array_like, shape (2,)
    (v, w).
current, tau, a, b : float, default 0.3, 12.5, 0.7, 0.8
    I and the model's constants (as fitzhugh_nagumo()).

Returns
-------
dict
    The keys of jacobian_check(), n = 2.

Raises
------
ValueError
    A state that is not two finite numbers (the message names it), or tau not > 0.

Examples
--------
>>> import netdyn
>>> c = netdyn.fitzhugh_nagumo_jacobian([0.5, 0.2])
>>> c["jacobian"].tolist(), c["classification"]
([[0.75, -1.0], [0.08, -0.064]], 'unstable node')
)doc";

constexpr const char* kFixedPointDoc =
    R"doc(Fixed point of the rate network, its Jacobian and stability, as ``netdyn fixedpoint --model
rate``.

The fixed point r* of ``tau dr/dt = -r + f(W r + X)`` (form 'current':
``tau dI/dt = -I + W f(I + X)``) by damped Newton from r0, with ``f(x) = phi(gain (x -
threshold))``.

Parameters
----------
W : array_like, shape (n, n)
    Connectivity, real.
input : array_like, shape (n,), optional
    Constant input X (default 0).
r0 : array_like, shape (n,), optional
    Newton's start (default 0).
f : str, default 'linear'
    'linear', 'tanh', 'relu' (or 'threshold-linear') or 'sigmoid'.
tau : float or array_like of shape (n,), default 1.0
    Time constant (> 0), shared or one per unit (row i divided by tau_i).
gain, threshold : float, default 1.0, 0.0
    g and theta of f.
form : str, default 'rate'
    'rate' or 'current'.

Returns
-------
dict
    fixed_point : numpy.ndarray, shape (n,)
        r* (or I* for form 'current').
    jacobian : numpy.ndarray, shape (n, n)
        The Jacobian at r* (units 1/tau).
    jacobian_eigenvalues : numpy.ndarray, complex, shape (n,)
        Its eigenvalues, netdyn order.
    stable : bool
        Every eigenvalue of the Jacobian has negative real part.
    classification : str or None
        n = 2: the trace-determinant class ('stable node', 'stable spiral', 'saddle', ...);
        else None.
    residual : float
        ``||F(r*)||_inf``.
    iterations : int
        Newton iterations.
    threshold_linear_closed_form : numpy.ndarray, shape (n,)
        f 'relu' with form 'rate' only: ``(I - g W)^-1 g (X - theta)``, the fixed point if every
        unit is above threshold.
    closed_form_valid : bool
        f 'relu' with form 'rate' only: whether it is (every unit above threshold).

Raises
------
ValueError
    Bad W, sizes that differ, or an unknown f or form (the message names it).
RuntimeError
    Newton did not converge, or met a singular Jacobian (try another r0).

Examples
--------
>>> import numpy as np, netdyn
>>> fp = netdyn.fixed_point(np.diag([0.5, 0.0]), input=[1.0, 1.0])   # (I - W)^-1 X
>>> np.round(fp["fixed_point"], 12).tolist(), fp["classification"], fp["stable"]
([2.0, 1.0], 'stable node', True)
>>> fp = netdyn.fixed_point(np.diag([0.5, 0.0]), input=[1.0, 1.0], f="relu")
>>> bool(np.allclose(fp["fixed_point"], fp["threshold_linear_closed_form"])), fp["closed_form_valid"]
(True, True)
)doc";

constexpr const char* kFitzHughNagumoDoc =
    R"doc(Fixed point and stability of the FitzHugh-Nagumo model, as ``netdyn fixedpoint --model
fitzhugh-nagumo [--hopf]``.

``dv/dt = v - v^3/3 - w + I``, ``tau dw/dt = v + a - b w`` (science.md 6.4). The fixed point is
unique for b < 1; the Jacobian is ``[[1 - v^2, -1], [1/tau, -b/tau]]``.

Parameters
----------
current : float, default 0.3
    Input current I.
tau : float, default 12.5
    Time constant of w (> 0).
a, b : float, default 0.7, 0.8
    Model parameters.
hopf : bool, default False
    Also find the lower-branch Hopf current I_H (where the trace vanishes).

Returns
-------
dict
    fixed_point : numpy.ndarray, shape (2,)
        (v*, w*).
    jacobian : numpy.ndarray, shape (2, 2)
        J at the fixed point.
    jacobian_eigenvalues : numpy.ndarray, complex, shape (2,)
        Its eigenvalues, netdyn order.
    trace, determinant : float
        Of J.
    stable : bool
        Both eigenvalues in the left half-plane.
    classification : str
        The trace-determinant class.
    hopf_current : float or None
        I_H with ``hopf=True``, else None.

Raises
------
ValueError
    tau not > 0, b = 0 or a parameter not finite; with ``hopf=True`` also b >= 1 or b >= tau.
RuntimeError
    Newton's iteration for the fixed point failed.

Examples
--------
>>> import numpy as np, netdyn
>>> fn = netdyn.fitzhugh_nagumo(current=0.3, hopf=True)   # science.md 6.4
>>> np.round(fn["fixed_point"], 6).tolist(), fn["classification"]
([-0.993297, -0.366622], 'stable spiral')
>>> round(fn["hopf_current"], 6)
0.331281
)doc";

// --- generators ---------------------------------------------------------------------------------

constexpr const char* kHebbian2Doc =
    R"doc(The Hebbian pair ``W = (w/2) [[1, 1], [1, 1]]``, as ``netdyn generate hebbian2 --w W``.

Normal, with eigenvalues {w, 0}: Murphy & Miller 2009's counterpart of the balanced pair, which
amplifies by slowing (time constant ``tau/(1 - w)`` of the sum pattern; science.md 1.6).

Parameters
----------
w : float
    The weight (finite; the network is stable for w < 1).

Returns
-------
numpy.ndarray, shape (2, 2)

Raises
------
ValueError
    w not finite.

Examples
--------
>>> import numpy as np, netdyn
>>> W = netdyn.hebbian2(0.75)
>>> W.tolist(), (np.round(netdyn.spectrum(W).real, 12) + 0.0).tolist()
([[0.375, 0.375], [0.375, 0.375]], [0.75, 0.0])
)doc";

constexpr const char* kSparseEiDoc =
    R"doc(A sparse E-I connectivity with Dale's law by columns, as ``netdyn generate-sparse``.

The first ``round(f n)`` columns are excitatory with weight we, the rest inhibitory with weight
``-gamma we``; each row has k inputs (fixed in-degree) or each entry is present with
probability p; magnitudes are log-normal with coefficient of variation cv (0: constant).
Seeded and portable.

Parameters
----------
n : int
    Size (>= 1).
k : int, optional
    Fixed in-degree, 0 <= k <= n (100 when neither k nor p is given).
p : float, optional
    Connection probability in [0, 1] instead of k.
f : float, default 0.8
    Excitatory fraction of the columns.
we : float, default 0.08
    Excitatory weight (>= 0).
gamma : float, default 4.0
    Inhibition ratio: the inhibitory weight is ``-gamma we``.
cv : float, default 0.0
    Coefficient of variation of the log-normal magnitudes.
balance_rows : bool, default False
    Rescale the inhibition of each row so that it sums to zero (W 1 = 0); a row with inputs
    of one sign only keeps its sum.
self_connections : bool, default True
    Allow ``W_ii != 0``.
seed : int, default 1
    Random seed (unsigned 64-bit).

Returns
-------
scipy.sparse.csc_matrix, shape (n, n)

Raises
------
ValueError
    Both k and p given, or a value out of range (the message names it).

Examples
--------
>>> import numpy as np, netdyn
>>> W = netdyn.sparse_ei(10, k=4, seed=1)
>>> W.shape, W.nnz, np.diff(W.tocsr().indptr).tolist()   # 4 inputs per row
((10, 10), 40, [4, 4, 4, 4, 4, 4, 4, 4, 4, 4])
>>> bool(W[:, :8].min() >= 0 and W[:, 8:].max() <= 0)   # Dale's law by columns
True
>>> B = netdyn.sparse_ei(10, k=4, balance_rows=True, seed=1)
>>> mixed = (B.toarray() < 0).any(axis=1)   # the rows with inhibitory inputs sum to 0
>>> bool(np.allclose(B.sum(axis=1).A1[mixed], 0.0, rtol=0, atol=1e-15))
True
)doc";

constexpr const char* kSparseEiPredictionDoc =
    R"doc(Random-matrix predictions for ``sparse_ei``, as ``netdyn generate-sparse --json`` prints them.

From the per-element means and variances (Harris et al. 2023, science.md 5.2), with
``alpha = k/n`` or p: ``mu = alpha E[w]`` (signed) and ``sigma^2 = alpha E[w^2] - mu^2`` per
population; the outlier is ``n [f mu_E + (1 - f) mu_I]`` (the eigenvalue from the mean, along
the vector of ones) and the bulk radius ``sqrt(n [f sigma_E^2 + (1 - f) sigma_I^2])``.

Parameters
----------
n, k, p, f, we, gamma, cv, balance_rows, self_connections
    As ``sparse_ei`` (no seed: the predictions do not depend on it).

Returns
-------
dict
    predicted_bulk_radius : float
        Radius of the disk holding the bulk of the eigenvalues.
    predicted_outlier : float or None
        The outlier eigenvalue; None with ``balance_rows`` (balancing removes it).

Raises
------
ValueError
    As ``sparse_ei``.

Examples
--------
>>> import numpy as np, netdyn
>>> pred = netdyn.sparse_ei_prediction(1000, k=100)   # f = 0.8, gamma = 4: balanced means
>>> round(pred["predicted_outlier"], 12) + 0.0
0.0
>>> alpha, we = 0.1, 0.08   # sigma^2 = alpha w^2 - (alpha w)^2 per population
>>> bulk = np.sqrt(1000 * (0.8 * (alpha - alpha**2) * we**2 + 0.2 * (alpha - alpha**2) * (4 * we)**2))
>>> bool(np.isclose(pred["predicted_bulk_radius"], bulk, rtol=1e-12))
True
>>> netdyn.sparse_ei_prediction(1000, k=100, balance_rows=True)["predicted_outlier"] is None
True
)doc";

constexpr const char* kGaussianDoc =
    R"doc(Seeded Gaussian connectivity ``W = rho * randn(n, n) / sqrt(n)``, as ``netdyn generate
gaussian``.

Entries N(0, rho^2/n), drawn column by column by a portable generator: the same seed gives the
same matrix on every machine; the eigenvalues fill the disk of radius rho as n grows (circular
law, science.md 5.1).

Parameters
----------
n : int
    Size (>= 1).
rho : float, default 1.0
    Circular-law radius (>= 0).
seed : int, default 0
    Random seed (unsigned 64-bit).

Returns
-------
numpy.ndarray, shape (n, n)

Raises
------
ValueError
    n < 1 or too large, or rho negative or not finite (the message names it).

Examples
--------
>>> import numpy as np, netdyn
>>> bool(np.array_equal(netdyn.gaussian(50, rho=1.5, seed=7), netdyn.gaussian(50, rho=1.5, seed=7)))
True
>>> bool(np.array_equal(netdyn.gaussian(4, rho=2.0, seed=3), 2.0 * netdyn.gaussian(4, seed=3)))
True
)doc";

constexpr const char* kDaleDoc =
    R"doc(Seeded E-I connectivity obeying Dale's law by columns (Rajan & Abbott 2006), as ``netdyn
generate dale``.

The first ``round(f n)`` columns are excitatory, the rest inhibitory; each weight is present
with probability p, a connected weight drawn with its population's mean and standard deviation.

Parameters
----------
n : int
    Size (>= 1).
f : float, default 0.8
    Excitatory fraction of the columns, in [0, 1].
mean_e, sd_e : float, default 0.0, 0.0
    Mean (>= 0) and standard deviation of a connected excitatory weight.
mean_i, sd_i : float, default 0.0, 0.0
    Mean (<= 0) and standard deviation of a connected inhibitory weight.
p : float, default 1.0
    Connection probability in (0, 1].
zero_row_sums : bool, default False
    Make the random part of every row sum to zero (Rajan & Abbott's fix of the outliers).
distribution : str, default 'gaussian'
    'gaussian' (weights may cross zero when sd > 0) or 'lognormal' (sign kept entry by entry).
seed : int, default 0
    Random seed (unsigned 64-bit).

Returns
-------
numpy.ndarray, shape (n, n)

Raises
------
ValueError
    A value out of range or an unknown distribution (the message names it).

Examples
--------
>>> import numpy as np, netdyn
>>> W = netdyn.dale(10, f=0.8, mean_e=0.1, sd_e=0.02, mean_i=-0.4, sd_i=0.05,
...                 distribution="lognormal", seed=2)
>>> bool((W[:, :8] > 0).all() and (W[:, 8:] < 0).all())
True
>>> W = netdyn.dale(10, mean_e=0.1, mean_i=-0.4)   # sd 0: every weight is its mean
>>> np.round(W[0], 12).tolist()
[0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, -0.4, -0.4]
)doc";

}  // namespace netdyn_doc
