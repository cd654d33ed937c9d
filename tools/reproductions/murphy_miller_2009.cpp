// murphy-miller-2009: balanced amplification (Murphy & Miller 2009, Neuron 61:635, figs. 1-2;
// docs/science.md 1). W = [[w, -k w], [w, -k w]], w = 30/7, k = 1.1, tau = 1, pulse r(0) = (1, 0):
// the difference pattern drives the sum pattern through the feedforward weight w(1 + k) = 9, so
// r_E is transiently amplified (integral ratio 4) without slowing, while the Hebbian counterpart
// (one population, self-weight 3/4) reaches the same ratio 4 only by slowing to 4 tau.
#include <array>
#include <cmath>

#include "common/figures.hpp"
#include "common/reproduction.hpp"
#include "netdyn/amplification/pseudospectrum.hpp"
#include "netdyn/dynamics/ode_check.hpp"
#include "netdyn/dynamics/simulation.hpp"
#include "netdyn/models/ei_network.hpp"

namespace netdyn::cli {
namespace {

// int_0^t_end r_E dt by integrating the network together with q' = r_E (so the integral is
// proven by the ODE, not by the closed form).
double integrated_r_e(const Eigen::MatrixXd& w, const Eigen::VectorXd& r0, double t_end) {
  const Eigen::Index n = w.rows();
  const Eigen::MatrixXd a = w - Eigen::MatrixXd::Identity(n, n);
  OdeSystem system;
  system.field = [&a, n](double,
                         const Eigen::Ref<const Eigen::VectorXd>& x,
                         Eigen::Ref<Eigen::VectorXd> dxdt) {
    dxdt.head(n).noalias() = a * x.head(n);
    dxdt(n) = x(0);
  };
  Eigen::VectorXd x0 = Eigen::VectorXd::Zero(n + 1);
  x0.head(n) = r0;
  SimulationOptions options;
  options.t_end = t_end;
  options.samples = 2;
  options.rtol = 1e-12;
  options.atol = 1e-14;
  const Trajectory trajectory = integrate(system, x0, options);
  return trajectory.states(n, 1);
}

Eigen::VectorXd row(const Eigen::MatrixXd& m, Eigen::Index i) {
  return m.row(i).transpose();
}

}  // namespace

ReproductionResult reproduce_murphy_miller_2009(const std::string& dir, PlotFormat format) {
  const EiNetwork balanced = EiNetwork::from_gain(30.0 / 7.0, 1.1);
  const HebbianNetwork hebbian{0.75, 1.0};
  const Eigen::Vector2d r0(1.0, 0.0);
  const EiSchurForm schur = ei_schur(balanced);
  const EiPulseResponse pulse = ei_pulse_response(balanced, r0);
  const HebbianResponse hebbian_pulse = hebbian_response(hebbian, 1.0);

  // Simulated (dopri5) and exact solutions on a coarse grid: the points of the figures.
  RateNetwork net;
  net.w = ei_connectivity(balanced);
  SimulationOptions coarse;
  coarse.t_end = 8.0;
  coarse.samples = 33;
  const OdeCheck check = check_ode_against_exact(net, r0, {}, coarse);
  RateNetwork hebbian_net;
  hebbian_net.w = Eigen::MatrixXd::Constant(1, 1, hebbian.w);
  const OdeCheck hebbian_check =
      check_ode_against_exact(hebbian_net, Eigen::VectorXd::Ones(1), {}, coarse);
  const Eigen::MatrixXd modes = schur.u.transpose() * check.ode.states;  // (sum, difference)

  // Closed forms on a fine grid: the lines.
  const Eigen::Index m = 401;
  const Eigen::VectorXd t = Eigen::VectorXd::LinSpaced(m, 0.0, coarse.t_end);
  Eigen::VectorXd r_e(m), r_i(m), sum(m), difference(m), r_hebbian(m), r_uncoupled(m);
  const TriangularPair pair{
      schur.eigenvalues(0), schur.eigenvalues(1), schur.feedforward_weight, balanced.tau};
  const Eigen::Vector2d modes0 = schur.u.transpose() * r0;
  for (Eigen::Index k = 0; k < m; ++k) {
    const Eigen::Vector2d r = ei_response(balanced, r0, t(k));
    r_e(k) = r(0);
    r_i(k) = r(1);
    const Eigen::Vector2d ab = triangular_pair_response(pair, modes0, t(k));
    sum(k) = ab(0);
    difference(k) = ab(1);
    r_hebbian(k) = hebbian_rate(hebbian, 1.0, t(k));
    r_uncoupled(k) = hebbian_rate({0.0, 1.0}, 1.0, t(k));
  }
  const Eigen::VectorXd& tp = check.ode.times;

  ReproductionResult result;
  result.title = "Murphy & Miller 2009: balanced amplification";
  result.summary =
      "An excitatory and an inhibitory population with W = [[w, -k w], [w, -k w]] (w = 30/7, "
      "k = 1.1, tau = 1) receive a pulse that sets r_E(0) = 1. W is nonnormal: in the Schur "
      "basis the difference pattern (r_E - r_I)/sqrt2 feeds the sum pattern (r_E + r_I)/sqrt2 "
      "with weight w(1 + k) = 9, while the eigenvalues are only -3/7 and 0. r_E is amplified "
      "(its integral is 4 times that of an uncoupled population) and decays no slower than tau. "
      "A Hebbian population with self-weight 3/4 reaches the same factor 4 only by slowing to a "
      "time constant of 4 tau. Lines: closed forms; circles: ODE integration (dopri5).";

  std::vector<TimeCourse> versus = {
      time_course("balanced r_E", t, r_e, tp, row(check.ode.states, 0), "#1f77b4"),
      time_course(
          "Hebbian r (w = 3/4)", t, r_hebbian, tp, row(hebbian_check.ode.states, 0), "#d62728"),
      time_course(
          "uncoupled r_E (W = 0)", t, r_uncoupled, Eigen::VectorXd(), Eigen::VectorXd(), "#7f7f7f"),
  };
  versus[2].line_style = "dt 2";
  versus[2].line_title = "uncoupled r_E (W = 0), exact";
  const std::string f1 = render(
      time_course_figure(versus,
                         "Same amplification (integral x 4): balanced is fast, Hebbian is slow",
                         "time (units of {/Symbol t})",
                         "rate r (r_E(0) = 1)"),
      dir,
      "balanced_vs_hebbian",
      format);
  result.figures.push_back(
      {f1.substr(dir.size() + 1),
       "Response to a pulse r_E(0) = 1. Balanced network (blue): r_E rises to 1.79 and is back "
       "within a few tau; Hebbian network (red): the same integral, 4, spread over a time "
       "constant of 4 tau; dashed: no recurrence. Lines exact, circles ODE."});

  const std::vector<TimeCourse> ei = {
      time_course("r_E", t, r_e, tp, row(check.ode.states, 0), "#1f77b4"),
      time_course("r_I", t, r_i, tp, row(check.ode.states, 1), "#d62728"),
  };
  const std::string f2 = render(time_course_figure(ei,
                                                   "Balanced network, w = 30/7, k = 1.1",
                                                   "time (units of {/Symbol t})",
                                                   "rate (r_E(0) = 1)"),
                                dir,
                                "rates",
                                format);
  result.figures.push_back(
      {f2.substr(dir.size() + 1),
       "r_E and r_I after the pulse: inhibition follows excitation and cancels it "
       "(r_E = 11 e^{-t} - 10 e^{-10t/7}, r_I = 10 (e^{-t} - e^{-10t/7})). Lines exact, "
       "circles ODE."});

  const std::vector<TimeCourse> patterns = {
      time_course("sum (r_E + r_I)/√2", t, sum, tp, row(modes, 0), "#2ca02c"),
      time_course("difference (r_E - r_I)/√2", t, difference, tp, row(modes, 1), "#9467bd"),
  };
  const std::string f3 = render(time_course_figure(patterns,
                                                   "Schur modes: difference feeds sum (weight 9)",
                                                   "time (units of {/Symbol t})",
                                                   "pattern amplitude"),
                                dir,
                                "patterns",
                                format);
  result.figures.push_back(
      {f3.substr(dir.size() + 1),
       "The same response in the Schur basis: the difference pattern decays as e^{-t} "
       "(eigenvalue 0) and drives the sum pattern, which is amplified then suppressed by its "
       "self-inhibition (eigenvalue -3/7). Lines exact, circles ODE."});

  // Pseudospectra of A = W - I: although both eigenvalues (-10/7, -1) are stable, small
  // perturbations (eps ~ 0.1) reach the right half-plane, the signature of transient growth.
  PseudospectrumOptions ps_options;
  ps_options.nx = 121;
  ps_options.ny = 101;
  ps_options.box = std::array<double, 4>{-4.0, 2.0, -2.5, 2.5};
  const Eigen::MatrixXd a = net.w - Eigen::MatrixXd::Identity(2, 2);
  const Pseudospectrum ps = compute_pseudospectrum(a, ps_options);
  const PseudospectralAbscissa alpha_01 = pseudospectral_abscissa(a, 0.1);
  const std::string f4 = render(pseudospectrum_figure(ps.x,
                                                      ps.y,
                                                      ps.sigma_min,
                                                      {-2.0, -1.5, -1.0, -0.5, 0.0},
                                                      ps.eigenvalues,
                                                      0.0,
                                                      "Pseudospectra of A = W - I (tau = 1)"),
                                dir,
                                "pseudospectra",
                                format);
  result.figures.push_back(
      {f4.substr(dir.size() + 1),
       "Contours of log10 sigma_min(zI - A) = log10 eps: the eps-pseudospectra of A = W - I "
       "around its eigenvalues -10/7 and -1 (dots). They are far larger than eps-disks: eps = "
       "0.32 already crosses the stability line Re z = 0 (dashed; alpha_0.5 = 0.98), the mark "
       "of the nonnormal transient growth."});

  const double ode_integral = integrated_r_e(net.w, r0, 60.0);
  const double ode_uncoupled = integrated_r_e(Eigen::MatrixXd::Zero(2, 2), r0, 60.0);
  result.numbers = {
      {"feedforward weight w(1 + k)", schur.feedforward_weight, 9.0, "docs/science.md 1.1"},
      {"eigenvalue of the sum mode", schur.eigenvalues(0), -3.0 / 7.0, "docs/science.md 1.1"},
      {"integral of r_E (closed form)",
       pulse.integral_r_e.value_or(NAN),
       4.0,
       "docs/science.md 1.3"},
      {"integral of r_I (closed form)",
       pulse.integral_r_i.value_or(NAN),
       3.0,
       "docs/science.md 1.3"},
      {"integral ratio balanced/uncoupled (closed form)",
       pulse.amplification.value_or(NAN),
       4.0,
       "docs/science.md 1.3"},
      {"integral ratio balanced/uncoupled (ODE to t = 60)",
       ode_integral / ode_uncoupled,
       4.0,
       "docs/science.md 1.3"},
      {"peak r_E", pulse.peak_r_e.value_or(NAN), 1.793324845, "docs/science.md 1.4 (T1a)"},
      {"peak time", pulse.peak_time.value_or(NAN), 0.609851116, "docs/science.md 1.4 (T1a)"},
      {"r_E(1)", ei_response(balanced, r0, 1.0)(0), 1.650163488468, "docs/science.md 1.4 (T1a)"},
      {"r_I(1)", ei_response(balanced, r0, 1.0)(1), 1.282284047297, "docs/science.md 1.4 (T1a)"},
      {"Hebbian integral ratio (w = 3/4)", hebbian_pulse.amplification, 4.0, "docs/science.md 1.6"},
      {"Hebbian time constant (units of tau)",
       hebbian_pulse.time_constant,
       4.0,
       "docs/science.md 1.6"},
      {"pseudospectral abscissa alpha_0.1(W - I)",
       alpha_01.abscissa,
       -0.236053534431,
       "docs/science.md 7.2"},
      {"max relative ODE error, balanced", check.max_rel_error, std::nullopt, "dopri5, rtol 1e-8"},
  };
  return result;
}

}  // namespace netdyn::cli
