#include "common/figures.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

namespace netdyn::cli {

namespace {

// Colour cycle (matplotlib's "tab10"), distinguishable in print and by most colour-blind readers.
const char* const kColours[] = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};

std::string range_command(const char* axis, double lo, double hi) {
  std::ostringstream s;
  s << std::setprecision(10) << "set " << axis << "range [" << lo << ":" << hi << "]";
  return s.str();
}

// Eigenvalues as a point set (x = Re, y = Im).
Series eigenvalue_points(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues,
                         const std::string& title,
                         const std::string& point_size) {
  Series points;
  points.title = title;
  points.style = "points";
  points.extra = "pt 7 ps " + point_size + " lc rgb '#1f77b4'";
  for (Eigen::Index k = 0; k < eigenvalues.size(); ++k) {
    points.x.push_back(eigenvalues(k).real());
    points.y.push_back(eigenvalues(k).imag());
  }
  return points;
}

// The dashed stability boundary Re z = x, drawn from -half_height to half_height.
Series stability_line(double x, double half_height, const std::string& title) {
  Series line;
  line.title = title;
  line.x = {x, x};
  line.y = {-half_height, half_height};
  line.extra = "dt 2 lc rgb '#d62728'";
  return line;
}

// The circular-law circle of the given centre (on the real axis) and radius.
Series circle_series(double centre, double radius, const std::string& title) {
  Series circle;
  circle.title = title;
  circle.extra = "lc rgb '#7f7f7f'";
  const int m = 256;
  const double two_pi = 2.0 * std::acos(-1.0);
  for (int k = 0; k <= m; ++k) {
    circle.x.push_back(centre + radius * std::cos(two_pi * k / m));
    circle.y.push_back(radius * std::sin(two_pi * k / m));
  }
  return circle;
}

}  // namespace

std::vector<double> to_std(const Eigen::Ref<const Eigen::VectorXd>& v) {
  return std::vector<double>(v.data(), v.data() + v.size());
}

Figure spectrum_figure(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues,
                       std::optional<double> circle_radius,
                       const std::string& title) {
  Figure f;
  f.title = title;
  f.xlabel = "Re {/Symbol l}(W)";
  f.ylabel = "Im {/Symbol l}(W)";
  f.equal_aspect = true;
  double extent = 1.2;
  for (Eigen::Index k = 0; k < eigenvalues.size(); ++k) {
    extent = std::max(extent, 1.1 * std::abs(eigenvalues(k)));
  }
  if (circle_radius) extent = std::max(extent, 1.1 * *circle_radius);
  f.series.push_back(eigenvalue_points(eigenvalues, "eigenvalues of W", "0.8"));
  // Stability boundary Re(lambda) = 1: r = 0 is stable iff every eigenvalue lies to its left.
  f.series.push_back(stability_line(1.0, 2.0 * extent, "stability boundary Re {/Symbol l} = 1"));
  if (circle_radius) {
    std::ostringstream label;
    label << "circular law, radius " << *circle_radius;
    f.series.push_back(circle_series(0.0, *circle_radius, label.str()));
  }
  std::ostringstream range;
  range << "set xrange [" << -extent << ":" << std::max(extent, 1.2) << "]; set yrange [" << -extent
        << ":" << extent << "]";
  f.setup.push_back(range.str());
  f.key = "outside top center horizontal";
  return f;
}

