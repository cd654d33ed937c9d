// netdyn covariance FILE [--tau T] [--sigma S] [--simulate DURATION] [--seed N] [--json]:
// stationary covariance of the noisy linear network (lib: covariance.hpp, sde.hpp).
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "common/cli.hpp"
#include "common/report_json.hpp"
#include "common/validators.hpp"
#include "netdyn/amplification/covariance.hpp"
#include "netdyn/dynamics/sde.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/report/guards.hpp"
#include "netdyn/report/report.hpp"

namespace netdyn::cli {
namespace {

struct CovarianceArgs {
  std::string input;
  double tau = 1.0;
  double sigma = 1.0;
  double simulate = 0.0;
  std::uint64_t seed = 1;
  bool json = false;
};

void run_covariance(const CovarianceArgs& args) {
  const Eigen::MatrixXd w = read_connectivity(args.input);
  CovarianceOptions options;
  options.sigma = args.sigma;
  const SchurFactorization factorization(w);  // with Q: S itself bounds --sigma
  const StationaryCovariance c =
      stationary_covariance(factorization, options);  // unstable W: exit 1
  std::optional<SdeRun> run;
  if (args.simulate > 0.0) {
    SdeOptions so;
    so.tau = args.tau;
    so.sigma = args.sigma;
    so.duration = args.simulate;
    so.seed = args.seed;
    run = simulate_sde(w, so);
  }
  std::vector<ReportWarning> warnings;
  // The guards of netdyn check that apply here: normal_total_variance = sum 1/(1 - Re lambda)
  // inherits the eigenvalue error; total_variance comes from a backward-stable Lyapunov solve.
  const EigenvalueAccuracy accuracy = eigenvalue_accuracy(factorization);
  const double abscissa = spectral_abscissa(factorization.eigenvalues());
  if (auto warning =
          ill_conditioned_eigenvectors_warning(accuracy,
                                               "normal_total_variance, nonnormal_amplification",
                                               "total_variance, lyapunov_residual",
                                               stability_verdict_note(accuracy, abscissa))) {
    warnings.push_back(std::move(*warning));
  }
  if (auto warning = near_critical_warning(1.0 - abscissa,
                                           -1.0,
                                           near_critical_threshold(accuracy.norm2),
                                           accuracy.estimate(),
                                           "total_variance and normal_total_variance")) {
    warnings.push_back(std::move(*warning));
  }
  if (auto warning = lyapunov_residual_warning(c.residual, w.rows())) warnings.push_back(*warning);
  const auto discrepancy = [&]() {
    return std::abs(run->total_variance - c.total_variance) / c.total_variance;
  };
  if (args.json) {
    nlohmann::json j;
    j["n"] = w.rows();
    j["tau"] = number(args.tau);
    j["sigma"] = number(args.sigma);
    j["total_variance"] = number(c.total_variance);
    j["normal_total_variance"] = number(c.normal_total_variance);
    j["nonnormal_amplification"] = number(c.nonnormal_amplification);
    j["lyapunov_residual"] = number(c.residual);
    j["warnings"] = warnings_json(warnings);
    if (run) {
      j["simulated_total_variance"] = number(run->total_variance);
      j["simulated_standard_error"] = number(run->total_variance_standard_error);
      j["relative_discrepancy"] = number(discrepancy());
    }
    print_json(j);
    std::cout.flush();
    print_warnings("covariance", warnings);
    return;
  }
  std::ostringstream out;
  out << std::setprecision(8);
  out << "netdyn covariance " << args.input << "  (n = " << w.rows() << ", sigma = " << args.sigma
      << "; tau dx = (W - I) x dt + sigma sqrt(2 tau) dB)\n";
  out << "  total variance            " << c.total_variance << "  (tr S)\n";
  out << "  normal total variance     " << c.normal_total_variance
      << "  (sigma^2 sum 1/(1 - Re lambda))\n";
  out << "  nonnormal amplification   " << c.nonnormal_amplification << "  (1 = normal)\n";
  out << "  Lyapunov residual         " << c.residual << "  (relative)\n";
  if (run) {
    out << "  simulated total variance  " << run->total_variance << " +- "
        << run->total_variance_standard_error << "  (duration " << args.simulate << ", seed "
        << args.seed << "; relative discrepancy " << discrepancy() << ")\n";
  }
  std::cout << out.str() << std::flush;
  print_warnings("covariance", warnings);
}

}  // namespace

void add_covariance_command(CLI::App& app) {
  auto args = std::make_shared<CovarianceArgs>();
  CLI::App* sub = app.add_subcommand(
      "covariance",
      "Stationary covariance: total variance, its normal-network counterpart and their ratio\n"
      "Examples:\n"
      "  netdyn covariance data/mm09_balanced.npy\n"
      "  netdyn covariance data/mm09_balanced.npy --sigma 0.3 --simulate 2000 --json");
  sub->add_option("FILE", args->input, kConnectivityFileHelp)->required();
  add_convention_option(*sub);
  add_tau_option(*sub, args->tau);
  sub->add_option("--sigma", args->sigma, "noise amplitude (unit convention)")
      ->check(number_above(0.0));
  sub->add_option("--simulate",
                  args->simulate,
                  "also simulate the SDE for this duration (units of tau) and compare")
      ->check(number_above(0.0));
  sub->add_option("--seed", args->seed, "random seed for --simulate")
      ->check(seed_number())
      ->capture_default_str();
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->callback([args]() {
    naming_options({{"tau", "--tau"}, {"sigma", "--sigma"}, {"duration", "--simulate"}},
                   [&args] { run_covariance(*args); });
  });
}

}  // namespace netdyn::cli
