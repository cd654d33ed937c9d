// Odeint lives here and nowhere else (public headers include only Eigen). Four engines share one
// driver: the run is cut into pieces at the input's discontinuities, each piece is integrated
// with an adaptive stepper, outputs are taken from the dense output (Dormand-Prince, Rosenbrock,
// Krylov) or hit exactly by clamping the step (Fehlberg 7(8), which has no continuous extension in
// odeint).
#include "netdyn/dynamics/simulation.hpp"

#include <algorithm>
#include <boost/numeric/odeint.hpp>
#include <boost/numeric/odeint/external/eigen/eigen.hpp>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <utility>

#include "core/checks.hpp"
#include "netdyn/dynamics/jacobian.hpp"
#include "netdyn/dynamics/krylov_exponential.hpp"
#include "netdyn/dynamics/linear_solution.hpp"

namespace netdyn {

namespace odeint = boost::numeric::odeint;

std::string to_string(OdeMethod method) {
  switch (method) {
    case OdeMethod::kDormandPrince5: return "dopri5";
    case OdeMethod::kFehlberg78: return "rk78";
    case OdeMethod::kRosenbrock4: return "rosenbrock4";
    case OdeMethod::kKrylov: return "krylov";
  }
  throw std::logic_error("to_string(OdeMethod): unknown value");
}

OdeMethod parse_ode_method(const std::string& name) {
  if (name == "dopri5" || name == "rk45") return OdeMethod::kDormandPrince5;
  if (name == "rk78") return OdeMethod::kFehlberg78;
  if (name == "rosenbrock4" || name == "rosenbrock" || name == "stiff") {
    return OdeMethod::kRosenbrock4;
  }
  if (name == "krylov" || name == "expv") return OdeMethod::kKrylov;
  throw std::invalid_argument("ODE method '" + name +
                              "' is unknown; use dopri5, rk78, rosenbrock4 or krylov");
}

DivergenceError::DivergenceError(const std::string& what, double time, Trajectory partial)
    : NumericalError(what), time_(time), partial_(std::move(partial)) {}

Eigen::VectorXd output_grid(const SimulationOptions& options) {
  const char* fn = "integrate";
  detail::require_positive(fn, "options.t_end", options.t_end);
  if (options.output_times.size() == 0) {
    if (options.samples < 2) {
      throw std::invalid_argument(
          "integrate: options.samples = " + std::to_string(options.samples) + "; need >= 2");
    }
    Eigen::VectorXd grid = Eigen::VectorXd::LinSpaced(options.samples, 0.0, options.t_end);
    grid(grid.size() - 1) = options.t_end;
    return grid;
  }
  const Eigen::VectorXd& g = options.output_times;
  for (Eigen::Index k = 0; k < g.size(); ++k) {
    if (!(g(k) >= 0.0 && g(k) <= options.t_end) || (k > 0 && g(k) < g(k - 1))) {
      std::ostringstream msg;
      msg << "integrate: options.output_times(" << k << ") = " << g(k)
          << "; need non-decreasing times in [0, t_end = " << options.t_end << "]";
      throw std::invalid_argument(msg.str());
    }
  }
  return g;
}

namespace {

using State = Eigen::VectorXd;

// Counts right-hand-side calls; odeint passes systems by value, so the counter is a pointer.
struct CountedSystem {
  const VectorField* field;
  std::size_t* count;
  void operator()(const State& x, State& dxdt, double t) const {
    ++*count;
    (*field)(t, x, dxdt);
  }
};

// One adaptive stepper behind a small interface used by the driver.
class Engine {
 public:
  virtual ~Engine() = default;
  /// Restart at (x, t) with a suggested step dt.
  virtual void start(const State& x, double t, double dt) = 0;
  /// One accepted step, never beyond `limit` (the step is clamped to land on it).
  virtual void step(double limit) = 0;
  [[nodiscard]] virtual double time() const = 0;
  [[nodiscard]] virtual double suggested_dt() const = 0;
  [[nodiscard]] virtual const State& state() const = 0;
  /// Dense engines interpolate inside the last step; others only report the step end.
  [[nodiscard]] virtual bool dense() const = 0;
  virtual void state_at(double t, State& out) = 0;
  /// Whether start() needs the driver's initial step guess (one evaluation of the field).
  [[nodiscard]] virtual bool needs_initial_step() const { return true; }
  std::size_t rejected = 0;
};

// Dormand-Prince 5(4) with the continuous extension of odeint's dense_output_runge_kutta.
class DopriEngine final : public Engine {
 public:
  DopriEngine(CountedSystem sys, double atol, double rtol)
      : sys_(sys),
        dense_(odeint::make_dense_output(
            atol,
            rtol,
            odeint::
                runge_kutta_dopri5<State, double, State, double, odeint::vector_space_algebra>())) {
  }
  void start(const State& x, double t, double dt) override { dense_.initialize(x, t, dt); }
  void step(double limit) override {
    const double t = dense_.current_time();
    if (t + dense_.current_time_step() > limit) {
      // Land on the piece end: restart with the clamped step (costs one FSAL evaluation).
      dense_.initialize(dense_.current_state(), t, limit - t);
    }
    dense_.do_step(sys_);
  }
  [[nodiscard]] double time() const override { return dense_.current_time(); }
  [[nodiscard]] double suggested_dt() const override { return dense_.current_time_step(); }
  [[nodiscard]] const State& state() const override { return dense_.current_state(); }
  [[nodiscard]] bool dense() const override { return true; }
  void state_at(double t, State& out) override { dense_.calc_state(t, out); }

