#include "netdyn/linear_solution.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <unsupported/Eigen/MatrixFunctions>
#include <vector>

#include "checks.hpp"
#include "lapack/lapack.hpp"

namespace netdyn {

LinearFlow::LinearFlow(const Eigen::Ref<const Eigen::MatrixXd>& a) {
  detail::require_connectivity("LinearFlow", "A", a);
  lapack::RealSchurFactor f = lapack::gees(a, true);
  t_ = std::move(f.t);
  u_ = std::move(f.u);
}

Eigen::VectorXd LinearFlow::advance(double dt,
                                    const Eigen::Ref<const Eigen::VectorXd>& x,
                                    const Eigen::Ref<const Eigen::VectorXd>& b) {
  const Eigen::Index n = size();
  if (!(dt >= 0.0) || !std::isfinite(dt)) {
    throw std::invalid_argument("LinearFlow::advance: dt = " + std::to_string(dt) +
                                "; need a finite dt >= 0");
  }
  if (x.size() != n || (b.size() != 0 && b.size() != n)) {
    throw std::invalid_argument("LinearFlow::advance: x or b has the wrong size; need " +
                                std::to_string(n));
  }
  if (dt == 0.0) return x;
  const Eigen::VectorXd c =
      b.size() == 0 ? Eigen::VectorXd::Zero(n) : Eigen::VectorXd(u_.transpose() * b);
  if (dt != cached_dt_ || cached_c_.size() != n || c != cached_c_) {
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(n + 1, n + 1);
    m.topLeftCorner(n, n) = dt * t_;
    m.topRightCorner(n, 1) = dt * c;
    cached_exp_ = m.exp();
    cached_dt_ = dt;
    cached_c_ = c;
  }
  const Eigen::VectorXd y = u_.transpose() * x;
  const Eigen::VectorXd y_new =
      cached_exp_.topLeftCorner(n, n) * y + cached_exp_.topRightCorner(n, 1);
  Eigen::VectorXd out = u_ * y_new;
  detail::ensure_finite_result("LinearFlow::advance", "x", out);
  return out;
}

LinearGenerator linear_generator(const RateNetwork& net) {
  validate_rate_network("linear_generator", net);
  if (net.f.kind != TransferKind::kLinear) {
    throw std::invalid_argument("linear_generator: transfer function is " + to_string(net.f.kind) +
                                "; the exact solution needs f linear");
  }
  const Eigen::Index n = net.size();
  const Eigen::VectorXd inv_tau = net.tau_vector().cwiseInverse();
  const double g = net.f.gain;
  LinearGenerator out;
  out.a = inv_tau.asDiagonal() * (g * net.w - Eigen::MatrixXd::Identity(n, n));
  if (net.form == RateForm::kRate) {
    out.input_map = g * inv_tau.asDiagonal().toDenseMatrix();
  } else {
    out.input_map = g * (inv_tau.asDiagonal() * net.w);
  }
  out.offset = -net.f.threshold * out.input_map.rowwise().sum();
  return out;
}

Eigen::MatrixXd linear_solution(const RateNetwork& net,
                                const Eigen::Ref<const Eigen::VectorXd>& x0,
                                const Input& input,
                                const Eigen::Ref<const Eigen::VectorXd>& times) {
  const char* fn = "linear_solution";
  validate_rate_network(fn, net, input);
  if (input.function) {
    throw std::invalid_argument(
        "linear_solution: input.function is set; the exact solution covers constant, step, "
        "pulse and impulse inputs only");
  }
  const Eigen::Index n = net.size();
  if (x0.size() != n) {
    throw std::invalid_argument("linear_solution: r0 has " + std::to_string(x0.size()) +
                                " entries but W is " + std::to_string(n) + "x" + std::to_string(n) +
                                "; sizes must match");
  }
  detail::require_finite(fn, "r0", x0);
  for (Eigen::Index k = 0; k < times.size(); ++k) {
    if (!(times(k) >= 0.0) || !std::isfinite(times(k)) || (k > 0 && times(k) < times(k - 1))) {
      throw std::invalid_argument("linear_solution: times must be finite, >= 0 and non-decreasing");
    }
  }
  const LinearGenerator gen = linear_generator(net);
  LinearFlow flow(gen.a);

  // Event times (pulse edges and impulses) cut the run into pieces of constant b.
  std::vector<double> events = input.breakpoints();
  Eigen::MatrixXd out(n, times.size());
  Eigen::VectorXd x = x0;
  double t = 0.0;
  Eigen::VectorXd xin(n), b(n);
  const auto apply_impulses = [&](double at) {
    for (const Impulse& k : input.impulses) {
      if (k.time == at) x += k.jump;
    }
  };
  const auto advance_to = [&](double target) {
    // Move from t to target across events; an event at time e: reach e with the old b, jump.
    while (t < target) {
      double next = target;
      for (double e : events) {
        if (e > t && e < next) next = e;
      }
      input.piecewise_constant(0.5 * (t + next), xin);
      b = gen.input_map * xin + gen.offset;
      x = flow.advance(next - t, x, b);
      t = next;
      if (next < target) apply_impulses(next);
    }
  };
  apply_impulses(0.0);
  for (Eigen::Index k = 0; k < times.size(); ++k) {
    if (times(k) > t) {
      advance_to(times(k));
      apply_impulses(times(k));  // right-continuous: the output at an impulse is after it
    }
    out.col(k) = x;
  }
  return out;
}

}  // namespace netdyn
