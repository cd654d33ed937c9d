"""Type stubs of netdyn._core, written by scripts/make_python_stubs.py (do not edit)."""
from typing import Any, Dict, List, Optional, Tuple, Union
import os

import numpy
import numpy.typing
import scipy.sparse

__version__: str

class Network:
    """A network (W, tau) decomposed once: one real Schur form W = Q T Q^T (LAPACK dgees) serves every method, so asking it for the report, the envelope, the covariance and the evoked energy costs one O(n^3) decomposition in all (plus each analysis's own triangular work).

Example
-------
>>> net = netdyn.Network(W, tau=10.0)
>>> net.eigenvalues, net.check()['transient_gain'], net.covariance()['total_variance']"""
    @property
    def W(self) -> Any:
        """the connectivity (a copy)"""
    def __init__(self: Network, W: numpy.typing.ArrayLike, tau: float = 1.0) -> None:
        ...
    def __repr__(self: Network) -> str:
        ...
    def amplified_modes(self: Network, count: int = 1) -> Dict[str, Any]:
        """as netdyn.amplified_modes(W, count)"""
    def amplify(self: Network, tmax: float = 0.0, points: int = 101) -> Dict[str, Any]:
        """as netdyn.amplify(W, tau, tmax, points)"""
    def check(self: Network) -> Dict[str, Any]:
        """the `netdyn check` report, as netdyn.check(W, tau)"""
    def covariance(self: Network, sigma: float = 1.0) -> Dict[str, Any]:
        """as netdyn.covariance(W, sigma) (unit-noise convention: independent of tau)"""
    def eigenvalue_conditions(self: Network) -> numpy.ndarray:
        """1/|y^* x| per eigenvalue, as netdyn.eigenvalue_conditions"""
    @property
    def eigenvalues(self) -> Any:
        """eigenvalues of W, netdyn order (decreasing real part, then imaginary part)"""
    def eigenvector_condition(self: Network) -> float:
        """kappa(V) = ||V|| ||V^-1|| (inf if numerically defective)"""
    def eigenvectors(self: Network) -> numpy.ndarray:
        """unit right eigenvectors of W (columns, in the order of eigenvalues): Q V_T"""
    def evoked_energy(self: Network, r0: numpy.typing.ArrayLike) -> float:
        """as netdyn.evoked_energy(W, r0)"""
    def henrici_departure(self: Network) -> float:
        """||N||_F, the strictly upper part of the complex Schur form"""
    def numerical_abscissa(self: Network) -> float:
        """lambda_max((A + A^T)/2), A = (W - I)/tau"""
    def steady_state_gain(self: Network) -> Dict[str, Any]:
        """as netdyn.steady_state_gain"""
    @property
    def tau(self) -> Any:
        """the time constant"""

def _argument_address(arg0: numpy.typing.ArrayLike) -> int:
    ...

def _lapack_calls() -> Dict[str, Any]:
    ...

def amplified_modes(W: numpy.typing.ArrayLike, count: int = 1) -> Dict[str, Any]:
    """The `count` unit initial conditions that evoke the most energy (the top eigenvectors of the energy matrix Q of evoked_energy): a dict energies (descending), patterns (n x count, orthonormal columns), energy_matrix Q, mean_energy tr Q / n (a random unit initial condition's), lyapunov_residual."""

def amplify(W: numpy.typing.ArrayLike, tau: float = 1.0, tmax: float = 0.0, points: int = 101) -> Dict[str, Any]:
    """Transient envelope ||exp(tA)||_2 on a uniform grid to tmax (0: chosen from the spectrum), its maximum and time, the distance to instability min_omega sigma_min(A - i omega I) with its frequency, and the Kreiss interval kreiss_lower_bound <= K(A) <= kreiss_constant_upper_bound with the point z = (re, im) of the lower bound (None if unstable)."""

def check(W: numpy.typing.ArrayLike, tau: float = 1.0) -> Dict[str, Any]:
    """The `netdyn check` report as a dict with the keys of `netdyn check --json` (None for quantities that do not exist, float('inf') for infinite ones)."""

