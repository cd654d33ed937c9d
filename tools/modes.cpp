// netdyn modes FILE [--count K] [--readout C] [--check] [--json] [--out DIR]: the most amplified
// initial conditions (Hennequin, Vogels & Gerstner 2014): the top eigenvectors of the energy
// matrix Q, their evoked energies, and with --check each energy integrated along the simulated
// free response (lib: covariance.hpp, ode_check.hpp).
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "common/cli.hpp"
#include "common/figures.hpp"
#include "common/plot.hpp"
#include "common/validators.hpp"
#include "netdyn/amplification/covariance.hpp"
#include "netdyn/dynamics/ode_check.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/output_directory.hpp"

namespace netdyn::cli {
namespace {

struct ModesArgs {
  std::string input;
  Eigen::Index count = 5;
  std::string readout;
  bool check = false;
  std::string out_dir;
  std::string format = "png";
  bool json = false;
};

void run_modes(const ModesArgs& args) {
  const Eigen::MatrixXd w = read_connectivity(args.input);
  const Eigen::Index n = w.rows();
  if (args.count > n) {
    throw std::invalid_argument(args.input + ": --count " + std::to_string(args.count) +
                                " but W is " + std::to_string(n) + "x" + std::to_string(n));
  }
  EvokedEnergyOptions options;
  options.count = args.count;
  if (!args.readout.empty()) {
    options.readout = read_matrix(args.readout);
    if (options.readout.cols() != n) {
      throw std::invalid_argument(
          args.readout + ": readout C is " + std::to_string(options.readout.rows()) + "x" +
          std::to_string(options.readout.cols()) + " but W is " + std::to_string(n) + "x" +
          std::to_string(n) + "; C must have n columns");
    }
  }
  const SchurFactorization f(w);
  const EvokedEnergyModes modes = most_amplified_initial_conditions(f, options);  // unstable: 1
  CovarianceOptions co;
  co.compute_matrix = false;
  const double trace_p = stationary_covariance(f, co).total_variance;
  std::vector<EvokedEnergyIntegral> checks;
  if (args.check) {
    for (Eigen::Index k = 0; k < modes.patterns.cols(); ++k) {
      checks.push_back(integrate_evoked_energy(w, modes.patterns.col(k), options.readout));
    }
  }
  const auto discrepancy = [&](std::size_t k) {
    const double e = modes.energies(static_cast<Eigen::Index>(k));
    return std::abs(checks[k].energy - e) / e;
  };
  std::vector<std::string> files;
  if (!args.out_dir.empty()) {
    OutputDirectory out(args.out_dir);
    write_matrix(out.stage("modes_patterns.npy"), modes.patterns);
    write_matrix(out.stage("modes_energies.npy"), Eigen::MatrixXd(modes.energies));
    render(evoked_energy_figure(
               {{"top eigenvalues of Q", modes.energies, "pt 7 ps 0.8 lw 1.5"}},
               "Evoked energy of the most amplified initial conditions: " + args.input),
           out.staging(),
           "modes_energies",
           parse_plot_format(args.format));
    files = commit_with_provenance(out);
  }
  if (args.json) {
    nlohmann::json j;
    j["n"] = n;
    j["readout"] = args.readout.empty() ? nlohmann::json("identity") : nlohmann::json(args.readout);
    j["count"] = args.count;
    j["energies"] = numbers(modes.energies);
    nlohmann::json patterns = nlohmann::json::array();
    for (Eigen::Index k = 0; k < modes.patterns.cols(); ++k) {
      patterns.push_back(numbers(modes.patterns.col(k)));
    }
    j["patterns"] = patterns;
    j["mean_energy"] = number(modes.mean_energy);
    j["controllability_trace"] = number(trace_p);
    j["lyapunov_residual"] = number(modes.residual);
    if (args.check) {
      nlohmann::json c = nlohmann::json::array();
      for (std::size_t k = 0; k < checks.size(); ++k) {
        c.push_back({{"simulated_energy", number(checks[k].energy)},
                     {"relative_discrepancy", number(discrepancy(k))},
                     {"horizon", number(checks[k].horizon)},
                     {"steps", checks[k].steps}});
      }
      j["check"] = c;
    } else {
      j["check"] = nullptr;
    }
    j["files"] = files;
    print_json(j);
    return;
  }
  std::ostringstream out;
  out << std::setprecision(8);
  out << "netdyn modes " << args.input << "  (n = " << n << "; E(a) = (2/tau) int_0^inf ||"
      << (args.readout.empty() ? "" : "C ") << "r(t)||^2 dt = a^T Q a, (W - I)^T Q + Q (W - I) + 2 "
      << (args.readout.empty() ? "I" : "C^T C") << " = 0)\n";
  out << "  mean energy, random unit a   " << modes.mean_energy << "  (tr Q / n; 1 for W = 0";
  if (args.readout.empty()) out << "; tr Q = tr P";
  out << ")\n";
  out << "  total variance, unit noise   " << trace_p
      << "  (tr P, P the controllability Gramian)\n";
  out << "  mode  evoked energy";
  if (args.check) out << "    simulated (ODE)   rel. discrepancy";
  out << "\n";
  for (Eigen::Index k = 0; k < modes.energies.size(); ++k) {
    out << "  " << std::setw(4) << k + 1 << "  " << std::setw(15) << modes.energies(k);
    if (args.check) {
      const auto i = static_cast<std::size_t>(k);
      out << "  " << std::setw(16) << checks[i].energy << "  " << std::setprecision(2)
          << discrepancy(i) << std::setprecision(8);
    }
    out << "\n";
  }
  for (const std::string& file : files) out << "  wrote " << file << "\n";
  std::cout << out.str();
}

}  // namespace

void add_modes_command(CLI::App& app) {
  auto args = std::make_shared<ModesArgs>();
  CLI::App* sub = app.add_subcommand(
      "modes",
      "Most amplified initial conditions: the top eigenvectors of the energy matrix Q and their\n"
      "evoked energies (Hennequin, Vogels & Gerstner 2014); --check integrates each one\n"
      "Examples:\n"
      "  netdyn modes data/mm09_balanced.npy --count 2 --check\n"
      "  netdyn soc --out soc && netdyn modes soc/soc_W.npy --count 10 --out soc");
  sub->add_option("FILE", args->input, kConnectivityFileHelp)->required();
  add_convention_option(*sub);
  sub->add_option("--count", args->count, "number of modes (1 <= K <= n)")
      ->check(integer_in(1, 1 << 30))
      ->capture_default_str();
  sub->add_option("--readout",
                  args->readout,
                  "readout matrix C (p x n; .npy, .csv, ...): the energy counts ||C r||^2 "
                  "(default C = I)");
  sub->add_flag("--check",
                args->check,
                "integrate each mode's free response (dopri5) and compare its energy");
  sub->add_option("--out",
                  args->out_dir,
                  "write modes_patterns.npy (n x K), modes_energies.npy and the plot "
                  "modes_energies.<format>");
  add_plot_format_option(*sub, args->format);
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->callback([args]() { run_modes(*args); });
}

}  // namespace netdyn::cli
