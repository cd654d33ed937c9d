// fitzhugh-nagumo: the FitzHugh-Nagumo model of seed homework 003 (docs/science.md 6.4),
// v' = v - v^3/3 - w + I, tau w' = v + a - b w (tau 12.5, a 0.7, b 0.8). At I = 0.3 the fixed
// point is a stable spiral; at I = 0.4 it is unstable and the trajectory runs into a relaxation
// cycle. The (subcritical) Hopf bifurcation lies at I_H = 0.33128.
#include <cmath>
#include <sstream>

#include "common/figures.hpp"
#include "common/reproduction.hpp"
#include "netdyn/dynamics/nullclines.hpp"
#include "netdyn/dynamics/simulation.hpp"
#include "netdyn/models/fitzhugh_nagumo.hpp"

namespace netdyn::cli {
namespace {

struct CurrentCase {
  FitzHughNagumo model;
  FitzHughNagumoFixedPoint fixed;
  Trajectory trajectory;
};

std::string current_text(double current) {
  std::ostringstream s;
  s << "I = " << current;
  return s.str();
}

}  // namespace

ReproductionResult reproduce_fitzhugh_nagumo(const std::string& dir, PlotFormat format) {
  const double t_end = 200.0;
  std::vector<CurrentCase> cases;
  for (const double current : {0.3, 0.4}) {
    CurrentCase c;
    c.model.current = current;
    c.fixed = fitzhugh_nagumo_fixed_point(c.model);
    OdeSystem system;
    const FitzHughNagumo model = c.model;
    system.field = [model](double,
                           const Eigen::Ref<const Eigen::VectorXd>& x,
                           Eigen::Ref<Eigen::VectorXd> dxdt) {
      dxdt = model.field(Eigen::VectorXd(x));
    };
    SimulationOptions options;
    options.t_end = t_end;
    options.samples = 2001;
    // A small kick in v away from the fixed point.
    const Eigen::Vector2d x0 = c.fixed.state + Eigen::Vector2d(0.2, 0.0);
    c.trajectory = integrate(system, x0, options);
    cases.push_back(std::move(c));
  }
  const HopfPoint hopf = fitzhugh_nagumo_hopf(cases[0].model);

  ReproductionResult result;
  result.title = "FitzHugh-Nagumo: resting vs spiking";
  result.summary =
      "The FitzHugh-Nagumo neuron v' = v - v^3/3 - w + I, tau w' = v + a - b w (tau = 12.5, "
      "a = 0.7, b = 0.8; seed homework 003). Its nullclines (the cubic dv/dt = 0 and the line "
      "dw/dt = 0) cross at one fixed point. At I = 0.3 that point is a stable spiral: a kick of "
      "0.2 in v decays back. At I = 0.4 it is an unstable spiral and the same kick grows into a "
      "relaxation oscillation (repetitive spikes). The trace of the Jacobian crosses 0 at "
      "I_H = 0.3313 (a subcritical Hopf bifurcation). Time is dimensionless: the v time constant "
      "is 1 and w's is tau = 12.5.";

  for (const CurrentCase& c : cases) {
    const std::string tag = c.model.current < 0.35 ? "I0.3" : "I0.4";
    const Nullclines n = fitzhugh_nagumo_nullclines(c.model, -2.5, 2.5, 401);
    Figure f;
    f.title = "Phase plane, " + current_text(c.model.current) +
              (c.fixed.stable ? ": stable spiral" : ": unstable spiral, relaxation cycle");
    f.xlabel = "v (membrane potential, dimensionless)";
    f.ylabel = "w (recovery variable, dimensionless)";
    Series cubic{"v-nullcline (dv/dt = 0)",
                 to_std(n.v),
                 to_std(n.first_nullcline_w),
                 "lines",
                 "lw 2 lc rgb '#ff7f0e'"};
    Series line{"w-nullcline (dw/dt = 0)",
                to_std(n.v),
                to_std(n.second_nullcline_w),
                "lines",
                "lw 2 lc rgb '#2ca02c'"};
    Series trajectory{"trajectory (ODE)",
                      to_std(c.trajectory.states.row(0).transpose()),
                      to_std(c.trajectory.states.row(1).transpose()),
                      "lines",
                      "lw 1.5 lc rgb '#1f77b4'"};
    Series start{"start: fixed point + (0.2, 0)",
                 {c.trajectory.states(0, 0)},
                 {c.trajectory.states(1, 0)},
                 "points",
                 "pt 9 ps 2.5 lc rgb '#1f77b4'"};
    Series fixed{"fixed point",
                 {c.fixed.state(0)},
                 {c.fixed.state(1)},
                 "points",
                 std::string("pt ") + (c.fixed.stable ? "7" : "6") + " ps 2.5 lc rgb 'black'"};
    f.series = {cubic, line, trajectory, start, fixed};
    f.setup.push_back("set xrange [-2.5:2.5]; set yrange [-1:2.5]");
    f.key = "top left";
    const std::string file = render(f, dir, "phase_plane_" + tag, format);
    std::ostringstream caption;
    caption << current_text(c.model.current) << ": nullclines, the fixed point (v*, w*) = ("
            << c.fixed.state(0) << ", " << c.fixed.state(1) << ") and the trajectory from a "
            << "kick of 0.2 in v; eigenvalues " << c.fixed.eigenvalues(0).real() << " +- "
            << std::abs(c.fixed.eigenvalues(0).imag()) << "i.";
    result.figures.push_back({file.substr(dir.size() + 1), caption.str()});
  }

  std::vector<TimeCourse> v_courses;
  const char* colours[] = {"#1f77b4", "#d62728"};
  for (std::size_t k = 0; k < cases.size(); ++k) {
    TimeCourse t = time_course("v, " + current_text(cases[k].model.current),
                               cases[k].trajectory.times,
                               cases[k].trajectory.states.row(0).transpose());
    t.color = colours[k];
    t.line_title = t.label + " (ODE)";
    v_courses.push_back(t);
  }
  Figure vf = time_course_figure(v_courses,
                                 "Membrane potential after a kick of 0.2 in v",
                                 "time (dimensionless; {/Symbol t}_v = 1, {/Symbol t}_w = 12.5)",
                                 "v (dimensionless)");
  vf.setup.push_back("set yrange [-2.5:3]");
  vf.key = "top right horizontal";
  const std::string vfile = render(vf, dir, "voltage", format);
  result.figures.push_back({vfile.substr(dir.size() + 1),
                            "v(t): at I = 0.3 the kick rings down (period about 22); at "
                            "I = 0.4 it grows into spikes."});

  std::vector<PlanarPoint> points;
  for (const CurrentCase& c : cases) {
    points.push_back({current_text(c.model.current), c.fixed.trace, c.fixed.determinant});
  }
  const std::string td = render(
      trace_determinant_figure(
          points, "Trace-determinant plane of the Jacobian at the fixed point", "1/unit time"),
      dir,
      "trace_determinant",
      format);
  result.figures.push_back({td.substr(dir.size() + 1),
                            "Raising I from 0.3 to 0.4 moves the trace across 0 at nearly "
                            "constant determinant: a Hopf bifurcation (at I = 0.3313)."});

  const CurrentCase& low = cases[0];
  const CurrentCase& high = cases[1];
  result.numbers = {
      {"v* at I = 0.3", low.fixed.state(0), -0.993297474550, "docs/science.md 6.4"},
      {"w* at I = 0.3", low.fixed.state(1), -0.366621843187, "docs/science.md 6.4"},
      {"Re eigenvalue at I = 0.3",
       low.fixed.eigenvalues(0).real(),
       -0.0253199365,
       "docs/science.md 6.4"},
      {"Im eigenvalue at I = 0.3",
       low.fixed.eigenvalues(0).imag(),
       0.2801853899,
       "docs/science.md 6.4"},
      {"v* at I = 0.4", high.fixed.state(0), -0.906567067787, "docs/science.md 6.4"},
      {"Re eigenvalue at I = 0.4",
       high.fixed.eigenvalues(0).real(),
       0.0570680758,
       "docs/science.md 6.4"},
      {"Im eigenvalue at I = 0.4",
       high.fixed.eigenvalues(0).imag(),
       0.2556218321,
       "docs/science.md 6.4"},
      {"Hopf current I_H", hopf.current, 0.331281337455, "docs/science.md 6.4"},
      {"v range at I = 0.4 (max - min over the run)",
       high.trajectory.states.row(0).maxCoeff() - high.trajectory.states.row(0).minCoeff(),
       std::nullopt,
       "relaxation cycle"},
  };
  return result;
}

}  // namespace netdyn::cli
