#pragma once
/// \file fixed_point.hpp
/// Fixed points of vector fields and rate networks: damped Newton from a start point, and the
/// closed form of the threshold-linear network (Rosenbaum eq. 3.10):
///
///   `r* = [I - g W]^{-1} (X - theta) g`,  X = W_x r_x the external input,
///
/// valid when every unit is above threshold, `W r* + X > theta` (checked and reported).

#include <Eigen/Core>
#include <functional>

#include "netdyn/dynamics/jacobian.hpp"
#include "netdyn/dynamics/rate_network.hpp"

namespace netdyn {

struct NewtonOptions {
  double tolerance = 1e-12;           ///< converged when ||F(x)||_inf <= tolerance (absolute)
  double step_tolerance = 1e-15;      ///< ... or when ||dx||_inf <= step_tolerance (1 + ||x||_inf)
  Eigen::Index max_iterations = 100;  ///< Newton iterations before NumericalError
  double min_damping = 1e-10;         ///< smallest line-search factor before NumericalError
};

struct FixedPoint {
  Eigen::VectorXd x;         ///< the fixed point, F(x) = 0
  Eigen::MatrixXd jacobian;  ///< dF/dx at x
  double residual = 0.0;     ///< ||F(x)||_inf
  Eigen::Index iterations = 0;
};

/// `jac = dF/dx(x)` (already sized n x n).
using JacobianFn = std::function<void(const Eigen::Ref<const Eigen::VectorXd>& x,
                                      Eigen::Ref<Eigen::MatrixXd> jac)>;

/// Damped Newton: solve J dx = -F, then halve the step until ||F||_2 decreases by the Armijo
/// factor (1 - 1e-4 lambda). `jacobian` may be empty (central differences are used).
/// \throws std::invalid_argument x0 empty or not finite
/// \throws NumericalError singular Jacobian, no descent (min_damping reached), max_iterations
[[nodiscard]] FixedPoint find_fixed_point(const Field& f,
                                          const JacobianFn& jacobian,
                                          const Eigen::Ref<const Eigen::VectorXd>& x0,
                                          const NewtonOptions& options = {});

/// Fixed point of the rate network (either form) with constant input X, from x0, using the
/// analytic Jacobian. The fixed point does not depend on tau; its Jacobian does.
/// \throws std::invalid_argument as validate_rate_network(); sizes of x_in, x0
/// \throws NumericalError as find_fixed_point()
[[nodiscard]] FixedPoint rate_fixed_point(const RateNetwork& net,
                                          const Eigen::Ref<const Eigen::VectorXd>& x_in,
                                          const Eigen::Ref<const Eigen::VectorXd>& x0,
                                          const NewtonOptions& options = {});

struct ThresholdLinearFixedPoint {
  Eigen::VectorXd rates;             ///< r* = [I - g W]^{-1} (X - theta) g
  Eigen::VectorXd total_input;       ///< W r* + X
  bool all_above_threshold = false;  ///< total_input > theta for every unit (closed form valid)
};
/// Rosenbaum eq. 3.10 for `f(u) = g (u - theta) H(u - theta)` with external input X = W_x r_x.
/// \throws std::invalid_argument W not square/finite, X of the wrong size, g or theta not finite
/// \throws NumericalError I - g W singular
[[nodiscard]] ThresholdLinearFixedPoint threshold_linear_fixed_point(
    const Eigen::Ref<const Eigen::MatrixXd>& w,
    const Eigen::Ref<const Eigen::VectorXd>& x,
    double gain,
    double threshold);

}  // namespace netdyn