 private:
  CountedSystem sys_;
  using Dense = odeint::result_of::make_dense_output<
      odeint::runge_kutta_dopri5<State, double, State, double, odeint::vector_space_algebra>>::type;
  Dense dense_;
};

// Runge-Kutta-Fehlberg 7(8) under odeint's standard step-size controller.
class Fehlberg78Engine final : public Engine {
 public:
  Fehlberg78Engine(CountedSystem sys, double atol, double rtol)
      : sys_(sys),
        controlled_(odeint::make_controlled(
            atol,
            rtol,
            odeint::runge_kutta_fehlberg78<State,
                                           double,
                                           State,
                                           double,
                                           odeint::vector_space_algebra>())) {}
  void start(const State& x, double t, double dt) override {
    x_ = x;
    t_ = t;
    dt_ = dt;
  }
  void step(double limit) override {
    for (int attempt = 0; attempt < 1000; ++attempt) {
      const bool clamped = t_ + dt_ >= limit;
      double dt = clamped ? limit - t_ : dt_;
      double t = t_;
      if (controlled_.try_step(sys_, x_, t, dt) == odeint::success) {
        // A clamped step keeps the free step size for the next one; otherwise take the new one.
        if (clamped) {
          t_ = limit;
          dt_ = std::max(dt_, dt);
        } else {
          t_ = t;
          dt_ = dt;
        }
        return;
      }
      ++rejected;
      dt_ = dt;
    }
    throw NumericalError("integrate: rk78 step size could not be adjusted at t = " +
                         std::to_string(t_));
  }
  [[nodiscard]] double time() const override { return t_; }
  [[nodiscard]] double suggested_dt() const override { return dt_; }
  [[nodiscard]] const State& state() const override { return x_; }
  [[nodiscard]] bool dense() const override { return false; }
  void state_at(double /*t*/, State& out) override { out = x_; }

 private:
  CountedSystem sys_;
  using Controlled = odeint::result_of::make_controlled<
      odeint::runge_kutta_fehlberg78<State, double, State, double, odeint::vector_space_algebra>>::
      type;
  Controlled controlled_;
  State x_;
  double t_ = 0.0;
  double dt_ = 0.0;
};

// Rosenbrock 4 with dense output; odeint requires uBLAS vectors and matrices here.
class RosenbrockEngine final : public Engine {
 public:
  using UVector = boost::numeric::ublas::vector<double>;
  using UMatrix = boost::numeric::ublas::matrix<double>;

  RosenbrockEngine(const VectorField* field,
                   const JacobianField* jacobian,
                   std::size_t* rhs_count,
                   std::size_t* jac_count,
                   double atol,
                   double rtol)
      : rhs_{field, rhs_count},
        jac_{field, jacobian, jac_count},
        dense_(odeint::make_dense_output(atol, rtol, odeint::rosenbrock4<double>())) {}

