#pragma once
// Private: ||E||_2 of the envelope's quasi-triangular matrices E = e^{tT} (and of products
// step * E left unformed) by Lanczos on E^T E, warm-started from the previous top singular
// vector, with the log-derivative that locates the envelope's maxima. Shared by the envelope's
// grid (transient_envelope.cpp) and the certified maximisation (transient_gain_search.cpp).
#include <Eigen/Core>
#include <algorithm>
#include <cmath>

#include "core/lanczos.hpp"
#include "factorization/quasi_triangular.hpp"
#include "lapack/lapack.hpp"

namespace netdyn::detail {

// ||E||_2 and the log-derivative g = u^T T u (u: top left singular vector, E v = sigma u), so
// that d/dt ||e^{tT}||_2 = sigma g whenever the top singular value is simple.
struct EnvelopePoint {
  double t = 0.0;
  double norm = 1.0;        // sqrt of the Ritz value: a lower bound on ||E||_2 (Rayleigh quotient)
  double norm_upper = 1.0;  // sqrt(Ritz value + residual): ||E||_2 once Lanczos found the top
  double slope = 0.0;       // g
};

class NormEvaluator {
 public:
  NormEvaluator(const Eigen::MatrixXd& t, const QuasiTriangularAlgebra& algebra)
      : t_(t),
        algebra_(algebra),
        lanczos_(t.rows(), std::min<Index>(t.rows(), 80)),
        v_(Eigen::VectorXd::Ones(t.rows())),
        tmp_(t.rows()),
        tmp2_(t.rows()) {
    v_.normalize();
  }

  // ||e||_2.
  EnvelopePoint evaluate(double time, const Eigen::MatrixXd& e, double tol) {
    return evaluate_with(
        time,
        [&](const auto& x, Eigen::VectorXd& y) { algebra_.apply(e, x, y); },
        [&](const auto& x, Eigen::VectorXd& y) {
          algebra_.apply(e, x, tmp_);
          algebra_.apply_transpose(e, tmp_, y);
        },
        tol);
  }

  // ||step e||_2 without forming the product, from gram = step^T step (upper triangle): each
  // application of e^T gram e is three passes over a triangle, where step e unformed takes four
  // and forming it a matrix product.
  EnvelopePoint evaluate(double time,
                         const Eigen::MatrixXd& step,
                         const Eigen::MatrixXd& gram,
                         const Eigen::MatrixXd& e,
                         double tol) {
    return evaluate_with(
        time,
        [&](const auto& x, Eigen::VectorXd& y) {
          algebra_.apply(e, x, tmp_);
          algebra_.apply(step, tmp_, y);
        },
        [&](const auto& x, Eigen::VectorXd& y) {
          algebra_.apply(e, x, tmp_);
          lapack::symv_upper(gram, tmp_, tmp2_);
          algebra_.apply_transpose(e, tmp2_, y);
        },
        tol);
  }

 private:
  // apply_e(x, y): y = E x; apply_gram(x, y): y = E^T E x (y must not alias x; both may use
  // tmp_ and tmp2_).
  template <typename ApplyE, typename ApplyGram>
  EnvelopePoint evaluate_with(double time, ApplyE&& apply_e, ApplyGram&& apply_gram, double tol) {
    // Warm start from the previous top right singular vector, plus a fixed generic component
    // so that a start orthogonal to the new top vector cannot stall the iteration.
    Eigen::VectorXd start = v_ + 1e-3 * Eigen::VectorXd::LinSpaced(v_.size(), 1.0, 2.0);
    const auto r = lanczos_.run(apply_gram, start, tol);
    v_ = lanczos_.vector();
    EnvelopePoint p;
    p.t = time;
    p.norm = std::sqrt(std::max(r.value, 0.0));
    p.norm_upper = std::sqrt(std::max(r.value, 0.0) + r.residual);
    Eigen::VectorXd u(v_.size());
    apply_e(v_, u);
    const double un = u.norm();
    if (un > 0.0) u /= un;
    algebra_.apply(t_, u, tmp_);
    p.slope = u.dot(tmp_);
    return p;
  }

  const Eigen::MatrixXd& t_;
  const QuasiTriangularAlgebra& algebra_;
  TopEigenLanczos<double> lanczos_;
  Eigen::VectorXd v_;
  Eigen::VectorXd tmp_;
  Eigen::VectorXd tmp2_;
};

}  // namespace netdyn::detail