def controllability_gramian(A: numpy.typing.ArrayLike, B: numpy.typing.ArrayLike) -> Tuple[Any, ...]:
    """Controllability Gramian P of x' = A x + B u: A P + P A^T + B B^T = 0 (A Hurwitz, B n x m); returns (P, relative residual), as scipy.linalg.solve_continuous_lyapunov(A, -B @ B.T)."""

def covariance(W: numpy.typing.ArrayLike, sigma: float = 1.0) -> Dict[str, Any]:
    """Stationary covariance S of tau dx = (W - I) x dt + sigma sqrt(2 tau) dB."""

def dale(n: int, f: float = 0.8, mean_e: float = 0.0, sd_e: float = 0.0, mean_i: float = 0.0, sd_i: float = 0.0, p: float = 1.0, zero_row_sums: bool = False, distribution: str = 'gaussian', seed: int = 0) -> numpy.ndarray:
    """Seeded E-I matrix obeying Dale's law (first round(f n) columns excitatory)."""

def ei2(w: Optional[float] = None, k: Optional[float] = None, we: Optional[float] = None, wi: Optional[float] = None, tau: float = 1.0, r0: numpy.typing.ArrayLike = array([1., 0.])) -> Dict[str, Any]:
    """Closed forms for W = [[wE, -wI], [wE, -wI]] (Murphy & Miller 2009), from r(0) = r0."""

def ei_response(we: float, wi: float, tau: float, r0: numpy.typing.ArrayLike, t: numpy.typing.ArrayLike) -> numpy.ndarray:
    """Closed-form (r_E, r_I) at times t (rows)."""

def eigenvalue_conditions(W: numpy.typing.ArrayLike) -> numpy.ndarray:
    """Condition number 1/|y^* x| of each eigenvalue of W (unit right and left eigenvectors x, y; LAPACK dtrsna on the real Schur form), in the order of spectrum(W): 1 for a normal W, inf for a numerically defective eigenvalue."""

def eigenvector_condition(V: numpy.typing.ArrayLike) -> float:
    """cond_2 of a unit-column eigenvector matrix (inf if numerically singular)."""

def evoked_energy(W: numpy.typing.ArrayLike, r0: numpy.typing.ArrayLike) -> float:
    """Energy evoked by the initial condition r0 in tau dr/dt = -r + W r: E = r0^T Q r0 = (2/tau) int_0^inf ||r(t)||^2 dt (1 for unit r0 when W = 0; Hennequin, Vogels & Gerstner 2014), Q from (W - I)^T Q + Q (W - I) + 2 I = 0. W stable."""

def fitzhugh_nagumo(current: float = 0.3, tau: float = 12.5, a: float = 0.7, b: float = 0.8, hopf: bool = False) -> Dict[str, Any]:
    """As `netdyn fixedpoint --model fitzhugh-nagumo`: dv/dt = v - v^3/3 - w + I, tau dw/dt = v + a - b w. The fixed point (v*, w*), Jacobian, its eigenvalues, trace, determinant, stable, classification, and with hopf=True the lower-branch Hopf current I_H (else None)."""

def fixed_point(W: numpy.typing.ArrayLike, input: Optional[numpy.typing.ArrayLike] = None, r0: Optional[numpy.typing.ArrayLike] = None, f: str = 'linear', tau: float = 1.0, gain: float = 1.0, threshold: float = 0.0, form: str = 'rate') -> Dict[str, Any]:
    """As `netdyn fixedpoint --model rate`: the fixed point r* of tau dr/dt = -r + f(W r + X) (form='current': tau dI/dt = -I + W f(I + X)) by damped Newton from r0 (default 0), with its Jacobian, the Jacobian's eigenvalues (netdyn order), stable (every Re < 0), the planar classification for n = 2, the residual ||F(r*)||_inf and the iterations; for f='threshold-linear' also the closed form [I - g W]^{-1} g (X - theta) and whether it holds (every unit above threshold).

Example: netdyn.fixed_point(W, input=np.ones(2), f='tanh')['fixed_point']"""

def gaussian(n: int, rho: float = 1.0, seed: int = 0) -> numpy.ndarray:
    """Seeded rho * randn(n, n)/sqrt(n) (portable: same seed, same matrix everywhere)."""

