#pragma once
/// \file guards.hpp
/// Numerical guards shared by every figure a subcommand prints (issues 9 and 22;
/// docs/decisions/numerical-guards.md). Each guard is a warning with a code and a one-line
/// message; `analyse_network` (netdyn check), `netdyn spectrum`, `netdyn schur` and
/// `netdyn covariance` build theirs from the functions here, each naming its own figures, so the
/// thresholds and the arithmetic behind a warning exist once.
///
/// - `ill_conditioned_eigenvectors`: kappa(V) > kEigenvectorConditionLimit (or +inf, numerically
///   defective). A backward-stable eigensolver returns the exact eigenvalues of some W + E with
///   `||E||_2 ~ eps ||W||_2`; near a Jordan block of size m that moves eigenvalues by about
///   `(||E|| ||W||^(m-1))^(1/m)`, up to `eps^(1/n) ||W||_2`, instead of the first-order
///   `kappa(V) ||E||`. Figures built from the eigenvalues inherit that error; figures from
///   orthogonal transformations and singular values do not.
/// - `near_critical`: W is within a relative perturbation of sqrt(eps) of the stability boundary.
/// - `lyapunov_residual`: the covariance solve's relative residual exceeds kLyapunovResidualLimit.

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/factorization/spectrum.hpp"

namespace netdyn {

/// Eigenvector condition number above which the eigenvalue-based figures are flagged: the
/// first-order eigenvalue error `kappa(V) eps ||W||_2` then exceeds 2e-4 ||W||_2, so eigenvalues
/// keep fewer than four digits relative to ||W||.
inline constexpr double kEigenvectorConditionLimit = 1e12;
/// Relative Lyapunov residual (LyapunovResult::residual) above which the covariance is flagged;
/// a backward-stable solve gives about n eps.
inline constexpr double kLyapunovResidualLimit = 1e-8;

/// A numerical caveat attached to a result.
struct ReportWarning {
  /// "ill_conditioned_eigenvectors", "near_critical" or "lyapunov_residual"
  std::string code;
  /// One line: the numbers behind the flag and which figures are (un)reliable.
  std::string message;
};

/// How accurate the computed eigenvalues of a dense W are (LAPACK Users' Guide 4.8.1 with
/// p(n) = 1, and the Jordan-block n-th-root error; see numerical-guards.md).
struct EigenvalueAccuracy {
  Eigen::Index n = 0;
  double eigenvector_condition =
      1.0;                         ///< kappa(V) of the unit-column eigenvectors, +inf if singular
  double norm2 = 0.0;              ///< ||W||_2
  double first_order_error = 0.0;  ///< kappa(V) eps ||W||_2 (Bauer-Fike)
  double jordan_error = 0.0;       ///< eps^(1/n) ||W||_2 (a Jordan block of size n)
  /// `min(first_order_error, jordan_error)`: an order-of-magnitude estimate, not a bound.
  [[nodiscard]] double estimate() const;
  /// kappa(V) above kEigenvectorConditionLimit (or NaN/inf).
  [[nodiscard]] bool ill_conditioned() const;
};

/// The accuracy from known kappa(V) and ||W||_2 (both >= 0; norm2 = 0 means W = 0: exact).
[[nodiscard]] EigenvalueAccuracy eigenvalue_accuracy(double eigenvector_condition,
                                                     double norm2,
                                                     Eigen::Index n);
/// The accuracy of the eigenvalues of dense W: one SchurFactorization without vectors, then
/// eigenvalue_accuracy(factorization).
/// \throws std::invalid_argument W empty, non-square or not finite
[[nodiscard]] EigenvalueAccuracy eigenvalue_accuracy(const Eigen::Ref<const Eigen::MatrixXd>& w);
/// The accuracy from W's factorisation: kappa(V_T) and ||T||_2, no further decomposition.
[[nodiscard]] EigenvalueAccuracy eigenvalue_accuracy(const SchurFactorization& factorization);
/// The same from a spectrum of W already computed with eigenvectors (only ||W||_2 is computed).
/// \throws std::invalid_argument the spectrum has no eigenvectors, or they do not match W's size
[[nodiscard]] EigenvalueAccuracy eigenvalue_accuracy(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                                     const Spectrum& spectrum);

/// One sentence on whether the stability verdict `spectral_abscissa < 1` survives the eigenvalue
/// error: "holds" when spectral_abscissa is farther than the estimate from 1, else "unreliable".
[[nodiscard]] std::string stability_verdict_note(const EigenvalueAccuracy& accuracy,
                                                 double spectral_abscissa);

/// The `ill_conditioned_eigenvectors` warning when `accuracy.ill_conditioned()`, else empty.
/// `unreliable` and `reliable` list the caller's figures (comma-separated names as printed in its
/// JSON); `tail` is appended (e.g. stability_verdict_note()).
[[nodiscard]] std::optional<ReportWarning> ill_conditioned_eigenvectors_warning(
    const EigenvalueAccuracy& accuracy,
    const std::string& unreliable,
    const std::string& reliable,
    const std::string& tail = "");

/// `sqrt(eps) (1 + ||W||_2)`: a perturbation of W this small (relative 1.5e-8) reaching the
/// stability boundary makes W near-critical.
[[nodiscard]] double near_critical_threshold(double norm2);

/// The `near_critical` warning for `margin = 1 - spectral_abscissa` when
/// `|margin| <= threshold` or `distance` (a second distance to the boundary, e.g.
/// sigma_min(I - W); negative if unknown) is <= threshold, or when `reasons` is non-empty (figures
/// that came out null, with why); else empty. `sensitive` names the caller's figures that grow
/// like 1/margin for stable W (empty: none). `eigenvalue_error` is EigenvalueAccuracy::estimate().
[[nodiscard]] std::optional<ReportWarning> near_critical_warning(
    double margin,
    double distance,
    double threshold,
    double eigenvalue_error,
    const std::string& sensitive,
    const std::vector<std::string>& reasons = {});

/// The `transient_gain_interval` warning (issue 17) when the certified search for the transient
/// gain stopped before its interval [lower, upper] was `tolerance` wide (its budget of norms, or
/// rounding); upper = +inf: no finite bound. Shared by the report and `netdyn amplify`.
[[nodiscard]] ReportWarning transient_gain_interval_warning(double lower,
                                                            double upper,
                                                            double tolerance);

/// The `lyapunov_residual` warning for a relative Lyapunov residual above
/// kLyapunovResidualLimit (empty otherwise); shared by the report and `netdyn covariance`.
[[nodiscard]] std::optional<ReportWarning> lyapunov_residual_warning(double residual,
                                                                     Eigen::Index n);

}  // namespace netdyn
