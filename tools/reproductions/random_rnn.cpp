// random-rnn: the random recurrent network of seed homework 003 (docs/science.md 5.1): W = g
// randn(N, N) /sqrt(N), N = 500. The eigenvalues of the linear generator -I + W fill a disk of
// radius g centred at -1, so g = 0.9 is stable and g = 1.1 is not; the linear network decays or
// grows accordingly, while with tanh the unstable network settles into bounded irregular activity.
#include <cmath>
#include <sstream>

#include "common/figures.hpp"
#include "common/reproduction.hpp"
#include "netdyn/core/random.hpp"
#include "netdyn/dynamics/ode_check.hpp"
#include "netdyn/dynamics/simulation.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/models/generators.hpp"

namespace netdyn::cli {
namespace {

constexpr Eigen::Index kN = 500;
constexpr Eigen::Index kShownUnits = 3;

struct GainCase {
  double g = 0.0;
  Eigen::MatrixXd w;
  Eigen::VectorXcd generator_eigenvalues;  // of -I + W
  double radius = 0.0;
  OdeCheck linear;  // ODE vs exact on the plotted grid
  Trajectory tanh;
};

std::string g_text(double g) {
  std::ostringstream s;
  s << "g = " << g;
  return s.str();
}

}  // namespace

ReproductionResult reproduce_random_rnn(const std::string& dir, PlotFormat format) {
  RandomSource source(2003);
  const Eigen::VectorXd x0 = source.normal_matrix(kN, 1).col(0);
  const double t_end = 40.0;
  const Eigen::VectorXd fine = Eigen::VectorXd::LinSpaced(161, 0.0, t_end);
  const auto every_fourth = Eigen::seqN(0, 41, 4);  // the ODE points drawn: t = 0, 1, ..., 40

  std::vector<GainCase> cases;
  for (const double g : {0.9, 1.1}) {
    GainCase c;
    c.g = g;
    GaussianOptions options;
    options.n = kN;
    options.rho = g;
    options.seed = 3;
    c.w = gaussian_connectivity(options);
    c.generator_eigenvalues = (compute_spectrum(c.w).eigenvalues.array() - 1.0).matrix();
    c.radius = circular_law_radius(c.w);
    RateNetwork net;
    net.w = c.w;
    SimulationOptions simulation;
    simulation.t_end = t_end;
    simulation.samples = fine.size();  // step 0.25 is exact, so one exponential serves all steps
    c.linear = check_ode_against_exact(net, x0, {}, simulation);
    net.f.kind = TransferKind::kTanh;
    simulation.samples = fine.size();
    c.tanh = simulate(net, x0, {}, simulation);
    cases.push_back(std::move(c));
  }

  ReproductionResult result;
  result.title = "Random recurrent network: g = 0.9 vs g = 1.1";
  result.summary =
      "W = g randn(N, N)/sqrt(N) with N = 500 (seed homework 003). By the circular law the "
      "eigenvalues of the linear generator -I + W fill a disk of radius g centred at -1: for "
      "g = 0.9 all lie left of Re = 0 and activity decays; for g = 1.1 some cross it and the "
      "linear network grows exponentially. With the saturating tanh the g = 1.1 network instead "
      "keeps bounded, irregular activity. Time in units of tau; three of the 500 units shown, "
      "from the same random initial state.";

  for (const GainCase& c : cases) {
    const std::string tag = c.g < 1.0 ? "g0.9" : "g1.1";
    const std::string spectrum_file = render(
        generator_spectrum_figure(
            c.generator_eigenvalues, c.radius, "Spectrum of -I + W, N = 500, " + g_text(c.g)),
        dir,
        "spectrum_" + tag,
        format);
    result.figures.push_back(
        {spectrum_file.substr(dir.size() + 1),
         "Eigenvalues of -I + W for " + g_text(c.g) +
             ": the circular-law disk (grey) and the stability line Re = 0 (dashed)."});
  }
  for (const GainCase& c : cases) {
    const std::string tag = c.g < 1.0 ? "g0.9" : "g1.1";
    std::vector<TimeCourse> linear;
    std::vector<TimeCourse> tanh;
    for (Eigen::Index i = 0; i < kShownUnits; ++i) {
      const std::string unit = "x_" + std::to_string(i + 1);
      const Eigen::VectorXd ode_t = c.linear.ode.times(every_fourth);
      const Eigen::VectorXd ode_x = c.linear.ode.states.row(i)(every_fourth).eval().transpose();
      linear.push_back(time_course(unit, fine, c.linear.exact.row(i).transpose(), ode_t, ode_x));
      TimeCourse t = time_course(unit, c.tanh.times, c.tanh.states.row(i).transpose());
      t.line_title = unit + " ODE";
      tanh.push_back(t);
    }
    Figure lf = time_course_figure(
        linear, "Linear network, " + g_text(c.g), "time (units of {/Symbol t})", "activity x_i");
    lf.key = "outside right top";
    const std::string lfile = render(lf, dir, "linear_" + tag, format);
    result.figures.push_back({lfile.substr(dir.size() + 1),
                              "Linear network dx/dt = -x + W x, " + g_text(c.g) +
                                  (c.g < 1.0 ? ": decays (slowest rate 1 - max Re lambda(W))."
                                             : ": grows exponentially.") +
                                  " Lines: exact e^{t(W - I)} x(0); circles: ODE."});
    Figure tf = time_course_figure(
        tanh, "tanh network, " + g_text(c.g), "time (units of {/Symbol t})", "activity x_i");
    tf.key = "outside right top";
    const std::string tfile = render(tf, dir, "tanh_" + tag, format);
    result.figures.push_back(
        {tfile.substr(dir.size() + 1),
         "Nonlinear network dx/dt = -x + tanh(W x), " + g_text(c.g) +
             (c.g < 1.0 ? ": decays to the silent state." : ": bounded irregular activity.") +
             " Integrated by dopri5."});
  }

  for (const GainCase& c : cases) {
    result.numbers.push_back(
        {"circular-law radius, " + g_text(c.g), c.radius, c.g, "docs/science.md 5.1 (radius g)"});
    result.numbers.push_back({"max Re lambda(-I + W), " + g_text(c.g),
                              spectral_abscissa(c.generator_eigenvalues),
                              std::nullopt,
                              c.g < 1.0 ? "< 0: stable" : "> 0: unstable"});
    result.numbers.push_back({"linear: max relative ODE error, " + g_text(c.g),
                              c.linear.max_rel_error,
                              std::nullopt,
                              "dopri5, rtol 1e-8"});
  }
  return result;
}

}  // namespace netdyn::cli
