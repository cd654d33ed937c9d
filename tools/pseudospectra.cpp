// netdyn pseudospectra FILE [--grid NX NY] [--box X0 X1 Y0 Y1] [--eps E ...] [--tolerance T]
// [--json] [--out DIR]: sigma_min(zI - W) on a grid and epsilon-pseudospectral abscissae of W
// (lib: pseudospectrum.hpp). --out writes the grid as .npy and a contour plot of log10 sigma_min.
#include <unistd.h>

#include <iomanip>
#include <iostream>
#include <sstream>

#include "common/cli.hpp"
#include "common/figures.hpp"
#include "common/validators.hpp"
#include "netdyn/amplification/pseudospectrum.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/output_directory.hpp"

namespace netdyn::cli {
namespace {

struct PseudospectraArgs {
  std::string input;
  std::vector<Eigen::Index> grid{40, 40};
  std::vector<double> box;
  std::vector<double> eps{0.1, 0.01};
  double tolerance = PseudospectrumOptions{}.tolerance;
  std::string out_dir;
  std::string format = "png";
  bool json = false;
  bool no_abscissa = false;
};

// Progress on stderr, only when it is a terminal (a log or a pipe gets no carriage returns):
// grid rows in place on one line, then one line per pseudospectral abscissa (each is a few
// O(n^3) eigenproblems per criss-cross sweep: minutes at n = 1000).
class Progress {
 public:
  Progress() : on_(::isatty(STDERR_FILENO) == 1) {}
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress() { end_line(); }
  [[nodiscard]] bool on() const { return on_; }
  void grid_row(Eigen::Index done, Eigen::Index total) {
    if (!on_) return;
    std::cerr << "\rnetdyn pseudospectra: grid row " << done << " of " << total << std::flush;
    open_line_ = true;
  }
  void abscissa(double eps, std::size_t k, std::size_t count) {
    if (!on_) return;
    end_line();
    std::cerr << "netdyn pseudospectra: pseudospectral abscissa for eps = " << eps << " (" << k
              << " of " << count << "; --no-abscissa skips these)" << std::endl;
  }
  void end_line() {
    if (open_line_) std::cerr << "\n" << std::flush;
    open_line_ = false;
  }

