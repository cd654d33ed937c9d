// netdyn sweep: stability and amplification against one parameter, with the stability boundary
// located by root finding (lib: report/parameter_sweep.hpp).
//   netdyn sweep FILE --range G0 G1                       (gain: W -> g W)
//   netdyn sweep --model ei2 --param w|k --range A B [--w W] [--k K]
//   netdyn sweep --model fitzhugh-nagumo --param current|a|b|tau --range A B [--current I] ...
#include <unistd.h>

#include <iomanip>
#include <iostream>
#include <limits>
#include <sstream>

#include "common/cli.hpp"
#include "common/plot.hpp"
#include "common/validators.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/output_directory.hpp"
#include "netdyn/models/ei_network.hpp"
#include "netdyn/models/fitzhugh_nagumo.hpp"
#include "netdyn/report/parameter_sweep.hpp"

namespace netdyn::cli {
namespace {

struct SweepArgs {
  std::string input;
  std::string model;
  std::string param;
  std::vector<double> range;
  Eigen::Index points = 41;
  double w = 30.0 / 7.0;
  double k = 1.1;
  FitzHughNagumo fhn;
  double tolerance = 1e-10;
  std::string out_dir;
  std::string format = "png";
  bool json = false;
};

std::string parameter_label(const SweepArgs& args) {
  if (!args.input.empty()) return "gain g (W -> g W)";
  if (args.model == "ei2") return args.param == "w" ? "w (wE = w, wI = k w)" : "k (wI = k wE)";
  if (args.param == "current") return "current I";
  if (args.param == "tau") return "{/Symbol t} (recovery time constant)";
  return args.param;
}

void check_args(const SweepArgs& args) {
  if (args.input.empty() == args.model.empty()) {
    throw UsageError("give either FILE (a gain sweep of W) or --model ei2|fitzhugh-nagumo");
  }
  if (!args.input.empty() && !args.param.empty()) {
    throw UsageError("--param: a FILE is swept by its gain g; --param is for --model");
  }
  if (!args.model.empty() && args.param.empty()) {
    throw UsageError("--model " + args.model + " needs --param (" +
                     (args.model == "ei2" ? "w or k" : "current, a, b or tau") + ")");
  }
  if (args.model == "ei2" && args.param != "w" && args.param != "k") {
    throw UsageError("--param " + args.param + ": the E-I pair sweeps w or k");
  }
  if (!(args.range.at(0) < args.range.at(1))) {
    std::ostringstream msg;
    msg << "--range " << args.range[0] << " " << args.range[1] << ": need LO < HI";
    throw UsageError(msg.str());
  }
}

void run_sweep_command(const SweepArgs& args) {
  check_args(args);
  const Eigen::VectorXd grid =
      Eigen::VectorXd::LinSpaced(args.points, args.range[0], args.range[1]);
  SweepOptions options;
  options.tolerance = args.tolerance;
  const bool progress = ::isatty(STDERR_FILENO) == 1;
  if (progress) {
    options.on_point = [](Eigen::Index done, Eigen::Index total) {
      std::cerr << "\rnetdyn sweep: point " << done << " of " << total << std::flush;
    };
  }
  ParameterSweep s;
  std::string what;
  if (!args.input.empty()) {
    const Eigen::MatrixXd w = read_connectivity(args.input);
    s = sweep_gain(w, grid, options);
    what = args.input + " scaled by g";
  } else if (args.model == "ei2") {
    const bool sweep_w = args.param == "w";
    s = sweep_rate_network(
        [&](double p) {
          return Eigen::MatrixXd(
              ei_connectivity(EiNetwork::from_gain(sweep_w ? p : args.w, sweep_w ? args.k : p)));
        },
        grid,
        options);
    std::ostringstream t;
    t << "E-I pair (MM09), " << (sweep_w ? "k = " : "w = ") << (sweep_w ? args.k : args.w);
    what = t.str();
  } else {
    s = sweep_fitzhugh_nagumo(args.fhn, args.param, grid, options);
    what = "FitzHugh-Nagumo";
  }
  if (progress) std::cerr << "\n";
  const bool rate = args.model != "fitzhugh-nagumo";
  const std::string alpha_name =
      rate ? "spectral abscissa of W" : "max Re of the Jacobian's eigenvalues";

  std::vector<std::string> files;
  if (!args.out_dir.empty()) {
    OutputDirectory out(args.out_dir);
    Eigen::MatrixXd table(static_cast<Eigen::Index>(s.points.size()), 4);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < s.points.size(); ++i) {
      const SweepPoint& p = s.points[i];
      table.row(static_cast<Eigen::Index>(i)) << p.parameter, p.spectral_abscissa,
          p.transient_gain.value_or(nan), p.total_variance.value_or(nan);
    }
    write_matrix(out.stage("sweep.csv"), table);
    const PlotFormat format = parse_plot_format(args.format);
    Figure f;
    f.title = "Stability against the parameter: " + what;
    f.xlabel = parameter_label(args);
    f.ylabel = alpha_name + " (dimensionless" + (rate ? ")" : "; 1/time)");
    Series alpha{alpha_name, {}, {}, "linespoints", "pt 7 ps 0.5 lw 2"};
    for (const SweepPoint& p : s.points) {
      alpha.x.push_back(p.parameter);
      alpha.y.push_back(p.spectral_abscissa);
    }
    Series line{rate ? "stability line (1)" : "stability line (0)",
                {grid(0), grid(grid.size() - 1)},
                {s.threshold, s.threshold},
                "lines",
                "dt 2 lc rgb '#333333'"};
    Series cross{"stability boundary", {}, {}, "points", "pt 6 ps 2 lw 2 lc rgb '#c0392b'"};
    for (const StabilityCrossing& c : s.boundaries) {
      cross.x.push_back(c.parameter);
      cross.y.push_back(s.threshold);
    }
    f.series = {alpha, line};
    if (!cross.x.empty()) f.series.push_back(cross);
    render(f, out.staging(), "sweep_stability", format);
    if (rate) {
      Figure g;
      g.title = "Amplification against the parameter (stable points): " + what;
      g.xlabel = parameter_label(args);
      g.ylabel = "gain, variance (dimensionless; unit noise)";
      g.log_y = true;
      Series gain{"transient gain max_t ||e^{tA}||_2", {}, {}, "linespoints", "pt 7 ps 0.5"};
      Series var{"total variance tr S", {}, {}, "linespoints", "pt 5 ps 0.5"};
      for (const SweepPoint& p : s.points) {
        if (!p.stable) continue;
        gain.x.push_back(p.parameter);
        gain.y.push_back(*p.transient_gain);
        var.x.push_back(p.parameter);
        var.y.push_back(*p.total_variance);
      }
      if (!gain.x.empty()) {
        g.series = {gain, var};
        render(g, out.staging(), "sweep_amplification", format);
      }
    }
    files = commit_with_provenance(out);
  }