  void start(const State& x, double t, double dt) override {
    UVector u(static_cast<std::size_t>(x.size()));
    std::copy(x.data(), x.data() + x.size(), u.begin());
    dense_.initialize(u, t, dt);
    sync();
  }
  void step(double limit) override {
    const double t = dense_.current_time();
    if (t + dense_.current_time_step() > limit) {
      dense_.initialize(dense_.current_state(), t, limit - t);
    }
    dense_.do_step(std::make_pair(rhs_, jac_));
    sync();
  }
  [[nodiscard]] double time() const override { return dense_.current_time(); }
  [[nodiscard]] double suggested_dt() const override { return dense_.current_time_step(); }
  [[nodiscard]] const State& state() const override { return x_; }
  [[nodiscard]] bool dense() const override { return true; }
  void state_at(double t, State& out) override {
    UVector u(static_cast<std::size_t>(x_.size()));
    dense_.calc_state(t, u);
    out = Eigen::Map<const State>(&u[0], x_.size());
  }

 private:
  struct Rhs {
    const VectorField* field;
    std::size_t* count;
    void operator()(const UVector& x, UVector& dxdt, double t) const {
      ++*count;
      const auto n = static_cast<Eigen::Index>(x.size());
      Eigen::Map<State> out(&dxdt[0], n);
      (*field)(t, Eigen::Map<const State>(&x[0], n), out);
    }
  };
  struct Jac {
    const VectorField* field;
    const JacobianField* jacobian;
    std::size_t* count;
    void operator()(const UVector& x, UMatrix& jac, const double& t, UVector& dfdt) const {
      ++*count;
      const auto n = static_cast<Eigen::Index>(x.size());
      const Eigen::Map<const State> xe(&x[0], n);
      Eigen::MatrixXd j(n, n);
      if (*jacobian) {
        (*jacobian)(t, xe, j);
      } else {
        j = finite_difference_jacobian(
            [this, t](const Eigen::Ref<const Eigen::VectorXd>& y, Eigen::Ref<Eigen::VectorXd> fy) {
              (*field)(t, y, fy);
            },
            xe);
      }
      for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index k = 0; k < n; ++k) jac(i, k) = j(i, k);
      }
      // dF/dt: central difference in time (zero for autonomous fields, exactly so here).
      State fp(n), fm(n);
      const double h = 1e-6 * std::max(1.0, std::abs(t));
      (*field)(t + h, xe, fp);
      (*field)(t - h, xe, fm);
      for (Eigen::Index i = 0; i < n; ++i) dfdt[i] = (fp(i) - fm(i)) / (2.0 * h);
    }
  };
  void sync() {
    const UVector& u = dense_.current_state();
    x_ = Eigen::Map<const State>(&u[0], static_cast<Eigen::Index>(u.size()));
  }

  Rhs rhs_;
  Jac jac_;
  using Dense = odeint::result_of::make_dense_output<odeint::rosenbrock4<double>>::type;
  Dense dense_;
  State x_;
};

double max_abs(const State& x) {
  return x.size() == 0 ? 0.0 : x.cwiseAbs().maxCoeff();
}

bool diverged(const State& x, double threshold) {
  const double m = max_abs(x);
  return !std::isfinite(m) || m > threshold;
}

// The Krylov exponential integrator (krylov_exponential.hpp) on the affine form of the field. Its
// steps are long (often a whole piece), so a step that ends beyond the divergence threshold is
// cut at the first crossing, found by bisection on the step's dense output: the engine first
// reports the step up to the last time below the threshold (the driver records the outputs
// before it), then, on the next call, the state just after the crossing (the driver stops there).
class KrylovEngine final : public Engine {
 public:
  KrylovEngine(const OdeSystem& system, const SimulationOptions& options, std::size_t* products)
      : offset_(&system.linear_offset),
        stepper_(system.linear, krylov_options(options)),
        products_(products),
        threshold_(options.divergence_threshold),
        b_(Eigen::VectorXd::Zero(system.linear.size)) {}

