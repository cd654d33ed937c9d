#pragma once
/// \file fitzhugh_nagumo.hpp
/// The FitzHugh-Nagumo model of the seed homework (seed 003 conventions), the built-in nonlinear
/// example for fixed points, Jacobians and a Hopf bifurcation (../docs/conventions.md):
///
///   dv/dt = v - v^3/3 - w + I,     tau dw/dt = v + a - b w.
///
/// Fixed point: `(b/3) v^3 + (1 - b) v + (a - b I) = 0`, `w = (v + a)/b` (unique for b < 1).
/// Jacobian `J = [[1 - v^2, -1], [1/tau, -b/tau]]`, `T = 1 - v^2 - b/tau`,
/// `D = (1 - b (1 - v^2))/tau`. Hopf where T crosses 0 with D > 0:
/// `v_H = -sqrt(1 - b/tau)`, `I_H = -v_H + v_H^3/3 + (v_H + a)/b` (0.331281337455 for the
/// defaults; science.md 6.4). The Hopf is subcritical: just below I_H a large kick still reaches
/// the relaxation cycle.

#include <Eigen/Core>

#include "netdyn/dynamics/jacobian.hpp"
#include "netdyn/factorization/spectrum.hpp"

namespace netdyn {

struct FitzHughNagumo {
  double current = 0.3;  ///< I, constant input current
  double tau = 12.5;     ///< recovery time constant (> 0)
  double a = 0.7;
  double b = 0.8;

  /// (dv/dt, dw/dt) for any scalar type (double or an AutoDiff scalar).
  template <typename Vector>
  [[nodiscard]] Vector field(const Vector& x) const {
    Vector out(2);
    out(0) = x(0) - x(0) * x(0) * x(0) / 3.0 - x(1) + current;
    out(1) = (x(0) + a - b * x(1)) / tau;
    return out;
  }
};

/// `J(x) = [[1 - v^2, -1], [1/tau, -b/tau]]`.
[[nodiscard]] Eigen::Matrix2d fitzhugh_nagumo_jacobian(const FitzHughNagumo& model,
                                                       const Eigen::Vector2d& x);
/// fitzhugh_nagumo_jacobian checked against central differences and AutoDiff of the field
/// (`netdyn jacobian --model fitzhugh-nagumo`).
[[nodiscard]] JacobianCheck check_fitzhugh_nagumo_jacobian(const FitzHughNagumo& model,
                                                           const Eigen::Vector2d& x);

struct FitzHughNagumoFixedPoint {
  Eigen::Vector2d state;  ///< (v*, w*)
  Eigen::Matrix2d jacobian;
  Eigen::Vector2cd eigenvalues;  ///< decreasing real part, then decreasing imaginary part
  double trace = 0.0;
  double determinant = 0.0;
  bool stable = false;  ///< T < 0 and D > 0
  FixedPointType classification = FixedPointType::kDegenerate;
};

/// The fixed point by damped Newton on the 2-D field (started on the cubic's real root nearest
/// v = -1), with its Jacobian and trace-determinant classification.
/// \throws std::invalid_argument tau <= 0, b = 0 or a parameter not finite
/// \throws NumericalError Newton failed
[[nodiscard]] FitzHughNagumoFixedPoint fitzhugh_nagumo_fixed_point(const FitzHughNagumo& model);

struct HopfPoint {
  double current = 0.0;      ///< I_H, the lower-branch Hopf current (trace crosses 0)
  Eigen::Vector2d state;     ///< fixed point at I_H
  double frequency = 0.0;    ///< sqrt(D) at I_H (angular, per unit time)
  double closed_form = 0.0;  ///< -v_H + v_H^3/3 + (v_H + a)/b, for comparison
  Eigen::Index iterations = 0;
};

/// The Hopf current on the lower branch (v* < 0), found by bisection of T(I) = tr J(v*(I)) to
/// machine precision (about 60 fixed-point solves); the closed form is reported alongside.
/// \throws std::invalid_argument parameters as above, b >= 1 (fixed point not unique), b >= tau
///         (no trace zero on the branch), D <= 0 at the crossing (not a Hopf point)
[[nodiscard]] HopfPoint fitzhugh_nagumo_hopf(const FitzHughNagumo& model);

}  // namespace netdyn