  if (args.json) {
    nlohmann::json j;
    j["model"] = args.input.empty() ? nlohmann::json(args.model) : nlohmann::json("gain");
    j["input"] = args.input.empty() ? nlohmann::json(nullptr) : nlohmann::json(args.input);
    j["parameter"] = args.input.empty() ? args.param : "g";
    j["threshold"] = number(s.threshold);
    j["tolerance"] = number(args.tolerance);
    nlohmann::json pts = nlohmann::json::array();
    for (const SweepPoint& p : s.points) {
      pts.push_back({{"parameter", number(p.parameter)},
                     {"spectral_abscissa", number(p.spectral_abscissa)},
                     {"stable", p.stable},
                     {"transient_gain", number(p.transient_gain)},
                     {"total_variance", number(p.total_variance)}});
    }
    j["points"] = pts;
    nlohmann::json b = nlohmann::json::array();
    for (const StabilityCrossing& c : s.boundaries) {
      b.push_back({{"parameter", number(c.parameter)},
                   {"bracket_width", number(c.bracket_width)},
                   {"alpha_minus_threshold", number(c.alpha_minus_threshold)},
                   {"evaluations", c.iterations},
                   {"destabilising", c.destabilising}});
    }
    j["boundaries"] = b;
    j["files"] = files;
    print_json(j);
    return;
  }
  std::ostringstream out;
  out << std::setprecision(6);
  out << "netdyn sweep: " << what << ", " << args.param << (args.input.empty() ? "" : "g")
      << " from " << grid(0) << " to " << grid(grid.size() - 1) << " (" << grid.size()
      << " points; stable while the " << alpha_name << " < " << s.threshold << ")\n";
  out << "  " << std::setw(12) << "parameter"
      << "  " << std::setw(12) << "abscissa";
  if (rate)
    out << "  " << std::setw(14) << "transient gain"
        << "  " << std::setw(14) << "total variance";
  out << "\n";
  for (const SweepPoint& p : s.points) {
    out << "  " << std::setw(12) << p.parameter << "  " << std::setw(12) << p.spectral_abscissa;
    if (rate) {
      const auto shown = [](const std::optional<double>& v) {
        std::ostringstream t;
        t << std::setprecision(6);
        if (v)
          t << *v;
        else
          t << "unstable";
        return t.str();
      };
      out << "  " << std::setw(14) << shown(p.transient_gain) << "  " << std::setw(14)
          << shown(p.total_variance);
    }
    out << "\n";
  }
  if (s.boundaries.empty()) out << "  no stability boundary in the range\n";
  for (const StabilityCrossing& c : s.boundaries) {
    out << std::setprecision(12) << "  stability boundary at " << c.parameter << "  ("
        << (c.destabilising ? "loses" : "gains") << " stability as the parameter grows; bracket "
        << std::setprecision(2) << c.bracket_width << ", " << c.iterations << " evaluations)\n";
  }
  for (const std::string& f : files) out << "  wrote " << f << "\n";
  std::cout << out.str();
}

}  // namespace