def hebbian2(w: float) -> numpy.ndarray:
    """As `netdyn generate hebbian2 --w W`: (w/2) [[1, 1], [1, 1]], the normal two-population network with eigenvalues {w, 0} (Murphy & Miller 2009's Hebbian counterpart: amplification by slowing)."""

def henrici_departure(W: numpy.typing.ArrayLike) -> float:
    """Henrici departure from normality ||N||_F (Schur feedforward norm)."""

def jacobian(W: numpy.typing.ArrayLike, r: numpy.typing.ArrayLike, input: Optional[numpy.typing.ArrayLike] = None, f: str = 'linear', tau: float = 1.0, gain: float = 1.0, threshold: float = 0.0, form: str = 'rate') -> numpy.ndarray:
    """Jacobian (1/tau)(-I + diag(f'(W r + X)) W) of the rate network at r (form='current' for tau dI/dt = -I + W f(I + X))."""

def lyapunov(A: numpy.typing.ArrayLike, Q: numpy.typing.ArrayLike) -> Tuple[Any, ...]:
    """Solve A X + X A^T + Q = 0 (A Hurwitz) by Bartels-Stewart (dtrsyl3); returns (X, relative residual)."""

def numerical_abscissa(W: numpy.typing.ArrayLike, tau: float = 1.0) -> float:
    """lambda_max((A + A^T)/2), A = (W - I)/tau."""

def observability_gramian(A: numpy.typing.ArrayLike, C: numpy.typing.ArrayLike) -> Tuple[Any, ...]:
    """Observability Gramian Q of x' = A x, y = C x: A^T Q + Q A + C^T C = 0 (A Hurwitz, C p x n); returns (Q, relative residual)."""

def ode_check(W: numpy.typing.ArrayLike, r0: numpy.typing.ArrayLike, t_end: float, tau: float = 1.0, input: Optional[numpy.typing.ArrayLike] = None, samples: int = 101, method: str = 'dopri5', rtol: float = 1e-08, atol: float = 1e-10) -> Dict[str, Any]:
    """As `netdyn simulate --check`: integrate the linear network tau dr/dt = -r + W r + input (method dopri5, rk78, rosenbrock4 or krylov) and compare it with the exact solution (matrix exponential). Returns a dict t, R, exact (R[k] and exact[k] at t[k]), max_abs_error, max_rel_error (norm-wise per time), worst_time, steps."""

def pseudospectra(W: numpy.typing.ArrayLike, grid: List[int] = ..., box: Optional[List[float]] = None, tolerance: float = 1e-05) -> Dict[str, Any]:
    """As `netdyn pseudospectra`: sigma_min(zI - W) on a grid of z = x + iy (EigTool's inverse Lanczos on the Schur form).

grid=(nx, ny); box=(x0, x1, y0, y1) or None for a box around the eigenvalues; tolerance: Lanczos residual per point (sigma_min to about half of it relative, usually its square).
Returns a dict: x (nx,), y (ny,), sigma_min (ny, nx) with sigma_min[i, j] at x[j] + i y[i], eigenvalues, lanczos_steps, unconverged_points, mirrored_rows. The eps-pseudospectrum is {z : sigma_min < eps}.

Example: ps = netdyn.pseudospectra(W, grid=(80, 60)); plt.contour(ps['x'], ps['y'], np.log10(ps['sigma_min']))"""

def pseudospectral_abscissa(W: numpy.typing.ArrayLike, eps: float) -> Dict[str, Any]:
    """alpha_eps(W) = max Re z over sigma_min(zI - W) <= eps (criss-cross, Burke-Lewis-Overton), as `netdyn pseudospectra --eps`. Returns a dict: abscissa, y (Im z of a rightmost point), iterations. For normal W it is the spectral abscissa + eps."""

def read_matrix(path: os.PathLike) -> numpy.ndarray:
    """Read a dense matrix from .npy, .csv/.txt/.dat or .mtx (path: str or os.PathLike; ValueError names file and position)."""

def read_sparse_matrix(path: os.PathLike) -> scipy.sparse.spmatrix:
    """Read a Matrix Market .mtx as a scipy.sparse.csc_matrix, never densified (the input of sparse_spectrum; ValueError names file and line)."""

