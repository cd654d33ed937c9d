#pragma once
/// \file simulation.hpp
/// Numerical integration of the rate-network models of rate_network.hpp and of any vector field
/// `dx/dt = F(t, x)`, with Boost.Odeint steppers (kept private to simulation.cpp):
///
/// - `kDormandPrince5`: adaptive Dormand-Prince 5(4) with its continuous extension (dense
///   output); the default, the method of scipy's RK45;
/// - `kFehlberg78`: adaptive Runge-Kutta-Fehlberg 7(8), 13 stages per step but far fewer steps
///   at tight tolerances; output times are hit exactly by step clamping;
/// - `kRosenbrock4`: linearly implicit 4th-order Rosenbrock method with dense output for stiff
///   systems; uses the analytic Jacobian of the rate model (central differences for a generic
///   field without one);
/// - `kKrylov`: the Krylov exponential integrator of krylov_exponential.hpp, for affine fields
///   only (the linear rate network, f linear, with piecewise-constant input and impulses): each
///   piece is propagated exactly up to the Krylov truncation error by `e^{tA}` and `phi_1`, in
///   steps as long as the error estimate allows (often the whole piece), with dense output from
///   the step's basis. Its cost is counted in products with A (`rhs_evaluations`): 87 for the
///   stable n = 1000 Gaussian network of bench/ode.cpp over 50 time constants at rtol 1e-8,
///   against 872 right-hand sides for rk78 (scipy's RK45: 1196).
///
/// Error control (odeint's): a step is accepted when
/// `max_i |err_i| / (atol + rtol |x_i|) <= 1`, a max norm (scipy uses an RMS norm, which is
/// looser by up to sqrt(n)).
///
/// Discontinuities are handled exactly: the run is split at the pulse edges and impulse times
/// (Input::breakpoints()), the piecewise-constant input is frozen inside each piece, and an
/// impulse adds its jump to the state before the piece starts. Outputs are right-continuous: the
/// state recorded at an impulse time is the state after the jump.
///
/// Divergence (a non-finite state or `max_i |x_i| > divergence_threshold`) throws
/// DivergenceError, which names the time and carries the trajectory recorded up to then. (The
/// Krylov steps are long, so when a step ends beyond the threshold the first crossing inside it
/// is located by bisection on the dense output, to 1e-9 relative, and that is the time reported.)

#include <Eigen/Core>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "netdyn/core/error.hpp"
#include "netdyn/core/linear_operator.hpp"
#include "netdyn/dynamics/rate_network.hpp"

namespace netdyn {

enum class OdeMethod {
  kDormandPrince5,  ///< "dopri5"
  kFehlberg78,      ///< "rk78"
  kRosenbrock4,     ///< "rosenbrock4"
  kKrylov,          ///< "krylov" (affine fields only: OdeSystem::linear)
};
[[nodiscard]] std::string to_string(OdeMethod method);
/// Accepts "dopri5" (also "rk45"), "rk78", "rosenbrock4" (also "rosenbrock", "stiff"), "krylov"
/// (also "expv").
/// \throws std::invalid_argument unknown name
[[nodiscard]] OdeMethod parse_ode_method(const std::string& name);

struct SimulationOptions {
  double t_end = 10.0;           ///< integrate over [0, t_end], in the unit of tau; > 0
  Eigen::VectorXd output_times;  ///< non-decreasing, in [0, t_end]; empty: `samples` uniform points
  Eigen::Index samples = 101;    ///< uniform output points on [0, t_end] (>= 2) if no output_times
  OdeMethod method = OdeMethod::kDormandPrince5;
  double rtol = 1e-8;   ///< relative tolerance per step (> 0)
  double atol = 1e-10;  ///< absolute tolerance per step (> 0)
  /// A state entry beyond this magnitude (or non-finite) stops the run with DivergenceError.
  double divergence_threshold = 1e12;
  std::size_t max_steps = 100'000'000;  ///< accepted + rejected steps before StepLimitError
  /// Called at every output time with the state there (after storing it), e.g. to stream to disk.
  std::function<void(double t, const Eigen::VectorXd& x)> observer;
};

struct Trajectory {
  Eigen::VectorXd times;   ///< the output times
  Eigen::MatrixXd states;  ///< n x times.size(); column k is x(times(k)) (right-continuous)
  std::size_t steps = 0;   ///< accepted steps
  std::size_t rejected_steps = 0;
  std::size_t rhs_evaluations = 0;       ///< calls of the vector field (krylov: products A x)
  std::size_t jacobian_evaluations = 0;  ///< Rosenbrock only
  OdeMethod method = OdeMethod::kDormandPrince5;
};

/// The run needed more than `options.max_steps` steps (accepted + rejected) before t_end: the
/// step size is limited by stability (stiff or long runs with an explicit method) or accuracy.
/// `time()` is the time reached.
class StepLimitError : public NumericalError {
 public:
  StepLimitError(const std::string& what, double time) : NumericalError(what), time_(time) {}
  [[nodiscard]] double time() const { return time_; }