Figure generator_spectrum_figure(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues,
                                 std::optional<double> circle_radius,
                                 const std::string& title) {
  Figure f;
  f.title = title;
  f.xlabel = "Re {/Symbol l}(-I + W)  (units of 1/{/Symbol t})";
  f.ylabel = "Im {/Symbol l}(-I + W)  (units of 1/{/Symbol t})";
  f.equal_aspect = true;
  double right = 0.3;
  double left = -2.3;
  double top = 1.2;
  for (Eigen::Index k = 0; k < eigenvalues.size(); ++k) {
    right = std::max(right, eigenvalues(k).real() + 0.2);
    left = std::min(left, eigenvalues(k).real() - 0.2);
    top = std::max(top, std::abs(eigenvalues(k).imag()) + 0.2);
  }
  f.series.push_back(eigenvalue_points(eigenvalues, "eigenvalues of -I + W", "0.6"));
  f.series.push_back(stability_line(0.0, 4.0 * top, "stability boundary Re {/Symbol l} = 0"));
  if (circle_radius) {
    std::ostringstream label;
    label << "circular law: centre -1, radius " << std::setprecision(4) << *circle_radius;
    f.series.push_back(circle_series(-1.0, *circle_radius, label.str()));
    right = std::max(right, -1.0 + 1.1 * *circle_radius);
    left = std::min(left, -1.0 - 1.1 * *circle_radius);
    top = std::max(top, 1.1 * *circle_radius);
  }
  f.setup.push_back(range_command("x", left, right));
  f.setup.push_back(range_command("y", -top, top));
  f.key = "outside top center horizontal";
  return f;
}

TimeCourse time_course(const std::string& label,
                       const Eigen::Ref<const Eigen::VectorXd>& line_t,
                       const Eigen::Ref<const Eigen::VectorXd>& line_y,
                       const Eigen::Ref<const Eigen::VectorXd>& points_t,
                       const Eigen::Ref<const Eigen::VectorXd>& points_y,
                       const std::string& color) {
  TimeCourse c;
  c.label = label;
  c.line_t = line_t;
  c.line_y = line_y;
  c.points_t = points_t;
  c.points_y = points_y;
  c.color = color;
  return c;
}

Figure time_course_figure(const std::vector<TimeCourse>& courses,
                          const std::string& title,
                          const std::string& xlabel,
                          const std::string& ylabel) {
  Figure f;
  f.title = title;
  f.xlabel = xlabel;
  f.ylabel = ylabel;
  std::size_t next = 0;
  for (const TimeCourse& c : courses) {
    const std::string colour =
        c.color.empty() ? kColours[next++ % (sizeof kColours / sizeof kColours[0])] : c.color;
    if (c.line_t.size() > 0) {
      Series line;
      line.title = c.line_title.empty() ? c.label + " exact" : c.line_title;
      line.x = to_std(c.line_t);
      line.y = to_std(c.line_y);
      line.extra =
          "lw 1.5 lc rgb '" + colour + "'" + (c.line_style.empty() ? "" : " " + c.line_style);
      f.series.push_back(line);
    }
    if (c.points_t.size() > 0) {
      Series points;
      points.title = c.points_title.empty() ? c.label + " ODE" : c.points_title;
      points.x = to_std(c.points_t);
      points.y = to_std(c.points_y);
      points.style = "points";
      points.extra = "pt 6 ps 1.2 lc rgb '" + colour + "'";
      f.series.push_back(points);
    }
  }
  f.key = "top right";
  return f;
}

GridFigure schur_heatmap_figure(const Eigen::Ref<const Eigen::MatrixXcd>& t,
                                const std::string& title,
                                bool log_scale) {
  GridFigure g;
  g.title = title;
  g.xlabel = "column j (Schur mode, decreasing Re {/Symbol l})";
  g.ylabel = "row i (Schur mode)";
  g.cblabel = "|T_{ij}|";
  const Eigen::Index n = t.rows();
  g.x = Eigen::VectorXd::LinSpaced(n, 1.0, static_cast<double>(n));
  g.y = g.x;
  g.z = t.cwiseAbs();
  if (log_scale) {
    g.cblabel = "log_{10} |T_{ij}|";
    const double nan = std::numeric_limits<double>::quiet_NaN();
    g.z = g.z.unaryExpr([nan](double v) { return v > 0.0 ? std::log10(v) : nan; }).eval();
  }
  g.equal_aspect = true;
  g.flip_y = true;
  return g;
}