def schur(W: numpy.typing.ArrayLike, real: bool = False, order: str = 'decreasing-real') -> Dict[str, Any]:
    """Schur form W = U T U* ordered by decreasing real part, as netdyn schur (complex by default; real=True gives the quasi-triangular real form). Keys U, T, eigenvalues, feedforward_norm (the Henrici departure in both forms), feedforward_relative, backward_error, orthogonality_error, and with real=True real_feedforward_norm."""

def sde(W: numpy.typing.ArrayLike, tau: float = 1.0, sigma: float = 1.0, duration: float = 1000.0, dt: float = 0.01, method: str = 'exact', seed: int = 1, burn_in: Optional[float] = None, batches: int = 20, input: Optional[numpy.typing.ArrayLike] = None, x0: Optional[numpy.typing.ArrayLike] = None) -> Dict[str, Any]:
    """Simulate tau dx = (-x + W x + h) dt + sigma sqrt(2 tau) dB (the unit-noise convention of covariance()) and return the empirical mean and covariance over `duration` after `burn_in` (None: 10 slowest timescales), with a batch-means standard error of the total variance (as `netdyn covariance --simulate`). method='exact' steps the Ornstein-Uhlenbeck process exactly; 'euler-maruyama' is first order in dt. Seeded: the same seed gives the same run.

Example: s = netdyn.sde(W, duration=2000); abs(s['total_variance'] - netdyn.covariance(W)['total_variance']) < 4 * s['total_variance_standard_error']"""

def simulate(W: numpy.typing.ArrayLike, r0: numpy.typing.ArrayLike, t_end: float, tau: float = 1.0, f: str = 'linear', input: Optional[numpy.typing.ArrayLike] = None, samples: int = 101, method: str = 'dopri5', rtol: float = 1e-08, atol: float = 1e-10) -> Tuple[Any, ...]:
    """Integrate tau dr/dt = -r + f(W r + input) (Boost.Odeint); returns (t, R) with R[k] = r(t[k])."""

def sparse_ei(n: int, k: Optional[int] = None, p: Optional[float] = None, f: float = 0.8, we: float = 0.08, gamma: float = 4.0, cv: float = 0.0, balance_rows: bool = False, self_connections: bool = True, seed: int = 1) -> scipy.sparse.spmatrix:
    """As `netdyn generate-sparse`: a sparse E-I W (scipy.sparse.csc_matrix) with Dale's law by columns (the first round(f n) excitatory, weight we; the rest -gamma we), fixed in-degree k (default 100) or connection probability p, log-normal magnitudes with coefficient of variation cv, optionally balanced rows (W 1 = 0); seeded and portable."""

def sparse_spectrum(W: scipy.sparse.spmatrix, count: int = 6, target: str = 'largest-real', shift: float = 0.0, subspace: int = 0, tolerance: float = 1e-10, verify: bool = True) -> Dict[str, Any]:
    """As `netdyn spectrum W.mtx --count K`: `count` eigenvalues of a scipy.sparse W (never densified: its nonzeros are copied once into compressed columns) by implicitly restarted Arnoldi (Spectra), target 'largest-real' (LR), 'largest-magnitude' (LM) or 'nearest-shift' (shift-invert about `shift`); with verify, a second run with a larger subspace must agree. Returns a dict: eigenvalues (netdyn order), circular_law_radius, method, subspace_size, iterations, operations, runs, residual, eigenvalue_condition, verification_difference (None without verify), warnings.

Example: netdyn.sparse_spectrum(netdyn.sparse_ei(5000), count=10)['eigenvalues']"""

def spectrum(W: numpy.typing.ArrayLike, vectors: bool = False) -> Any:
    """Eigenvalues of W (its real Schur form, LAPACK dgees), decreasing real part then imaginary part; with vectors=True a tuple (eigenvalues, unit-column eigenvectors)."""

def steady_state_gain(W: numpy.typing.ArrayLike) -> Dict[str, Any]:
    """||(I - W)^-1||_2 and the most-amplified input pattern."""

def write_matrix(path: os.PathLike, matrix: numpy.typing.ArrayLike) -> None:
    """Write .npy or .csv atomically (temporary + rename)."""

def write_sparse_matrix(path: os.PathLike, matrix: scipy.sparse.spmatrix) -> None:
    """Write a scipy.sparse matrix as Matrix Market .mtx, atomically (as netdyn generate-sparse)."""
