#include "common/plot.hpp"

#include <unistd.h>

#include <gnuplot-iostream.h>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "netdyn/io/atomic_file.hpp"

namespace netdyn::cli {
namespace {

// Written for a non-finite grid cell; drawn blank.
constexpr double kBlankCell = -1e300;

// A gnuplot single-quoted string ('' stands for a quote inside).
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string terminal(PlotFormat format) {
  switch (format) {
    case PlotFormat::kPng:
      return "set terminal pngcairo size 1200,900 enhanced font 'Sans,18' linewidth 2";
    case PlotFormat::kSvg:
      return "set terminal svg size 1200,900 enhanced font 'Sans,18' linewidth 2 background rgb "
             "'white'";
    case PlotFormat::kPdf:
      return "set terminal pdfcairo size 6in,4.5in enhanced font 'Sans,11' linewidth 2";
  }
  return "";
}

std::string preamble(const std::string& name,
                     PlotFormat format,
                     const std::string& title,
                     const std::string& xlabel,
                     const std::string& ylabel,
                     bool equal_aspect) {
  std::ostringstream gp;
  gp << "# " << name << ".gp: written by netdyn; reproduce with `gnuplot " << name
     << ".gp` in this folder\n";
  gp << "if (!exists(\"outfile\")) outfile = " << quoted(name + "." + extension(format)) << "\n";
  gp << terminal(format) << "\n";
  gp << "set output outfile\n";
  gp << "set title " << quoted(title) << " noenhanced\n";
  gp << "set xlabel " << quoted(xlabel) << "\n";
  gp << "set ylabel " << quoted(ylabel) << "\n";
  gp << "set grid lc rgb '#dddddd'\nset clip two\n";
  if (equal_aspect) gp << "set size ratio -1\n";
  return gp.str();
}

void write_series(std::ostream& out, const std::vector<Series>& series) {
  out << std::setprecision(std::numeric_limits<double>::max_digits10);
  for (std::size_t k = 0; k < series.size(); ++k) {
    const Series& s = series[k];
    if (s.x.size() != s.y.size())
      throw std::logic_error("plot series '" + s.title + "': x and y sizes differ");
    out << "# series " << k << ": " << s.title << "\n";
    for (std::size_t i = 0; i < s.x.size(); ++i) out << s.x[i] << ' ' << s.y[i] << '\n';
    out << "\n\n";  // gnuplot index separator
  }
}

std::string plot_clauses(const std::string& data_file, const std::vector<Series>& series) {
  std::ostringstream gp;
  for (std::size_t k = 0; k < series.size(); ++k) {
    const Series& s = series[k];
    gp << (k ? ", \\\n     " : "") << quoted(data_file) << " index " << k << " using 1:2 with "
       << s.style << (s.extra.empty() ? "" : " " + s.extra) << " title " << quoted(s.title);
  }
  return gp.str();
}

// Whether a rendered file ends the way its format requires (PNG: the IEND chunk; PDF: %%EOF;
// SVG: </svg>). gnuplot does not report a failed write (disk full, file-size limit), so a
// truncated picture is caught here instead of being renamed into place.
bool rendered_file_complete(const std::string& path, PlotFormat format) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char tail[64] = {};
  std::size_t got = 0;
  if (std::fseek(f, -static_cast<long>(sizeof(tail)), SEEK_END) == 0) {
    got = std::fread(tail, 1, sizeof(tail), f);
  }
  std::fclose(f);
  const std::string end(tail, got);
  switch (format) {
    case PlotFormat::kPng: {
      static const std::string iend("\0\0\0\0IEND\xae\x42\x60\x82", 12);
      return end.size() >= iend.size() &&
             end.compare(end.size() - iend.size(), iend.size(), iend) == 0;
    }
    case PlotFormat::kPdf: return end.find("%%EOF") != std::string::npos;
    case PlotFormat::kSvg: return end.find("</svg>") != std::string::npos;
  }
  return false;
}

// A POSIX shell single-quoted word ('\'' stands for a quote inside).
std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// gnuplot's own words for a failure: its stderr without blank lines, the last dozen lines at most.
std::string gnuplot_says(const std::string& err) {
  std::istringstream in(err);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t") != std::string::npos) lines.push_back(line);
  }
  const std::size_t first = lines.size() > 12 ? lines.size() - 12 : 0;
  std::string out;
  for (std::size_t k = first; k < lines.size(); ++k) out += "\n  gnuplot: " + lines[k];
  return out;
}

