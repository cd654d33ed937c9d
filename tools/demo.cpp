// netdyn demo [--out DIR]: every reproduction plus `check` on the bundled data, gathered into
// DIR/index.html (figures with captions, key numbers next to their references).
#include <unistd.h>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "common/cli.hpp"
#include "common/figures.hpp"
#include "common/reproduction.hpp"
#include "netdyn/io/atomic_file.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/output_directory.hpp"
#include "netdyn/report/report.hpp"

namespace netdyn::cli {
namespace {

struct DemoArgs {
  std::string out_dir = "netdyn-demo";
  std::string data_dir = NETDYN_DATA_DIR;
  std::string format = "png";
};

std::string html_escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string format_number(double v) {
  std::ostringstream s;
  s << std::setprecision(10) << v;
  return s.str();
}

std::string format_optional(const std::optional<double>& v) {
  return v ? format_number(*v) : std::string("&mdash;");
}

// Marks a figure that did not load with a visible line naming its file, and records
// "loaded/total" in <body data-figures-loaded> (read back by the browser test).
constexpr const char* kFigureCheckScript =
    "<script>\nwindow.addEventListener('load', function () {\n"
    "  var imgs = document.images, ok = 0;\n"
    "  for (var i = 0; i < imgs.length; ++i) {\n"
    "    if (imgs[i].complete && imgs[i].naturalWidth > 0) { ++ok; continue; }\n"
    "    var p = document.createElement('p');\n"
    "    p.className = 'missing';\n"
    "    p.textContent = 'figure not found: ' + imgs[i].getAttribute('src');\n"
    "    imgs[i].parentNode.insertBefore(p, imgs[i]);\n"
    "  }\n"
    "  document.body.setAttribute('data-figures-loaded', ok + '/' + imgs.length);\n"
    "});\n</script>\n";

void progress(const std::string& what) {
  if (::isatty(STDERR_FILENO)) std::cerr << "demo: " << what << "..." << std::endl;
}

std::string figure_html(const std::string& dir, const FigureRecord& f, PlotFormat format) {
  std::ostringstream h;
  const std::string src = html_escape(dir + "/" + f.file);
  h << "<figure>";
  if (format == PlotFormat::kPdf) {
    h << "<a href=\"" << src << "\">" << src << " (PDF)</a>";
  } else {
    h << "<img src=\"" << src << "\" alt=\"" << html_escape(f.caption) << "\">";
  }
  h << "<figcaption>" << html_escape(f.caption) << "</figcaption></figure>\n";
  return h.str();
}

constexpr const char* kBundled[] = {"mm09_balanced", "hebbian_2x2", "gaussian_n200_rho1.5"};

// The bundled matrices, read before anything is computed: a wrong --data fails at once.
std::vector<Eigen::MatrixXd> read_bundled(const std::string& data_dir) {
  std::vector<Eigen::MatrixXd> out;
  for (const char* name : kBundled) {
    const std::string path = data_dir + "/" + name + ".npy";
    if (!std::filesystem::exists(path)) {
      throw std::invalid_argument(path +
                                  ": no such file (--data names the folder holding "
                                  "the bundled matrices, the repository's data/)");
    }
    out.push_back(read_connectivity(path));
  }
  return out;
}

// The check section: one report row per bundled matrix, with its spectrum plot in `dir`.
std::string check_section(const std::vector<Eigen::MatrixXd>& matrices,
                          const std::string& dir,
                          PlotFormat format) {
  std::ostringstream h;
  h << "<section id=\"check\"><h2>netdyn check on the bundled data</h2>\n";
  h << "<table><tr><th>matrix</th><th>n</th><th>stable</th><th>spectral abscissa</th>"
       "<th>Henrici departure</th><th>eigenvector condition</th><th>numerical abscissa</th>"
       "<th>steady-state gain</th><th>transient gain</th><th>nonnormal amplification</th></tr>\n";
  std::ostringstream figures;
  for (std::size_t k = 0; k < matrices.size(); ++k) {
    const char* name = kBundled[k];
    const Eigen::MatrixXd& w = matrices[k];
    progress(std::string("check ") + name);
    const NetworkReport r = analyse_network(w);
    h << "<tr><td>" << name << "</td><td>" << r.n << "</td><td>" << (r.stable ? "yes" : "no")
      << "</td><td>" << format_number(r.spectral_abscissa) << "</td><td>"
      << format_number(r.henrici_departure) << "</td><td>" << format_number(r.eigenvector_condition)
      << "</td><td>" << format_number(r.numerical_abscissa) << "</td><td>"
      << format_optional(r.steady_state_gain) << "</td><td>" << format_optional(r.transient_gain)
      << "</td><td>" << format_optional(r.nonnormal_amplification) << "</td></tr>\n";
    const std::string file = render(spectrum_figure(r.eigenvalues,
                                                    circle_for(r.n, circular_law_radius(w)),
                                                    std::string("Spectrum of W: ") + name),
                                    dir,
                                    std::string("spectrum_") + name,
                                    format);
    figures << figure_html("check",
                           {std::filesystem::path(file).filename().string(),
                            std::string("Eigenvalues of ") + name + ".npy"},
                           format);
  }
  h << "</table>\n<div class=\"figures\">\n" << figures.str() << "</div></section>\n";
  return h.str();
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto args = std::make_shared<DemoArgs>();
  CLI::App* sub = app.add_subcommand(
      "demo",
      "Run every reproduction and `check` on the bundled data; write DIR/index.html\n"
      "Examples:\n  netdyn demo\n  netdyn demo --out /tmp/netdyn-demo --format svg");
  sub->add_option("--out", args->out_dir, "output directory")->capture_default_str();
  sub->add_option("--data", args->data_dir, "folder with the bundled matrices")
      ->capture_default_str();
  sub->add_option("--format", args->format, "plot format")
      ->check(CLI::IsMember({"png", "svg", "pdf"}))
      ->capture_default_str();
  sub->callback([args]() {
    const PlotFormat format = parse_plot_format(args->format);
    const std::vector<Eigen::MatrixXd> bundled = read_bundled(args->data_dir);
    OutputDirectory out(args->out_dir);
    std::ostringstream body;
    std::ostringstream toc;
    for (const Reproduction& r : reproductions()) {
      progress("reproduce " + r.name);
      const ReproductionResult result = r.run(out.stage_subfolder(r.name), format);
      toc << "<li><a href=\"#" << r.name << "\">" << html_escape(result.title) << "</a></li>\n";
      body << "<section id=\"" << r.name << "\"><h2>" << html_escape(result.title) << "</h2>\n";
      body << "<p>" << html_escape(result.summary) << "</p>\n<div class=\"figures\">\n";
      for (const auto& f : result.figures) body << figure_html(r.name, f, format);
      body << "</div>\n<table><tr><th>quantity</th><th>netdyn</th><th>reference</th>"
              "<th>source</th></tr>\n";
      for (const auto& k : result.numbers) {
        body << "<tr><td>" << html_escape(k.name) << "</td><td>" << format_number(k.value)
             << "</td><td>" << format_optional(k.expected) << "</td><td>" << html_escape(k.source)
             << "</td></tr>\n";
      }
      body << "</table>\n<p class=\"cmd\">netdyn reproduce " << r.name << "</p></section>\n";
    }
    toc << "<li><a href=\"#check\">netdyn check on the bundled data</a></li>\n";
    body << check_section(bundled, out.stage_subfolder("check"), format);
    write_file_atomically(out.stage("index.html"), [&](std::ostream& html) {
      html << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
              "<title>netdyn demo</title>\n<style>\n"
              "body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;"
              "color:#222}\n"
              "figure{display:inline-block;width:47%;margin:0.5em;vertical-align:top}\n"
              "img{width:100%;border:1px solid #ccc}\n"
              "figcaption{font-size:0.9em;color:#444}\n"
              "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
              "padding:0.3em 0.6em;text-align:right}th{background:#f3f3f3}\n"
              "td:first-child{text-align:left}.cmd{font-family:monospace;color:#555}\n"
              ".missing{color:#b00;font-weight:bold}\n"
              "</style></head><body>\n<h1>netdyn demo</h1>\n"
              "<p>Every figure below was computed by netdyn " NETDYN_VERSION
              " and drawn by gnuplot; each folder holds the data (.dat), the gnuplot script (.gp) "
              "and the picture. Model: tau dr/dt = -r + W r + h(t); times in units of tau.</p>\n"
              "<ul>\n"
           << toc.str() << "</ul>\n"
           << body.str() << kFigureCheckScript << "</body></html>\n";
    });
    commit_with_provenance(out);
    std::cout << "demo written to " << out.final_path("index.html") << "\n";
  });
}

}  // namespace netdyn::cli
