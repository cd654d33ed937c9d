#pragma once
/// \file parameter_sweep.hpp
/// A network's stability and amplification as functions of one parameter, with the stability
/// boundary located by root finding (TOMS 748, Alefeld, Potra & Shi 1995, from Boost.Math) on
/// each sign change of `alpha(p) - threshold` between adjacent grid points.
///
/// - Rate networks `tau dr/dt = -r + W(p) r`: alpha is the spectral abscissa of W(p), the
///   threshold 1; each grid point is one real Schur form of W(p), from which the certified
///   transient gain `max_t ||e^{t(W - I)}||_2` and the total variance (unit noise) follow when
///   the point is stable.
/// - Gain scaling `W -> g W`: the eigenvalues are `g lambda_i` exactly, so one decomposition of W
///   gives alpha(g) everywhere (the root finder runs on it); the envelope and variance still
///   need one decomposition of g W per point.
/// - FitzHugh-Nagumo: alpha is the largest real part of the Jacobian's eigenvalues at the fixed
///   point, the threshold 0 (a Hopf bifurcation when the pair is complex); no gain or variance.

#include <Eigen/Core>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "netdyn/models/fitzhugh_nagumo.hpp"

namespace netdyn {

struct SweepPoint {
  double parameter = 0.0;
  double spectral_abscissa = 0.0;        ///< alpha(p)
  bool stable = false;                   ///< alpha(p) < threshold
  std::optional<double> transient_gain;  ///< rate networks, stable points only
  std::optional<double> total_variance;  ///< rate networks, stable points only
};

/// A parameter where alpha crosses the threshold.
struct StabilityCrossing {
  double parameter = 0.0;
  double bracket_width = 0.0;          ///< the final bracket's width (<= the tolerance)
  double alpha_minus_threshold = 0.0;  ///< at `parameter`
  int iterations = 0;                  ///< evaluations of alpha by the root finder
  bool destabilising = false;          ///< alpha rises through the threshold as the parameter grows
};

struct ParameterSweep {
  double threshold = 1.0;
  std::vector<SweepPoint> points;
  std::vector<StabilityCrossing> boundaries;
};

struct SweepOptions {
  double tolerance = 1e-10;   ///< absolute, on the parameter at a crossing (> 0)
  bool amplification = true;  ///< rate networks: also transient gain and total variance
  /// Called after each grid point (progress reports); may be empty.
  std::function<void(Eigen::Index done, Eigen::Index total)> on_point;
};

/// `W(p)` on `grid` (strictly increasing, >= 2 points).
/// \throws std::invalid_argument grid not increasing or not finite; W(p) bad (as
///         SchurFactorization); tolerance not > 0
[[nodiscard]] ParameterSweep sweep_rate_network(const std::function<Eigen::MatrixXd(double)>& w_of,
                                                const Eigen::Ref<const Eigen::VectorXd>& grid,
                                                const SweepOptions& options = {});

/// `g W` for g on `gains` (one decomposition of W for the spectrum and the boundary).
[[nodiscard]] ParameterSweep sweep_gain(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                        const Eigen::Ref<const Eigen::VectorXd>& gains,
                                        const SweepOptions& options = {});

/// FitzHugh-Nagumo with `parameter` ("current", "a", "b" or "tau") set to each grid value, the
/// others from `base`.
/// \throws std::invalid_argument unknown parameter name; grid as above; a model out of range
[[nodiscard]] ParameterSweep sweep_fitzhugh_nagumo(const FitzHughNagumo& base,
                                                   const std::string& parameter,
                                                   const Eigen::Ref<const Eigen::VectorXd>& grid,
                                                   const SweepOptions& options = {});

}  // namespace netdyn