  void start(const State& x, double t, double /*dt*/) override {
    if (*offset_) {
      (*offset_)(b_);
    } else {
      b_.setZero();
    }
    stepper_.reset(t, x, b_);
    t_ = t;
    x_ = x;
    crossing_ = false;
  }
  void step(double limit) override {
    if (crossing_) {
      t_ = crossing_time_;
      x_ = crossing_state_;
      crossing_ = false;
      return;
    }
    const std::size_t before = stepper_.products();
    stepper_.step(limit);
    *products_ += stepper_.products() - before;
    rejected = stepper_.rejections();
    t_ = stepper_.time();
    x_ = stepper_.state();
    if (diverged(x_, threshold_)) locate_crossing();
  }
  [[nodiscard]] double time() const override { return t_; }
  [[nodiscard]] double suggested_dt() const override { return 0.0; }
  [[nodiscard]] const State& state() const override { return x_; }
  [[nodiscard]] bool dense() const override { return true; }
  void state_at(double t, State& out) override {
    out.resize(x_.size());
    stepper_.state_at(t, out);
  }
  [[nodiscard]] bool needs_initial_step() const override { return false; }

 private:
  static KrylovOptions krylov_options(const SimulationOptions& options) {
    KrylovOptions k;
    k.rtol = options.rtol;
    k.atol = options.atol;
    return k;
  }
  // Bisection for the first time the state leaves the threshold inside the last step.
  void locate_crossing() {
    double lo = stepper_.previous_time();
    double hi = t_;
    State x_hi = x_;
    State x_mid(x_.size());
    for (int it = 0; it < 80 && hi - lo > 1e-9 * std::max(1.0, std::abs(hi)); ++it) {
      const double mid = 0.5 * (lo + hi);
      stepper_.state_at(mid, x_mid);
      if (diverged(x_mid, threshold_)) {
        hi = mid;
        x_hi = x_mid;
      } else {
        lo = mid;
      }
    }
    crossing_ = true;
    crossing_time_ = hi;
    crossing_state_ = x_hi;
    t_ = lo;
    stepper_.state_at(lo, x_);
  }

  const std::function<void(Eigen::Ref<Eigen::VectorXd>)>* offset_;
  KrylovExponential stepper_;
  std::size_t* products_;
  double threshold_;
  Eigen::VectorXd b_;
  double t_ = 0.0;
  State x_;
  bool crossing_ = false;
  double crossing_time_ = 0.0;
  State crossing_state_;
};

}  // namespace