 private:
  double time_;
};

/// The run blew up. `time()` is the time of the first step with a non-finite or too large state;
/// `partial()` holds the outputs recorded before it.
class DivergenceError : public NumericalError {
 public:
  DivergenceError(const std::string& what, double time, Trajectory partial);
  [[nodiscard]] double time() const { return time_; }
  [[nodiscard]] const Trajectory& partial() const { return partial_; }

 private:
  double time_;
  Trajectory partial_;
};

/// `dxdt = F(t, x)`; must not resize dxdt.
using VectorField = std::function<void(
    double t, const Eigen::Ref<const Eigen::VectorXd>& x, Eigen::Ref<Eigen::VectorXd> dxdt)>;
/// `jac = dF/dx (t, x)` (n x n, already sized).
using JacobianField = std::function<void(
    double t, const Eigen::Ref<const Eigen::VectorXd>& x, Eigen::Ref<Eigen::MatrixXd> jac)>;

/// A general ODE with known discontinuities.
struct OdeSystem {
  VectorField field;
  JacobianField jacobian;           ///< optional; Rosenbrock differences F centrally if empty
  std::vector<double> breakpoints;  ///< times where F jumps: integration restarts there
  std::vector<Impulse> impulses;    ///< state jumps (time >= 0)
  /// Called at the start of every piece [a, b) between breakpoints (e.g. to freeze an input).
  std::function<void(double a, double b)> on_piece;
  /// Optional affine form of the field on every piece, `F(t, x) = A x + b`: A is `linear`, and
  /// `linear_offset(b)` writes the piece's b (called after on_piece). Required by
  /// OdeMethod::kKrylov, which never calls `field`.
  LinearOperator linear;
  std::function<void(Eigen::Ref<Eigen::VectorXd> b)> linear_offset;
};

/// Integrate `dx/dt = F(t, x)` from x(0) = x0 over [0, options.t_end].
/// \throws std::invalid_argument x0 empty or not finite, options out of range, impulse of the
///         wrong size or at a negative time, output_times not sorted or outside [0, t_end];
///         method krylov without system.linear (or of the wrong size)
/// \throws DivergenceError the state became non-finite or exceeded divergence_threshold
/// \throws StepLimitError max_steps exceeded
/// \throws NumericalError step size underflow
[[nodiscard]] Trajectory integrate(const OdeSystem& system,
                                   const Eigen::Ref<const Eigen::VectorXd>& x0,
                                   const SimulationOptions& options = {});

/// Integrate the rate network (either form) with input X(t) from x(0) = x0. The right-hand side
/// costs one BLAS dgemv and no allocation. Method krylov uses the factored linear generator of
/// linear_solution.hpp (A x is one dgemv with W; A is never formed).
/// \throws std::invalid_argument as validate_rate_network(); x0 of the wrong size; method krylov
///         with f not linear or with input.function set
/// \throws DivergenceError, NumericalError as integrate()
[[nodiscard]] Trajectory simulate(const RateNetwork& net,
                                  const Eigen::Ref<const Eigen::VectorXd>& x0,
                                  const Input& input = {},
                                  const SimulationOptions& options = {});

/// The output grid integrate() uses: options.output_times, or `samples` uniform points.
/// \throws std::invalid_argument as integrate()
[[nodiscard]] Eigen::VectorXd output_grid(const SimulationOptions& options);

}  // namespace netdyn
