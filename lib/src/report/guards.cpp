#include "netdyn/report/guards.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "core/checks.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/factorization/spectrum.hpp"

namespace netdyn {
namespace {
using detail::kEps;
}  // namespace

double EigenvalueAccuracy::estimate() const {
  return std::min(first_order_error, jordan_error);
}

bool EigenvalueAccuracy::ill_conditioned() const {
  return !(eigenvector_condition <= kEigenvectorConditionLimit);
}

EigenvalueAccuracy eigenvalue_accuracy(double eigenvector_condition, double norm2, Eigen::Index n) {
  EigenvalueAccuracy a;
  a.n = n;
  a.eigenvector_condition = eigenvector_condition;
  a.norm2 = norm2;
  if (norm2 == 0.0 || n == 0) return a;  // W = 0: eigenvalues exact (kappa = 1)
  a.first_order_error = eigenvector_condition * kEps * norm2;
  a.jordan_error = std::pow(kEps, 1.0 / static_cast<double>(n)) * norm2;
  return a;
}

EigenvalueAccuracy eigenvalue_accuracy(const Eigen::Ref<const Eigen::MatrixXd>& w) {
  detail::require_connectivity("eigenvalue_accuracy", "W", w);
  return eigenvalue_accuracy(SchurFactorization(w, kWithoutSchurVectors));
}

EigenvalueAccuracy eigenvalue_accuracy(const SchurFactorization& factorization) {
  return eigenvalue_accuracy(
      factorization.eigenvector_condition(), factorization.norm2(), factorization.size());
}

EigenvalueAccuracy eigenvalue_accuracy(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                       const Spectrum& spectrum) {
  detail::require_connectivity("eigenvalue_accuracy", "W", w);
  if (spectrum.eigenvectors.rows() != w.rows() || spectrum.eigenvectors.cols() != w.rows()) {
    throw std::invalid_argument(
        "eigenvalue_accuracy: the spectrum has no eigenvectors for this W (compute it with "
        "compute_eigenvectors = true)");
  }
  return eigenvalue_accuracy(
      eigenvector_condition(spectrum.eigenvectors), lapack::singular_values(w)(0), w.rows());
}

std::string stability_verdict_note(const EigenvalueAccuracy& accuracy, double spectral_abscissa) {
  std::ostringstream m;
  m << std::setprecision(3);
  if (std::abs(1.0 - spectral_abscissa) > accuracy.estimate()) {
    m << "The stability verdict holds: spectral_abscissa " << spectral_abscissa
      << " is farther than the estimated error from 1.";
  } else {
    m << "The stability verdict is unreliable too: spectral_abscissa " << spectral_abscissa
      << " is within the estimated error of 1.";
  }
  return m.str();
}

std::optional<ReportWarning> ill_conditioned_eigenvectors_warning(
    const EigenvalueAccuracy& accuracy,
    const std::string& unreliable,
    const std::string& reliable,
    const std::string& tail) {
  if (!accuracy.ill_conditioned()) return std::nullopt;
  std::ostringstream m;
  m << std::setprecision(3);
  m << "eigenvector condition kappa(V) = " << accuracy.eigenvector_condition
    << (std::isinf(accuracy.eigenvector_condition) ? " (W is numerically defective)" : "")
    << " > 1e12, so the eigenvalue-based figures are unreliable. The eigensolver is backward "
       "stable (its eigenvalues are exact for some W + E, ||E||_2 ~ eps ||W||_2 = "
    << kEps * accuracy.norm2
    << "), but near a Jordan block of size m an error E moves eigenvalues by about "
       "(||E|| ||W||^(m-1))^(1/m), up to eps^(1/n) ||W||_2 = "
    << accuracy.jordan_error << " for m = n = " << accuracy.n
    << ", instead of the first-order kappa(V) eps ||W||_2 = " << accuracy.first_order_error
    << ". With an estimated eigenvalue error of " << accuracy.estimate()
    << ", unreliable are: " << unreliable
    << ". Reliable (orthogonal transformations and singular values, independent of kappa(V)): "
    << reliable << ".";
  if (!tail.empty()) m << " " << tail;
  return ReportWarning{"ill_conditioned_eigenvectors", m.str()};
}

double near_critical_threshold(double norm2) {
  return std::sqrt(kEps) * (1.0 + norm2);
}

std::optional<ReportWarning> near_critical_warning(double margin,
                                                   double distance,
                                                   double threshold,
                                                   double eigenvalue_error,
                                                   const std::string& sensitive,
                                                   const std::vector<std::string>& reasons) {
  const bool close = std::abs(margin) <= threshold || (distance >= 0.0 && distance <= threshold);
  if (!close && reasons.empty()) return std::nullopt;
  std::ostringstream m;
  m << std::setprecision(3);
  if (margin > 0.0) {
    m << "1 - spectral_abscissa = " << margin;
    if (distance >= 0.0) m << ", sigma_min(I - W) = " << distance;
    m << "; a perturbation of W this small (<= sqrt(eps) (1 + ||W||_2) = " << threshold
      << ") makes the network critical.";
    if (!sensitive.empty()) {
      m << " " << sensitive
        << " are huge (they grow like 1/(1 - spectral_abscissa)) and sensitive: the eigenvalue "
           "error alone (estimated "
        << eigenvalue_error << ") changes 1/(1 - spectral_abscissa) by a relative "
        << eigenvalue_error / margin << ".";
    }
  } else {
    m << "spectral_abscissa - 1 = " << -margin << " <= sqrt(eps) (1 + ||W||_2) = " << threshold
      << ": a perturbation of W this small makes the network stable; the verdict (and growth rate) "
         "is at rounding level.";
  }
  if (std::abs(margin) <= eigenvalue_error) {
    m << " The stability verdict itself is within the estimated eigenvalue error ("
      << eigenvalue_error << ").";
  }
  for (const std::string& reason : reasons) m << " " << reason << ".";
  return ReportWarning{"near_critical", m.str()};
}

ReportWarning transient_gain_interval_warning(double lower, double upper, double tolerance) {
  std::ostringstream m;
  m << std::setprecision(10);
  m << "transient_gain = " << lower
    << " is attained, but the certified search stopped (budget or "
       "rounding) with ";
  if (std::isfinite(upper)) {
    m << "upper bound " << upper << ", " << std::setprecision(3) << (upper - lower) / lower
      << " relative above it";
  } else {
    m << "no finite upper bound (an envelope that stays near its maximum for a long time)";
  }
  m << " instead of " << std::setprecision(3) << tolerance
    << ": the true maximum lies in [transient_gain, transient_gain_upper_bound].";
  return ReportWarning{"transient_gain_interval", m.str()};
}

std::optional<ReportWarning> lyapunov_residual_warning(double residual, Eigen::Index n) {
  if (!(residual > kLyapunovResidualLimit)) return std::nullopt;
  std::ostringstream m;
  m << std::setprecision(3);
  m << "relative residual of the Lyapunov solve for the stationary covariance = " << residual
    << " > 1e-8 (a backward-stable solve gives about n eps = " << static_cast<double>(n) * kEps
    << "): total_variance and nonnormal_amplification = total_variance / normal_total_variance "
       "may be inaccurate.";
  return ReportWarning{"lyapunov_residual", m.str()};
}

}  // namespace netdyn