Figure envelope_figure(const Eigen::Ref<const Eigen::VectorXd>& times,
                       const Eigen::Ref<const Eigen::VectorXd>& norms,
                       double max_gain,
                       double max_time,
                       std::optional<double> spectral_abscissa_of_a,
                       const std::string& title) {
  Figure f;
  f.title = title;
  f.xlabel = "time (units of {/Symbol t})";
  f.ylabel = "||e^{tA}||_2";
  Series envelope;
  envelope.title = "||e^{tA}||_2";
  envelope.x = to_std(times);
  envelope.y = to_std(norms);
  envelope.extra = "lw 2 lc rgb '#1f77b4'";
  f.series.push_back(envelope);
  if (spectral_abscissa_of_a) {
    Series normal;
    std::ostringstream label;
    label << "normal network: e^{{/Symbol a}(A) t}, {/Symbol a}(A) = " << std::setprecision(4)
          << *spectral_abscissa_of_a;
    normal.title = label.str();
    normal.x = envelope.x;
    for (const double t : normal.x) normal.y.push_back(std::exp(*spectral_abscissa_of_a * t));
    normal.extra = "dt 2 lc rgb '#7f7f7f'";
    f.series.push_back(normal);
  }
  Series peak;
  std::ostringstream label;
  label << "maximum " << std::setprecision(4) << max_gain << " at t = " << max_time;
  peak.title = label.str();
  peak.x = {max_time};
  peak.y = {max_gain};
  peak.style = "points";
  peak.extra = "pt 7 ps 2 lc rgb '#d62728'";
  f.series.push_back(peak);
  f.setup.push_back("set yrange [0:*]");
  f.key = "top right";  // the envelope peaks early and decays: the late, upper corner stays free
  return f;
}

GridFigure pseudospectrum_figure(const Eigen::Ref<const Eigen::VectorXd>& re,
                                 const Eigen::Ref<const Eigen::VectorXd>& im,
                                 const Eigen::Ref<const Eigen::MatrixXd>& sigma_min,
                                 const std::vector<double>& log10_levels,
                                 const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues,
                                 std::optional<double> stability_line,
                                 const std::string& title,
                                 const std::string& axis_unit) {
  GridFigure g;
  g.title = title;
  const std::string unit = axis_unit.empty() ? std::string() : "  (" + axis_unit + ")";
  g.xlabel = "Re z" + unit;
  g.ylabel = "Im z" + unit;
  g.cblabel = "log_{10} {/Symbol e}";
  g.x = re;
  g.y = im;
  // sigma_min = 0 exactly on an eigenvalue: clamp so log10 stays finite.
  g.z = sigma_min.cwiseMax(1e-300).array().log10().matrix();
  g.levels = log10_levels;
  g.equal_aspect = true;
  Series points;
  points.title = "eigenvalues";
  points.style = "points";
  points.extra = "pt 7 ps 1.2 lc rgb 'black'";
  for (Eigen::Index k = 0; k < eigenvalues.size(); ++k) {
    points.x.push_back(eigenvalues(k).real());
    points.y.push_back(eigenvalues(k).imag());
  }
  g.overlay.push_back(points);
  if (stability_line && im.size() > 0) {
    Series line;
    std::ostringstream label;
    label << "stability boundary Re z = " << *stability_line;
    line.title = label.str();
    line.x = {*stability_line, *stability_line};
    line.y = {im.minCoeff(), im.maxCoeff()};
    line.extra = "dt 2 lc rgb '#d62728'";
    g.overlay.push_back(line);
  }
  return g;
}

