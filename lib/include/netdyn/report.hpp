#pragma once
/// \file report.hpp
/// The one-command report of `netdyn check`: stability, nonnormality and amplification of
/// `tau dr/dt = -r + W r + h` in one struct (keys and meanings: docs/tools.md, cli.md).
/// Quantities that do not exist for this W (the steady state of an unstable network) are empty
/// optionals, printed as JSON null.

#include <Eigen/Core>
#include <optional>
#include <string>

#include "netdyn/spectrum.hpp"

namespace netdyn {

struct ReportOptions {
  double tau = 1.0;  ///< time constant (same unit as reported times), > 0
};

struct NetworkReport {
  Eigen::Index n = 0;
  double tau = 1.0;
  Eigen::VectorXcd eigenvalues;                   ///< of W, netdyn order
  double spectral_abscissa = 0.0;                 ///< max Re lambda(W)
  double spectral_radius = 0.0;                   ///< max |lambda(W)|
  bool stable = false;                            ///< spectral_abscissa < 1
  double growth_rate = 0.0;                       ///< (spectral_abscissa - 1)/tau
  std::optional<double> slowest_timescale;        ///< tau/(1 - spectral_abscissa); stable only
  double henrici_departure = 0.0;                 ///< ||N||_F of the Schur form
  double henrici_relative = 0.0;                  ///< henrici_departure/||W||_F (0 for W = 0)
  double eigenvector_condition = 0.0;             ///< kappa(V), +inf if numerically defective
  double numerical_abscissa = 0.0;                ///< lambda_max((A + A^T)/2), A = (W - I)/tau
  std::optional<double> steady_state_gain;        ///< ||(I - W)^{-1}||_2; stable only
  std::optional<double> transient_gain;           ///< max_t ||exp(tA)||_2; stable only
  std::optional<double> transient_gain_time;      ///< argmax of the above
  std::optional<double> total_variance;           ///< tr S, unit noise, sigma = 1; stable only
  std::optional<double> normal_total_variance;    ///< sum 1/(1 - Re lambda_i); stable only
  std::optional<double> nonnormal_amplification;  ///< total/normal total variance; stable only
  /// For n = 2: trace, determinant and fixed-point type of the Jacobian A = (W - I)/tau.
  std::optional<double> jacobian_trace;
  std::optional<double> jacobian_determinant;
  std::optional<FixedPointType> fixed_point_type;
};

/// Compute every field of NetworkReport for a dense W.
/// \throws std::invalid_argument W empty, non-square or not finite; tau not finite and > 0
/// \throws NumericalError a LAPACK routine failed
[[nodiscard]] NetworkReport analyse_network(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                            const ReportOptions& options = {});

}  // namespace netdyn
