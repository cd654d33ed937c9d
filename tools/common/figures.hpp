#pragma once
// The standard figures several subcommands draw (built on plot.hpp).
#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "common/plot.hpp"

namespace netdyn::cli {

/// The circular-law radius to draw for an n x n W: only from n = 10 on, where the law says
/// something about the bulk (for a 2 x 2 pair the circle is meaningless).
inline std::optional<double> circle_for(Eigen::Index n, double circular_law_radius) {
  return n >= 10 ? std::optional<double>(circular_law_radius) : std::nullopt;
}

/// A vector's entries as the std::vector a Series holds.
std::vector<double> to_std(const Eigen::Ref<const Eigen::VectorXd>& v);

/// Eigenvalues of W in the complex plane with the stability line Re(lambda) = 1 and, when given,
/// the circular-law circle of radius `circle_radius` (sqrt(n var(W_ij))).
Figure spectrum_figure(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues,
                       std::optional<double> circle_radius,
                       const std::string& title);

/// Eigenvalues of the generator -I + W (tau = 1) with the stability line Re = 0 and, when given,
/// the circular-law circle of radius `circle_radius` centred at -1.
Figure generator_spectrum_figure(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues,
                                 std::optional<double> circle_radius,
                                 const std::string& title);

/// One quantity over time: the analytic (exact) solution drawn as a line, the simulated (ODE)
/// values as points of the same colour. Either part may be empty.
struct TimeCourse {
  std::string label;  ///< enhanced text, e.g. "r_E"
  Eigen::VectorXd line_t;
  Eigen::VectorXd line_y;
  Eigen::VectorXd points_t;
  Eigen::VectorXd points_y;
  std::string color;         ///< "#rrggbb"; empty = the next colour of the default cycle
  std::string line_style;    ///< extra line options, e.g. "dt 2"
  std::string line_title;    ///< key entry of the line; empty = label + " exact"
  std::string points_title;  ///< key entry of the points; empty = label + " ODE"
};

/// A TimeCourse from its parts (the titles default as documented above).
TimeCourse time_course(const std::string& label,
                       const Eigen::Ref<const Eigen::VectorXd>& line_t,
                       const Eigen::Ref<const Eigen::VectorXd>& line_y,
                       const Eigen::Ref<const Eigen::VectorXd>& points_t = Eigen::VectorXd(),
                       const Eigen::Ref<const Eigen::VectorXd>& points_y = Eigen::VectorXd(),
                       const std::string& color = "");

/// Time courses (analytic line + simulated points). `xlabel` must carry the unit of time.
Figure time_course_figure(const std::vector<TimeCourse>& courses,
                          const std::string& title,
                          const std::string& xlabel = "time (units of {/Symbol t})",
                          const std::string& ylabel = "rate (arbitrary units)");

/// Heatmap of |T_ij| of a complex Schur factor (row 1 at the top, square cells): the diagonal
/// holds |eigenvalues|, the strictly upper part the feedforward weights between Schur modes.
/// With `log_scale` the colour is log10 |T_ij| and exact zeros are left blank (large networks,
/// where one strong feedforward weight would otherwise hide all the others).
GridFigure schur_heatmap_figure(const Eigen::Ref<const Eigen::MatrixXcd>& t,
                                const std::string& title,
                                bool log_scale = false);

/// Transient envelope ||e^{tA}||_2 against time, its maximum marked, and (when given) the
/// normal-network bound e^{alpha(A) t} for the same spectral abscissa alpha(A) (units 1/tau).
Figure envelope_figure(const Eigen::Ref<const Eigen::VectorXd>& times,
                       const Eigen::Ref<const Eigen::VectorXd>& norms,
                       double max_gain,
                       double max_time,
                       std::optional<double> spectral_abscissa_of_a,
                       const std::string& title);

/// Pseudospectra: contours of log10 sigma_min(zI - A) at `log10_levels` over the grid
/// z = re_j + i im_i (`sigma_min(i, j)`), with the eigenvalues and, when given, the stability
/// line Re z = `stability_line` (0 for A, 1 for W). `axis_unit` labels the axes ("" for the
/// dimensionless spectrum of W).
GridFigure pseudospectrum_figure(const Eigen::Ref<const Eigen::VectorXd>& re,
                                 const Eigen::Ref<const Eigen::VectorXd>& im,
                                 const Eigen::Ref<const Eigen::MatrixXd>& sigma_min,
                                 const std::vector<double>& log10_levels,
                                 const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues,
                                 std::optional<double> stability_line,
                                 const std::string& title,
                                 const std::string& axis_unit = "units of 1/{/Symbol t}");

/// A planar system's point in the trace-determinant plane.
struct PlanarPoint {
  std::string label;  ///< key entry (enhanced text)
  double trace = 0.0;
  double determinant = 0.0;
};

/// The trace-determinant plane (T horizontal, D vertical): the stable quadrant T < 0, D > 0
/// shaded, the parabola T^2 = 4D (node/spiral boundary), the axes (D = 0: saddle-node,
/// T = 0 with D > 0: Hopf), the regions named, and each system's point. `unit` is that of T
/// (e.g. "1/ms"); D is in unit^2.
Figure trace_determinant_figure(const std::vector<PlanarPoint>& points,
                                const std::string& title,
                                const std::string& unit);

/// Two spectra of W in one complex plane (e.g. an initial network and its stability-optimised
/// circuit), with the stability line Re lambda = 1.
Figure spectra_comparison_figure(const Eigen::Ref<const Eigen::VectorXcd>& first,
                                 const std::string& first_title,
                                 const Eigen::Ref<const Eigen::VectorXcd>& second,
                                 const std::string& second_title,
                                 const std::string& title);

/// Evoked energies (descending, one curve per network) against the mode's rank, log scale.
struct EnergyCurve {
  std::string title;
  Eigen::VectorXd energies;
  std::string extra;  ///< gnuplot style, e.g. "pt 7 lc rgb '#c0392b'"
};
Figure evoked_energy_figure(const std::vector<EnergyCurve>& curves, const std::string& title);

}  // namespace netdyn::cli
