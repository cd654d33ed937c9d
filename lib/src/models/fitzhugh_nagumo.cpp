#include "netdyn/models/fitzhugh_nagumo.hpp"

#include <Eigen/LU>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/checks.hpp"
#include "netdyn/core/error.hpp"
#include "netdyn/dynamics/fixed_point.hpp"

namespace netdyn {

namespace {

void validate(const char* fn, const FitzHughNagumo& m) {
  if (!(m.tau > 0.0) || !std::isfinite(m.tau)) {
    throw std::invalid_argument(std::string(fn) + ": tau = " + std::to_string(m.tau) +
                                "; need a finite value > 0");
  }
  if (!std::isfinite(m.current) || !std::isfinite(m.a) || !std::isfinite(m.b) || m.b == 0.0) {
    throw std::invalid_argument(std::string(fn) +
                                ": current, a and b must be finite and b must be non-zero");
  }
}

// v* from the cubic (b/3) v^3 + (1 - b) v + (a - b I) = 0 by Newton from v = -1; for b < 1 the
// cubic is increasing, so the root is unique and Newton with bisection safeguards converges.
double cubic_root(const FitzHughNagumo& m) {
  const auto p = [&m](double v) {
    return m.b / 3.0 * v * v * v + (1.0 - m.b) * v + m.a - m.b * m.current;
  };
  const auto dp = [&m](double v) { return m.b * v * v + (1.0 - m.b); };
  // Start from v = -1 (the model's O(1) range, and the root the defaults select), or, when the
  // constant term dominates, from its balance with the cubic term, v^3 = -3 (a - b I)/b: from
  // v = -1 the first Newton step would land near -(a - b I), whose cube may overflow.
  const double balance = std::cbrt(-3.0 * ((m.a - m.b * m.current) / m.b));
  double v = std::abs(balance) > 1e3 ? balance : -1.0;
  for (int it = 0; it < 200; ++it) {
    const double d = dp(v);
    if (d == 0.0) break;
    const double step = p(v) / d;
    v -= step;
    if (std::abs(step) <= 1e-16 * (1.0 + std::abs(v))) break;
  }
  return v;
}

}  // namespace

Eigen::Matrix2d fitzhugh_nagumo_jacobian(const FitzHughNagumo& model, const Eigen::Vector2d& x) {
  Eigen::Matrix2d j;
  j << 1.0 - x(0) * x(0), -1.0, 1.0 / model.tau, -model.b / model.tau;
  return j;
}

FitzHughNagumoFixedPoint fitzhugh_nagumo_fixed_point(const FitzHughNagumo& model) {
  constexpr const char* kFn = "fitzhugh_nagumo_fixed_point";
  validate(kFn, model);
  // The fixed point has b v^3/3 = -(a - b I) - (1 - b) v, so |v|^3 is about 3 |a - b I|/|b|: the
  // field's v^3/3 must be representable there.
  const double constant = model.a - model.b * model.current;
  const double cube = 3.0 * (std::abs(constant) / std::abs(model.b));
  if (!(cube < std::numeric_limits<double>::max())) {
    const bool small_b = std::isfinite(3.0 * constant) && std::abs(model.b) < 1.0;
    const char* parameter = small_b                                                  ? "b"
                            : std::abs(model.a) >= std::abs(model.b * model.current) ? "a"
                                                                                     : "current";
    const double value = parameter[0] == 'b'   ? model.b
                         : parameter[0] == 'a' ? model.a
                                               : model.current;
    std::ostringstream why;
    why.precision(3);
    why << "the fixed point would have |v|^3 = 3 |a - b I|/|b| = " << cube << " (a = " << model.a
        << ", b = " << model.b << ", I = " << model.current
        << "), beyond the double range, so the model's v^3/3 cannot be evaluated there";
    throw ParameterRangeError(kFn, parameter, value, why.str());
  }
  const double v0 = cubic_root(model);
  const Eigen::Vector2d start(v0, (v0 + model.a) / model.b);
  const Field field = [&model](const Eigen::Ref<const Eigen::VectorXd>& x,
                               Eigen::Ref<Eigen::VectorXd> fx) {
    fx = model.field(Eigen::VectorXd(x));
  };
  const JacobianFn jac = [&model](const Eigen::Ref<const Eigen::VectorXd>& x,
                                  Eigen::Ref<Eigen::MatrixXd> j) {
    j = fitzhugh_nagumo_jacobian(model, Eigen::Vector2d(x(0), x(1)));
  };
  const FixedPoint fp = find_fixed_point(field, jac, start);
  FitzHughNagumoFixedPoint out;
  out.state = fp.x;
  out.jacobian = fitzhugh_nagumo_jacobian(model, out.state);
  out.trace = out.jacobian.trace();
  out.determinant = out.jacobian.determinant();
  const std::complex<double> disc =
      std::sqrt(std::complex<double>(out.trace * out.trace - 4.0 * out.determinant, 0.0));
  Eigen::VectorXcd values(2);
  values << 0.5 * (out.trace + disc), 0.5 * (out.trace - disc);
  sort_eigenvalues(values);
  out.eigenvalues = values;
  out.stable = out.trace < 0.0 && out.determinant > 0.0;
  out.classification = classify_planar(out.jacobian);
  return out;
}

HopfPoint fitzhugh_nagumo_hopf(const FitzHughNagumo& model) {
  const char* fn = "fitzhugh_nagumo_hopf";
  validate(fn, model);
  if (!(model.b < 1.0)) {
    throw std::invalid_argument("fitzhugh_nagumo_hopf: b = " + std::to_string(model.b) +
                                "; need b < 1 for a unique fixed point");
  }
  if (!(model.b < model.tau)) {
    throw std::invalid_argument(
        "fitzhugh_nagumo_hopf: b/tau = " + std::to_string(model.b / model.tau) +
        " >= 1, so the trace 1 - v^2 - b/tau is negative everywhere");
  }
  // v*(I) increases with I; bracket the crossing on the lower branch via the inverse map
  // I(v) = v^3/3 - v + (v + a)/b at v = -3 (T < 0) and v = 0 (T > 0).
  const auto current_of = [&model](double v) {
    return v * v * v / 3.0 - v + (v + model.a) / model.b;
  };
  const auto trace_at = [&model](double current) {
    FitzHughNagumo m = model;
    m.current = current;
    const double v = cubic_root(m);
    return 1.0 - v * v - model.b / model.tau;
  };
  double lo = current_of(-3.0);
  double hi = current_of(0.0);
  HopfPoint out;
  for (out.iterations = 0; out.iterations < 200; ++out.iterations) {
    const double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    (trace_at(mid) < 0.0 ? lo : hi) = mid;
  }
  out.current = 0.5 * (lo + hi);
  FitzHughNagumo m = model;
  m.current = out.current;
  const FitzHughNagumoFixedPoint fp = fitzhugh_nagumo_fixed_point(m);
  out.state = fp.state;
  if (!(fp.determinant > 0.0)) {
    throw std::invalid_argument("fitzhugh_nagumo_hopf: det J = " + std::to_string(fp.determinant) +
                                " <= 0 where the trace vanishes; not a Hopf point");
  }
  out.frequency = std::sqrt(fp.determinant);
  const double vh = -std::sqrt(1.0 - model.b / model.tau);
  out.closed_form = current_of(vh);
  return out;
}

JacobianCheck check_fitzhugh_nagumo_jacobian(const FitzHughNagumo& model,
                                             const Eigen::Vector2d& x) {
  detail::require_finite("check_fitzhugh_nagumo_jacobian", "state", x);
  JacobianCheck c;
  c.jacobian = fitzhugh_nagumo_jacobian(model, x);
  const Eigen::MatrixXd fd = finite_difference_jacobian(
      [&model](const Eigen::Ref<const Eigen::VectorXd>& y, Eigen::Ref<Eigen::VectorXd> fy) {
        fy = model.field(Eigen::VectorXd(y));
      },
      Eigen::VectorXd(x));
  c.eigenvalues = compute_spectrum(c.jacobian).eigenvalues;
  c.finite_difference_error = (fd - c.jacobian).cwiseAbs().maxCoeff();
  const Eigen::MatrixXd ad =
      autodiff_jacobian([&model](const auto& y) { return model.field(y); }, Eigen::VectorXd(x));
  c.autodiff_error = (ad - c.jacobian).cwiseAbs().maxCoeff();
  return c;
}

}  // namespace netdyn
