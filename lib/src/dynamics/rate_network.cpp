#include "netdyn/dynamics/rate_network.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "core/checks.hpp"
#include "lapack/lapack.hpp"

namespace netdyn {

std::string to_string(TransferKind kind) {
  switch (kind) {
    case TransferKind::kLinear: return "linear";
    case TransferKind::kTanh: return "tanh";
    case TransferKind::kThresholdLinear: return "relu";
    case TransferKind::kSigmoid: return "sigmoid";
  }
  throw std::logic_error("to_string(TransferKind): unknown value");
}

TransferKind parse_transfer_kind(const std::string& name) {
  if (name == "linear") return TransferKind::kLinear;
  if (name == "tanh") return TransferKind::kTanh;
  if (name == "relu" || name == "threshold-linear") return TransferKind::kThresholdLinear;
  if (name == "sigmoid") return TransferKind::kSigmoid;
  throw std::invalid_argument("transfer function '" + name +
                              "' is unknown; use linear, tanh, relu (threshold-linear) or sigmoid");
}

double Transfer::value(double x) const {
  const double u = gain * (x - threshold);
  switch (kind) {
    case TransferKind::kLinear: return u;
    case TransferKind::kTanh: return std::tanh(u);
    case TransferKind::kThresholdLinear: return u > 0.0 ? u : 0.0;
    case TransferKind::kSigmoid: return 1.0 / (1.0 + std::exp(-u));
  }
  return u;
}

double Transfer::derivative(double x) const {
  const double u = gain * (x - threshold);
  switch (kind) {
    case TransferKind::kLinear: return gain;
    case TransferKind::kTanh: {
      const double t = std::tanh(u);
      return gain * (1.0 - t * t);
    }
    case TransferKind::kThresholdLinear: return u > 0.0 ? gain : 0.0;
    case TransferKind::kSigmoid: {
      const double s = 1.0 / (1.0 + std::exp(-u));
      return gain * s * (1.0 - s);
    }
  }
  return gain;
}

std::string to_string(RateForm form) {
  return form == RateForm::kRate ? "rate" : "current";
}

RateForm parse_rate_form(const std::string& name) {
  if (name == "rate") return RateForm::kRate;
  if (name == "current") return RateForm::kCurrent;
  throw std::invalid_argument("model form '" + name + "' is unknown; use rate or current");
}

Input Input::constant_input(const Eigen::VectorXd& x) {
  Input in;
  in.constant = x;
  return in;
}

Input Input::step(const Eigen::VectorXd& x, double t0) {
  Input in;
  in.pulse = x;
  in.pulse_start = t0;
  return in;
}

Input Input::pulse_input(const Eigen::VectorXd& x, double t0, double t1) {
  Input in;
  in.pulse = x;
  in.pulse_start = t0;
  in.pulse_end = t1;
  return in;
}

Input Input::impulse(const Eigen::VectorXd& jump, double t0) {
  Input in;
  in.impulses.push_back({t0, jump});
  return in;
}

std::vector<double> Input::breakpoints() const {
  std::vector<double> out;
  if (pulse.size() > 0) {
    out.push_back(pulse_start);
    if (std::isfinite(pulse_end)) out.push_back(pulse_end);
  }
  for (const Impulse& k : impulses) out.push_back(k.time);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void Input::piecewise_constant(double t, Eigen::Ref<Eigen::VectorXd> x) const {
  if (constant.size() > 0) {
    x = constant;
  } else {
    x.setZero();
  }
  if (pulse.size() > 0 && t >= pulse_start && t < pulse_end) x += pulse;
}

Eigen::VectorXd RateNetwork::tau_vector() const {
  if (tau.size() == 0) return Eigen::VectorXd::Ones(size());
  if (tau.size() == 1) return Eigen::VectorXd::Constant(size(), tau(0));
  return tau;
}

namespace {

void require_size(const char* function, const char* name, Eigen::Index size, Eigen::Index n) {
  if (size != 0 && size != n) {
    std::ostringstream msg;
    msg << function << ": " << name << " has " << size << " entries but W is " << n << "x" << n
        << "; sizes must match";
    throw std::invalid_argument(msg.str());
  }
}

}  // namespace

void validate_rate_network(const char* function, const RateNetwork& net, const Input& input) {
  detail::require_square(function, "W", net.w);
  // W is the large input: one vectorised pass (a sum is finite when every entry is, barring
  // overflow), and the entry-wise search that names the bad entry only when that fails.
  if (!std::isfinite(net.w.sum())) detail::require_finite(function, "W", net.w);
  const Eigen::Index n = net.size();
  if (net.tau.size() != 0 && net.tau.size() != 1 && net.tau.size() != n) {
    std::ostringstream msg;
    msg << function << ": tau has " << net.tau.size() << " entries; need 1 or n = " << n;
    throw std::invalid_argument(msg.str());
  }
  for (Eigen::Index i = 0; i < net.tau.size(); ++i) {
    if (!(net.tau(i) > 0.0) || !std::isfinite(net.tau(i))) {
      std::ostringstream msg;
      msg << function << ": tau(" << i << ") = " << net.tau(i) << "; need a finite value > 0";
      throw std::invalid_argument(msg.str());
    }
  }
  if (!std::isfinite(net.f.gain) || !std::isfinite(net.f.threshold)) {
    throw std::invalid_argument(std::string(function) +
                                ": transfer gain and threshold must be finite");
  }
  // |f'| <= |gain| for every transfer kind, so the Jacobian's coupling W f' (or f' W) is bounded
  // by |gain| max |W_ij|: that product must be a double.
  const double w_max = net.w.cwiseAbs().maxCoeff();
  if (!(std::abs(net.f.gain) * w_max < std::numeric_limits<double>::max())) {
    std::ostringstream why;
    why.precision(3);
    why << "gain times the largest |W_ij| (" << w_max
        << ") exceeds the double range, so the coupling W f' of the dynamics and the Jacobian is "
           "not finite; for this W |gain| must be < "
        << std::numeric_limits<double>::max() / w_max;
    throw ParameterRangeError(function, "gain", net.f.gain, why.str());
  }
  require_size(function, "input constant X", input.constant.size(), n);
  detail::require_finite(function, "input constant X", input.constant);
  require_size(function, "input pulse", input.pulse.size(), n);
  detail::require_finite(function, "input pulse", input.pulse);
  if (input.pulse.size() > 0 &&
      (!std::isfinite(input.pulse_start) || !(input.pulse_start < input.pulse_end))) {
    std::ostringstream msg;
    msg << function << ": pulse interval [" << input.pulse_start << ", " << input.pulse_end
        << ") is empty or not finite; need finite start < end";
    throw std::invalid_argument(msg.str());
  }
  for (const Impulse& k : input.impulses) {
    if (k.jump.size() != n) require_size(function, "impulse jump", k.jump.size(), n);
    if (k.jump.size() == 0) {
      throw std::invalid_argument(std::string(function) +
                                  ": impulse jump is empty; need n entries");
    }
    detail::require_finite(function, "impulse jump", k.jump);
    if (!std::isfinite(k.time)) {
      throw std::invalid_argument(std::string(function) + ": impulse time is not finite");
    }
  }
}

void rate_vector_field(const RateNetwork& net,
                       const Eigen::Ref<const Eigen::VectorXd>& x,
                       const Eigen::Ref<const Eigen::VectorXd>& x_in,
                       Eigen::Ref<Eigen::VectorXd> dxdt,
                       Eigen::Ref<Eigen::VectorXd> scratch) {
  const Eigen::Index n = net.size();
  const Transfer& f = net.f;
  if (net.form == RateForm::kRate) {
    // scratch = W x + X, then dxdt = -x + f(scratch).
    scratch = x_in;
    lapack::gemv('N', 1.0, net.w, x, 1.0, scratch);
    if (f.kind == TransferKind::kLinear) {
      dxdt = f.gain * (scratch.array() - f.threshold).matrix() - x;
    } else if (f.kind == TransferKind::kTanh && f.gain == 1.0 && f.threshold == 0.0) {
      dxdt = scratch.array().tanh().matrix() - x;
    } else {
      for (Eigen::Index i = 0; i < n; ++i) dxdt(i) = f.value(scratch(i)) - x(i);
    }
  } else {
    // scratch = f(x + X), then dxdt = -x + W scratch.
    for (Eigen::Index i = 0; i < n; ++i) scratch(i) = f.value(x(i) + x_in(i));
    dxdt = -x;
    lapack::gemv('N', 1.0, net.w, scratch, 1.0, dxdt);
  }
  if (net.tau.size() == 1) {
    if (net.tau(0) != 1.0) dxdt /= net.tau(0);
  } else if (net.tau.size() == n) {
    dxdt.array() /= net.tau.array();
  }
}

}  // namespace netdyn
