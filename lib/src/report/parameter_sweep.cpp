#include "netdyn/report/parameter_sweep.hpp"

#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "netdyn/amplification/covariance.hpp"
#include "netdyn/amplification/transient_envelope.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/factorization/spectrum.hpp"

namespace netdyn {
namespace {

void require_grid(const char* function,
                  const Eigen::Ref<const Eigen::VectorXd>& grid,
                  const SweepOptions& options) {
  if (grid.size() < 2) {
    throw std::invalid_argument(std::string(function) + ": the grid has " +
                                std::to_string(grid.size()) + " points; need at least 2");
  }
  for (Eigen::Index k = 0; k < grid.size(); ++k) {
    if (!std::isfinite(grid(k)) || (k > 0 && !(grid(k) > grid(k - 1)))) {
      throw std::invalid_argument(std::string(function) + ": grid(" + std::to_string(k) +
                                  ") = " + std::to_string(grid(k)) +
                                  "; the grid must be finite and strictly increasing");
    }
  }
  if (!(options.tolerance > 0.0) || !std::isfinite(options.tolerance)) {
    throw std::invalid_argument(std::string(function) + ": tolerance must be finite and > 0");
  }
}

// The grid's points from `point_at`, then every sign change of alpha - threshold between
// neighbours refined by TOMS 748 on `alpha_at` (a point exactly at the threshold is a crossing
// of width 0).
ParameterSweep run_sweep(const char* function,
                         const Eigen::Ref<const Eigen::VectorXd>& grid,
                         double threshold,
                         const std::function<SweepPoint(double)>& point_at,
                         const std::function<double(double)>& alpha_at,
                         const SweepOptions& options) {
  require_grid(function, grid, options);
  ParameterSweep out;
  out.threshold = threshold;
  for (Eigen::Index k = 0; k < grid.size(); ++k) {
    out.points.push_back(point_at(grid(k)));
    if (options.on_point) options.on_point(k + 1, grid.size());
  }
  for (std::size_t k = 0; k + 1 < out.points.size(); ++k) {
    const double fa = out.points[k].spectral_abscissa - threshold;
    const double fb = out.points[k + 1].spectral_abscissa - threshold;
    const double a = out.points[k].parameter;
    const double b = out.points[k + 1].parameter;
    StabilityCrossing c;
    if (fa == 0.0) {
      if (k > 0) continue;  // counted as the previous interval's right end
      c.parameter = a;
      c.destabilising = fb > 0.0;
    } else if (fb == 0.0) {
      c.parameter = b;
      c.destabilising = fa < 0.0;
    } else if ((fa < 0.0) != (fb < 0.0)) {
      int evaluations = 0;
      const auto f = [&](double p) {
        ++evaluations;
        return alpha_at(p) - threshold;
      };
      const double tol = options.tolerance;
      boost::uintmax_t max_iter = 200;
      const auto bracket = boost::math::tools::toms748_solve(
          f, a, b, fa, fb, [tol](double x, double y) { return std::abs(y - x) <= tol; }, max_iter);
      c.parameter = 0.5 * (bracket.first + bracket.second);
      c.bracket_width = bracket.second - bracket.first;
      c.iterations = evaluations;
      c.destabilising = fa < 0.0;
    } else {
      continue;
    }
    c.alpha_minus_threshold = alpha_at(c.parameter) - threshold;
    out.boundaries.push_back(c);
  }
  return out;
}

SweepPoint abscissa_point(double p, double alpha, double threshold) {
  SweepPoint point;
  point.parameter = p;
  point.spectral_abscissa = alpha;
  point.stable = alpha < threshold;
  return point;
}

SweepPoint rate_point(double p, const Eigen::MatrixXd& w, const SweepOptions& options) {
  const SchurFactorization f(w);
  SweepPoint point = abscissa_point(p, spectral_abscissa(f.eigenvalues()), 1.0);
  if (point.stable && options.amplification) {
    point.transient_gain = transient_envelope(f).max_gain;
    CovarianceOptions co;
    co.compute_matrix = false;
    point.total_variance = stationary_covariance(f, co).total_variance;
  }
  return point;
}

}  // namespace

ParameterSweep sweep_rate_network(const std::function<Eigen::MatrixXd(double)>& w_of,
                                  const Eigen::Ref<const Eigen::VectorXd>& grid,
                                  const SweepOptions& options) {
  return run_sweep(
      "sweep_rate_network",
      grid,
      1.0,
      [&](double p) { return rate_point(p, w_of(p), options); },
      [&](double p) {
        return spectral_abscissa(SchurFactorization(w_of(p), kWithoutSchurVectors).eigenvalues());
      },
      options);
}

ParameterSweep sweep_gain(const Eigen::Ref<const Eigen::MatrixXd>& w,
                          const Eigen::Ref<const Eigen::VectorXd>& gains,
                          const SweepOptions& options) {
  const Eigen::VectorXcd values = SchurFactorization(w, kWithoutSchurVectors).eigenvalues();
  // alpha(g) = max_i Re(g lambda_i) from W's one spectrum, for the root finder and every point.
  const auto alpha = [&](double g) { return (g * values.real().array()).maxCoeff(); };
  return run_sweep(
      "sweep_gain",
      gains,
      1.0,
      [&](double g) {
        SweepPoint point = abscissa_point(g, alpha(g), 1.0);
        if (point.stable && options.amplification) {
          const SweepPoint full = rate_point(g, g * w, options);
          point.transient_gain = full.transient_gain;
          point.total_variance = full.total_variance;
        }
        return point;
      },
      alpha,
      options);
}

ParameterSweep sweep_fitzhugh_nagumo(const FitzHughNagumo& base,
                                     const std::string& parameter,
                                     const Eigen::Ref<const Eigen::VectorXd>& grid,
                                     const SweepOptions& options) {
  double FitzHughNagumo::*field = nullptr;
  if (parameter == "current") field = &FitzHughNagumo::current;
  if (parameter == "a") field = &FitzHughNagumo::a;
  if (parameter == "b") field = &FitzHughNagumo::b;
  if (parameter == "tau") field = &FitzHughNagumo::tau;
  if (field == nullptr) {
    throw std::invalid_argument("sweep_fitzhugh_nagumo: parameter \"" + parameter +
                                "\"; need current, a, b or tau");
  }
  const auto alpha = [&](double p) {
    FitzHughNagumo m = base;
    m.*field = p;
    return fitzhugh_nagumo_fixed_point(m).eigenvalues(0).real();
  };
  return run_sweep(
      "sweep_fitzhugh_nagumo",
      grid,
      0.0,
      [&](double p) { return abscissa_point(p, alpha(p), 0.0); },
      alpha,
      options);
}

}  // namespace netdyn
