#include "netdyn/dynamics/linear_solution.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <unsupported/Eigen/MatrixFunctions>
#include <vector>

#include "core/checks.hpp"
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

LinearGenerator::LinearGenerator(const RateNetwork& net, const Input& input, const char* function) {
  validate_rate_network(function, net, input);
  if (net.f.kind != TransferKind::kLinear) {
    throw std::invalid_argument(std::string(function) + ": transfer function is " +
                                to_string(net.f.kind) + "; the linear network needs f linear");
  }
  w_ = &net.w;
  inv_tau_ = net.tau_vector().cwiseInverse();
  gain_ = net.f.gain;
  threshold_ = net.f.threshold;
  form_ = net.form;
}

Eigen::MatrixXd LinearGenerator::matrix() const {
  const Eigen::Index n = size();
  return inv_tau_.asDiagonal() * (gain_ * *w_ - Eigen::MatrixXd::Identity(n, n));
}

void LinearGenerator::apply(const Eigen::Ref<const Eigen::VectorXd>& x,
                            Eigen::Ref<Eigen::VectorXd> y) const {
  lapack::gemv('N', gain_, *w_, x, 0.0, y);
  y.array() = inv_tau_.array() * (y - x).array();
}

void LinearGenerator::affine_term(const Eigen::Ref<const Eigen::VectorXd>& x_in,
                                  Eigen::Ref<Eigen::VectorXd> b) const {
  if (form_ == RateForm::kRate) {
    b.array() = gain_ * inv_tau_.array() * (x_in.array() - threshold_);
  } else {
    const Eigen::VectorXd shifted = x_in.array() - threshold_;
    lapack::gemv('N', gain_, *w_, shifted, 0.0, b);
    b.array() *= inv_tau_.array();
  }
}

double LinearGenerator::mean_eigenvalue() const {
  return (inv_tau_.array() * (gain_ * w_->diagonal().array() - 1.0)).mean();
}

LinearOperator LinearGenerator::as_operator() const {
  LinearOperator op;
  op.size = size();
  op.shift = mean_eigenvalue();
  op.apply = [gen = *this](const Eigen::Ref<const Eigen::VectorXd>& x,
                           Eigen::Ref<Eigen::VectorXd> y) { gen.apply(x, y); };
  return op;
}

Eigen::MatrixXd linear_solution(const RateNetwork& net,
                                const Eigen::Ref<const Eigen::VectorXd>& x0,
                                const Input& input,
                                const Eigen::Ref<const Eigen::VectorXd>& times) {
  const char* fn = "linear_solution";
  const LinearGenerator gen(net, input, fn);  // validates net and input
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
  LinearFlow flow(gen.matrix());

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
      gen.affine_term(xin, b);
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
