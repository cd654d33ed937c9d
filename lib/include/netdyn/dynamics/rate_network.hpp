#pragma once
/// \file rate_network.hpp
/// The nonlinear rate-network model shared by simulation, Jacobians and fixed points
/// (Rosenbaum ch. 3.3; ../docs/conventions.md):
///
///   rate form     `tau o dr/dt = -r + f(W r + X(t))`
///   current form  `tau o dI/dt = -I + W f(I + X(t))`
///
/// `tau o` is the element-wise product with a per-unit time-constant vector (rows of the
/// Jacobian are divided by tau_i). The transfer function is
/// `f(x) = phi(gain (x - threshold))` with phi = identity, tanh, max(0, .) or the logistic
/// function; gain 1 and threshold 0 give the textbook forms. With f linear the model is the linear
/// network `tau o dr/dt = -r + g W r + g (X - theta)` of the rest of the library.
///
/// Inputs X(t) are a constant pattern, a step or pulse (piecewise constant, the integrators stop
/// at its edges), a user function, and impulses: an impulse at t0 is a jump of the *state*,
/// `r(t0+) = r(t0-) + jump` (the seed notebook's callback), i.e. `X = jump tau delta(t - t0)` in
/// the linear model.

#include <Eigen/Core>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace netdyn {

/// Shape phi of the transfer function f(x) = phi(gain (x - threshold)).
enum class TransferKind {
  kLinear,           ///< phi(u) = u
  kTanh,             ///< phi(u) = tanh(u)
  kThresholdLinear,  ///< phi(u) = max(0, u) ("relu"; Rosenbaum's g (I - theta) H(I - theta))
  kSigmoid,          ///< phi(u) = 1 / (1 + exp(-u))
};
/// "linear", "tanh", "relu", "sigmoid".
[[nodiscard]] std::string to_string(TransferKind kind);
/// Accepts the names of to_string() and "threshold-linear".
/// \throws std::invalid_argument unknown name (the message lists the valid ones)
[[nodiscard]] TransferKind parse_transfer_kind(const std::string& name);

/// f(x) = phi(gain (x - threshold)), element-wise.
struct Transfer {
  TransferKind kind = TransferKind::kLinear;
  double gain = 1.0;       ///< slope factor g (> 0 for the usual models; any finite value allowed)
  double threshold = 0.0;  ///< theta, in input units
  [[nodiscard]] double value(double x) const;
  /// f'(x); for threshold-linear the right derivative at the kink is not used: f'(theta) = 0.
  [[nodiscard]] double derivative(double x) const;
};

/// Which variable the network integrates.
enum class RateForm {
  kRate,     ///< tau o dr/dt = -r + f(W r + X)
  kCurrent,  ///< tau o dI/dt = -I + W f(I + X)
};
/// "rate", "current".
[[nodiscard]] std::string to_string(RateForm form);
/// \throws std::invalid_argument unknown name
[[nodiscard]] RateForm parse_rate_form(const std::string& name);

/// A jump of the state at `time`: x(time+) = x(time-) + jump.
struct Impulse {
  double time = 0.0;
  Eigen::VectorXd jump;
};

/// X(t) = constant + pulse 1[pulse_start <= t < pulse_end] + function(t); impulses act on the
/// state. Empty vectors mean zero. A step is a pulse with pulse_end = +infinity.
struct Input {
  Eigen::VectorXd constant;  ///< X0, present for all t (empty = 0)
  Eigen::VectorXd pulse;     ///< added on [pulse_start, pulse_end) (empty = no pulse)
  double pulse_start = 0.0;
  double pulse_end = std::numeric_limits<double>::infinity();
  std::vector<Impulse> impulses;  ///< state jumps, any order
  /// Optional smooth extra input: adds X_f(t) to `x` (must not allocate in hot loops; it is
  /// called at every right-hand-side evaluation). Not allowed by the exact linear solution.
  std::function<void(double t, Eigen::Ref<Eigen::VectorXd> x)> function;

  [[nodiscard]] static Input constant_input(const Eigen::VectorXd& x);
  [[nodiscard]] static Input step(const Eigen::VectorXd& x, double t0);
  [[nodiscard]] static Input pulse_input(const Eigen::VectorXd& x, double t0, double t1);
  [[nodiscard]] static Input impulse(const Eigen::VectorXd& jump, double t0);

  /// Times at which X(t) or the state jumps: pulse edges and impulse times (sorted, unique).
  [[nodiscard]] std::vector<double> breakpoints() const;
  /// The piecewise-constant part at t: constant + pulse if t in [pulse_start, pulse_end).
  void piecewise_constant(double t, Eigen::Ref<Eigen::VectorXd> x) const;
};

/// The model: W, per-unit tau, transfer function and form.
struct RateNetwork {
  Eigen::MatrixXd w;    ///< connectivity, W(i, j) = weight from j to i
  Eigen::VectorXd tau;  ///< time constants: size n, or size 1 (shared), or empty (all 1)
  Transfer f;
  RateForm form = RateForm::kRate;

  [[nodiscard]] Eigen::Index size() const { return w.rows(); }
  /// tau as a vector of size n (broadcast).
  [[nodiscard]] Eigen::VectorXd tau_vector() const;
};

/// Check a model and its input for use by the integrators, the Jacobians and the fixed-point
/// solvers: W square, non-empty, finite; tau of size 0, 1 or n with every entry finite and > 0;
/// input vectors of size n (or empty), finite; pulse_start < pulse_end; finite impulse times.
/// \throws std::invalid_argument naming `function`, the argument and the constraint
void validate_rate_network(const char* function, const RateNetwork& net, const Input& input = {});

/// Vector field of the model at (t, x) with the input value `x_in` = X(t) already evaluated:
/// `dxdt = (1/tau) o (-x + f(W x + x_in))` or `(1/tau) o (-x + W f(x + x_in))`.
/// `scratch` must have size n (no allocation inside). W x goes through BLAS dgemv.
void rate_vector_field(const RateNetwork& net,
                       const Eigen::Ref<const Eigen::VectorXd>& x,
                       const Eigen::Ref<const Eigen::VectorXd>& x_in,
                       Eigen::Ref<Eigen::VectorXd> dxdt,
                       Eigen::Ref<Eigen::VectorXd> scratch);

}  // namespace netdyn
