#pragma once
/// \file kreiss_constant.hpp
/// The Kreiss constant of `tau dr/dt = -r + W r`, A = (W - I)/tau Hurwitz, as an interval
///
///     K(A) = sup_{Re z > 0} Re z ||(zI - A)^{-1}||_2 = sup_{x > 0} x / beta(A - x I),
///
/// (beta the distance to instability, stability_radius.hpp), bracketed by the Kreiss matrix
/// theorem (Trefethen & Embree, Spectra and Pseudospectra, ch. 18; science.md 2.2)
///
///     K(A) <= sup_t ||e^{tA}||_2 <= e n K(A).
///
/// - Lower bound: the largest value `Re z / sigma_min(zI - A)` the search evaluated (every one
///   is a lower bound: inverse Lanczos returns a Ritz value of `(zI - A)^{-1} (zI - A)^{-*}`,
///   which never exceeds its top eigenvalue, so sigma_min is overestimated and the ratio
///   underestimated, up to the rounding of the triangular solves), or 1 (the limit as
///   Re z -> inf: K >= 1 for every Hurwitz A), or `transient_gain / (e n)` (the right-hand
///   inequality), whichever is largest.
/// - Upper bound: the certified transient-gain upper bound (transient_envelope.hpp,
///   `max_gain_upper_bound`), by the left-hand inequality.
///
/// Method (docs/decisions/kreiss-constant.md): on W's complex Schur factor C (A is unitarily
/// similar to (C - I)/tau), sigma_min by inverse Lanczos, two triangular solves per step,
/// O(n^2) per evaluation and no factorisation. The positive real axis by a log-scan and golden
/// section (the former real-axis bound); seeds at the imaginary parts of the eigenvalues nearest
/// the axis and of the most ill-conditioned ones; from the best of them a local 2-D
/// maximisation (a trust-region Newton iteration on the analytic gradient of sigma_min from its
/// singular vectors, with finite-difference curvature). For n <= `certify_max_n` the maximum
/// over Im z at the final Re z is certified by the Boyd-Balakrishnan iteration on beta(A - xI)
/// (one Hamiltonian eigenvalue problem of order 2n); nothing certifies the maximum over Re z,
/// so lower_bound may be below K (a local maximum).

#include <Eigen/Core>
#include <complex>
#include <string>

namespace netdyn {

class SchurFactorization;  // schur_factorization.hpp
struct TransientEnvelope;  // transient_envelope.hpp

/// Default `KreissOptions::certify_max_n`: each certificate is a dense Hamiltonian eigenvalue
/// problem of order 2n (dgehrd + dhseqr: about 4 dgees of W at n = 500-1000, 30 ms with its
/// evaluations at n = 100), so it is kept to small networks.
inline constexpr Eigen::Index kKreissCertifyLimit = 100;

struct KreissOptions {
  double tau = 1.0;  ///< time constant, finite and > 0 (K is independent of it; the point is not)
  /// Relative accuracy the local maximisation aims for, in [1e-14, 1e-2]: it stops when a step
  /// would gain less than this (the lower bound is then within about this of the local maximum).
  double tolerance = 1e-12;
  /// Certify the maximum over Im z at the final Re z by the Hamiltonian of A - xI for
  /// n <= certify_max_n (0: never).
  Eigen::Index certify_max_n = kKreissCertifyLimit;
};

/// Where `KreissConstant::lower_bound` came from.
enum class KreissLowerBoundSource {
  kResolvent,      ///< `Re z / sigma_min(zI - A)` evaluated at `point`
  kLimit,          ///< 1, the limit as Re z -> inf (the resolvent values found were below it)
  kTransientGain,  ///< `transient_gain / (e n)` (Kreiss matrix theorem, right-hand side)
};
[[nodiscard]] std::string to_string(KreissLowerBoundSource source);

struct KreissConstant {
  /// `max(resolvent_value, 1, gain_lower_bound)`: K(A) >= lower_bound (up to rounding).
  double lower_bound = 1.0;
  KreissLowerBoundSource lower_bound_source = KreissLowerBoundSource::kLimit;
  /// `sup_t ||e^{tA}||_2 <= upper_bound` certified by transient_envelope (K(A) <= it); +inf if
  /// that search gave no certificate. `lower_bound = upper_bound = 1` when the envelope certifies
  /// 1 (numerical abscissa <= 0): then K = 1 and no resolvent is evaluated.
  double upper_bound = 1.0;
  /// The largest evaluated `Re z / sigma_min(zI - A)` (0 when none was evaluated).
  double resolvent_value = 0.0;
  /// Where it was attained: Re z > 0, Im z >= 0 (sigma_min(zI - A) is symmetric about the real
  /// axis since A is real); units 1/tau. (+inf, 0) when no resolvent was evaluated.
  std::complex<double> point{0.0, 0.0};
  /// The positive real axis alone: the best `x / sigma_min(xI - A)` evaluated there and its x
  /// (the former `kreiss_lower_bound`; resolvent_value >= real_axis_value). To ~1e-12 of the
  /// real-axis maximum when the search polishes it there; when the axis is a saddle the search
  /// leaves it after the golden section, and this is then that coarser value (~1e-7 below).
  double real_axis_value = 0.0;
  double real_axis_point = 0.0;
  /// `transient_gain / (e n)`, the attained transient gain over e n (a lower bound on K).
  double gain_lower_bound = 0.0;
  /// true when the Hamiltonian certificate ran at x = Re point (n <= certify_max_n): then
  /// `sup_y (x / sigma_min((x + iy) I - A)) <= line_upper_bound`.
  bool line_certified = false;
  double line_upper_bound = 0.0;  ///< +inf unless line_certified
  Eigen::Index evaluations = 0;   ///< sigma_min evaluations (inverse Lanczos), certificate's too
  Eigen::Index hamiltonian_iterations = 0;  ///< Hamiltonian eigenvalue problems (order 2n)
};

/// The Kreiss interval of A = (W - I)/tau from W's factorisation and its transient envelope.
/// \pre `envelope` is `transient_envelope` of the same W. Its upper bound is used only if it
///      holds for every t >= 0: with the automatic horizon, or an explicit t_max at which the
///      envelope has fallen to 0.999 or below (then every later t is covered by
///      submultiplicativity); otherwise upper_bound = +inf. Its tau does not matter (the
///      transient gain is independent of tau).
/// \throws std::invalid_argument W unstable (the message names the eigenvalue); options out of
///         range
/// \throws NumericalError a non-finite value; a resolvent value above the envelope's certified
///         upper bound (the envelope is not W's, or a failure of the certificate)
/// Cost: O(n^2) per evaluation, 40-130 evaluations (measured 0.33-0.38 of one dgees of W at
/// n = 500); plus, for n <= certify_max_n, usually one Hamiltonian eigenvalue problem of order
/// 2n (30 ms at n = 100, 7-10 dgees there).
[[nodiscard]] KreissConstant kreiss_constant(const SchurFactorization& factorization,
                                             const TransientEnvelope& envelope,
                                             const KreissOptions& options = {});
/// The same, computing the envelope (transient_envelope with the automatic horizon and two grid
/// points: its certified search costs several dgees of W at n = 500).
[[nodiscard]] KreissConstant kreiss_constant(const SchurFactorization& factorization,
                                             const KreissOptions& options = {});
/// The same for a dense W: one SchurFactorization without Schur vectors, then the above.
/// \throws std::invalid_argument also W empty, non-square or not finite
[[nodiscard]] KreissConstant kreiss_constant(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                             const KreissOptions& options = {});

}  // namespace netdyn
