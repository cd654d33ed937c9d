// netdyn soc [FILE] [network options] [optimisation options] [--out DIR] [--json]: a
// stability-optimised circuit (Hennequin, Vogels & Gerstner 2014; lib:
// models/stability_optimised_circuit.hpp), from the published initial network or from FILE.
#include <unistd.h>

#include <cmath>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "common/cli.hpp"
#include "common/figures.hpp"
#include "common/plot.hpp"
#include "common/validators.hpp"
#include "netdyn/amplification/covariance.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/output_directory.hpp"
#include "netdyn/models/stability_optimised_circuit.hpp"

namespace netdyn::cli {
namespace {

struct SocArgs {
  std::string input;
  SocNetworkOptions network;
  SocOptions soc;
  std::string shift = "published";
  std::string mask = "free";
  std::string renormalise = "none";
  bool keep_diagonal = false;
  std::string out_dir;
  std::string format = "png";
  bool json = false;
};

// What the paper compares: total variance (unit noise) and the top mode's evoked energy of a W;
// both exist only for a stable W (alpha(W) < 1), else they stay empty.
struct Amplification {
  double spectral_abscissa = 0.0;
  std::optional<double> total_variance;
  std::optional<double> top_evoked_energy;
  Eigen::VectorXcd eigenvalues;
};

Amplification amplification(const Eigen::MatrixXd& w) {
  const SchurFactorization f(w);
  Amplification a;
  a.eigenvalues = f.eigenvalues();
  a.spectral_abscissa = spectral_abscissa(a.eigenvalues);
  if (a.spectral_abscissa < 1.0) {
    CovarianceOptions co;
    co.compute_matrix = false;
    a.total_variance = stationary_covariance(f, co).total_variance;
    a.top_evoked_energy = most_amplified_initial_conditions(f).energies(0);
  }
  return a;
}

nlohmann::json amplification_json(const Amplification& a) {
  return {{"spectral_abscissa", number(a.spectral_abscissa)},
          {"total_variance", number(a.total_variance)},
          {"top_evoked_energy", number(a.top_evoked_energy)}};
}

std::string shown(const std::optional<double>& v) {
  if (!v) return "none: W is unstable";
  std::ostringstream s;
  s << std::setprecision(6) << *v;
  return s.str();
}

Figure trace_figure(const std::vector<SocStep>& trace, double target) {
  Figure f;
  f.title = "Stability optimisation: spectral abscissa and shift per step";
  f.xlabel = "gradient step";
  f.ylabel = "abscissa of W (dimensionless)";
  Series alpha{"spectral abscissa {/Symbol a}(W)", {}, {}, "lines", "lw 2"};
  Series shift{"shift s (the smoothed spectral abscissa)", {}, {}, "lines", "dt 2"};
  for (const SocStep& line : trace) {
    alpha.x.push_back(line.step);
    alpha.y.push_back(line.spectral_abscissa);
    shift.x.push_back(line.step);
    shift.y.push_back(line.shift);
  }
  const double last = trace.empty() ? 1.0 : std::max(1.0, alpha.x.back());
  Series goal{"target", {0.0, last}, {target, target}, "lines", "dt 3 lc rgb '#27ae60'"};
  f.series = {alpha, shift, goal};
  return f;
}

void run_soc(SocArgs& args) {
  const Eigen::MatrixXd w0 =
      args.input.empty() ? soc_initial_network(args.network) : read_connectivity(args.input);
  SocOptions options = args.soc;
  options.shift = parse_soc_shift(args.shift);
  options.mask = parse_soc_mask(args.mask);
  options.renormalisation = parse_soc_renormalisation(args.renormalise);
  options.zero_diagonal = !args.keep_diagonal;
  options.gamma = args.network.gamma;
  if (options.excitatory < 0 && args.input.empty()) {
    options.excitatory = static_cast<Eigen::Index>(
        std::llround(args.network.excitatory_fraction * static_cast<double>(w0.rows())));
  }
  // Progress on stderr, only on a terminal: one line rewritten in place.
  const bool progress = ::isatty(STDERR_FILENO) == 1;
  if (progress) {
    options.on_step = [target = options.target_abscissa](const SocStep& line) {
      if (line.step % 10 != 0) return;
      std::cerr << "\rnetdyn soc: step " << line.step << ", spectral abscissa "
                << std::setprecision(5) << line.spectral_abscissa << " (target < " << target
                << ")   " << std::flush;
    };
  }
  const SocResult r = optimise_stability(w0, options);
  if (progress) std::cerr << "\n";
  const Amplification soc = amplification(r.w);
  Amplification initial_spectrum;
  initial_spectrum.eigenvalues = SchurFactorization(w0, kWithoutSchurVectors).eigenvalues();
  initial_spectrum.spectral_abscissa = spectral_abscissa(initial_spectrum.eigenvalues);
  // The initial network scaled to the SOC's abscissa (eigenvalues scale with W), when that is
  // possible: a positive abscissa to scale from.
  std::optional<Amplification> scaled;
  if (initial_spectrum.spectral_abscissa > 0.0 && soc.spectral_abscissa > 0.0 &&
      soc.spectral_abscissa < 1.0) {
    scaled = amplification(w0 * (soc.spectral_abscissa / initial_spectrum.spectral_abscissa));
  }

  std::vector<std::string> files;
  if (!args.out_dir.empty()) {
    OutputDirectory out(args.out_dir);
    write_matrix(out.stage("soc_initial_W.npy"), w0);
    write_matrix(out.stage("soc_W.npy"), r.w);
    Eigen::MatrixXd table(static_cast<Eigen::Index>(r.trace.size()), 5);
    for (std::size_t k = 0; k < r.trace.size(); ++k) {
      const SocStep& line = r.trace[k];
      table.row(static_cast<Eigen::Index>(k)) << line.step, line.spectral_abscissa, line.shift,
          line.epsilon, line.inhibitory_norm;
    }
    write_matrix(out.stage("soc_trace.csv"), table);
    const PlotFormat format = parse_plot_format(args.format);
    render(spectra_comparison_figure(initial_spectrum.eigenvalues,
                                     "initial network",
                                     soc.eigenvalues,
                                     "stability-optimised",
                                     "Eigenvalues of W: initial network and stability-optimised "
                                     "circuit"),
           out.staging(),
           "soc_spectra",
           format);
    render(trace_figure(r.trace, options.target_abscissa), out.staging(), "soc_trace", format);
    files = commit_with_provenance(out);
  }

  if (args.json) {
    nlohmann::json j;
    j["n"] = w0.rows();
    j["input"] = args.input.empty() ? nlohmann::json(nullptr) : nlohmann::json(args.input);
    if (args.input.empty()) {
      j["network"] = {{"n", args.network.n},
                      {"excitatory_fraction", number(args.network.excitatory_fraction)},
                      {"density", number(args.network.density)},
                      {"radius", number(args.network.radius)},
                      {"gamma", number(args.network.gamma)},
                      {"seed", args.network.seed}};
    }
    j["options"] = {{"learning_rate", number(options.learning_rate)},
                    {"target_abscissa", number(options.target_abscissa)},
                    {"max_steps", options.max_steps},
                    {"shift", to_string(options.shift)},
                    {"epsilon",
                     options.shift == SocShift::kSmoothedAbscissa ? number(options.epsilon)
                                                                  : nlohmann::json(nullptr)},
                    {"mask", to_string(options.mask)},
                    {"density_cap",
                     options.mask == SocInhibitoryMask::kDensityCap ? number(options.density_cap)
                                                                    : nlohmann::json(nullptr)},
                    {"renormalisation", to_string(options.renormalisation)},
                    {"zero_diagonal", options.zero_diagonal}};
    j["converged"] = r.converged;
    j["stop_reason"] = r.stop_reason;
    j["steps"] = r.steps;
    j["initial_spectral_abscissa"] = number(initial_spectrum.spectral_abscissa);
    j["soc"] = amplification_json(soc);
    j["initial_scaled_to_soc_abscissa"] =
        scaled ? amplification_json(*scaled) : nlohmann::json(nullptr);
    nlohmann::json trace = nlohmann::json::array();
    for (const SocStep& line : r.trace) {
      trace.push_back({{"step", line.step},
                       {"spectral_abscissa", number(line.spectral_abscissa)},
                       {"smoothed_spectral_abscissa", number(line.shift)},
                       {"epsilon", number(line.epsilon)},
                       {"inhibitory_norm", number(line.inhibitory_norm)}});
    }
    j["trace"] = trace;
    j["files"] = files;
    print_json(j);
    return;
  }
  std::ostringstream out;
  out << std::setprecision(6);
  out << "netdyn soc " << (args.input.empty() ? "(published initial network" : args.input)
      << (args.input.empty() ? ", seed " + std::to_string(args.network.seed) + ")" : "")
      << "  (n = " << w0.rows() << "; shift " << to_string(options.shift) << ", rate "
      << options.learning_rate << ", inhibitory mask " << to_string(options.mask)
      << ", renormalisation " << to_string(options.renormalisation) << ")\n";
  out << "  spectral abscissa    " << initial_spectrum.spectral_abscissa << " -> "
      << soc.spectral_abscissa << "  (target < " << options.target_abscissa << "; "
      << (r.converged ? "reached" : "not reached: " + r.stop_reason) << " after " << r.steps
      << " steps)\n";
  out << "  total variance       " << shown(soc.total_variance) << "  (unit noise)";
  if (scaled)
    out << "; initial network scaled to the same abscissa: " << shown(scaled->total_variance);
  out << "\n";
  out << "  top evoked energy    " << shown(soc.top_evoked_energy);
  if (scaled) out << "; scaled initial network: " << shown(scaled->top_evoked_energy);
  out << "  (1 for W = 0)\n";
  for (const std::string& f : files) out << "  wrote " << f << "\n";
  std::cout << out.str();
}

}  // namespace

void add_soc_command(CLI::App& app) {
  auto args = std::make_shared<SocArgs>();
  CLI::App* sub = app.add_subcommand(
      "soc",
      "Stability-optimised circuit (Hennequin, Vogels & Gerstner 2014): descend the smoothed\n"
      "spectral abscissa on the inhibitory weights until W is stable yet strongly amplifying\n"
      "Examples:\n"
      "  netdyn soc --seed 1 --out soc\n"
      "  netdyn soc --n 100 --radius 5 --json\n"
      "  netdyn soc my_ei.npy --excitatory 80 --mask density-cap --renormalise ei-ratio");
  sub->add_option("FILE",
                  args->input,
                  "start from this W (formats as for check; excitatory columns first) "
                  "instead of the published initial network");
  add_convention_option(*sub);
  sub->add_option("--n", args->network.n, "initial network: size")
      ->check(integer_in(2, 4096))
      ->capture_default_str();
  sub->add_option("--excitatory-fraction",
                  args->network.excitatory_fraction,
                  "initial network: fraction of excitatory columns")
      ->check(number_in(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("--density", args->network.density, "initial network: connection probability")
      ->check(number_in(0.0, 1.0, true))
      ->capture_default_str();
  sub->add_option("--radius", args->network.radius, "initial network: bulk spectral radius R")
      ->check(number_above(0.0))
      ->capture_default_str();
  sub->add_option("--gamma",
                  args->network.gamma,
                  "I/E weight ratio (initial network; and --renormalise ei-ratio)")
      ->check(number_above(0.0))
      ->capture_default_str();
  sub->add_option("--seed", args->network.seed, "initial network: random seed")
      ->check(seed_number())
      ->capture_default_str();
  sub->add_option("--excitatory",
                  args->soc.excitatory,
                  "number of excitatory (leading) columns of FILE (default n/2)")
      ->check(integer_in(0, 1 << 30));
  sub->add_option("--rate", args->soc.learning_rate, "gradient-descent learning rate")
      ->check(number_above(0.0))
      ->capture_default_str();
  sub->add_option("--target",
                  args->soc.target_abscissa,
                  "stop once the spectral abscissa of W is below this")
      ->check(finite_number())
      ->capture_default_str();
  sub->add_option("--max-steps", args->soc.max_steps, "at most this many gradient steps")
      ->check(integer_in(0, 1000000))
      ->capture_default_str();
  sub->add_option("--shift",
                  args->shift,
                  "published (s = max(1.5 alpha, alpha + 0.2)) or smoothed-abscissa (s = "
                  "alpha_eps(W) for --epsilon)")
      ->check(CLI::IsMember({"published", "smoothed-abscissa"}))
      ->capture_default_str();
  sub->add_option("--epsilon", args->soc.epsilon, "eps of the smoothed spectral abscissa")
      ->check(number_above(0.0))
      ->capture_default_str();
  sub->add_option("--mask",
                  args->mask,
                  "inhibitory weights allowed to be nonzero: free, fixed (the initial ones) or "
                  "density-cap (the strongest --density-cap fraction)")
      ->check(CLI::IsMember({"free", "fixed", "density-cap"}))
      ->capture_default_str();
  sub->add_option("--density-cap",
                  args->soc.density_cap,
                  "fraction of inhibitory weights kept with --mask density-cap")
      ->check(number_in(0.0, 1.0, true))
      ->capture_default_str();
  sub->add_option("--renormalise",
                  args->renormalise,
                  "after each step: none, ei-ratio (block means I = -gamma E) or row-sum (rows "
                  "sum as in the initial W)")
      ->check(CLI::IsMember({"none", "ei-ratio", "row-sum"}))
      ->capture_default_str();
  sub->add_flag("--keep-diagonal",
                args->keep_diagonal,
                "let self-connections of inhibitory units change (default: kept at 0)");
  sub->add_option("--out",
                  args->out_dir,
                  "write soc_initial_W.npy, soc_W.npy, soc_trace.csv (step, alpha, shift, eps, "
                  "||W_I||_F) and the plots soc_spectra.<format>, soc_trace.<format>");
  add_plot_format_option(*sub, args->format);
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->callback([args]() { run_soc(*args); });
}

}  // namespace netdyn::cli
