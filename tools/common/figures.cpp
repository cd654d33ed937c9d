#include "common/figures.hpp"

#include <cmath>
#include <sstream>

namespace netdyn::cli {

Figure spectrum_figure(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues,
                       std::optional<double> circle_radius,
                       const std::string& title) {
  Figure f;
  f.title = title;
  f.xlabel = "Re {/Symbol l}(W)";
  f.ylabel = "Im {/Symbol l}(W)";
  f.equal_aspect = true;
  Series points;
  points.title = "eigenvalues of W";
  points.style = "points";
  points.extra = "pt 7 ps 0.8 lc rgb '#1f77b4'";
  double extent = 1.2;
  for (Eigen::Index k = 0; k < eigenvalues.size(); ++k) {
    points.x.push_back(eigenvalues(k).real());
    points.y.push_back(eigenvalues(k).imag());
    extent = std::max(extent, 1.1 * std::abs(eigenvalues(k)));
  }
  if (circle_radius) extent = std::max(extent, 1.1 * *circle_radius);
  f.series.push_back(points);
  // Stability boundary Re(lambda) = 1: r = 0 is stable iff every eigenvalue lies to its left.
  Series line;
  line.title = "stability boundary Re {/Symbol l} = 1";
  line.x = {1.0, 1.0};
  line.y = {-2.0 * extent, 2.0 * extent};
  line.extra = "dt 2 lc rgb '#d62728'";
  f.series.push_back(line);
  if (circle_radius) {
    Series circle;
    std::ostringstream label;
    label << "circular law, radius " << *circle_radius;
    circle.title = label.str();
    circle.extra = "lc rgb '#7f7f7f'";
    const int m = 256;
    const double two_pi = 2.0 * std::acos(-1.0);
    for (int k = 0; k <= m; ++k) {
      circle.x.push_back(*circle_radius * std::cos(two_pi * k / m));
      circle.y.push_back(*circle_radius * std::sin(two_pi * k / m));
    }
    f.series.push_back(circle);
  }
  std::ostringstream range;
  range << "set xrange [" << -extent << ":" << std::max(extent, 1.2) << "]; set yrange [" << -extent
        << ":" << extent << "]";
  f.setup.push_back(range.str());
  f.key = "outside top center horizontal";
  return f;
}

double circular_law_radius(const Eigen::Ref<const Eigen::MatrixXd>& w) {
  const double n = static_cast<double>(w.rows());
  const double mean = w.mean();
  const double var = (w.array() - mean).square().mean();
  return std::sqrt(n * var);
}

}  // namespace netdyn::cli
