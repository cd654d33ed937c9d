// rosenbaum-3.4: the E-I rate network of Rosenbaum, Modeling Neural Circuits Made Simple, fig. 3.4
// (parameters from the book's RecurrentRateNet.ipynb; docs/science.md 6.2). Threshold-linear rates,
// W = [[2000, -2000], [6000, -3000]], X = (25, 17), g = 0.003575, theta = 9.639...: the same fixed
// point is a stable spiral with tau_e = 30 ms, tau_i = 15 ms and an unstable one (oscillation)
// with the time constants swapped, because slowing inhibition moves the trace of the Jacobian
// across 0 while its determinant does not depend on the time constants.
#include <Eigen/LU>
#include <cmath>
#include <sstream>

#include "common/figures.hpp"
#include "common/reproduction.hpp"
#include "netdyn/dynamics/fixed_point.hpp"
#include "netdyn/dynamics/jacobian.hpp"
#include "netdyn/dynamics/linear_solution.hpp"
#include "netdyn/dynamics/simulation.hpp"
#include "netdyn/factorization/spectrum.hpp"

namespace netdyn::cli {
namespace {

constexpr double kGain = 0.003575;
constexpr double kThreshold = 9.639160837867031;
constexpr double kHz = 1000.0;  // rates are per ms in the model

struct Case {
  double tau_e = 0.0;
  double tau_i = 0.0;
  Eigen::Matrix2d jacobian;
  Spectrum spectrum;
  Trajectory dense;        // threshold-linear network (dopri5) on a 0.1 ms grid
  Eigen::MatrixXd linear;  // exact solution of the network linearised at r* (inputs > theta)
  Eigen::VectorXd line_times;
};

Case run_case(const RateNetwork& base,
              double tau_e,
              double tau_i,
              const Eigen::Vector2d& x,
              const Eigen::Vector2d& r_star,
              const Eigen::Vector2d& r0,
              double t_end) {
  Case c;
  c.tau_e = tau_e;
  c.tau_i = tau_i;
  RateNetwork net = base;
  net.tau = Eigen::Vector2d(tau_e, tau_i);
  c.jacobian = rate_jacobian(net, r_star, x);
  c.spectrum = compute_spectrum(c.jacobian);
  SimulationOptions options;
  options.t_end = t_end;
  options.samples = static_cast<Eigen::Index>(t_end / 0.1) + 1;
  c.dense = simulate(net, r0, Input::constant_input(x), options);
  // Above threshold f(u) = g (u - theta) exactly: the linear network is the local truth.
  RateNetwork linear = net;
  linear.f.kind = TransferKind::kLinear;
  c.line_times = Eigen::VectorXd::LinSpaced(static_cast<Eigen::Index>(t_end) + 1, 0.0, t_end);
  c.linear = linear_solution(linear, r0, Input::constant_input(x), c.line_times);
  return c;
}

// Plain text: figure titles are rendered noenhanced.
std::string tau_text(const Case& c) {
  std::ostringstream s;
  s << "tau_e = " << c.tau_e << " ms, tau_i = " << c.tau_i << " ms";
  return s.str();
}

// Converging: the threshold-linear ODE (circles) stays above threshold, where it equals the
// linearised network (lines). Oscillating: the linearisation (dashed, first 150 ms) grows without
// bound, the threshold-linear ODE (lines) settles on a limit cycle.
std::vector<TimeCourse> courses(const Case& c, bool stable) {
  std::vector<TimeCourse> out;
  const char* names[] = {"r_E", "r_I"};
  const char* colours[] = {"#1f77b4", "#d62728"};
  for (Eigen::Index i = 0; i < 2; ++i) {
    const std::string name = names[i];
    if (stable) {
      // The transient is over within about 100 ms: the first 150 ms, ODE points every 2 ms.
      const auto every_2ms = Eigen::seqN(0, 76, 20);
      const Eigen::Index early = 151;  // 1 ms grid
      TimeCourse t = time_course(name,
                                 c.line_times.head(early),
                                 kHz * c.linear.row(i).head(early).transpose(),
                                 c.dense.times(every_2ms),
                                 kHz * c.dense.states.row(i)(every_2ms).eval().transpose(),
                                 colours[i]);
      t.line_title = name + " linearised (exact)";
      t.points_title = name + " threshold-linear (ODE)";
      out.push_back(t);
    } else {
      TimeCourse ode = time_course(name, c.dense.times, kHz * c.dense.states.row(i).transpose());
      ode.color = colours[i];
      ode.line_title = name + " threshold-linear (ODE)";
      out.push_back(ode);
      const Eigen::Index early = 151;  // 1 ms grid: the first 150 ms
      TimeCourse lin = time_course(
          name, c.line_times.head(early), kHz * c.linear.row(i).head(early).transpose());
      lin.color = colours[i];
      lin.line_style = "dt 2";
      lin.line_title = name + " linearised (exact)";
      out.push_back(lin);
    }
  }
  return out;
}

}  // namespace

ReproductionResult reproduce_rosenbaum_3_4(const std::string& dir, PlotFormat format) {
  RateNetwork base;
  base.w.resize(2, 2);
  base.w << 2000.0, -2000.0, 6000.0, -3000.0;
  base.f = {TransferKind::kThresholdLinear, kGain, kThreshold};
  const Eigen::Vector2d x(25.0, 17.0);
  const ThresholdLinearFixedPoint fixed =
      threshold_linear_fixed_point(base.w, x, kGain, kThreshold);
  const Eigen::Vector2d r_star = fixed.rates;
  // Start 1 Hz above the fixed point in r_E.
  const Eigen::Vector2d r0 = r_star + Eigen::Vector2d(1.0 / kHz, 0.0);
  const double t_end = 600.0;
  const Case converging = run_case(base, 30.0, 15.0, x, r_star, r0, t_end);
  const Case oscillating = run_case(base, 15.0, 30.0, x, r_star, r0, t_end);

  ReproductionResult result;
  result.title = "Rosenbaum fig. 3.4: E-I network, converging vs oscillating";
  result.summary =
      "A threshold-linear excitatory-inhibitory rate network (Rosenbaum's parameters: "
      "W = [[2000, -2000], [6000, -3000]], X = (25, 17), gain 0.003575) has one fixed point, "
      "r* = (5.61, 12.50) Hz, inhibition-stabilised (g w_ee = 7.15 > 1). Its Jacobian "
      "J = diag(1/tau)(-I + g W) has a determinant that does not depend on the time constants, "
      "but a trace that does: with tau_e = 30 ms, tau_i = 15 ms the trace is negative (stable "
      "spiral, the rates converge); swapping them makes it positive (unstable spiral, the rates "
      "oscillate on a limit cycle, bounded by the threshold). Converging case: lines are the exact "
      "solution of the network linearised at r*, circles the threshold-linear network integrated "
      "by dopri5 (they agree: every input stays above threshold). Oscillating case: the "
      "threshold-linear ODE (lines) and the linearisation (dashed), which grows without bound.";

  const auto add_course = [&](const Case& c, const std::string& name, const std::string& verdict) {
    Figure f = time_course_figure(
        courses(c, c.tau_e > c.tau_i), verdict + ": " + tau_text(c), "time (ms)", "rate (Hz)");
    // The linearised solution of the unstable case grows without bound; keep the rates in view.
    f.setup.push_back("set yrange [0:20]");
    f.key = "top left";
    f.setup.push_back(c.tau_e < c.tau_i ? "set xrange [0:300]" : "set xrange [0:150]");
    const std::string file = render(f, dir, name, format);
    std::ostringstream caption;
    caption << verdict << " ("
            << (c.tau_e == 30.0 ? "tau_e = 30 ms, tau_i = 15 ms" : "tau_e = 15 ms, tau_i = 30 ms")
            << "): eigenvalues of J " << c.spectrum.eigenvalues(0).real() << " +- "
            << std::abs(c.spectrum.eigenvalues(0).imag()) << "i per ms, from r* + (1 Hz, 0).";
    result.figures.push_back({file.substr(dir.size() + 1), caption.str()});
  };
  add_course(converging, "converging", "Converging");
  add_course(oscillating, "oscillating", "Oscillating");

  const std::vector<PlanarPoint> points = {
      {"{/Symbol t}_e = 30, {/Symbol t}_i = 15 ms",
       converging.jacobian.trace(),
       converging.jacobian.determinant()},
      {"{/Symbol t}_e = 15, {/Symbol t}_i = 30 ms",
       oscillating.jacobian.trace(),
       oscillating.jacobian.determinant()},
  };
  const std::string td = render(
      trace_determinant_figure(points, "Trace-determinant plane of the Jacobian at r*", "1/ms"),
      dir,
      "trace_determinant",
      format);
  result.figures.push_back(
      {td.substr(dir.size() + 1),
       "Both Jacobians have D = 0.1806 per ms^2; swapping the time constants moves the trace "
       "from -0.577 (stable spiral, shaded quadrant) to +0.019 per ms (unstable spiral): a Hopf "
       "bifurcation is crossed at tau_i/tau_e = 1.9065."});

  const Eigen::Index late = oscillating.dense.times.size() / 2;
  const Eigen::VectorXd late_e = oscillating.dense.states.row(0).tail(late).transpose();
  const Eigen::Index last = converging.dense.times.size() - 1;
  const double g_w_ee = kGain * base.w(0, 0);
  const double g_w_ii = kGain * base.w(1, 1);
  result.numbers = {
      {"fixed point r_E* (Hz)", kHz * r_star(0), 5.608332949, "docs/science.md 6.2"},
      {"fixed point r_I* (Hz)", kHz * r_star(1), 12.504370300, "docs/science.md 6.2"},
      {"trace, tau_e = 30, tau_i = 15 (1/ms)",
       converging.jacobian.trace(),
       -0.5766666667,
       "docs/science.md 6.2"},
      {"determinant (1/ms^2)", converging.jacobian.determinant(), 0.180575, "docs/science.md 6.2"},
      {"Re eigenvalue, tau_e = 30, tau_i = 15",
       converging.spectrum.eigenvalues(0).real(),
       -0.2883333333,
       "docs/science.md 6.2"},
      {"Im eigenvalue, tau_e = 30, tau_i = 15",
       converging.spectrum.eigenvalues(0).imag(),
       0.3121520285,
       "docs/science.md 6.2"},
      {"trace, tau_e = 15, tau_i = 30 (1/ms)",
       oscillating.jacobian.trace(),
       0.0191666667,
       "docs/science.md 6.2"},
      {"Re eigenvalue, tau_e = 15, tau_i = 30",
       oscillating.spectrum.eigenvalues(0).real(),
       0.0095833333,
       "docs/science.md 6.2"},
      {"Im eigenvalue, tau_e = 15, tau_i = 30",
       oscillating.spectrum.eigenvalues(0).imag(),
       0.4248330963,
       "docs/science.md 6.2"},
      {"Hopf ratio tau_i/tau_e = (1 - g w_ii)/(g w_ee - 1)",
       (1.0 - g_w_ii) / (g_w_ee - 1.0),
       1.906504065,
       "docs/science.md 6.1-6.2"},
      {"converging: r_E at 600 ms (Hz)",
       kHz * converging.dense.states(0, last),
       5.608332949,
       "converges to r*"},
      {"oscillating: min r_E, last 300 ms (Hz)",
       kHz * late_e.minCoeff(),
       std::nullopt,
       "docs/science.md 6.2: Euler, dt 0.1 ms, 3.05 (Euler's spurious growth enlarges the cycle)"},
      {"oscillating: max r_E, last 300 ms (Hz)",
       kHz * late_e.maxCoeff(),
       std::nullopt,
       "docs/science.md 6.2: Euler, dt 0.1 ms, 8.36 (dt 0.01 ms: 8.00)"},
  };
  return result;
}

}  // namespace netdyn::cli
