#include "netdyn/report/report.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "core/checks.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/amplification/covariance.hpp"
#include "netdyn/amplification/nonnormality.hpp"
#include "netdyn/amplification/stability_radius.hpp"
#include "netdyn/amplification/steady_state.hpp"
#include "netdyn/amplification/transient_envelope.hpp"

namespace netdyn {
namespace {

using detail::kEps;

// The stable-network figures come from routines that check stability (or the invertibility of
// I - W) again on their own factorisation. W was validated above, so a std::invalid_argument from
// them can only mean that this second look lands on the other side of the boundary: W is critical
// to rounding. Likewise, for a W already flagged near-critical, a NumericalError (an envelope that
// does not decay in floating point) is the same fact seen later. The figure is then null and the
// reason goes into the near_critical warning; elsewhere a NumericalError stays an error.
template <typename F>
auto unless_critical(F&& compute,
                     const char* figure,
                     bool near_critical,
                     std::vector<std::string>& reasons) -> std::optional<decltype(compute())> {
  try {
    return compute();
  } catch (const std::invalid_argument& e) {
    reasons.push_back(std::string(figure) + " is null: " + e.what());
  } catch (const NumericalError& e) {
    if (!near_critical) throw;
    reasons.push_back(std::string(figure) + " is null: " + e.what());
  }
  return std::nullopt;
}

// For stable W, the automatic horizon of the transient envelope is a time T with computed
// ||exp(TA)||_2 <= 0.1. The envelope comes from the Schur form, so it is that of A + E, and
// ||exp(T(A + E)) - exp(TA)|| <= T ||E|| G^2 (G the transient gain). If the sum stays below 1,
// the spectral radius of exp(TA) is below 1, i.e. every Re lambda(A) < 0: a certificate of
// stability that does not go through the eigenvalues. Returns the error term, or -1 if the
// certificate does not apply.
double envelope_certificate_error(const NetworkReport& r,
                                  const std::optional<TransientEnvelope>& envelope,
                                  double norm2) {
  if (!envelope || envelope->times.size() == 0 || !r.transient_gain) return -1.0;
  const double horizon = envelope->times(envelope->times.size() - 1);
  const double error = horizon / r.tau * static_cast<double>(r.n) * kEps * norm2 *
                       *r.transient_gain * *r.transient_gain;
  return envelope->norms(envelope->norms.size() - 1) + error < 1.0 ? error : -1.0;
}

// The report's ill_conditioned_eigenvectors warning: its figures, the interval of
// henrici_departure, and the stability verdict (settled by the transient envelope when the
// eigenvalues cannot settle it).
std::optional<ReportWarning> ill_conditioned_warning(
    const NetworkReport& r,
    const EigenvalueAccuracy& accuracy,
    double frobenius,
    const std::optional<TransientEnvelope>& envelope) {
  const double b = accuracy.estimate();
  // dep^2 = ||W||_F^2 - sum |lambda_i|^2, and each |lambda_i|^2 moves by at most
  // (2 |lambda_i| + b) b when lambda_i moves by b.
  const double dep2 = r.henrici_departure * r.henrici_departure;
  const double moved = static_cast<double>(r.n) * b * (2.0 * r.spectral_radius + b);
  const double dep_low = std::sqrt(std::max(0.0, dep2 - moved));
  const double dep_high = std::min(frobenius, std::sqrt(dep2 + moved));
  std::ostringstream unreliable;
  unreliable << std::setprecision(3);
  unreliable << "eigenvalues, spectral_abscissa, spectral_radius, growth_rate, "
                "slowest_timescale, normal_total_variance, nonnormal_amplification, "
                "eigenvector_condition itself, and henrici_departure = sqrt(||W||_F^2 - sum "
                "|lambda_i|^2) (here "
             << r.henrici_departure << ", anywhere in [" << dep_low << ", " << dep_high << "])";
  std::ostringstream verdict;
  verdict << std::setprecision(3);
  const double certificate_error = envelope_certificate_error(r, envelope, accuracy.norm2);
  if (std::abs(1.0 - r.spectral_abscissa) <= b && certificate_error >= 0.0) {
    verdict << "The eigenvalues cannot settle the stability verdict (spectral_abscissa "
            << r.spectral_abscissa << " is within the estimated error of 1), but the Schur-based "
            << "transient envelope does: ||exp(tA)||_2 = "
            << envelope->norms(envelope->norms.size() - 1)
            << " at t = " << envelope->times(envelope->times.size() - 1)
            << " (error at most (t/tau) n eps ||W||_2 transient_gain^2 = " << certificate_error
            << "), below 1, forces every Re lambda(A) < 0: W is stable.";
  } else {
    verdict << stability_verdict_note(accuracy, r.spectral_abscissa);
  }
  return ill_conditioned_eigenvectors_warning(
      accuracy,
      unreliable.str(),
      "numerical_abscissa, steady_state_gain, transient_gain, total_variance",
      verdict.str());
}

void ensure_finite_report(const NetworkReport& r) {
  constexpr const char* kFn = "analyse_network";
  detail::ensure_finite_result(kFn, "eigenvalues", r.eigenvalues);
  const std::pair<const char*, double> scalars[] = {
      {"spectral_abscissa", r.spectral_abscissa},
      {"spectral_radius", r.spectral_radius},
      {"growth_rate", r.growth_rate},
      {"henrici_departure", r.henrici_departure},
      {"henrici_relative", r.henrici_relative},
      {"numerical_abscissa", r.numerical_abscissa},
      {"eigenvalue_error_estimate", r.eigenvalue_error_estimate}};
  for (const auto& [name, value] : scalars) detail::ensure_finite_result(kFn, name, value);
  // +inf is a documented value of kappa(V) (defective W); NaN is not.
  if (std::isnan(r.eigenvector_condition)) {
    detail::ensure_finite_result(kFn, "eigenvector_condition", r.eigenvector_condition);
  }
  const std::pair<const char*, const std::optional<double>*> optionals[] = {
      {"slowest_timescale", &r.slowest_timescale},
      {"steady_state_gain", &r.steady_state_gain},
      {"transient_gain", &r.transient_gain},
      {"transient_gain_time", &r.transient_gain_time},
      {"transient_gain_upper_bound", &r.transient_gain_upper_bound},
      {"total_variance", &r.total_variance},
      {"normal_total_variance", &r.normal_total_variance},
      {"nonnormal_amplification", &r.nonnormal_amplification},
      {"lyapunov_residual", &r.lyapunov_residual},
      {"jacobian_trace", &r.jacobian_trace},
      {"jacobian_determinant", &r.jacobian_determinant},
      {"distance_to_instability", &r.distance_to_instability},
      {"distance_to_instability_frequency", &r.distance_to_instability_frequency}};
  for (const auto& [name, value] : optionals) {
    if (*value) detail::ensure_finite_result(kFn, name, **value);
  }
}

}  // namespace

NetworkReport analyse_network(const Eigen::Ref<const Eigen::MatrixXd>& w,
                              const ReportOptions& options) {
  detail::require_connectivity("analyse_network", "W", w);
  detail::require_time_constant("analyse_network", w, options.tau);
  // Every figure of the report is unitarily invariant: T suffices.
  return analyse_network(SchurFactorization(w, kWithoutSchurVectors), options);
}

NetworkReport analyse_network(const SchurFactorization& factorization,
                              const ReportOptions& options) {
  const Eigen::MatrixXd& w = factorization.matrix();
  detail::require_time_constant("analyse_network", w, options.tau);
  const double tau = options.tau;
  NetworkReport r;
  r.n = w.rows();
  r.tau = tau;
  r.eigenvalues = factorization.eigenvalues();
  r.spectral_abscissa = spectral_abscissa(r.eigenvalues);
  r.spectral_radius = spectral_radius(r.eigenvalues);
  r.stable = is_stable(r.eigenvalues);
  r.growth_rate = (r.spectral_abscissa - 1.0) / tau;
  if (r.stable) r.slowest_timescale = tau / (1.0 - r.spectral_abscissa);
  r.henrici_departure = henrici_departure(factorization);
  const double frobenius = factorization.frobenius_norm();
  r.henrici_relative = frobenius > 0.0 ? r.henrici_departure / frobenius : 0.0;
  r.eigenvector_condition = factorization.eigenvector_condition();
  r.numerical_abscissa = numerical_abscissa(factorization, tau);
  const double norm2 = factorization.norm2();
  const EigenvalueAccuracy accuracy = eigenvalue_accuracy(factorization);
  r.eigenvalue_error_estimate = accuracy.estimate();
  // Near-critical: a perturbation of W of norm d reaches the stability boundary, with
  // d = |1 - spectral_abscissa| (shift W by d I) or, for stable W, d = sigma_min(I - W) (a rank-one
  // E makes I - W - E singular). d <= sqrt(eps) ||I - W||_2 (bounded by 1 + ||W||_2) is a
  // relative change of W far below any precision W is known to, and the figures that scale like
  // 1/d then lose at least half their digits to rounding (relative error >~ eps ||W|| / d).
  const double threshold = near_critical_threshold(norm2);
  bool near_critical = std::abs(1.0 - r.spectral_abscissa) <= threshold;
  std::vector<std::string> critical_reasons;
  std::optional<TransientEnvelope> envelope;
  std::optional<ReportWarning> gain_interval;  // reported after the guards' warnings
  const auto guarded = [&](auto&& compute, const char* figure) {
    return unless_critical(compute, figure, near_critical, critical_reasons);
  };
  if (r.stable) {
    r.steady_state_gain =
        guarded([&] { return steady_state_gain(factorization).gain; }, "steady_state_gain");
    if (r.steady_state_gain && 1.0 / *r.steady_state_gain <= threshold) near_critical = true;
    // Transient gain over t >= 0 (automatic horizon, refined maximum) and the unit-noise
    // variance keys (sigma = 1, independent of tau).
    TransientEnvelopeOptions envelope_options;
    envelope_options.tau = tau;
    // No plot here: the grid is its two ends (the horizon's norm serves the certificate
    // below); the certified search finds the maximum.
    envelope_options.points = 2;
    envelope = guarded([&] { return transient_envelope(factorization, envelope_options); },
                       "transient_gain");
    if (envelope) {
      r.transient_gain = envelope->max_gain;
      r.transient_gain_time = envelope->max_time;
      if (std::isfinite(envelope->max_gain_upper_bound)) {
        r.transient_gain_upper_bound = envelope->max_gain_upper_bound;
      }
      if (!envelope->gain_tolerance_met) {
        gain_interval = transient_gain_interval_warning(
            envelope->max_gain, envelope->max_gain_upper_bound, envelope_options.gain_tolerance);
      }
    }
    CovarianceOptions covariance_options;
    covariance_options.compute_matrix = false;  // the variances only: no Schur vectors needed
    if (const auto covariance =
            guarded([&] { return stationary_covariance(factorization, covariance_options); },
                    "total_variance")) {
      r.total_variance = covariance->total_variance;
      r.normal_total_variance = covariance->normal_total_variance;
      r.nonnormal_amplification = covariance->nonnormal_amplification;
      r.lyapunov_residual = covariance->residual;
    }
  }
  if (r.stable && r.n <= options.distance_to_instability_max_n) {
    StabilityRadiusOptions radius_options;
    radius_options.tau = tau;
    if (const auto radius =
            guarded([&] { return distance_to_instability(factorization, radius_options); },
                    "distance_to_instability")) {
      r.distance_to_instability = radius->radius;
      r.distance_to_instability_frequency = radius->frequency;
    }
  }
  if (r.n == 2) {
    const Eigen::Matrix2d a = (w - Eigen::Matrix2d::Identity()) / tau;
    r.jacobian_trace = a.trace();
    r.jacobian_determinant = a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0);
    // The type is that of W - I (the same for every positive multiple); classifying A itself
    // would read its determinant, ~1/tau^2, as 0 once that underflows (tau above ~1e146).
    r.fixed_point_type = classify_planar(w - Eigen::Matrix2d::Identity());
  }

  if (auto warning = ill_conditioned_warning(r, accuracy, frobenius, envelope)) {
    r.warnings.push_back(std::move(*warning));
  }
  if (auto warning =
          near_critical_warning(1.0 - r.spectral_abscissa,
                                r.steady_state_gain ? 1.0 / *r.steady_state_gain : -1.0,
                                threshold,
                                r.eigenvalue_error_estimate,
                                "slowest_timescale, steady_state_gain and total_variance",
                                critical_reasons)) {
    r.warnings.push_back(std::move(*warning));
  }
  if (r.lyapunov_residual) {
    if (auto warning = lyapunov_residual_warning(*r.lyapunov_residual, r.n)) {
      r.warnings.push_back(std::move(*warning));
    }
  }
  if (gain_interval) r.warnings.push_back(std::move(*gain_interval));
  ensure_finite_report(r);
  return r;
}

}  // namespace netdyn
