#pragma once
/// \file report.hpp
/// The one-command report of `netdyn check`: stability, nonnormality and amplification of
/// `tau dr/dt = -r + W r + h` in one struct (keys and meanings: docs/tools.md, cli.md).
/// Quantities that do not exist for this W (the steady state of an unstable network) are empty
/// optionals, printed as JSON null.
///
/// Numerical guards (issue 9; the shared code is guards.hpp): every figure is checked finite
/// before it is returned, and the report carries warnings when a figure is computed correctly for a
/// matrix within rounding of W (backward stable) but is not accurate for W itself:
/// - `ill_conditioned_eigenvectors`: kappa(V) > kEigenvectorConditionLimit (or +inf, numerically
///   defective). The eigensolver returns the exact eigenvalues of some W + E with
///   `||E||_2 ~ eps ||W||_2`, and near a Jordan block of size m that moves eigenvalues by about
///   `(||E|| ||W||^(m-1))^(1/m)`, up to `eps^(1/n) ||W||_2` (0.49 ||W||_2 for n = 50), instead of
///   the first-order `kappa(V) ||E||`. The eigenvalue-based figures inherit that error; the
///   figures from orthogonal transformations and singular values do not depend on kappa(V).
/// - `near_critical`: W is within a relative perturbation of sqrt(eps) of the stability boundary,
///   so the figures that scale like 1/(1 - spectral_abscissa) are huge and lose at least half
///   their digits to rounding; figures that cannot be computed at all are null, with the reason.
/// - `lyapunov_residual`: the covariance solve's relative residual exceeds
///   kLyapunovResidualLimit.

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "netdyn/amplification/stability_radius.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/report/guards.hpp"  // ReportWarning, the thresholds and the shared guard messages

namespace netdyn {

struct ReportOptions {
  double tau = 1.0;  ///< time constant (same unit as reported times), > 0
  /// distance_to_instability is computed for n <= this (a dense eigenvalue problem of order 2n
  /// per iteration), null above it.
  Eigen::Index distance_to_instability_max_n = kStabilityRadiusReportLimit;
};

struct NetworkReport {
  Eigen::Index n = 0;
  double tau = 1.0;
  Eigen::VectorXcd eigenvalues;               ///< of W, netdyn order
  double spectral_abscissa = 0.0;             ///< max Re lambda(W)
  double spectral_radius = 0.0;               ///< max |lambda(W)|
  bool stable = false;                        ///< spectral_abscissa < 1
  double growth_rate = 0.0;                   ///< (spectral_abscissa - 1)/tau
  std::optional<double> slowest_timescale;    ///< tau/(1 - spectral_abscissa); stable only
  double henrici_departure = 0.0;             ///< ||N||_F of the Schur form
  double henrici_relative = 0.0;              ///< henrici_departure/||W||_F (0 for W = 0)
  double eigenvector_condition = 0.0;         ///< kappa(V), +inf if numerically defective
  double numerical_abscissa = 0.0;            ///< lambda_max((A + A^T)/2), A = (W - I)/tau
  std::optional<double> steady_state_gain;    ///< ||(I - W)^{-1}||_2; stable only
  std::optional<double> transient_gain;       ///< max_t ||exp(tA)||_2; stable only
  std::optional<double> transient_gain_time;  ///< argmax of the above
  /// Certified upper bound on max_t ||exp(tA)||_2 (issue 17): transient_gain <= sup <= this;
  /// within 1e-8 relative of transient_gain unless the search ran out of budget (then the
  /// warning "transient_gain_interval" says how wide). Absent (null) when no finite bound was
  /// reached; stable only.
  std::optional<double> transient_gain_upper_bound;
  std::optional<double> total_variance;           ///< tr S, unit noise, sigma = 1; stable only
  std::optional<double> normal_total_variance;    ///< sum 1/(1 - Re lambda_i); stable only
  std::optional<double> nonnormal_amplification;  ///< total/normal total variance; stable only
  std::optional<double> lyapunov_residual;        ///< relative residual of the S solve; stable only
  /// beta(A) = min_omega sigma_min(A - i omega I): the smallest ||E||_2 that puts an eigenvalue
  /// of A + E on the imaginary axis; stable only, and null for n > distance_to_instability_max_n.
  std::optional<double> distance_to_instability;
  std::optional<double> distance_to_instability_frequency;  ///< its minimiser omega* >= 0, 1/tau
  /// Estimated absolute error of the computed eigenvalues, `min(kappa(V) eps ||W||_2,
  /// eps^(1/n) ||W||_2)`: the first-order (Bauer-Fike) error of a backward-stable eigensolver,
  /// with LAPACK's convention of a backward error of eps ||W|| (LAPACK Users' Guide 4.8.1), or
  /// the n-th-root error of a Jordan block of size n when that is smaller (W defective or nearly
  /// so). An order-of-magnitude estimate, not a rigorous bound.
  double eigenvalue_error_estimate = 0.0;
  std::vector<ReportWarning> warnings;  ///< empty when no guard fired
  /// For n = 2: trace, determinant and fixed-point type of the Jacobian A = (W - I)/tau.
  std::optional<double> jacobian_trace;
  std::optional<double> jacobian_determinant;
  std::optional<FixedPointType> fixed_point_type;
};

/// Compute every field of NetworkReport for a dense W, with the warnings above.
/// \throws std::invalid_argument W empty, non-square or not finite; tau not finite and > 0
/// \throws NumericalError a LAPACK routine failed; a figure came out NaN or infinite (other than
///         eigenvector_condition, +inf for a numerically defective W)
/// Cost: one SchurFactorization of W without Schur vectors (dgees), then on its T: dtrevc3 for
/// kappa(V_T), Lanczos for ||W||_2 and the steady-state gain, the transient envelope's
/// quasi-triangular products, one triangular Sylvester solve (dtrsyl3) for the variance,
/// dsyevr on the symmetric part for the numerical abscissa, and the distance to instability's
/// Hessenberg QR of order 2n per iteration (n <= distance_to_instability_max_n; the largest cost
/// at n ~ 1000).
[[nodiscard]] NetworkReport analyse_network(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                            const ReportOptions& options = {});
/// The same from W's factorisation (with or without Schur vectors): no decomposition of W.
/// \throws std::invalid_argument tau not finite and > 0
[[nodiscard]] NetworkReport analyse_network(const SchurFactorization& factorization,
                                            const ReportOptions& options = {});

}  // namespace netdyn