 private:
  bool on_;
  bool open_line_ = false;
};

void check_grid_and_box(const PseudospectraArgs& args) {
  const Eigen::Index nx = args.grid.at(0), ny = args.grid.at(1);
  if (nx > kMaxDenseEntries / ny) {
    throw UsageError("--grid " + std::to_string(nx) + " " + std::to_string(ny) + ": more than " +
                     std::to_string(kMaxDenseEntries) + " points");
  }
  if (!args.box.empty() && (!(args.box[0] <= args.box[1]) || !(args.box[2] <= args.box[3]))) {
    std::ostringstream msg;
    msg << "--box " << args.box[0] << " " << args.box[1] << " " << args.box[2] << " " << args.box[3]
        << ": need X0 <= X1 and Y0 <= Y1";
    throw UsageError(msg.str());
  }
}

void run_pseudospectra(const PseudospectraArgs& args) {
  check_grid_and_box(args);
  const Eigen::MatrixXd w = read_connectivity(args.input);
  PseudospectrumOptions options;
  options.nx = args.grid.at(0);
  options.ny = args.grid.at(1);
  options.tolerance = args.tolerance;
  if (!args.box.empty())
    options.box = std::array<double, 4>{args.box[0], args.box[1], args.box[2], args.box[3]};
  Progress progress;
  if (progress.on()) {
    options.progress = [&progress](Eigen::Index done, Eigen::Index total) {
      progress.grid_row(done, total);
    };
  }
  const Pseudospectrum ps = compute_pseudospectrum(w, options);
  std::vector<std::pair<double, double>> abscissae;
  const std::vector<double> eps = args.no_abscissa ? std::vector<double>{} : args.eps;
  for (std::size_t k = 0; k < eps.size(); ++k) {
    progress.abscissa(eps[k], k + 1, eps.size());
    abscissae.emplace_back(eps[k], pseudospectral_abscissa(w, eps[k]).abscissa);
  }
  progress.end_line();
  std::vector<std::string> files;
  if (!args.out_dir.empty()) {
    OutputDirectory out(args.out_dir);
    write_matrix(out.stage("pseudospectra_sigma_min.npy"), ps.sigma_min);
    write_matrix(out.stage("pseudospectra_x.npy"), Eigen::MatrixXd(ps.x));
    write_matrix(out.stage("pseudospectra_y.npy"), Eigen::MatrixXd(ps.y));
    render(pseudospectrum_figure(ps.x,
                                 ps.y,
                                 ps.sigma_min,
                                 {-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0},
                                 ps.eigenvalues,
                                 1.0,
                                 "Pseudospectra of W: " + args.input,
                                 ""),
           out.staging(),
           "pseudospectra",
           parse_plot_format(args.format));
    files = commit_with_provenance(out);
  }
  if (args.json) {
    nlohmann::json j;
    j["n"] = w.rows();
    j["eigenvalues"] = to_json(ps.eigenvalues);
    j["box"] = {number(ps.x(0)),
                number(ps.x(ps.x.size() - 1)),
                number(ps.y(0)),
                number(ps.y(ps.y.size() - 1))};
    j["grid"] = {options.nx, options.ny};
    j["sigma_min_min"] = number(ps.sigma_min.minCoeff());
    j["lanczos_steps"] = ps.iterations;
    j["unconverged_points"] = ps.unconverged;
    j["mirrored_rows"] = ps.mirrored_rows;
    nlohmann::json a = nlohmann::json::array();
    for (const auto& [e, x] : abscissae) a.push_back({number(e), number(x)});
    j["pseudospectral_abscissa"] = a;
    j["files"] = files;
    print_json(j);
    return;
  }
  std::ostringstream out;
  out << std::setprecision(8);
  out << "netdyn pseudospectra " << args.input << "  (n = " << w.rows() << "; sigma_min(zI - W) on "
      << options.nx << " x " << options.ny << " points, box [" << ps.x(0) << ", "
      << ps.x(ps.x.size() - 1) << "] x [" << ps.y(0) << ", " << ps.y(ps.y.size() - 1) << "])\n";
  out << "  smallest sigma_min on the grid  " << ps.sigma_min.minCoeff() << "\n";
  const auto computed = static_cast<double>((ps.y.size() - ps.mirrored_rows) * ps.x.size());
  out << "  Lanczos steps per point         " << static_cast<double>(ps.iterations) / computed;
  if (ps.mirrored_rows > 0) {
    out << "  (" << ps.mirrored_rows << " rows mirrored about the real axis, not computed)";
  }
  out << "\n";
  for (const auto& [e, x] : abscissae) {
    out << "  eps-pseudospectral abscissa     " << x << "  (eps = " << e
        << "; stable W needs < 1)\n";
  }
  if (args.no_abscissa) out << "  eps-pseudospectral abscissa     not computed (--no-abscissa)\n";
  for (const std::string& f : files) out << "  wrote " << f << "\n";
  std::cout << out.str();
}

}  // namespace

void add_pseudospectra_command(CLI::App& app) {
  auto args = std::make_shared<PseudospectraArgs>();
  CLI::App* sub = app.add_subcommand(
      "pseudospectra",
      "Pseudospectra of W: sigma_min(zI - W) on a grid (EigTool algorithm), pseudospectral "
      "abscissae\n"
      "Examples:\n"
      "  netdyn pseudospectra data/mm09_balanced.npy --grid 80 60 --box -2 2 -1.5 1.5\n"
      "  netdyn pseudospectra data/gaussian_n200_rho1.5.npy --json --out ps");
  sub->add_option("FILE", args->input, kConnectivityFileHelp)->required();
  add_convention_option(*sub);
  sub->add_option("--grid", args->grid, "grid points NX NY (each >= 1)")
      ->expected(2)
      ->check(integer_in(1, 100000));
  sub->add_option("--box", args->box, "X0 X1 Y0 Y1 (default: around the eigenvalues)")
      ->expected(4)
      ->check(finite_number());
  CLI::Option* eps =
      sub->add_option("--eps", args->eps, "epsilons for the pseudospectral abscissa (> 0)")
          ->check(number_above(0.0))
          ->capture_default_str();
  sub->add_flag("--no-abscissa",
                args->no_abscissa,
                "skip the pseudospectral abscissae (at n = 1000 they take minutes; the grid does "
                "not need them)")
      ->excludes(eps);
  sub->add_option("--tolerance",
                  args->tolerance,
                  "Lanczos residual tolerance per point, in (0, 1); sigma_min is accurate to about "
                  "half of it, usually its square (default 1e-5)")
      ->check(number_in(1e-14, 0.5));
  sub->add_option(
      "--out",
      args->out_dir,
      "write pseudospectra_{sigma_min,x,y}.npy and the contour plot pseudospectra.<format>");
  add_plot_format_option(*sub, args->format);
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->callback([args]() { run_pseudospectra(*args); });
}

}  // namespace netdyn::cli
