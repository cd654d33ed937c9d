// netdyn simulate FILE [--tau] [--input ...] [--r0 ...] [--tmax] [--f ...] [--check] [--json]
// [--out DIR]: integrate the rate network; with --check, compare with the exact linear solution.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "common/cli.hpp"
#include "common/rate_model_args.hpp"
#include "common/validators.hpp"
#include "netdyn/dynamics/ode_check.hpp"
#include "netdyn/dynamics/simulation.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/output_directory.hpp"

namespace netdyn::cli {
namespace {

struct SimulateArgs {
  std::string input;
  RateModelArgs model;
  std::vector<std::string> inputs;
  std::string r0 = "0";
  double tmax = 10.0;
  Eigen::Index samples = 201;
  std::string method = "dopri5";
  double rtol = 1e-8;
  double atol = 1e-10;
  bool check = false;
  bool json = false;
  std::string out;
};

// Rows are output times: column 0 is t, columns 1..n the state.
Eigen::MatrixXd table(const Eigen::VectorXd& times, const Eigen::MatrixXd& states) {
  Eigen::MatrixXd m(times.size(), states.rows() + 1);
  m.col(0) = times;
  m.rightCols(states.rows()) = states.transpose();
  return m;
}

// Progress of a long run on stderr, only when stderr is a terminal (never into pipes, logs or
// tests): the output time reached, after the first second and at most twice a second, erased
// when the run ends.
class Progress {
 public:
  explicit Progress(double t_end)
      : t_end_(t_end), enabled_(isatty(STDERR_FILENO) != 0), start_(Clock::now()), last_(start_) {}
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress() {
    if (shown_) std::cerr << '\r' << std::string(width_, ' ') << '\r' << std::flush;
  }
  void update(double t) {
    if (!enabled_) return;
    const Clock::time_point now = Clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(500)) {
      return;
    }
    last_ = now;
    std::ostringstream line;
    line << "netdyn simulate: t = " << std::setprecision(4) << t << " of " << t_end_ << " ("
         << std::fixed << std::setprecision(1) << 100.0 * t / t_end_ << "%)";
    const std::string text = line.str();
    width_ = std::max(width_, text.size());
    std::cerr << '\r' << text << std::string(width_ - text.size(), ' ') << std::flush;
    shown_ = true;
  }

 private:
  using Clock = std::chrono::steady_clock;
  double t_end_;
  bool enabled_;
  Clock::time_point start_;
  Clock::time_point last_;
  bool shown_ = false;
  std::size_t width_ = 0;
};

void run(const SimulateArgs& args) {
  const Eigen::MatrixXd w = read_connectivity(args.input);
  const RateNetwork net = make_rate_network(w, args.model);
  const Eigen::Index n = net.size();
  const Eigen::VectorXd r0 = parse_vector(args.r0, n, "--r0");
  const Input input = parse_inputs(args.inputs, n);
  SimulationOptions options;
  options.t_end = args.tmax;
  options.samples = args.samples;
  options.method = parse_ode_method(args.method);
  options.rtol = args.rtol;
  options.atol = args.atol;
  std::optional<OutputDirectory> out;
  if (!args.out.empty()) out.emplace(args.out);
  Progress progress(args.tmax);
  options.observer = [&progress](double t, const Eigen::VectorXd& /*x*/) { progress.update(t); };

  Trajectory trajectory;
  OdeCheck check;
  try {
    if (args.check) {
      check = check_ode_against_exact(net, r0, input, options);
      trajectory = check.ode;
    } else {
      trajectory = simulate(net, r0, input, options);
    }
  } catch (const DivergenceError& e) {
    // Keep what was computed up to the blow-up, then fail (exit 1).
    if (out) {
      write_matrix(out->stage("trajectory.npy"), table(e.partial().times, e.partial().states));
      commit_with_provenance(*out);
      std::cerr << "netdyn simulate: wrote the trajectory up to the blow-up to "
                << out->final_path("trajectory.npy") << "\n";
    }
    throw;
  } catch (const StepLimitError& e) {
    std::ostringstream msg;
    msg << "the run needs more than " << options.max_steps << " steps: " << args.method
        << " reached t = " << e.time() << " of --tmax " << args.tmax
        << " (its step size is limited by stability or accuracy); shorten --tmax, loosen "
           "--rtol/--atol, or use --method rosenbrock4 (stiff) or, for f linear, --method krylov";
    throw NumericalError(msg.str());
  }
  if (out) {
    write_matrix(out->stage("trajectory.npy"), table(trajectory.times, trajectory.states));
    if (args.check) write_matrix(out->stage("exact.npy"), table(trajectory.times, check.exact));
    commit_with_provenance(*out);
  }
  const Eigen::VectorXd final_state = trajectory.states.col(trajectory.states.cols() - 1);
  if (args.json) {
    nlohmann::json j;
    j["n"] = n;
    j["t_end"] = number(args.tmax);
    j["method"] = to_string(options.method);
    j["transfer"] = to_string(net.f.kind);
    j["form"] = to_string(net.form);
    j["steps"] = trajectory.steps;
    j["rejected_steps"] = trajectory.rejected_steps;
    j["rhs_evaluations"] = trajectory.rhs_evaluations;
    j["samples"] = trajectory.times.size();
    j["final_state"] = nlohmann::json::array();
    for (Eigen::Index i = 0; i < n; ++i) j["final_state"].push_back(number(final_state(i)));
    j["max_abs_state"] = number(trajectory.states.cwiseAbs().maxCoeff());
    if (args.check) {
      j["max_abs_error"] = number(check.max_abs_error);
      j["max_rel_error"] = number(check.max_rel_error);
      j["worst_time"] = number(check.worst_time);
    }
    print_json(j);
    return;
  }
  std::ostringstream s;
  s << std::setprecision(6);
  s << "netdyn simulate " << args.input << ": n = " << n << ", f = " << to_string(net.f.kind)
    << ", " << to_string(net.form) << " form, t in [0, " << args.tmax << "]\n";
  s << "  " << to_string(options.method) << ": " << trajectory.steps << " steps ("
    << trajectory.rejected_steps << " rejected), " << trajectory.rhs_evaluations
    << " right-hand-side evaluations, rtol " << args.rtol << ", atol " << args.atol << "\n";
  s << "  final state max |r| " << final_state.cwiseAbs().maxCoeff() << "; first entries";
  for (Eigen::Index i = 0; i < std::min<Eigen::Index>(n, 4); ++i) s << ' ' << final_state(i);
  s << "\n";
  if (args.check) {
    s << "  check vs exact solution: max abs error " << check.max_abs_error << ", max rel error "
      << check.max_rel_error << " (at t = " << check.worst_time
      << "; relative to max(|exact|, atol))\n";
  }
  if (!args.out.empty()) s << "  wrote " << args.out << "/trajectory.npy (rows: t, r_1..r_n)\n";
  std::cout << s.str();
}

}  // namespace

