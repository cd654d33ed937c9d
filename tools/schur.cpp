// netdyn schur FILE [--real] [--order ORDER] [--json] [--out DIR]: the Schur form W = U T U*,
// its feedforward (strictly upper) part and the accuracy of the factorisation (lib: schur.hpp).
#include <iomanip>
#include <iostream>
#include <sstream>

#include "common/cli.hpp"
#include "common/figures.hpp"
#include "common/report_json.hpp"
#include "netdyn/factorization/schur.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/output_directory.hpp"
#include "netdyn/report/guards.hpp"

namespace netdyn::cli {
namespace {

struct SchurArgs {
  std::string input;
  std::string out_dir;
  std::string format = "png";
  std::string order = "decreasing-real";
  bool real = false;
  bool json = false;
};

// What the tool reports, from either form.
struct SchurSummary {
  Eigen::Index n = 0;
  Eigen::VectorXcd eigenvalues;
  double feedforward_norm = 0.0;      ///< ||N||_F of the complex form (Henrici departure)
  double real_feedforward_norm = -1;  ///< --real: outside the 2x2 blocks
  double backward_error = 0.0;
  double orthogonality_error = 0.0;
  double w_norm = 0.0;
};

void print_summary(const SchurArgs& args,
                   const SchurSummary& s,
                   const std::vector<std::string>& files) {
  std::ostringstream out;
  out << std::setprecision(6);
  out << "netdyn schur " << args.input << "  (" << (args.real ? "real" : "complex")
      << " Schur form W = U T U*, n = " << s.n << ", order " << args.order << ")\n";
  out << "  diagonal of T: ";
  const Eigen::Index shown = std::min<Eigen::Index>(s.eigenvalues.size(), 6);
  for (Eigen::Index k = 0; k < shown; ++k) out << (k ? ", " : "") << show_complex(s.eigenvalues(k));
  if (shown < s.eigenvalues.size()) out << ", ... (" << s.eigenvalues.size() - shown << " more)";
  out << "\n";
  const double rel = s.w_norm > 0 ? s.feedforward_norm / s.w_norm : 0.0;
  out << "  feedforward norm ||N||_F   " << s.feedforward_norm << "  (relative to ||W||_F " << rel
      << "; 0 = normal)\n";
  if (args.real) {
    out << "  outside the 2x2 blocks     " << s.real_feedforward_norm << "\n";
  }
  out << "  backward error             " << s.backward_error << "  (||W - U T U*||_F/||W||_F)\n";
  out << "  orthogonality error        " << s.orthogonality_error << "  (||U* U - I||_F)\n";
  for (const std::string& f : files) out << "  wrote " << f << "\n";
  std::cout << out.str();
}

}  // namespace

void add_schur_command(CLI::App& app) {
  auto args = std::make_shared<SchurArgs>();
  CLI::App* sub = app.add_subcommand(
      "schur",
      "Schur form W = U T U*: eigenvalues on the diagonal, hidden feedforward weights above it\n"
      "Examples:\n"
      "  netdyn schur data/mm09_balanced.npy\n"
      "  netdyn schur data/gaussian_n200_rho1.5.npy --json --out results/");
  sub->add_option("FILE", args->input, kConnectivityFileHelp)->required();
  add_convention_option(*sub);
  sub->add_flag("--real",
                args->real,
                "real quasi-triangular form W = Q T Q^T (2x2 blocks for complex pairs)");
  sub->add_option("--order", args->order, "diagonal order of T")
      ->check(CLI::IsMember({"decreasing-real", "increasing-real", "none"}))
      ->capture_default_str();
  sub->add_option("--out",
                  args->out_dir,
                  "write schur_U.npy, schur_T.npy and the |T| heatmap schur_T.<format> into DIR");
  add_plot_format_option(*sub, args->format);
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->callback([args]() {
    // One dgees for the form and its guard; W's storage moves into the factorisation.
    const SchurFactorization factorization(read_connectivity(args->input));
    SchurOptions options;
    options.compute_parts = false;  // only their norm is printed
    options.order = parse_schur_order(args->order);
    SchurSummary s;
    s.n = factorization.size();
    s.w_norm = factorization.frobenius_norm();  // scaled: no overflow of the squares
    std::vector<std::string> files;
    Eigen::MatrixXcd heat_t;
    std::optional<OutputDirectory> out;
    if (!args->out_dir.empty()) out.emplace(args->out_dir);
    // Both forms share the bookkeeping: summary figures, the factor files and |T| for the heatmap.
    const auto record = [&](const auto& f, double departure) {
      s.eigenvalues = f.eigenvalues;
      s.feedforward_norm = departure;
      s.backward_error = f.backward_error;
      s.orthogonality_error = f.orthogonality_error;
      if (!out) return;
      heat_t = f.t.template cast<std::complex<double>>();
      write_matrix(out->stage("schur_U.npy"), f.u);
      write_matrix(out->stage("schur_T.npy"), f.t);
    };
    if (args->real) {
      const RealSchurForm f = real_schur(factorization, options);
      s.real_feedforward_norm = f.feedforward_norm;
      record(f, f.henrici_departure);
    } else {
      const ComplexSchurForm f = complex_schur(factorization, options);
      record(f, f.feedforward_norm);
    }
    if (out) {
      // Large networks: log10 |T| so that one strong feedforward weight does not hide the rest.
      render(schur_heatmap_figure(
                 heat_t, "|T| of the Schur form of " + args->input, heat_t.rows() > 20),
             out->staging(),
             "schur_T",
             parse_plot_format(args->format));
      files = commit_with_provenance(*out);
    }
    // The diagonal of T and the feedforward norm sqrt(||W||_F^2 - sum |lambda|^2) move with the
    // eigenvalues; the factorisation itself is backward stable whatever kappa(V) is.
    std::vector<ReportWarning> warnings;
    if (auto warning = ill_conditioned_eigenvectors_warning(
            eigenvalue_accuracy(factorization),
            "eigenvalues (the diagonal of T), feedforward_norm, feedforward_relative",
            "the factorisation W = U T U* itself (backward_error, orthogonality_error)")) {
      warnings.push_back(std::move(*warning));
    }
    if (!args->json) {
      print_summary(*args, s, files);
      std::cout.flush();
      print_warnings("schur", warnings);
      return;
    }
    nlohmann::json j;
    j["n"] = s.n;
    j["form"] = args->real ? "real" : "complex";
    j["order"] = args->order;
    j["eigenvalues"] = to_json(s.eigenvalues);
    j["feedforward_norm"] = number(s.feedforward_norm);
    j["feedforward_relative"] = number(s.w_norm > 0 ? s.feedforward_norm / s.w_norm : 0.0);
    if (args->real) j["real_feedforward_norm"] = number(s.real_feedforward_norm);
    j["backward_error"] = number(s.backward_error);
    j["orthogonality_error"] = number(s.orthogonality_error);
    j["files"] = files;
    j["warnings"] = warnings_json(warnings);
    print_json(j);
    std::cout.flush();
    print_warnings("schur", warnings);
  });
}

}  // namespace netdyn::cli
