// netdyn check FILE [--tau T] [--json]: the one-command stability/nonnormality report.
#include <cmath>
#include <iomanip>
#include <iostream>
#include <limits>
#include <sstream>

#include "common/cli.hpp"
#include "common/figures.hpp"
#include "common/report_json.hpp"
#include "netdyn/amplification/stability_radius.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/output_directory.hpp"
#include "netdyn/report/report.hpp"

namespace netdyn::cli {
namespace {

struct CheckArgs {
  std::string input;
  double tau = 1.0;
  bool json = false;
  std::string out_dir;
  std::string format = "png";
};

std::string show(const std::optional<double>& v, const std::string& unit = "") {
  if (!v) return "n/a";
  std::ostringstream s;
  s << std::setprecision(6) << *v << unit;
  return s.str();
}

// Text report only (JSON keeps every digit): a computed value within its error estimate of zero
// is zero as far as the computation can tell, so it reads 0, not -4.44089e-15.
double rounded_to_zero(double v, double error) {
  return std::abs(v) <= error ? 0.0 : v;
}

// Near 1 the verdict line would read "spectral abscissa 1 < 1" at six digits: show the margin.
std::string show_abscissa(double a) {
  std::ostringstream s;
  s << std::setprecision(6);
  if (a != 1.0 && std::abs(1.0 - a) < 1e-4) {
    s << "1 " << (a < 1.0 ? "- " : "+ ") << std::abs(1.0 - a);
  } else {
    s << a;
  }
  return s.str();
}

void print_report(const std::string& input, const NetworkReport& r) {
  // Eigenvalue figures: the report's eigenvalue error estimate. Henrici departure: dgees is
  // backward stable, so the computed strictly upper part of T is that of W + E with
  // ||E||_F ~ n eps ||W||_F; a departure below that is rounding, not nonnormality.
  const double eig_error = r.eigenvalue_error_estimate;
  const double henrici_error =
      static_cast<double>(r.n) * std::numeric_limits<double>::epsilon() *
      (r.henrici_relative > 0 ? r.henrici_departure / r.henrici_relative : 0.0);
  // Two groups, so that no line leaves the reader guessing which matrix it describes: figures of
  // W alone (no tau in them), then figures of A = (W - I)/tau, whose times are in tau's unit.
  std::ostringstream out;
  out << std::setprecision(6);
  out << "netdyn check " << input << last_input_note() << "\n";
  out << "  model  tau dr/dt = -r + W r + h,  A = (W - I)/tau,  n = " << r.n << ", tau = " << r.tau
      << "\n";
  out << "  verdict " << (r.stable ? "STABLE" : "UNSTABLE") << ": spectral abscissa of W "
      << show_abscissa(rounded_to_zero(r.spectral_abscissa, eig_error))
      << (r.stable ? " < 1" : " >= 1") << ", growth rate of A " << r.growth_rate
      << " per unit time (tau's unit)\n";
  const int w = 30;
  out << std::left;
  const auto line = [&out](const char* name) -> std::ostream& {
    return out << "    " << std::setw(w) << name;
  };
  out << "  of W (independent of tau):\n";
  line("eigenvalues (rightmost first)");
  const Eigen::Index shown = std::min<Eigen::Index>(r.eigenvalues.size(), 6);
  for (Eigen::Index k = 0; k < shown; ++k)
    out << (k ? ", " : "") << show_complex(r.eigenvalues(k), 6, eig_error);
  if (shown < r.eigenvalues.size()) out << ", ... (" << r.eigenvalues.size() - shown << " more)";
  out << "\n";
  line("spectral radius") << rounded_to_zero(r.spectral_radius, eig_error) << "\n";
  const bool henrici_rounding = r.henrici_departure <= henrici_error;
  line("Henrici departure") << (henrici_rounding ? 0.0 : r.henrici_departure) << "  (relative "
                            << (henrici_rounding ? 0.0 : r.henrici_relative) << "; 0 = normal)\n";
  line("eigenvector condition") << r.eigenvector_condition << "  (1 = normal)\n";
  line("steady-state gain") << show(r.steady_state_gain) << "  (||(I - W)^-1||_2)\n";
  line("total variance (sigma=1)") << show(r.total_variance) << "\n";
  line("normal total variance") << show(r.normal_total_variance) << "\n";
  line("nonnormal amplification") << show(r.nonnormal_amplification) << "\n";
  out << "  of A = (W - I)/tau (times in tau's unit):\n";
  line("slowest timescale") << show(r.slowest_timescale) << "  (tau/(1 - spectral abscissa))\n";
  line("distance to instability") << show(r.distance_to_instability);
  if (r.distance_to_instability_frequency) {
    out << "  at omega = " << *r.distance_to_instability_frequency;
  } else if (r.stable && !r.distance_to_instability) {
    out << " (not computed for n > " << kStabilityRadiusReportLimit << ")";
  }
  out << "  (min_omega sigma_min(A - i omega I))\n";
  line("numerical abscissa") << r.numerical_abscissa
                             << (r.numerical_abscissa > 0 ? "  (> 0: transient growth possible)"
                                                          : "  (<= 0: no transient growth)")
                             << "\n";
  line("transient gain") << show(r.transient_gain);
  if (r.transient_gain_time) out << "  at t = " << *r.transient_gain_time;
  out << "  (max ||exp(tA)||_2";
  if (r.transient_gain_upper_bound) out << ", certified <= " << show(r.transient_gain_upper_bound);
  out << ")\n";
  if (r.fixed_point_type) {
    line("2x2 fixed point") << to_string(*r.fixed_point_type) << "  (trace " << *r.jacobian_trace
                            << ", determinant " << *r.jacobian_determinant << ")\n";
  }
  if (!r.warnings.empty()) {
    out << "  " << std::setw(w + 2) << "warnings";
    for (std::size_t k = 0; k < r.warnings.size(); ++k)
      out << (k ? ", " : "") << r.warnings[k].code;
    out << "  (details on stderr)\n";
  }
  std::cout << out.str();
}

}  // namespace

void add_check_command(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* sub =
      app.add_subcommand("check",
                         "Stability, nonnormality and amplification report for W\n"
                         "Examples:\n"
                         "  netdyn check data/mm09_balanced.npy\n"
                         "  netdyn check data/gaussian_n200_rho1.5.csv --tau 10 --json\n"
                         "  netdyn check data/gaussian_n200_rho1.5.npy --out results --format svg");
  sub->add_option("FILE", args->input, kConnectivityFileHelp)->required();
  add_convention_option(*sub);
  add_tau_option(*sub, args->tau);
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->add_option(
      "--out",
      args->out_dir,
      "also write DIR/check_eigenvalues.npy (complex128) and the plot DIR/check_spectrum.<format> "
      "(DIR is created if missing)");
  add_plot_format_option(*sub, args->format);
  sub->callback([args]() {
    ReportOptions options;
    options.tau = args->tau;
    // W's storage moves into its one factorisation (no Schur vectors: the report needs T only).
    const SchurFactorization factorization(read_connectivity(args->input), kWithoutSchurVectors);
    const Eigen::MatrixXd& w = factorization.matrix();
    const NetworkReport report =
        naming_options({{"tau", "--tau"}}, [&] { return analyse_network(factorization, options); });
    if (!args->out_dir.empty()) {
      OutputDirectory out(args->out_dir);
      write_matrix(out.stage("check_eigenvalues.npy"), Eigen::MatrixXcd(report.eigenvalues));
      const Figure figure = spectrum_figure(report.eigenvalues,
                                            circle_for(w.rows(), circular_law_radius(w)),
                                            "Spectrum of W: " + args->input);
      render(figure, out.staging(), "check_spectrum", parse_plot_format(args->format));
      commit_outputs(out);
    }
    if (args->json) {
      print_json(report_json(report));
    } else {
      print_report(args->input, report);
    }
    std::cout.flush();  // the warnings follow the report on a terminal
    print_warnings("check", report.warnings);
    if (report.stable && !report.distance_to_instability &&
        report.n > options.distance_to_instability_max_n) {
      std::cerr << "netdyn check: note: distance_to_instability is null for n = " << report.n
                << " > " << options.distance_to_instability_max_n
                << " (each iteration is a dense eigenvalue problem of order 2n); netdyn amplify "
                   "computes it for any n\n";
    }
  });
}

}  // namespace netdyn::cli
