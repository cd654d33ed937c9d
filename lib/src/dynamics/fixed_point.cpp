#include "netdyn/dynamics/fixed_point.hpp"

#include <Eigen/LU>
#include <cmath>
#include <memory>
#include <sstream>

#include "core/checks.hpp"

namespace netdyn {

FixedPoint find_fixed_point(const Field& f,
                            const JacobianFn& jacobian,
                            const Eigen::Ref<const Eigen::VectorXd>& x0,
                            const NewtonOptions& options) {
  const char* fn = "find_fixed_point";
  if (x0.size() == 0) throw std::invalid_argument("find_fixed_point: x0 is empty");
  detail::require_finite(fn, "x0", x0);
  const Eigen::Index n = x0.size();
  FixedPoint out;
  out.x = x0;
  Eigen::VectorXd fx(n), trial_f(n);
  Eigen::MatrixXd jac(n, n);
  const auto jacobian_at = [&](const Eigen::VectorXd& x) {
    if (jacobian) {
      jacobian(x, jac);
    } else {
      jac = finite_difference_jacobian(f, x);
    }
  };
  f(out.x, fx);
  for (Eigen::Index it = 0;; ++it) {
    out.residual = fx.cwiseAbs().maxCoeff();
    if (!std::isfinite(out.residual)) {
      throw NumericalError("find_fixed_point: F is not finite at iteration " + std::to_string(it));
    }
    jacobian_at(out.x);
    out.iterations = it;
    if (out.residual <= options.tolerance) break;
    if (it >= options.max_iterations) {
      std::ostringstream msg;
      msg << "find_fixed_point: no convergence in " << options.max_iterations
          << " iterations; ||F||_inf = " << out.residual;
      throw NumericalError(msg.str());
    }
    const Eigen::PartialPivLU<Eigen::MatrixXd> lu(jac);
    if (!(std::abs(lu.determinant()) > 0.0) || lu.rcond() < 1e-15) {
      std::ostringstream msg;
      msg << "find_fixed_point: the Jacobian is singular (rcond " << lu.rcond() << ") at iteration "
          << it << "; try another start point";
      throw NumericalError(msg.str());
    }
    const Eigen::VectorXd dx = lu.solve(-fx);
    const double norm0 = fx.norm();
    double lambda = 1.0;
    Eigen::VectorXd trial = out.x + dx;
    for (;;) {
      f(trial, trial_f);
      if (trial_f.allFinite() && trial_f.norm() <= (1.0 - 1e-4 * lambda) * norm0) break;
      lambda *= 0.5;
      if (lambda < options.min_damping) {
        std::ostringstream msg;
        msg << "find_fixed_point: no descent along the Newton direction at iteration " << it
            << " (||F||_inf = " << out.residual << ")";
        throw NumericalError(msg.str());
      }
      trial = out.x + lambda * dx;
    }
    const double step = (lambda * dx).cwiseAbs().maxCoeff();
    out.x = trial;
    fx = trial_f;
    if (step <= options.step_tolerance * (1.0 + out.x.cwiseAbs().maxCoeff())) {
      out.residual = fx.cwiseAbs().maxCoeff();
      jacobian_at(out.x);
      out.iterations = it + 1;
      break;
    }
  }
  out.jacobian = jac;
  detail::ensure_finite_result(fn, "x", out.x);
  return out;
}

FixedPoint rate_fixed_point(const RateNetwork& net,
                            const Eigen::Ref<const Eigen::VectorXd>& x_in,
                            const Eigen::Ref<const Eigen::VectorXd>& x0,
                            const NewtonOptions& options) {
  const char* fn = "rate_fixed_point";
  validate_rate_network(fn, net, Input::constant_input(x_in));
  const Eigen::Index n = net.size();
  if (x_in.size() != n || x0.size() != n) {
    throw std::invalid_argument(
        "rate_fixed_point: input X and start x0 need n = " + std::to_string(n) + " entries");
  }
  const Eigen::VectorXd xin = x_in;
  auto scratch = std::make_shared<Eigen::VectorXd>(n);
  const Field field = [&net, xin, scratch](const Eigen::Ref<const Eigen::VectorXd>& x,
                                           Eigen::Ref<Eigen::VectorXd> fx) {
    rate_vector_field(net, x, xin, fx, *scratch);
  };
  const JacobianFn jac = [&net, xin](const Eigen::Ref<const Eigen::VectorXd>& x,
                                     Eigen::Ref<Eigen::MatrixXd> j) {
    j = rate_jacobian(net, x, xin);
  };
  return find_fixed_point(field, jac, x0, options);
}

ThresholdLinearFixedPoint threshold_linear_fixed_point(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                                       const Eigen::Ref<const Eigen::VectorXd>& x,
                                                       double gain,
                                                       double threshold) {
  const char* fn = "threshold_linear_fixed_point";
  detail::require_connectivity(fn, "W", w);
  const Eigen::Index n = w.rows();
  if (x.size() != n) {
    throw std::invalid_argument("threshold_linear_fixed_point: X has " + std::to_string(x.size()) +
                                " entries; need " + std::to_string(n));
  }
  detail::require_finite(fn, "X", x);
  if (!std::isfinite(gain) || !std::isfinite(threshold)) {
    throw std::invalid_argument("threshold_linear_fixed_point: gain and threshold must be finite");
  }
  const Eigen::MatrixXd m = Eigen::MatrixXd::Identity(n, n) - gain * w;
  const Eigen::PartialPivLU<Eigen::MatrixXd> lu(m);
  if (lu.rcond() < 1e-14) {
    throw NumericalError("threshold_linear_fixed_point: I - g W is singular (rcond " +
                         std::to_string(lu.rcond()) + ")");
  }
  ThresholdLinearFixedPoint out;
  out.rates = lu.solve(gain * (x.array() - threshold).matrix());
  out.total_input = w * out.rates + x;
  out.all_above_threshold = (out.total_input.array() > threshold).all();
  detail::ensure_finite_result(fn, "r", out.rates);
  return out;
}

}  // namespace netdyn
