#pragma once
/// \file ode_check.hpp
/// "Integrals are good, amplification OK": the analytic answer proven by integrating the
/// dynamics. Runs the ODE integrator (simulation.hpp) and the exact linear solution
/// (linear_solution.hpp) on the same linear rate model, input and output grid, and reports the
/// discrepancy.

#include <Eigen/Core>

#include "netdyn/dynamics/rate_network.hpp"
#include "netdyn/dynamics/simulation.hpp"

namespace netdyn {

struct OdeCheck {
  Trajectory ode;         ///< the integrated trajectory
  Eigen::MatrixXd exact;  ///< n x times, the exact solution at the same times
  /// `max_{t, i} |x_ode - x_exact|`
  double max_abs_error = 0.0;
  /// `max_t ||x_ode(t) - x_exact(t)||_inf / max(||x_exact(t)||_inf, options.atol)` (norm-wise
  /// per output time; the floor atol: below it the integrator controls the absolute error only,
  /// and an exact state that underflows would otherwise give inf)
  double max_rel_error = 0.0;
  double worst_time = 0.0;  ///< the output time of max_rel_error
};

/// Integrate the linear rate model with `options` and compare with the exact solution.
/// \throws std::invalid_argument as simulate() and linear_solution() (f must be linear, no
///         input.function)
/// \throws DivergenceError, NumericalError as simulate()
[[nodiscard]] OdeCheck check_ode_against_exact(const RateNetwork& net,
                                               const Eigen::Ref<const Eigen::VectorXd>& x0,
                                               const Input& input = {},
                                               const SimulationOptions& options = {});

}  // namespace netdyn