void add_sweep_command(CLI::App& app) {
  auto args = std::make_shared<SweepArgs>();
  CLI::App* sub = app.add_subcommand(
      "sweep",
      "Stability and amplification against one parameter, and the stability boundary by root "
      "finding\n"
      "Examples:\n"
      "  netdyn sweep data/gaussian_n200_rho1.5.npy --range 0.2 1.0 --points 17\n"
      "  netdyn sweep --model ei2 --param w --k 0.5 --range 0 3 --json\n"
      "  netdyn sweep --model fitzhugh-nagumo --param current --range 0 1 --out sweep");
  sub->add_option(
      "FILE", args->input, "connectivity W, swept by its gain g (W -> g W); formats as for check");
  add_convention_option(*sub);
  sub->add_option("--model", args->model, "ei2 (the MM09 pair) or fitzhugh-nagumo")
      ->check(CLI::IsMember({"ei2", "fitzhugh-nagumo"}));
  sub->add_option("--param",
                  args->param,
                  "the swept parameter: ei2 w or k; fitzhugh-nagumo current, a, b or tau");
  sub->add_option("--range", args->range, "LO HI")->expected(2)->required()->check(finite_number());
  sub->add_option("--points", args->points, "grid points (>= 2)")
      ->check(integer_in(2, 100000))
      ->capture_default_str();
  sub->add_option("--w", args->w, "ei2: w when k is swept")->check(finite_number());
  sub->add_option("--k", args->k, "ei2: k when w is swept")->check(finite_number());
  sub->add_option("--current", args->fhn.current, "fitzhugh-nagumo: I")->check(finite_number());
  sub->add_option("--a", args->fhn.a, "fitzhugh-nagumo: a")->check(finite_number());
  sub->add_option("--b", args->fhn.b, "fitzhugh-nagumo: b")->check(finite_number());
  sub->add_option("--tau", args->fhn.tau, "fitzhugh-nagumo: tau")->check(number_above(0.0));
  sub->add_option("--tolerance", args->tolerance, "absolute tolerance of the boundary")
      ->check(number_in(1e-15, 1.0))
      ->capture_default_str();
  sub->add_option("--out",
                  args->out_dir,
                  "write sweep.csv (parameter, abscissa, transient gain, total variance) and the "
                  "plots sweep_stability.<format>, sweep_amplification.<format>");
  add_plot_format_option(*sub, args->format);
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->callback([args]() { run_sweep_command(*args); });
}

}  // namespace netdyn::cli
