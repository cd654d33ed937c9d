#include "netdyn/dynamics/ode_check.hpp"

#include <algorithm>
#include <string>

#include "core/checks.hpp"
#include "netdyn/core/error.hpp"

#include "netdyn/dynamics/linear_solution.hpp"

namespace netdyn {

OdeCheck check_ode_against_exact(const RateNetwork& net,
                                 const Eigen::Ref<const Eigen::VectorXd>& x0,
                                 const Input& input,
                                 const SimulationOptions& options) {
  OdeCheck out;
  // The exact solution first: it validates the model (f linear, no user function) cheaply.
  const Eigen::VectorXd grid = output_grid(options);
  out.exact = linear_solution(net, x0, input, grid);
  out.ode = simulate(net, x0, input, options);
  for (Eigen::Index k = 0; k < grid.size(); ++k) {
    const double err = (out.ode.states.col(k) - out.exact.col(k)).cwiseAbs().maxCoeff();
    const double size = out.exact.col(k).cwiseAbs().maxCoeff();
    // Floor atol: once the exact state decays below it (or underflows), the integrator controls
    // only the absolute error, and dividing by a subnormal size would give inf.
    const double rel = err / std::max(size, options.atol);
    out.max_abs_error = std::max(out.max_abs_error, err);
    if (rel > out.max_rel_error) {
      out.max_rel_error = rel;
      out.worst_time = grid(k);
    }
  }
  return out;
}

EvokedEnergyIntegral integrate_evoked_energy(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                             const Eigen::Ref<const Eigen::VectorXd>& a,
                                             const Eigen::MatrixXd& readout,
                                             double rtol,
                                             double atol) {
  constexpr const char* kFn = "integrate_evoked_energy";
  detail::require_connectivity(kFn, "W", w);
  const Eigen::Index n = w.rows();
  if (a.size() != n) {
    throw std::invalid_argument(std::string(kFn) + ": initial state has " +
                                std::to_string(a.size()) + " entries but W is " +
                                std::to_string(n) + "x" + std::to_string(n));
  }
  detail::require_finite(kFn, "initial state", a);
  if (readout.size() > 0 && readout.cols() != n) {
    throw std::invalid_argument(std::string(kFn) + ": readout C has " +
                                std::to_string(readout.cols()) +
                                " columns; need n = " + std::to_string(n));
  }
  const bool identity = readout.size() == 0;
  // x = [r; e]: r' = (W - I) r, e' = 2 ||C r||^2.
  OdeSystem system;
  Eigen::VectorXd cr(identity ? 0 : readout.rows());
  system.field =
      [&](double, const Eigen::Ref<const Eigen::VectorXd>& x, Eigen::Ref<Eigen::VectorXd> dxdt) {
        const auto r = x.head(n);
        dxdt.head(n).noalias() = w * r;
        dxdt.head(n) -= r;
        if (identity) {
          dxdt(n) = 2.0 * r.squaredNorm();
        } else {
          cr.noalias() = readout * r;
          dxdt(n) = 2.0 * cr.squaredNorm();
        }
      };
  SimulationOptions options;
  options.method = OdeMethod::kDormandPrince5;
  options.rtol = rtol;
  options.atol = atol;
  options.samples = 2;
  // The running energy is ~E ||a||^2; beyond 1e15 of that scale the response grows (W unstable):
  // DivergenceError, which names the time.
  options.divergence_threshold = 1e15 * std::max(1.0, a.squaredNorm());
  constexpr double kChunk = 10.0;
  Eigen::VectorXd x(n + 1);
  x.head(n) = a;
  x(n) = 0.0;
  const double start = a.norm();
  EvokedEnergyIntegral out;
  while (x.head(n).norm() > 1e-8 * start) {
    if (out.horizon >= 1e5) {
      throw NumericalError(std::string(kFn) +
                           ": the state did not decay below 1e-8 of its start "
                           "by t = 1e5 (is W stable?)");
    }
    options.t_end = kChunk;
    const Trajectory chunk = integrate(system, x, options);
    x = chunk.states.col(chunk.states.cols() - 1);
    out.steps += chunk.steps;
    out.horizon += kChunk;
  }
  out.energy = x(n);
  return out;
}

}  // namespace netdyn
