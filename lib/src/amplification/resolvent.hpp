#pragma once
// Private: sigma_min(z I - T) for an upper triangular (complex Schur) factor T by EigTool's
// inverse Lanczos (science.md 7.1; eigtool/private/psacore.m, inv_lanczos.m): the largest
// eigenvalue of (T - zI)^{-1} (T - zI)^{-*} is 1/sigma_min^2, and each Lanczos step is two
// triangular solves (BLAS ztrsv), O(n^2), with no factorisation per point. One object per thread:
// it owns a copy of T whose diagonal is shifted in place.
#include <Eigen/Core>
#include <cmath>
#include <complex>
#include <limits>
#include <utility>

#include "core/lanczos.hpp"
#include "lapack/lapack.hpp"

namespace netdyn::detail {

class ResolventNorm {
 public:
  /// t: upper triangular n x n. max_steps caps the Lanczos steps per point (EigTool: 99).
  ResolventNorm(const Eigen::MatrixXcd& t, Eigen::Index max_steps)
      : ResolventNorm(Eigen::MatrixXcd(t), max_steps) {}
  /// The same, taking t's storage (no n x n copy: at n = 500 a fresh copy's first touches
  /// cost about as much as 100 Lanczos steps).
  ResolventNorm(Eigen::MatrixXcd&& t, Eigen::Index max_steps)
      : shifted_(std::move(t)),
        diagonal_(shifted_.diagonal()),
        lanczos_(shifted_.rows(), max_steps),
        start_(shifted_.rows()) {
    // A fixed start vector with no special structure (EigTool uses one normalised random q for
    // every point); deterministic so results do not depend on the thread schedule.
    const Eigen::Index n = shifted_.rows();
    for (Eigen::Index i = 0; i < n; ++i) {
      start_(i) = std::complex<double>(std::cos(1.0 + 0.7 * static_cast<double>(i)),
                                       std::sin(0.3 + 1.3 * static_cast<double>(i)));
    }
    start_.normalize();
  }

  struct Value {
    double sigma_min = 0.0;
    Eigen::Index steps = 0;
    bool converged = false;
  };

  /// Forget the previous point: the next sigma_min starts from the fixed vector alone, so that
  /// its result does not depend on what this object computed before (a grid row handed to any
  /// thread gives the same numbers).
  void restart() { has_previous_ = false; }

  /// sigma_min(z I - T) to relative accuracy about `tol` (Ritz residual test). `fresh` is the
  /// weight of the fixed generic vector in the warm start (see below): a search that moves by
  /// small steps (the Kreiss constant's local maximisation) passes less, and saves steps.
  Value sigma_min(std::complex<double> z, double tol, double fresh = 0.05) {
    shifted_.diagonal() = diagonal_.array() - z;
    Value v;
    // Exactly singular (z is an eigenvalue): sigma_min = 0 without iterating.
    if ((shifted_.diagonal().array() == std::complex<double>(0.0, 0.0)).any()) {
      v.converged = true;
      return v;
    }
    const auto apply = [this](const auto& x, Eigen::VectorXcd& y) {
      // y = (T - zI)^{-1} (T - zI)^{-*} x: a lower solve with the adjoint, then an upper solve.
      y = x;
      lapack::trsv_upper('C', shifted_, y);
      lapack::trsv_upper('N', shifted_, y);
    };
    // Warm start from the previous point's vector (neighbouring grid points have nearby
    // singular vectors) plus a fixed generic component, so that a start close to a wrong
    // eigenvector still has a share of the right one and the residual test cannot pass early.
    if (has_previous_) {
      mixed_ = lanczos_.vector() + fresh * start_;
    } else {
      mixed_ = start_;
    }
    const auto r = lanczos_.run(apply, mixed_, tol);
    has_previous_ = true;
    v.steps = r.steps;
    v.converged = r.converged;
    v.sigma_min =
        r.value > 0.0 ? 1.0 / std::sqrt(r.value) : std::numeric_limits<double>::infinity();
    if (!std::isfinite(r.value)) v.sigma_min = 0.0;  // overflow in the solves: z on the spectrum
    last_sigma_ = v.sigma_min;
    return v;
  }

  /// Gradient of s(x, y) = sigma_min((x + iy) I - T) at the last point, from its singular
  /// vectors: with B = T - zI, B v = s u (v the Ritz vector, the top eigenvector of
  /// (B^* B)^{-1}), and dB = -dz I, first-order perturbation gives ds = -Re(dz u^* v), so
  /// ds/dx = -Re(u^* v) and ds/dy = Im(u^* v) (valid where sigma_min is simple). One triangular
  /// product, O(n^2). Its accuracy is the Ritz vector's: about the Lanczos residual over the gap
  /// to the next singular value.
  [[nodiscard]] std::complex<double> sigma_min_gradient() {
    const Eigen::VectorXcd& v = lanczos_.vector();
    mixed_.noalias() = shifted_.triangularView<Eigen::Upper>() * v;  // B v = s u
    const std::complex<double> uv = mixed_.dot(v) / last_sigma_;     // u^* v
    return {-uv.real(), uv.imag()};
  }

 private:
  Eigen::MatrixXcd shifted_;
  Eigen::VectorXcd diagonal_;
  TopEigenLanczos<std::complex<double>> lanczos_;
  Eigen::VectorXcd start_;
  Eigen::VectorXcd mixed_;
  double last_sigma_ = 0.0;
  bool has_previous_ = false;
};

}  // namespace netdyn::detail
