#pragma once
// Plot writers for the tools (house style 8.8): every figure is a data file plus a gnuplot script
// in the output directory, rendered headless by gnuplot (driven through gnuplot-iostream) to
// PNG (pngcairo), SVG or PDF (pdfcairo). The picture is rendered to a temporary name and renamed,
// so a failed render never leaves a partial file. Re-running `gnuplot NAME.gp` reproduces it.
#include <Eigen/Core>
#include <string>
#include <utility>
#include <vector>

namespace netdyn::cli {

enum class PlotFormat { kPng, kSvg, kPdf };
/// "png", "svg" or "pdf"; throws std::invalid_argument otherwise.
PlotFormat parse_plot_format(const std::string& name);
std::string extension(PlotFormat format);

/// One curve or point set: x/y columns drawn with a gnuplot style ("lines", "points",
/// "linespoints", "impulses").
struct Series {
  std::string title;
  std::vector<double> x;
  std::vector<double> y;
  std::string style = "lines";
  std::string extra;  ///< appended to the plot clause, e.g. "lw 2 dt 2" or "pt 7 ps 0.5"
};

/// A 2-D line/point figure. Axis labels must carry units (e.g. "time (units of tau)").
struct Figure {
  std::string title;
  std::string xlabel;
  std::string ylabel;
  std::vector<Series> series;
  bool equal_aspect = false;  ///< same scale on both axes (complex planes)
  bool log_y = false;
  std::vector<std::string> setup;  ///< extra gnuplot commands before `plot` (arrows, circles)
  std::string key = "top right";   ///< legend position, "off" to hide
};

/// A scalar field z(x_j, y_i) on a grid: heatmap, or contour lines at `levels` when non-empty.
struct GridFigure {
  std::string title;
  std::string xlabel;
  std::string ylabel;
  std::string cblabel;
  Eigen::VectorXd x;            ///< column coordinates
  Eigen::VectorXd y;            ///< row coordinates
  Eigen::MatrixXd z;            ///< z(i, j) at (x_j, y_i)
  std::vector<double> levels;   ///< contour levels; empty = heatmap
  std::vector<Series> overlay;  ///< points or curves drawn on top (e.g. eigenvalues)
  bool equal_aspect = false;
  bool flip_y = false;  ///< row 0 at the top (matrix heatmaps)
};

/// Write DIR/NAME.dat and DIR/NAME.gp and render DIR/NAME.<ext>; returns the picture's path.
/// \throws std::invalid_argument (bad directory) or std::runtime_error (gnuplot failed).
std::string render(const Figure& figure,
                   const std::string& dir,
                   const std::string& name,
                   PlotFormat format);
std::string render(const GridFigure& figure,
                   const std::string& dir,
                   const std::string& name,
                   PlotFormat format);

}  // namespace netdyn::cli