// Run DIR/NAME.gp with gnuplot, output to a temporary name in DIR, then rename it to
// DIR/NAME.<ext>. Every path handed to gnuplot is absolute, so neither gnuplot's `cd` nor the
// caller's working directory matters; gnuplot's stderr and exit status are kept to explain a
// failure in its own words.
std::string run(const std::string& dir_in, const std::string& name, PlotFormat format) {
  namespace fs = std::filesystem;
  const std::string dir = fs::absolute(dir_in).lexically_normal().string();
  const std::string target = (fs::path(dir) / (name + "." + extension(format))).string();
  std::string pattern = (fs::path(dir) / ("." + name + ".render.XXXXXX")).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    throw std::invalid_argument(dir_in + ": cannot create a file for the plot " + name + ": " +
                                std::strerror(errno));
  }
  ::close(fd);
  const std::string temp = pattern;
  const std::string err_file = temp + ".stderr";
  const std::string status_file = temp + ".status";
  {
    // `cmd 2>ERR || echo $? >STATUS`: the shell, not gnuplot-iostream's pclose, sees the status.
    Gnuplot gp("gnuplot 2>" + shell_quoted(err_file) + " || echo $? >" + shell_quoted(status_file));
    gp << "cd " << quoted(dir) << "\n";
    gp << "outfile = " << quoted(temp) << "\n";
    gp << "load " << quoted(name + ".gp") << "\n";
    gp << "set output\n";
  }  // the destructor closes the pipe and waits for gnuplot to finish
  const std::string err = read_text(err_file);
  const std::string status = read_text(status_file);
  std::remove(err_file.c_str());
  std::remove(status_file.c_str());
  std::error_code ec;
  const auto size = fs::file_size(temp, ec);
  const std::string shown = name + "." + extension(format) + " in " + dir_in;
  if (status.rfind("127", 0) == 0) {
    std::remove(temp.c_str());
    throw std::runtime_error("cannot render " + shown +
                             ": the gnuplot command was not found (Debian: apt-get install "
                             "gnuplot-nox)" +
                             gnuplot_says(err));
  }
  if (ec || size == 0 || !status.empty()) {
    std::remove(temp.c_str());
    throw std::runtime_error(
        "gnuplot failed to render " + shown +
        (status.empty() ? std::string()
                        : " (exit status " + status.substr(0, status.find('\n')) + ")") +
        (err.empty() ? std::string(": it wrote no picture and said nothing") : gnuplot_says(err)));
  }
  if (!rendered_file_complete(temp, format)) {
    std::remove(temp.c_str());
    throw std::runtime_error(shown + ": the rendered plot is truncated after " +
                             std::to_string(size) + " bytes (disk full or file-size limit?)");
  }
  if (!err.empty())
    std::cerr << "netdyn: while drawing " << shown << ":" << gnuplot_says(err) << "\n";
  fs::permissions(temp,
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                      fs::perms::others_read,
                  ec);
  if (std::rename(temp.c_str(), target.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(temp.c_str());
    throw std::runtime_error(target + ": cannot rename the rendered plot into place: " + why);
  }
  return (fs::path(dir_in) / fs::path(target).filename()).string();
}

std::string path_in(const std::string& dir, const std::string& file) {
  return (std::filesystem::path(dir) / file).string();
}

}  // namespace

PlotFormat parse_plot_format(const std::string& name) {
  if (name == "png") return PlotFormat::kPng;
  if (name == "svg") return PlotFormat::kSvg;
  if (name == "pdf") return PlotFormat::kPdf;
  throw std::invalid_argument("plot format '" + name + "'; expected png, svg or pdf");
}

std::string extension(PlotFormat format) {
  switch (format) {
    case PlotFormat::kPng: return "png";
    case PlotFormat::kSvg: return "svg";
    case PlotFormat::kPdf: return "pdf";
  }
  return "png";
}