void add_simulate_command(CLI::App& app) {
  auto args = std::make_shared<SimulateArgs>();
  CLI::App* sub = app.add_subcommand(
      "simulate",
      "Integrate tau o dr/dt = -r + f(W r + X(t)) (or the current form) with odeint, or with a\n"
      "Krylov exponential integrator for linear networks (--method krylov)\n"
      "Examples:\n"
      "  netdyn simulate data/mm09_balanced.npy --input impulse:1,0@0 --tmax 10 --check\n"
      "  netdyn simulate W.npy --f tanh --r0 0.1 --tmax 50 --method rk78 --out run/");
  sub->add_option("FILE", args->input, kConnectivityFileHelp)->required();
  add_convention_option(*sub);
  add_rate_model_options(*sub, args->model);
  sub->add_option("--input",
                  args->inputs,
                  "input X: VALUE|LIST|FILE (constant), step:X@T0, pulse:X@T0:T1, impulse:X@T0 "
                  "(state jump); repeatable");
  sub->add_option("--r0", args->r0, "initial state: VALUE, LIST or FILE")->capture_default_str();
  sub->add_option("--tmax", args->tmax, "end time (> 0), in the unit of tau")
      ->check(number_above(0.0))
      ->capture_default_str();
  sub->add_option("--samples", args->samples, "output times on [0, tmax] (>= 2)")
      ->check(integer_in(2, 100000000))
      ->capture_default_str();
  sub->add_option("--method",
                  args->method,
                  "stepper: dopri5 (rk45), rk78, rosenbrock4 (rosenbrock, stiff), or krylov "
                  "(expv; Krylov exponential integrator, f linear without user-function input)")
      ->check(CLI::IsMember(
          {"dopri5", "rk45", "rk78", "rosenbrock4", "rosenbrock", "stiff", "krylov", "expv"}))
      ->capture_default_str();
  sub->add_option("--rtol", args->rtol, "relative tolerance")
      ->check(number_above(0.0))
      ->capture_default_str();
  sub->add_option("--atol", args->atol, "absolute tolerance")
      ->check(number_above(0.0))
      ->capture_default_str();
  sub->add_flag("--check", args->check, "compare with the exact solution (f linear)");
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->add_option("--out", args->out, "write trajectory.npy (and exact.npy) into DIR");
  sub->callback([args]() { run(*args); });
}

}  // namespace netdyn::cli
