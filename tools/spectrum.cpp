// netdyn spectrum FILE [--count K] [--target T] [--shift S] [--method auto|dense|krylov] [--json]
// [--out DIR]: eigenvalues of W. Dense input goes through LAPACK (lib: spectrum.hpp); a sparse
// .mtx with --count K goes through restarted Arnoldi with verification (lib: sparse_spectrum.hpp).
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "common/cli.hpp"
#include "common/figures.hpp"
#include "common/report_json.hpp"
#include "common/validators.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/factorization/sparse_spectrum.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/output_directory.hpp"
#include "netdyn/report/guards.hpp"

namespace netdyn::cli {
namespace {

struct SpectrumArgs {
  std::string input;
  std::string out_dir;
  std::string format = "png";
  std::string method = "auto";
  std::string target = "largest-real";
  Eigen::Index count = 0;
  double shift = 0.0;
  Eigen::Index subspace = 0;
  double tolerance = 1e-10;
  bool no_verify = false;
  bool json = false;
};

struct SpectrumSummary {
  Eigen::Index n = 0;
  Eigen::Index nonzeros = 0;
  Eigen::VectorXcd eigenvalues;
  std::string method;
  std::optional<double> spectral_abscissa;  // null when the Krylov target does not give it
  std::optional<double> spectral_radius;
  std::optional<Eigen::VectorXd> eigenvalue_conditions;  // dense path: 1/|y^* x| per eigenvalue
  double circular_law_radius = 0.0;
  std::optional<SparseSpectrum> krylov;  // diagnostics of the Krylov path
  std::string target;
  std::vector<ReportWarning> warnings;  // the guards of guards.hpp that apply to these figures
};

bool is_mtx(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".mtx";
}

void require_square_file(const std::string& path, Eigen::Index rows, Eigen::Index cols) {
  if (rows != cols || rows == 0) {
    throw std::invalid_argument(path + ": matrix is " + std::to_string(rows) + "x" +
                                std::to_string(cols) + "; need a non-empty square connectivity W");
  }
}

bool uses_krylov(const SpectrumArgs& a) {
  return a.method == "krylov" || (a.method == "auto" && is_mtx(a.input) && a.count > 0);
}

// Options that only the Krylov path reads are refused on the dense path, and --shift without
// --target nearest-shift, instead of being silently ignored.
void check_option_combinations(const SpectrumArgs& a, const CLI::App& sub) {
  if (!uses_krylov(a)) {
    for (const char* name : {"--target", "--shift", "--subspace", "--tolerance", "--no-verify"}) {
      if (sub.get_option(name)->count() > 0) {
        throw UsageError(std::string(name) +
                         " needs the Krylov path (a .mtx file with --count K, or --method krylov)");
      }
    }
  }
  if (uses_krylov(a) && a.count == 0) {
    throw UsageError("the Krylov path needs --count K (1 <= K <= n - 2)");
  }
  if (sub.get_option("--shift")->count() > 0 && a.target != "nearest-shift") {
    throw UsageError("--shift applies to --target nearest-shift (the target is " + a.target + ")");
  }
}

SpectrumSummary run(const SpectrumArgs& a) {
  const bool mtx = is_mtx(a.input);
  const bool krylov = uses_krylov(a);

  SpectrumSummary s;
  Eigen::MatrixXd dense;
  if (krylov || mtx) {
    const Eigen::SparseMatrix<double> w = read_sparse_matrix(a.input);
    require_square_file(a.input, w.rows(), w.cols());
    s.n = w.rows();
    s.nonzeros = w.nonZeros();
    s.circular_law_radius = circular_law_radius(w);
    if (krylov) {
      if (a.count > s.n - 2) {
        throw std::invalid_argument(a.input + ": --count " + std::to_string(a.count) +
                                    " but W is " + std::to_string(s.n) + "x" + std::to_string(s.n) +
                                    "; the Krylov path needs count <= n - 2 (--method dense for "
                                    "all eigenvalues)");
      }
      if (a.subspace != 0 && (a.subspace < a.count + 2 || a.subspace > s.n)) {
        throw std::invalid_argument(a.input + ": --subspace " + std::to_string(a.subspace) +
                                    " with --count " + std::to_string(a.count) + " and n = " +
                                    std::to_string(s.n) + "; need count + 2 <= subspace <= n");
      }
      SparseSpectrumOptions options;
      options.count = a.count;
      options.target = parse_sparse_target(a.target);
      options.shift = a.shift;
      options.subspace_size = a.subspace;
      options.tolerance = a.tolerance;
      options.verify = !a.no_verify;
      SparseSpectrum k = compute_sparse_spectrum(w, options);
      s.eigenvalues = k.eigenvalues;
      s.method = k.method;
      s.target = to_string(options.target);
      if (options.target == SparseTarget::kLargestReal) {
        s.spectral_abscissa = spectral_abscissa(k.eigenvalues);
      }
      if (options.target == SparseTarget::kLargestMagnitude) {
        s.spectral_radius = spectral_radius(k.eigenvalues);
      }
      s.warnings = k.warnings;
      s.krylov = std::move(k);
      return s;
    }
    if (s.n > kMaxDenseEntries / s.n) {
      throw std::invalid_argument(a.input + ": n = " + std::to_string(s.n) +
                                  " is too large for the dense path; pass --count K for the "
                                  "Krylov path");
    }
    dense = Eigen::MatrixXd(w);
  } else {
    dense = read_connectivity(a.input);
    s.n = dense.rows();
    s.nonzeros = (dense.array() != 0.0).count();
    s.circular_law_radius = circular_law_radius(dense.sparseView());
  }
  if (a.count > s.n) {
    throw std::invalid_argument(a.input + ": --count " + std::to_string(a.count) + " but W is " +
                                std::to_string(s.n) + "x" + std::to_string(s.n) +
                                "; need count <= n");
  }
  // One factorisation for the eigenvalues, their condition numbers (eigenvectors of T on both
  // sides, dtrsna) and their guard (kappa(V_T) from the same right eigenvectors, ||T||_2).
  const SchurFactorization factorization(dense, kWithoutSchurVectors);
  SpectrumOptions options;
  options.compute_eigenvalue_conditions = true;
  const Spectrum all = compute_spectrum(factorization, options);
  s.spectral_abscissa = spectral_abscissa(all.eigenvalues);
  s.spectral_radius = spectral_radius(all.eigenvalues);
  // --count K: the K rightmost, with a conjugate pair cut by K kept whole.
  const Eigen::Index shown = a.count > 0 ? complete_conjugate_pair(all.eigenvalues, a.count) : s.n;
  s.eigenvalues = all.eigenvalues.head(shown);
  s.eigenvalue_conditions = all.eigenvalue_conditions.head(shown);
  s.method = "dense";
  s.target = "all";
  const EigenvalueAccuracy accuracy = eigenvalue_accuracy(factorization);
  if (auto warning = ill_conditioned_eigenvectors_warning(
          accuracy,
          "eigenvalues, spectral_abscissa, spectral_radius",
          "circular_law_radius",
          stability_verdict_note(accuracy, *s.spectral_abscissa))) {
    s.warnings.push_back(std::move(*warning));
  }
  if (auto warning = near_critical_warning(1.0 - *s.spectral_abscissa,
                                           -1.0,
                                           near_critical_threshold(accuracy.norm2),
                                           accuracy.estimate(),
                                           "")) {
    s.warnings.push_back(std::move(*warning));
  }
  return s;
}

nlohmann::json summary_json(const SpectrumSummary& s) {
  nlohmann::json j;
  j["n"] = s.n;
  j["nonzeros"] = s.nonzeros;
  j["eigenvalues"] = to_json(s.eigenvalues);
  j["eigenvalue_conditions"] =
      s.eigenvalue_conditions ? numbers(*s.eigenvalue_conditions) : nlohmann::json(nullptr);
  j["method"] = s.method;
  j["spectral_abscissa"] = number(s.spectral_abscissa);
  j["spectral_radius"] = number(s.spectral_radius);
  j["circular_law_radius"] = number(s.circular_law_radius);
  j["warnings"] = warnings_json(s.warnings);
  if (s.krylov) {
    j["target"] = s.target;
    j["subspace_size"] = s.krylov->subspace_size;
    j["iterations"] = s.krylov->iterations;
    j["operations"] = s.krylov->operations;
    j["runs"] = s.krylov->runs;
    j["residual"] = number(s.krylov->residual);
    j["eigenvalue_condition"] = number(s.krylov->eigenvalue_condition);
    j["verification_difference"] = s.krylov->verification_difference >= 0
                                       ? number(s.krylov->verification_difference)
                                       : nlohmann::json(nullptr);
  }
  return j;
}

void print_summary(const SpectrumArgs& a, const SpectrumSummary& s, const std::string& file) {
  std::ostringstream out;
  out << std::setprecision(6);
  out << "netdyn spectrum " << a.input << "  (n = " << s.n << ", " << s.nonzeros << " nonzeros, "
      << s.method << ")\n";
  if (s.krylov && s.krylov->method == "triangular") {
    out << "  W is triangular up to a permutation (its graph has no cycle): the eigenvalues are "
           "its "
           "diagonal, exactly\n";
  } else if (s.krylov) {
    out << "  Krylov-Schur (" << s.target << "): " << s.eigenvalues.size()
        << " eigenvalues, subspace " << s.krylov->subspace_size << ", " << s.krylov->runs
        << " runs, " << s.krylov->operations << " products";
    if (s.krylov->verification_difference == 0.0) {
      out << ", verified by deflated restarts (nothing missed)";
    } else if (s.krylov->verification_difference > 0.0) {
      out << ", deflated restarts found eigenvalues the first run missed (it was off by "
          << s.krylov->verification_difference << ")";
    }
    out << "\n";
  }
  if (a.count > 0 && s.eigenvalues.size() > a.count) {
    out << "  (" << s.eigenvalues.size() << " eigenvalues for --count " << a.count
        << ": the conjugate pair at the boundary is kept whole)\n";
  }
  out << "  eigenvalues of W (rightmost first): ";
  const Eigen::Index shown = std::min<Eigen::Index>(s.eigenvalues.size(), 10);
  for (Eigen::Index k = 0; k < shown; ++k)
    out << (k ? ", " : "") << show_complex(s.eigenvalues(k), 10);
  if (shown < s.eigenvalues.size()) out << ", ... (" << s.eigenvalues.size() - shown << " more)";
  out << "\n";
  if (s.spectral_abscissa) {
    const bool stable = *s.spectral_abscissa < 1.0;
    out << "  spectral abscissa    " << std::setprecision(10) << *s.spectral_abscissa
        << std::setprecision(6) << (stable ? "  (< 1: STABLE)" : "  (>= 1: UNSTABLE)") << "\n";
  }
  if (s.spectral_radius) out << "  spectral radius      " << *s.spectral_radius << "\n";
  if (s.eigenvalue_conditions && s.eigenvalue_conditions->size() > 0) {
    Eigen::Index worst = 0;
    const double condition = s.eigenvalue_conditions->maxCoeff(&worst);
    out << "  eigenvalue condition " << condition << "  (largest 1/|y^* x|, of "
        << show_complex(s.eigenvalues(worst), 10) << "; 1 for normal W)\n";
  }
  out << "  circular-law radius  " << s.circular_law_radius << "  (sqrt(n var W_ij))\n";
  if (!file.empty()) out << "  wrote " << file << "\n";
  std::cout << out.str();
}

}  // namespace

void add_spectrum_command(CLI::App& app) {
  auto a = std::make_shared<SpectrumArgs>();
  CLI::App* sub = app.add_subcommand(
      "spectrum",
      "Eigenvalues of W: all of them (dense, LAPACK) or, for a large sparse .mtx with --count K,\n"
      "the K rightmost by restarted Arnoldi (Spectra) with a verification run\n"
      "Examples:\n"
      "  netdyn spectrum data/gaussian_n200_rho1.5.npy --count 5\n"
      "  netdyn spectrum W.mtx --count 10 --json\n"
      "  netdyn spectrum W.mtx --count 6 --target nearest-shift --shift 0.5");
  sub->add_option("FILE", a->input, kConnectivityFileHelp)->required();
  add_convention_option(*sub);
  sub->add_option("--count", a->count, "eigenvalues wanted (0 = all, dense path only)")
      ->check(integer_in(0));
  sub->add_option("--method", a->method, "auto: Krylov for .mtx with --count, else dense")
      ->check(CLI::IsMember({"auto", "dense", "krylov"}))
      ->capture_default_str();
  sub->add_option("--target", a->target, "Krylov target")
      ->check(CLI::IsMember({"largest-real", "largest-magnitude", "nearest-shift"}))
      ->capture_default_str();
  sub->add_option("--shift", a->shift, "real shift sigma for --target nearest-shift")
      ->check(finite_number());
  sub->add_option("--subspace",
                  a->subspace,
                  "Krylov subspace size: 0 = automatic, else count + 2 <= size <= n")
      ->check(integer_in(0));
  sub->add_option("--tolerance", a->tolerance, "Krylov relative residual tolerance")
      ->check(number_in(1e-15, 0.1))
      ->capture_default_str();
  sub->add_flag("--no-verify", a->no_verify, "skip the second Arnoldi run (not recommended)");
  sub->add_option(
      "--out",
      a->out_dir,
      "write spectrum_eigenvalues.npy (complex128) and the plot spectrum.<format> into DIR");
  add_plot_format_option(*sub, a->format);
  sub->add_flag("--json", a->json, "print one JSON object on stdout");
  sub->callback([a, sub]() {
    check_option_combinations(*a, *sub);
    const SpectrumSummary s = run(*a);
    std::string file;
    if (!a->out_dir.empty()) {
      OutputDirectory out(a->out_dir);
      file = out.final_path("spectrum_eigenvalues.npy");
      write_matrix(out.stage("spectrum_eigenvalues.npy"), Eigen::MatrixXcd(s.eigenvalues));
      render(
          spectrum_figure(
              s.eigenvalues, circle_for(s.n, s.circular_law_radius), "Spectrum of W: " + a->input),
          out.staging(),
          "spectrum",
          parse_plot_format(a->format));
      commit_outputs(out);
    }
    if (a->json) {
      print_json(summary_json(s));
    } else {
      print_summary(*a, s, file);
    }
    std::cout.flush();
    print_warnings("spectrum", s.warnings);
  });
}

}  // namespace netdyn::cli