Trajectory integrate(const OdeSystem& system,
                     const Eigen::Ref<const Eigen::VectorXd>& x0,
                     const SimulationOptions& options) {
  const char* fn = "integrate";
  if (x0.size() == 0) throw std::invalid_argument("integrate: x0 is empty");
  detail::require_finite(fn, "x0", x0);
  detail::require_positive(fn, "options.rtol", options.rtol);
  detail::require_positive(fn, "options.atol", options.atol);
  detail::require_positive(fn, "options.divergence_threshold", options.divergence_threshold);
  const bool krylov = options.method == OdeMethod::kKrylov;
  if (!krylov && !system.field) throw std::invalid_argument("integrate: system.field is empty");
  if (krylov && (!system.linear.apply || system.linear.size != x0.size())) {
    throw std::invalid_argument(
        "integrate: ODE method 'krylov' needs the affine form of the field (system.linear) of "
        "size n = " +
        std::to_string(x0.size()));
  }
  const Eigen::VectorXd grid = output_grid(options);
  const double t_end = options.t_end;
  const Eigen::Index n = x0.size();
  for (const Impulse& k : system.impulses) {
    if (k.jump.size() != n) {
      throw std::invalid_argument("integrate: impulse jump has " + std::to_string(k.jump.size()) +
                                  " entries; need n = " + std::to_string(n));
    }
    if (!(k.time >= 0.0)) {
      throw std::invalid_argument("integrate: impulse at t = " + std::to_string(k.time) +
                                  "; need t >= 0");
    }
  }

  // Piece boundaries: 0, the breakpoints inside (0, t_end), t_end.
  std::vector<double> cuts{0.0};
  for (double b : system.breakpoints) {
    if (b > 0.0 && b < t_end) cuts.push_back(b);
  }
  for (const Impulse& k : system.impulses) {
    if (k.time > 0.0 && k.time < t_end) cuts.push_back(k.time);
  }
  cuts.push_back(t_end);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  Trajectory out;
  out.method = options.method;
  out.times = grid;
  out.states.resize(n, grid.size());
  Eigen::Index recorded = 0;
  const auto record = [&](const State& x) {
    out.states.col(recorded) = x;
    if (options.observer) options.observer(grid(recorded), x);
    ++recorded;
  };
  const auto fail = [&](double t, const std::string& why) {
    Trajectory partial = out;
    partial.times.conservativeResize(recorded);
    partial.states.conservativeResize(n, recorded);
    std::ostringstream msg;
    msg << "integrate: the run diverged at t = " << t << " (" << why << "); " << recorded << " of "
        << grid.size() << " outputs were recorded before it";
    throw DivergenceError(msg.str(), t, std::move(partial));
  };
  const auto apply_impulses = [&](double t, State& x) {
    for (const Impulse& k : system.impulses) {
      if (k.time == t) x += k.jump;
    }
  };

  const VectorField& field = system.field;
  const CountedSystem counted{&field, &out.rhs_evaluations};
  std::unique_ptr<Engine> engine;
  switch (options.method) {
    case OdeMethod::kDormandPrince5:
      engine = std::make_unique<DopriEngine>(counted, options.atol, options.rtol);
      break;
    case OdeMethod::kFehlberg78:
      engine = std::make_unique<Fehlberg78Engine>(counted, options.atol, options.rtol);
      break;
    case OdeMethod::kRosenbrock4:
      engine = std::make_unique<RosenbrockEngine>(&field,
                                                  &system.jacobian,
                                                  &out.rhs_evaluations,
                                                  &out.jacobian_evaluations,
                                                  options.atol,
                                                  options.rtol);
      break;
    case OdeMethod::kKrylov:
      engine = std::make_unique<KrylovEngine>(system, options, &out.rhs_evaluations);
      break;
  }

  State x = x0;
  State tmp(n);
  double dt = 0.0;
  std::size_t attempts = 0;
  for (std::size_t p = 0; p + 1 < cuts.size(); ++p) {
    const double a = cuts[p];
    const double b = cuts[p + 1];
    apply_impulses(a, x);
    if (system.on_piece) system.on_piece(a, b);
    if (diverged(x, options.divergence_threshold)) fail(a, "state out of range after a jump");
    while (recorded < grid.size() && grid(recorded) <= a) record(x);
    if (dt <= 0.0 && engine->needs_initial_step()) {
      // Hairer-Wanner initial step: 1 % of |x| / |F(x)| in the tolerance-weighted norm.
      field(a, x, tmp);
      ++out.rhs_evaluations;
      const Eigen::ArrayXd scale = options.atol + options.rtol * x.array().abs();
      const double d0 = std::sqrt((x.array() / scale).square().mean());
      const double d1 = std::sqrt((tmp.array() / scale).square().mean());
      dt = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
    }
    dt = std::min(dt, b - a);
    engine->start(x, a, dt);
    const double end_tol = 8.0 * std::numeric_limits<double>::epsilon() * std::max(1.0, b);
    while (b - engine->time() > end_tol) {
      double limit = b;
      if (!engine->dense() && recorded < grid.size() && grid(recorded) < b) {
        limit = std::max(grid(recorded), engine->time());
        if (limit - engine->time() <= end_tol) limit = b;
      }
      try {
        engine->step(limit);
      } catch (const odeint::odeint_error& e) {
        throw NumericalError(std::string("integrate: ") + e.what() +
                             " at t = " + std::to_string(engine->time()));
      }
      ++out.steps;
      if (++attempts > options.max_steps) {
        std::ostringstream msg;
        msg << "integrate: more than options.max_steps = " << options.max_steps
            << " steps, at t = " << engine->time() << " of t_end = " << t_end
            << " (the step size is limited by stability or accuracy: shorten t_end, loosen "
               "rtol/atol, or use a stiff method, rosenbrock4, or for linear f krylov)";
        throw StepLimitError(msg.str(), engine->time());
      }
      const double t = engine->time();
      if (diverged(engine->state(), options.divergence_threshold)) {
        fail(t,
             std::isfinite(max_abs(engine->state())) ? "max |x| above the divergence threshold"
                                                     : "non-finite state");
      }
      while (recorded < grid.size() && grid(recorded) < b && grid(recorded) <= t + end_tol) {
        if (engine->dense()) {
          engine->state_at(std::min(grid(recorded), t), tmp);
          record(tmp);
        } else {
          record(engine->state());
        }
      }
    }
    x = engine->state();
    dt = engine->suggested_dt();
  }
  apply_impulses(t_end, x);
  while (recorded < grid.size()) record(x);
  out.rejected_steps = engine->rejected;
  detail::ensure_finite_result(fn, "trajectory", out.states);
  return out;
}

