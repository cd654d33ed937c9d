#pragma once
/// \file nullclines.hpp
/// Nullclines of planar systems, sampled for phase-plane pictures (the FitzHugh-Nagumo model of
/// fitzhugh_nagumo.hpp; science.md 6.4).
///
///   v-nullcline (dv/dt = 0):  w = v - v^3/3 + I          (the cubic)
///   w-nullcline (dw/dt = 0):  w = (v + a)/b              (the line)
///
/// They cross at the fixed point(s); with 1 - b > 0 there is exactly one.

#include <Eigen/Core>

#include "netdyn/models/fitzhugh_nagumo.hpp"

namespace netdyn {

/// Both nullclines of a planar system as graphs over its first variable.
struct Nullclines {
  Eigen::VectorXd v;                   ///< sample points of the first variable, increasing
  Eigen::VectorXd first_nullcline_w;   ///< w on the v-nullcline (dv/dt = 0) at each v
  Eigen::VectorXd second_nullcline_w;  ///< w on the w-nullcline (dw/dt = 0) at each v
};

/// FitzHugh-Nagumo nullclines on `points` uniform samples of [v_min, v_max].
/// \throws std::invalid_argument v_min >= v_max, either not finite, points < 2, model
///         parameters not finite, or b = 0 (the w-nullcline is then the vertical line v = -a)
[[nodiscard]] Nullclines fitzhugh_nagumo_nullclines(const FitzHughNagumo& model,
                                                    double v_min,
                                                    double v_max,
                                                    Eigen::Index points = 401);

}  // namespace netdyn
