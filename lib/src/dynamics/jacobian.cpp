#include "netdyn/dynamics/jacobian.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "core/checks.hpp"
#include "netdyn/factorization/spectrum.hpp"

namespace netdyn {

namespace {

void require_vector_size(const char* fn, const char* name, Eigen::Index size, Eigen::Index n) {
  if (size != n) {
    std::ostringstream msg;
    msg << fn << ": " << name << " has " << size << " entries; need " << n;
    throw std::invalid_argument(msg.str());
  }
}

// f(x) = phi(gain (x - threshold)) for any scalar type (double or AutoDiffScalar). The kink of
// the threshold-linear function gets derivative 0, matching Transfer::derivative().
template <typename S>
S transfer_value(const Transfer& f, const S& x) {
  using std::exp;
  using std::tanh;
  const S u = f.gain * (x - f.threshold);
  switch (f.kind) {
    case TransferKind::kLinear: return u;
    case TransferKind::kTanh: return tanh(u);
    case TransferKind::kThresholdLinear: return u > 0.0 ? u : S(u * 0.0);
    case TransferKind::kSigmoid: return 1.0 / (1.0 + exp(-u));
  }
  return u;
}

// Exact representable step: (x + h) - x == h.
double exact_step(double x, double h) {
  volatile double t = x + h;
  return t - x;
}

}  // namespace

Eigen::MatrixXd rate_jacobian(const RateNetwork& net,
                              const Eigen::Ref<const Eigen::VectorXd>& x,
                              const Eigen::Ref<const Eigen::VectorXd>& x_in) {
  const char* fn = "rate_jacobian";
  validate_rate_network(fn, net);
  const Eigen::Index n = net.size();
  require_vector_size(fn, "x", x.size(), n);
  require_vector_size(fn, "input X", x_in.size(), n);
  detail::require_finite(fn, "x", x);
  detail::require_finite(fn, "input X", x_in);
  Eigen::MatrixXd jac(n, n);
  if (net.form == RateForm::kRate) {
    const Eigen::VectorXd u = net.w * x + x_in;
    Eigen::VectorXd g(n);
    for (Eigen::Index i = 0; i < n; ++i) g(i) = net.f.derivative(u(i));
    jac.noalias() = g.asDiagonal() * net.w;  // G W: rows scaled
  } else {
    Eigen::VectorXd g(n);
    for (Eigen::Index i = 0; i < n; ++i) g(i) = net.f.derivative(x(i) + x_in(i));
    jac.noalias() = net.w * g.asDiagonal();  // W G: columns scaled
  }
  jac.diagonal().array() -= 1.0;
  jac.array().colwise() /= net.tau_vector().array();  // row i divided by tau_i
  return jac;
}

Eigen::MatrixXd layer_jacobian(const Eigen::Ref<const Eigen::MatrixXd>& w,
                               const Eigen::Ref<const Eigen::VectorXd>& x,
                               const Transfer& f) {
  const char* fn = "layer_jacobian";
  if (w.size() == 0) throw std::invalid_argument("layer_jacobian: W is empty");
  detail::require_finite(fn, "W", w);
  require_vector_size(fn, "x", x.size(), w.cols());
  detail::require_finite(fn, "x", x);
  const Eigen::VectorXd u = w * x;
  Eigen::VectorXd g(u.size());
  for (Eigen::Index i = 0; i < u.size(); ++i) g(i) = f.derivative(u(i));
  return g.asDiagonal() * w;
}

Eigen::MatrixXd finite_difference_jacobian(const Field& f,
                                           const Eigen::Ref<const Eigen::VectorXd>& x,
                                           const FiniteDifferenceOptions& options) {
  const char* fn = "finite_difference_jacobian";
  if (x.size() == 0) throw std::invalid_argument("finite_difference_jacobian: x is empty");
  detail::require_finite(fn, "x", x);
  detail::require_positive(fn, "options.step", options.step);
  const Eigen::Index n = x.size();
  const Eigen::Index m = options.output_size < 0 ? n : options.output_size;
  Eigen::VectorXd xp = x;
  Eigen::VectorXd fp(m), fm(m);
  Eigen::MatrixXd jac(m, n);
  const auto central = [&](Eigen::Index j, double h) -> Eigen::VectorXd {
    xp(j) = x(j) + h;
    f(xp, fp);
    xp(j) = x(j) - h;
    f(xp, fm);
    xp(j) = x(j);
    return (fp - fm) / (2.0 * h);
  };
  for (Eigen::Index j = 0; j < n; ++j) {
    const double h = exact_step(x(j), options.step * std::max(1.0, std::abs(x(j))));
    const Eigen::VectorXd d1 = central(j, h);
    if (options.richardson) {
      const double h2 = exact_step(x(j), 0.5 * h);
      const Eigen::VectorXd d2 = central(j, h2);
      // Error expansion D(h) = J + c h^2 + O(h^4); h2 may differ from h/2 by rounding, so use
      // the actual ratio.
      const double r2 = (h / h2) * (h / h2);
      jac.col(j) = (r2 * d2 - d1) / (r2 - 1.0);
    } else {
      jac.col(j) = d1;
    }
  }
  detail::ensure_finite_result(fn, "Jacobian", jac);
  return jac;
}

Eigen::MatrixXd autodiff_rate_jacobian(const RateNetwork& net,
                                       const Eigen::Ref<const Eigen::VectorXd>& x,
                                       const Eigen::Ref<const Eigen::VectorXd>& x_in) {
  const char* fn = "autodiff_rate_jacobian";
  validate_rate_network(fn, net);
  const Eigen::Index n = net.size();
  require_vector_size(fn, "x", x.size(), n);
  require_vector_size(fn, "input X", x_in.size(), n);
  const Eigen::VectorXd tau = net.tau_vector();
  const Eigen::VectorXd xin = x_in;
  const auto field = [&net, &tau, &xin](const auto& r) {
    using Vec = std::decay_t<decltype(r)>;
    using S = typename Vec::Scalar;
    const Eigen::Index size = r.size();
    Vec out(size);
    if (net.form == RateForm::kRate) {
      for (Eigen::Index i = 0; i < size; ++i) {
        S u = net.w(i, 0) * r(0) + xin(i);
        for (Eigen::Index j = 1; j < size; ++j) u += net.w(i, j) * r(j);
        out(i) = (transfer_value(net.f, u) - r(i)) / tau(i);
      }
    } else {
      Vec g(size);
      for (Eigen::Index j = 0; j < size; ++j) g(j) = transfer_value(net.f, S(r(j) + xin(j)));
      for (Eigen::Index i = 0; i < size; ++i) {
        S s = net.w(i, 0) * g(0);
        for (Eigen::Index j = 1; j < size; ++j) s += net.w(i, j) * g(j);
        out(i) = (s - r(i)) / tau(i);
      }
    }
    return out;
  };
  Eigen::MatrixXd jac = autodiff_jacobian(field, Eigen::VectorXd(x));
  detail::ensure_finite_result(fn, "Jacobian", jac);
  return jac;
}

JacobianCheck check_rate_jacobian(const RateNetwork& net,
                                  const Eigen::Ref<const Eigen::VectorXd>& x,
                                  const Eigen::Ref<const Eigen::VectorXd>& x_in) {
  JacobianCheck c;
  c.jacobian = rate_jacobian(net, x, x_in);
  Eigen::VectorXd scratch(net.size());
  const Eigen::MatrixXd fd = finite_difference_jacobian(
      [&](const Eigen::Ref<const Eigen::VectorXd>& y, Eigen::Ref<Eigen::VectorXd> fy) {
        rate_vector_field(net, y, x_in, fy, scratch);
      },
      x);
  c.eigenvalues = compute_spectrum(c.jacobian).eigenvalues;
  c.finite_difference_error = (fd - c.jacobian).cwiseAbs().maxCoeff();
  if (net.size() <= kAutodiffMaxOrder) {
    c.autodiff_error = (autodiff_rate_jacobian(net, x, x_in) - c.jacobian).cwiseAbs().maxCoeff();
  }
  return c;
}

}  // namespace netdyn