Trajectory simulate(const RateNetwork& net,
                    const Eigen::Ref<const Eigen::VectorXd>& x0,
                    const Input& input,
                    const SimulationOptions& options) {
  const bool krylov = options.method == OdeMethod::kKrylov;
  if (krylov) {
    if (net.f.kind != TransferKind::kLinear) {
      throw std::invalid_argument(
          "simulate: ODE method 'krylov' integrates linear networks only (f linear); f is " +
          to_string(net.f.kind) + ": use dopri5, rk78 or rosenbrock4");
    }
    if (input.function) {
      throw std::invalid_argument(
          "simulate: ODE method 'krylov' needs piecewise-constant input (constant, step, pulse, "
          "impulse); input.function is set: use dopri5, rk78 or rosenbrock4");
    }
  }
  // The Krylov method's generator validates net and input itself (one pass over W, not two).
  const std::optional<LinearGenerator> gen =
      krylov ? std::optional<LinearGenerator>(std::in_place, net, input, "simulate") : std::nullopt;
  if (!krylov) validate_rate_network("simulate", net, input);
  const Eigen::Index n = net.size();
  if (x0.size() != n) {
    throw std::invalid_argument("simulate: r0 has " + std::to_string(x0.size()) +
                                " entries but W is " + std::to_string(n) + "x" + std::to_string(n) +
                                "; sizes must match");
  }
  // Per-piece frozen input, scratch space: no allocation in the right-hand side.
  struct Buffers {
    Eigen::VectorXd frozen, x_in, scratch;
  };
  auto buf = std::make_shared<Buffers>();
  buf->frozen = Eigen::VectorXd::Zero(n);
  buf->x_in = Eigen::VectorXd::Zero(n);
  buf->scratch = Eigen::VectorXd::Zero(n);
  const bool has_function = static_cast<bool>(input.function);

  OdeSystem system;
  system.breakpoints = input.breakpoints();
  system.impulses = input.impulses;
  system.on_piece = [buf, &input](double a, double b) {
    input.piecewise_constant(0.5 * (a + b), buf->frozen);
  };
  system.field = [buf, &net, &input, has_function](double t,
                                                   const Eigen::Ref<const Eigen::VectorXd>& x,
                                                   Eigen::Ref<Eigen::VectorXd> dxdt) {
    if (has_function) {
      buf->x_in = buf->frozen;
      input.function(t, buf->x_in);
      rate_vector_field(net, x, buf->x_in, dxdt, buf->scratch);
    } else {
      rate_vector_field(net, x, buf->frozen, dxdt, buf->scratch);
    }
  };
  system.jacobian = [buf, &net, &input, has_function](double t,
                                                      const Eigen::Ref<const Eigen::VectorXd>& x,
                                                      Eigen::Ref<Eigen::MatrixXd> jac) {
    buf->x_in = buf->frozen;
    if (has_function) input.function(t, buf->x_in);
    jac = rate_jacobian(net, x, buf->x_in);
  };
  if (gen) {
    // The affine form: the factored generator of linear_solution.hpp, b from the frozen input.
    system.linear = gen->as_operator();
    system.linear_offset = [g = *gen, buf](Eigen::Ref<Eigen::VectorXd> b) {
      g.affine_term(buf->frozen, b);
    };
  }
  Trajectory out = integrate(system, x0, options);
  return out;
}

}  // namespace netdyn
