#pragma once
// Private: the certified maximum of the envelope ||e^{tT}||_2 over t >= 0 (or [0, t_max]) for an
// upper quasi-triangular T (the Schur factor of A = (W - I)/tau): an attained value and an upper
// bound valid for every t, refined by branch and bound on dyadic time intervals until they agree
// to a relative tolerance. The bounds, the tail argument and the rounding model are in
// docs/decisions/certified-transient-gain.md; in short, on an interval [a, b] of width h
//   sup ||e^{tT}|| <= min( g(a) e^{omega h},  max(g(a), g(b)) / (1 - h^2 ||T^2|| / 8) )
// (omega the numerical abscissa; the second is linear interpolation of the matrix function,
// whose norm is convex, with its remainder), and no t beyond a time c with ||e^{cT}|| < 1 can
// attain the supremum (submultiplicativity), so the search covers [0, c] only.
#include <Eigen/Core>
#include <memory>
#include <optional>

#include "amplification/envelope_norm.hpp"  // EnvelopePoint

#include "factorization/quasi_triangular.hpp"

namespace netdyn::detail {

struct GainSearchSettings {
  double omega = 0.0;  ///< upper bound on the numerical abscissa of T (rounding included)
  /// A real shift mu and an upper bound on ||(T + mu I)^2||_2: the curvature constants of the
  /// second-order bound (transient_gain_search.cpp, bound()).
  double shift = 0.0;
  double second_derivative = 0.0;
  double first_step = 1.0;       ///< first time of the doubling sequence, ~0.125 / ||T||_2
  double tolerance = 1e-8;       ///< relative width of [lower, upper] to reach
  double t_max = 0.0;            ///< 0: the automatic horizon; else the supremum over [0, t_max]
  double time_tolerance = 1e-8;  ///< accuracy of the reported time of the maximum
  bool certify = true;  ///< false (omega <= 0): only the doubling sequence, for the horizon
  int threads = 1;      ///< OpenMP threads sharing each product's column blocks
};

struct GainBounds {
  double lower = 1.0;            ///< an attained value (rounding accounted for)
  double upper = 1.0;            ///< >= ||e^{tT}||_2 for every t in the range
  double time = 0.0;             ///< where `lower` is attained
  Eigen::Index evaluations = 0;  ///< norms computed by the search (doubling sequence excluded)
  Eigen::Index products = 0;     ///< quasi-triangular products formed by the search
  bool tolerance_met = true;     ///< upper - lower <= tolerance * lower
};

class TransientGainSearch {
 public:
  /// Forms the dyadic steps e^{h 2^i T} (finest first, squared up) and evaluates the doubling
  /// sequence up to the horizon. \throws NumericalError the envelope does not decay (automatic)
  TransientGainSearch(const Eigen::MatrixXd& t,
                      const QuasiTriangularAlgebra& algebra,
                      const GainSearchSettings& settings);
  ~TransientGainSearch();
  TransientGainSearch(const TransientGainSearch&) = delete;
  TransientGainSearch& operator=(const TransientGainSearch&) = delete;

  /// Automatic: the first doubling time with ||e^{tT}||_2 <= 0.1; else t_max.
  [[nodiscard]] double horizon() const { return horizon_; }
  /// The envelope at the horizon as the doubling sequence evaluated it (automatic horizon: the
  /// sequence's last node), so that a caller's grid need not form e^{horizon T} again; empty
  /// when no node lies there (an explicit t_max between two doubling times).
  [[nodiscard]] std::optional<EnvelopePoint> horizon_point() const;
  /// A value known to be attained at `time` in the range (e.g. the plot grid's largest): it
  /// raises the pruning threshold from the start.
  void seed(double value, double time);
  /// The branch and bound.
  [[nodiscard]] GainBounds run();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
  double horizon_ = 0.0;
};

}  // namespace netdyn::detail
