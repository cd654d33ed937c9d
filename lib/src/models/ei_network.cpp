#include "netdyn/models/ei_network.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/checks.hpp"

namespace netdyn {
namespace {

const double kInf = std::numeric_limits<double>::infinity();
const double kSqrtHalf = std::sqrt(0.5);

void require_finite_value(const char* function, const char* name, double value) {
  if (!std::isfinite(value)) {
    std::ostringstream msg;
    msg << function << ": " << name << " = " << value << "; need a finite value";
    throw std::invalid_argument(msg.str());
  }
}

void require_non_negative(const char* function, const char* name, double value) {
  if (!(value >= 0.0) || !std::isfinite(value)) {
    std::ostringstream msg;
    msg << function << ": " << name << " = " << value << "; need a finite value >= 0";
    throw std::invalid_argument(msg.str());
  }
}

void validate(const char* function, const EiNetwork& n) {
  require_non_negative(function, "network.w_e", n.w_e);
  require_non_negative(function, "network.w_i", n.w_i);
  detail::require_positive(function, "network.tau", n.tau);
}

void validate_time(const char* function, double t) {
  require_non_negative(function, "t", t);
}

// (1 - e^{-x})/x for x >= 0, 1 at x = 0, without cancellation.
double relative_decay(double x) {
  return x == 0.0 ? 1.0 : -std::expm1(-x) / x;
}

// G(t) = int_0^t e^{-k1 (t - s)} e^{-k2 s} ds, symmetric in k1, k2.
double convolution_kernel(double k1, double k2, double t) {
  const double slow = std::min(k1, k2);
  const double fast = std::max(k1, k2);
  return t * std::exp(-slow * t) * relative_decay((fast - slow) * t);
}

TriangularPair schur_pair(const EiNetwork& n) {
  return {n.w_e - n.w_i, 0.0, n.w_e + n.w_i, n.tau};
}

}  // namespace

Eigen::Vector2d triangular_pair_response(const TriangularPair& s,
                                         const Eigen::Vector2d& x0,
                                         double t) {
  const char* f = "triangular_pair_response";
  require_finite_value(f, "system.lambda1", s.lambda1);
  require_finite_value(f, "system.lambda2", s.lambda2);
  require_finite_value(f, "system.feedforward", s.feedforward);
  detail::require_positive(f, "system.tau", s.tau);
  detail::require_finite(f, "x0", x0);
  validate_time(f, t);
  const double k1 = (1.0 - s.lambda1) / s.tau;
  const double k2 = (1.0 - s.lambda2) / s.tau;
  const double b = x0(1) * std::exp(-k2 * t);
  const double a =
      x0(0) * std::exp(-k1 * t) + s.feedforward * x0(1) / s.tau * convolution_kernel(k1, k2, t);
  return {a, b};
}

Eigen::Matrix2d ei_connectivity(const EiNetwork& network) {
  validate("ei_connectivity", network);
  Eigen::Matrix2d w;
  w << network.w_e, -network.w_i, network.w_e, -network.w_i;
  return w;
}

EiSchurForm ei_schur(const EiNetwork& network) {
  validate("ei_schur", network);
  EiSchurForm s;
  s.u << kSqrtHalf, kSqrtHalf, kSqrtHalf, -kSqrtHalf;
  s.t << network.w_e - network.w_i, network.w_e + network.w_i, 0.0, 0.0;
  s.eigenvalues << network.w_e - network.w_i, 0.0;
  s.feedforward_weight = network.w_e + network.w_i;
  return s;
}

Eigen::Vector2d ei_response(const EiNetwork& network, const Eigen::Vector2d& r0, double t) {
  validate("ei_response", network);
  detail::require_finite("ei_response", "r0", r0);
  validate_time("ei_response", t);
  // Sum/difference coordinates: r = a s1 + b s2.
  const Eigen::Vector2d x0(kSqrtHalf * (r0(0) + r0(1)), kSqrtHalf * (r0(0) - r0(1)));
  const Eigen::Vector2d x = triangular_pair_response(schur_pair(network), x0, t);
  return {kSqrtHalf * (x(0) + x(1)), kSqrtHalf * (x(0) - x(1))};
}

ExponentialPeak two_exponential_peak(double alpha, double p, double beta, double q) {
  const bool degenerate = p == q;
  auto f = [&](double t) {
    return degenerate ? (alpha + beta * t) * std::exp(-p * t)
                      : alpha * std::exp(-p * t) + beta * std::exp(-q * t);
  };
  // Behaviour as t -> inf: the slowest mode with a non-zero coefficient dominates.
  double limit = 0.0;
  if (degenerate) {
    const double lead = beta != 0.0 ? beta : alpha;
    if (p < 0.0 && lead != 0.0) limit = lead > 0 ? kInf : -kInf;
    if (p == 0.0) limit = beta > 0 ? kInf : (beta < 0 ? -kInf : alpha);
  } else {
    double rate = p < q ? p : q;
    double coef = p < q ? alpha : beta;
    if (coef == 0.0) {
      rate = p < q ? q : p;
      coef = p < q ? beta : alpha;
    }
    if (coef != 0.0 && rate < 0.0) limit = coef > 0 ? kInf : -kInf;
    if (coef != 0.0 && rate == 0.0) limit = coef;
  }
  if (limit == kInf) return {};

  // At most one stationary point.
  double t_star = -1.0;
  if (degenerate) {
    if (beta != 0.0 && p != 0.0) t_star = 1.0 / p - alpha / beta;
  } else if (alpha * p != 0.0) {
    const double ratio = -beta * q / (alpha * p);
    if (ratio > 0.0) t_star = std::log(ratio) / (q - p);
  }
  double best = f(0.0);
  double best_time = 0.0;
  if (t_star > 0.0 && std::isfinite(t_star)) {
    const double value = f(t_star);
    if (value > best) {
      best = value;
      best_time = t_star;
    }
  }
  if (limit > best) return {limit, kInf};
  return {best, best_time};
}

EiPulseResponse ei_pulse_response(const EiNetwork& network, const Eigen::Vector2d& r0) {
  validate("ei_pulse_response", network);
  detail::require_finite("ei_pulse_response", "r0", r0);
  const double we = network.w_e;
  const double wi = network.w_i;
  const double tau = network.tau;
  const double c = 1.0 + wi - we;  // det(I - W)
  EiPulseResponse out;
  out.feedforward_weight = we + wi;
  out.sum_decay_rate = c / tau;
  out.integral_r_e_uncoupled = tau * r0(0);
  if (c > 0.0) {
    // int_0^inf r dt = tau (I - W)^{-1} r0, (I - W)^{-1} = [[1 + wI, -wI], [wE, 1 - wE]]/c.
    out.integral_r_e = tau * ((1.0 + wi) * r0(0) - wi * r0(1)) / c;
    out.integral_r_i = tau * (we * r0(0) + (1.0 - we) * r0(1)) / c;
    if (r0(0) != 0.0) out.amplification = *out.integral_r_e / out.integral_r_e_uncoupled;
  }
  // r_E = (a + b)/sqrt2 = alpha e^{-k1 t} + beta e^{-k2 t} with k1 = c/tau, k2 = 1/tau
  // (triangular_pair_response expanded; tau (k1 - k2) = wI - wE).
  const double a0 = kSqrtHalf * (r0(0) + r0(1));
  const double b0 = kSqrtHalf * (r0(0) - r0(1));
  const double k1 = c / tau;
  const double k2 = 1.0 / tau;
  ExponentialPeak peak;
  if (we == wi) {
    // a = (a0 + wFF b0 t/tau) e^{-t/tau}: r_E = [(a0 + b0) + (wFF b0/tau) t] e^{-t/tau}/sqrt2.
    peak = two_exponential_peak(kSqrtHalf * (a0 + b0), k2, kSqrtHalf * (we + wi) * b0 / tau, k2);
  } else {
    const double q = (we + wi) * b0 / (wi - we);
    peak = two_exponential_peak(kSqrtHalf * (a0 - q), k1, kSqrtHalf * (b0 + q), k2);
  }
  out.peak_r_e = peak.value;
  out.peak_time = peak.time;
  return out;
}

double balanced_weight_for_amplification(double amplification, double k) {
  const char* f = "balanced_weight_for_amplification";
  require_finite_value(f, "amplification", amplification);
  require_non_negative(f, "k", k);
  if (amplification < 1.0) {
    std::ostringstream msg;
    msg << f << ": amplification = " << amplification << "; need a value >= 1";
    throw std::invalid_argument(msg.str());
  }
  const double denominator = k - amplification * (k - 1.0);
  if (!(denominator > 0.0)) {
    std::ostringstream msg;
    msg << f << ": amplification = " << amplification << " is not reachable at k = " << k
        << "; the integral ratio (1 + k w)/(1 + (k - 1) w) stays below k/(k - 1)";
    throw std::invalid_argument(msg.str());
  }
  return (amplification - 1.0) / denominator;
}

HebbianResponse hebbian_response(const HebbianNetwork& network, double r0) {
  const char* f = "hebbian_response";
  require_finite_value(f, "network.w", network.w);
  detail::require_positive(f, "network.tau", network.tau);
  require_finite_value(f, "r0", r0);
  if (!(network.w < 1.0)) {
    std::ostringstream msg;
    msg << f << ": network.w = " << network.w
        << "; need w < 1 (otherwise the activity does not decay and no integral exists)";
    throw std::invalid_argument(msg.str());
  }
  HebbianResponse out;
  out.amplification = 1.0 / (1.0 - network.w);
  out.time_constant = network.tau * out.amplification;
  out.integral = out.time_constant * r0;
  return out;
}

double hebbian_rate(const HebbianNetwork& network, double r0, double t) {
  const char* f = "hebbian_rate";
  require_finite_value(f, "network.w", network.w);
  detail::require_positive(f, "network.tau", network.tau);
  require_finite_value(f, "r0", r0);
  validate_time(f, t);
  return r0 * std::exp(-(1.0 - network.w) * t / network.tau);
}

Eigen::Matrix2d hebbian_connectivity(double w) {
  require_finite_value("hebbian_connectivity", "w", w);
  return Eigen::Matrix2d::Constant(0.5 * w);
}

double hebbian_weight_for_amplification(double amplification) {
  require_finite_value("hebbian_weight_for_amplification", "amplification", amplification);
  if (!(amplification > 0.0)) {
    std::ostringstream msg;
    msg << "hebbian_weight_for_amplification: amplification = " << amplification
        << "; need a value > 0";
    throw std::invalid_argument(msg.str());
  }
  return 1.0 - 1.0 / amplification;
}

}  // namespace netdyn