std::string render(const Figure& figure,
                   const std::string& dir,
                   const std::string& name,
                   PlotFormat format) {
  const std::string data_file = name + ".dat";
  write_file_atomically(path_in(dir, data_file),
                        [&](std::ostream& out) { write_series(out, figure.series); });
  std::ostringstream gp;
  gp << preamble(name, format, figure.title, figure.xlabel, figure.ylabel, figure.equal_aspect);
  if (figure.log_y) gp << "set logscale y\n";
  gp << (figure.key == "off" ? std::string("unset key") : "set key " + figure.key + " box opaque")
     << "\n";
  for (const std::string& line : figure.setup) gp << line << "\n";
  gp << "plot " << plot_clauses(data_file, figure.series) << "\n";
  write_file_atomically(path_in(dir, name + ".gp"), [&](std::ostream& out) { out << gp.str(); });
  return run(dir, name, format);
}

std::string render(const GridFigure& figure,
                   const std::string& dir,
                   const std::string& name,
                   PlotFormat format) {
  if (figure.z.rows() != figure.y.size() || figure.z.cols() != figure.x.size()) {
    throw std::logic_error("plot grid '" + name + "': z must be y.size() x x.size()");
  }
  const std::string grid_file = name + "_grid.dat";
  const std::string overlay_file = name + ".dat";
  // gnuplot's ASCII "nonuniform matrix": first row N x_1..x_N, then y_i z_i1..z_iN.
  write_file_atomically(path_in(dir, grid_file), [&](std::ostream& out) {
    out << std::setprecision(std::numeric_limits<double>::max_digits10) << figure.x.size();
    for (Eigen::Index j = 0; j < figure.x.size(); ++j) out << ' ' << figure.x(j);
    out << '\n';
    for (Eigen::Index i = 0; i < figure.y.size(); ++i) {
      out << figure.y(i);
      // Non-finite cells (blank in the picture) as a sentinel the script maps to NaN: gnuplot
      // warns on "nan" inside a matrix file.
      for (Eigen::Index j = 0; j < figure.x.size(); ++j)
        out << ' ' << (std::isfinite(figure.z(i, j)) ? figure.z(i, j) : kBlankCell);
      out << '\n';
    }
  });
  if (!figure.overlay.empty()) {  // no empty data file next to a heatmap without overlay
    write_file_atomically(path_in(dir, overlay_file),
                          [&](std::ostream& out) { write_series(out, figure.overlay); });
  }
  std::ostringstream gp;
  gp << preamble(name, format, figure.title, figure.xlabel, figure.ylabel, figure.equal_aspect);
  gp << "set cblabel " << quoted(figure.cblabel) << "\n";
  gp << (figure.overlay.empty() ? "unset key\n" : "set key top right box opaque\n");
  if (figure.flip_y) gp << "set yrange [*:*] reverse\n";
  const std::string overlay = figure.overlay.empty()
                                  ? std::string()
                                  : ", \\\n     " + plot_clauses(overlay_file, figure.overlay);
  if (figure.levels.empty()) {
    gp << "set palette rgbformulae 33,13,10\n";
    gp << "set autoscale fix\n";  // the image fills the axes exactly
    gp << "plot " << quoted(grid_file) << " nonuniform matrix using 1:2:($3 <= " << kBlankCell
       << " ? NaN : $3) with image notitle" << overlay << "\n";
  } else {
    // Contour lines: let gnuplot trace them into a table, then draw them coloured by level.
    const std::string contour_file = name + "_contours.dat";
    gp << "set contour base\nunset surface\nset view map\nset cntrparam levels discrete ";
    for (std::size_t k = 0; k < figure.levels.size(); ++k) gp << (k ? "," : "") << figure.levels[k];
    gp << "\nset table " << quoted(contour_file) << "\n";
    gp << "splot " << quoted(grid_file) << " nonuniform matrix with lines notitle\n";
    gp << "unset table\nunset contour\n";
    if (figure.x.size() > 1 && figure.y.size() > 1) {  // the grid, not the contours, sets the view
      gp << "set xrange [" << figure.x.minCoeff() << ":" << figure.x.maxCoeff() << "]\n";
      gp << "set yrange [" << figure.y.minCoeff() << ":" << figure.y.maxCoeff() << "]\n";
    }
    gp << "set palette rgbformulae 33,13,10\n";
    gp << "plot " << quoted(contour_file)
       << " using 1:2:3 with lines lc palette lw 1.5 title 'contours'" << overlay << "\n";
  }
  write_file_atomically(path_in(dir, name + ".gp"), [&](std::ostream& out) { out << gp.str(); });
  return run(dir, name, format);
}

}  // namespace netdyn::cli
