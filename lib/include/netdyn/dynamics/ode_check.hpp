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

/// The evoked energy `E(a) = (2/tau) int_0^inf ||C r(t)||^2 dt` of the free linear network
/// `tau dr/dt = -r + W r`, r(0) = a, by integrating the dynamics: Dormand-Prince 5(4) on the
/// state and the running integral together (so the integral has the step control's accuracy),
/// in chunks of 10 tau until `||r(t)|| <= 1e-8 ||a||`. E does not depend on tau, so tau = 1.
/// The part left out beyond the horizon is `r(T)^T Q r(T) <= lambda_max(Q) 1e-16 ||a||^2`.
/// This is the independent check of the energy matrix Q (covariance.hpp) for one initial state.
struct EvokedEnergyIntegral {
  double energy = 0.0;
  double horizon = 0.0;   ///< T, units of tau
  std::size_t steps = 0;  ///< accepted steps
};
/// \throws std::invalid_argument W not square or finite; a of the wrong size or not finite;
///         readout without n columns
/// \throws NumericalError the state did not decay below 1e-8 ||a|| by t = 1e5; DivergenceError
///         (a NumericalError) the response grew beyond 1e15 max(1, ||a||^2) (W unstable)
[[nodiscard]] EvokedEnergyIntegral integrate_evoked_energy(
    const Eigen::Ref<const Eigen::MatrixXd>& w,
    const Eigen::Ref<const Eigen::VectorXd>& a,
    const Eigen::MatrixXd& readout = Eigen::MatrixXd(),
    double rtol = 1e-10,
    double atol = 1e-14);

}  // namespace netdyn
