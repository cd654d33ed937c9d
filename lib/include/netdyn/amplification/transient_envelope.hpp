#pragma once
/// \file transient_envelope.hpp
/// Transient amplification of `tau dr/dt = -r + W r`, A = (W - I)/tau: the envelope
/// `||e^{tA}||_2` (worst-case growth of ||r(t)|| over initial conditions of unit norm), its
/// maximum over t >= 0 (the "transient gain", 1 at t = 0 for normal W) with a certified upper
/// bound (Trefethen & Embree, Spectra and Pseudospectra, chs. 14-18; science.md section 2). The
/// Kreiss constant, which the gain bounds, is kreiss_constant.hpp.
///
/// Method: one real Schur decomposition `A = U T U^T` (from W's SchurFactorization: T_A =
/// (T_W - I)/tau; the 2-norm is unitarily invariant, so the
/// envelope is `||e^{tT}||_2`); one exponential of a short step `e^{h T}` by Taylor scaling and
/// squaring; then `e^{(t+3h)T} = e^{3hT} e^{tT}` by quasi-triangular products (BLAS dtrmm), the
/// two points in between as `e^{rhT} e^{tT}` unformed; the norm at each time by Lanczos on
/// `E^T E` warm-started from the previous top singular vector. Never a fresh matrix exponential
/// per time point. With two or more OpenMP threads (n >= 100, points >= 16) one thread forms the
/// products while the others compute the norms; results then depend (within the Lanczos tolerance,
/// ~1e-9 relative) on the thread count, not on timing.

#include <Eigen/Core>

namespace netdyn {

class SchurFactorization;  // schur_factorization.hpp

/// Largest envelope grid the front ends accept (`netdyn amplify --points`, Python `amplify`):
/// each point is a stored norm and a few products, so 1e6 points is already minutes at n = 100.
inline constexpr Eigen::Index kMaxEnvelopePoints = 1000000;

struct TransientEnvelopeOptions {
  double tau = 1.0;  ///< time constant, finite and > 0; times are in its unit
  /// End of the reported uniform grid. 0 (default) = automatic: the first time of a doubling
  /// sequence `h 2^j` at which `||e^{tA}||_2 <= 0.1`. Since `||e^{tA}||_2 <= 1` there, the
  /// supremum over t >= 0 is attained before it (submultiplicativity), so the maximum is global.
  /// With an explicit t_max the maximum is over [0, t_max].
  double t_max = 0.0;
  Eigen::Index points = 101;  ///< grid points including t = 0 and t_max, >= 2
  /// Certify the maximum (branch and bound, docs/decisions/certified-transient-gain.md); false:
  /// the grid's largest value, with max_gain_upper_bound = +inf.
  bool refine_maximum = true;
  double time_tolerance = 1e-8;  ///< absolute accuracy of the maximum's time (in tau units), > 0
  /// Relative width of [max_gain, max_gain_upper_bound] the search refines to, in [1e-13, 1).
  double gain_tolerance = 1e-8;
};

struct TransientEnvelope {
  Eigen::VectorXd times;  ///< uniform grid on [0, t_max]
  Eigen::VectorXd norms;  ///< `||e^{tA}||_2` at `times`
  /// `max_t ||e^{tA}||_2`, as a value attained at max_time (>= 1; = 1 iff numerical abscissa
  /// <= 0): within gain_tolerance of the true supremum, which it never exceeds (up to rounding).
  double max_gain = 1.0;
  /// An upper bound on `||e^{tA}||_2` for every t >= 0 (every t in [0, t_max] with an explicit
  /// t_max): `max_gain <= sup <= max_gain_upper_bound`, and
  /// `max_gain_upper_bound - max_gain <= gain_tolerance * max_gain` when gain_tolerance_met.
  double max_gain_upper_bound = 1.0;
  bool gain_tolerance_met = true;
  /// argmax, in [0, t_max]; 0 when the numerical abscissa is <= 0 (then max_gain = 1 exactly).
  /// Otherwise the envelope rises from 1 at rate omega, and the maximum is at some t > 0: the
  /// grid's (or doubling sequence's) largest value is bracketed with its neighbours and refined.
  double max_time = 0.0;
  double numerical_abscissa = 0.0;          ///< `lambda_max((A + A^T)/2)`: initial growth rate
  Eigen::Index refinement_evaluations = 0;  ///< envelope norms the certified search computed
};

/// Envelope `||e^{tA}||_2` on a uniform time grid and its maximum.
/// \pre W stable (every Re lambda(W) < 1) for the automatic horizon; an explicit t_max accepts
///      any W.
/// \throws std::invalid_argument W empty, non-square, not finite; W unstable with t_max = 0
///         (the envelope grows without bound; the message names the eigenvalue); options out of
///         range
/// \throws NumericalError Schur failed; non-finite envelope (overflow for very large t_max)
/// Cost: one dgees, one symmetric eigenvalue, and about (points/3 + 20 + log2(t_max/h))
/// quasi-triangular products of ~n^3/3 flops, plus ~20 Lanczos steps per point.
[[nodiscard]] TransientEnvelope transient_envelope(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                                   const TransientEnvelopeOptions& options = {});
/// The same from W's factorisation: A = Q ((T - I)/tau) Q^T, so the envelope is that of the
/// shifted and scaled T (no decomposition; the numerical abscissa is one dsyevr).
[[nodiscard]] TransientEnvelope transient_envelope(const SchurFactorization& factorization,
                                                   const TransientEnvelopeOptions& options = {});

}  // namespace netdyn