Figure trace_determinant_figure(const std::vector<PlanarPoint>& points,
                                const std::string& title,
                                const std::string& unit) {
  Figure f;
  f.title = title;
  f.xlabel = "trace T (" + unit + ")";
  f.ylabel = "determinant D ((" + unit + ")^2)";
  // Scale: wide enough for every point and for the parabola through it.
  double s = 0.0;
  double d_max = 0.0;
  for (const PlanarPoint& p : points) {
    s = std::max({s, std::abs(p.trace), 2.0 * std::sqrt(std::max(0.0, p.determinant))});
    d_max = std::max(d_max, p.determinant);
  }
  if (s == 0.0) s = 1.0;
  const double x_max = 1.4 * s;
  const double y_max = std::max(1.35 * d_max, 0.3 * x_max * x_max);
  const double y_min = -0.3 * y_max;
  f.setup.push_back(range_command("x", -x_max, x_max));
  f.setup.push_back(range_command("y", y_min, y_max));
  std::ostringstream stable;
  stable << std::setprecision(10) << "set object 1 rectangle from first " << -x_max
         << ", first 0 to first 0, first " << y_max
         << " fillcolor rgb '#e3f2e1' fillstyle solid 1.0 noborder behind";
  f.setup.push_back(stable.str());
  f.setup.push_back("set xzeroaxis lt -1 lw 1\nset yzeroaxis lt -1 lw 1");
  const auto label = [&](const std::string& text, double x, double y) {
    std::ostringstream l;
    l << std::setprecision(10) << "set label '" << text << "' at first " << x << ", first " << y
      << " center font ',15' textcolor rgb '#555555'";
    f.setup.push_back(l.str());
  };
  label("stable spiral", -0.35 * x_max, 0.85 * y_max);
  label("unstable spiral", 0.35 * x_max, 0.85 * y_max);
  label("stable node", -0.75 * x_max, 0.07 * y_max);
  label("unstable node", 0.75 * x_max, 0.07 * y_max);
  label("saddle (D < 0)", -0.6 * x_max, 0.5 * y_min);
  Series parabola;
  parabola.title = "T^2 = 4D (node | spiral)";
  const int m = 200;
  for (int k = 0; k <= m; ++k) {
    const double t = -x_max + 2.0 * x_max * k / m;
    parabola.x.push_back(t);
    parabola.y.push_back(t * t / 4.0);
  }
  parabola.extra = "lc rgb '#7f7f7f' dt 2";
  f.series.push_back(parabola);
  std::size_t next = 0;
  const int types[] = {7, 5, 9, 11, 13};
  for (const PlanarPoint& p : points) {
    Series point;
    point.title = p.label;
    point.x = {p.trace};
    point.y = {p.determinant};
    point.style = "points";
    point.extra = "pt " + std::to_string(types[next % 5]) + " ps 2.5 lc rgb '" +
                  kColours[next % (sizeof kColours / sizeof kColours[0])] + "'";
    ++next;
    f.series.push_back(point);
  }
  f.key = "bottom right";
  return f;
}

Figure spectra_comparison_figure(const Eigen::Ref<const Eigen::VectorXcd>& first,
                                 const std::string& first_title,
                                 const Eigen::Ref<const Eigen::VectorXcd>& second,
                                 const std::string& second_title,
                                 const std::string& title) {
  Figure f;
  f.title = title;
  f.xlabel = "Re {/Symbol l}(W) (dimensionless)";
  f.ylabel = "Im {/Symbol l}(W) (dimensionless)";
  f.equal_aspect = true;
  f.key = "bottom left";
  double top = 0.0;
  const auto points = [&](const Eigen::Ref<const Eigen::VectorXcd>& values,
                          const std::string& name,
                          const std::string& extra) {
    Series s{name, {}, {}, "points", extra};
    for (Eigen::Index k = 0; k < values.size(); ++k) {
      s.x.push_back(values(k).real());
      s.y.push_back(values(k).imag());
      top = std::max(top, std::abs(values(k).imag()));
    }
    f.series.push_back(std::move(s));
  };
  points(first, first_title, "pt 6 ps 0.6 lc rgb '#999999'");
  points(second, second_title, "pt 7 ps 0.5 lc rgb '#c0392b'");
  top = std::max(top, 1.0);
  f.series.push_back(Series{"stability line Re {/Symbol l} = 1",
                            {1.0, 1.0},
                            {-top, top},
                            "lines",
                            "dt 2 lc rgb '#333333'"});
  return f;
}

Figure evoked_energy_figure(const std::vector<EnergyCurve>& curves, const std::string& title) {
  Figure f;
  f.title = title;
  f.xlabel = "mode (rank by evoked energy)";
  f.ylabel = "evoked energy a^T Q a (dimensionless; 1 for W = 0)";
  f.log_y = true;
  for (const EnergyCurve& c : curves) {
    Series s{c.title, {}, {}, "linespoints", c.extra};
    for (Eigen::Index k = 0; k < c.energies.size(); ++k) {
      s.x.push_back(static_cast<double>(k + 1));
      s.y.push_back(c.energies(k));
    }
    f.series.push_back(std::move(s));
  }
  return f;
}

}  // namespace netdyn::cli
