#include "netdyn/amplification/smoothed_spectral_abscissa.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

#include "amplification/triangular_lyapunov.hpp"
#include "core/checks.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/amplification/lyapunov.hpp"
#include "netdyn/core/error.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/factorization/spectrum.hpp"

namespace netdyn {
namespace {

// op(T - sI) X + X op(T - sI)^T + I = 0 in place of `x` (op = T^T for the adjoint): the
// recursive symmetric solver, or one dtrsyl3 whose scale factor is undone when it had to scale.
void solve_shifted(const Eigen::MatrixXd& shifted, bool adjoint, Eigen::MatrixXd& x) {
  const Eigen::Index n = shifted.rows();
  x = -Eigen::MatrixXd::Identity(n, n);
  if (detail::solve_symmetric_triangular_lyapunov(adjoint ? 'T' : 'N', shifted, x)) return;
  x = -Eigen::MatrixXd::Identity(n, n);
  const double scale = adjoint ? lapack::trsyl3('T', 'N', 1, shifted, shifted, x)
                               : lapack::trsyl3('N', 'T', 1, shifted, shifted, x);
  if (!(scale > 0.0)) throw NumericalError("shifted_gramians: triangular solve underflowed");
  x /= scale;
  x = (0.5 * (x + x.transpose())).eval();
}

void require_shift_right_of_spectrum(const SchurFactorization& f, double shift) {
  if (!std::isfinite(shift)) {
    throw std::invalid_argument("shifted_gramians: shift = " + std::to_string(shift) +
                                "; must be finite");
  }
  const Eigen::VectorXcd& values = f.eigenvalues();  // decreasing real part
  if (!(values(0).real() < shift)) {
    std::ostringstream msg;
    msg.precision(17);
    msg << "shifted_gramians: W - sI is not Hurwitz for s = " << shift << ": eigenvalue "
        << values(0) << " of W has real part >= s";
    throw NotHurwitzError(msg.str(), values(0) - shift);
  }
}

}  // namespace

ShiftedGramians shifted_gramians(const SchurFactorization& factorization, double shift) {
  require_shift_right_of_spectrum(factorization, shift);
  Eigen::MatrixXd shifted = factorization.t();
  shifted.diagonal().array() -= shift;
  ShiftedGramians g;
  g.shift = shift;
  solve_shifted(shifted, false, g.p);
  solve_shifted(shifted, true, g.q);
  detail::ensure_finite_result("shifted_gramians", "P", g.p);
  detail::ensure_finite_result("shifted_gramians", "Q", g.q);
  g.trace_p = g.p.trace();
  // tr(Q P) = sum_ij Q_ij P_ij for symmetric P and Q: O(n^2), no product.
  g.trace_qp = g.q.cwiseProduct(g.p).sum();
  return g;
}

Eigen::MatrixXd smoothed_abscissa_gradient(const SchurFactorization& factorization,
                                           const ShiftedGramians& g,
                                           Eigen::Index columns) {
  const Eigen::MatrixXd& z = factorization.q();  // throws std::logic_error without vectors
  const Eigen::Index n = z.rows();
  if (g.p.rows() != n || g.q.rows() != n) {
    throw std::invalid_argument("smoothed_abscissa_gradient: Gramians of size " +
                                std::to_string(g.p.rows()) + " for a factorisation of size " +
                                std::to_string(n));
  }
  if (columns < 0 || columns > n) {
    throw std::invalid_argument("smoothed_abscissa_gradient: columns = " + std::to_string(columns) +
                                "; need 0..n = " + std::to_string(n));
  }
  const Eigen::Index m = columns == 0 ? n : columns;
  // Q_W P_W = Z (Q P) Z^T; only the last m columns: Z (Q P) Z(n-m.., :)^T.
  Eigen::MatrixXd qp(n, n);
  lapack::gemm('N', 'N', 1.0 / g.trace_qp, g.q, g.p, 0.0, qp);
  Eigen::MatrixXd zqp(n, n);
  lapack::gemm('N', 'N', 1.0, z, qp, 0.0, zqp);
  Eigen::MatrixXd out(n, m);
  lapack::gemm('N', 'T', 1.0, zqp, z.bottomRows(m), 0.0, out);
  return out;
}

SmoothedSpectralAbscissa smoothed_spectral_abscissa(
    const SchurFactorization& factorization,
    double epsilon,
    const SmoothedSpectralAbscissaOptions& options) {
  constexpr const char* kFn = "smoothed_spectral_abscissa";
  detail::require_positive(kFn, "epsilon", epsilon);
  SmoothedSpectralAbscissa out;
  out.epsilon = epsilon;
  out.spectral_abscissa = spectral_abscissa(factorization.eigenvalues());
  const double alpha = out.spectral_abscissa;
  // f(s) = tr P(s) is convex and decreasing with f(alpha + eps/2) >= 1/eps (the header's bound):
  // the root lies in [lo, inf). Newton on h(s) = 1/f(s) - eps, h' = 2 tr(QP)/f^2, which is close
  // to linear both near a simple rightmost eigenvalue (f ~ c/(s - alpha)) and far right
  // (f ~ n/(2s)); a step that leaves the bracket is replaced by bisection (or, with no right end
  // yet, by doubling the distance from alpha).
  double lo = alpha + 0.5 * epsilon;
  double hi = std::numeric_limits<double>::infinity();
  double s = lo;
  ShiftedGramians g;
  for (int iteration = 1;; ++iteration) {
    if (iteration > options.max_iterations) {
      throw NumericalError(
          std::string(kFn) + ": no convergence in " + std::to_string(options.max_iterations) +
          " iterations (s = " + std::to_string(s) + ", eps = " + std::to_string(epsilon) + ")");
    }
    g = shifted_gramians(factorization, s);
    out.iterations = iteration;
    const double f = g.trace_p;
    const double residual = epsilon * f - 1.0;
    if (std::abs(residual) <= options.tolerance) break;
    if (residual > 0.0) {
      lo = std::max(lo, s);
    } else {
      hi = std::min(hi, s);
    }
    const double h = 1.0 / f - epsilon;
    const double dh = 2.0 * g.trace_qp / (f * f);
    double next = s - h / dh;
    // The root to rounding: near a pole (s - alpha ~ eps small) f carries a relative error of
    // about u |alpha| / (s - alpha) from T's diagonal, so the residual test above may never
    // pass; Newton's step then falls to a few ulps of s.
    if (std::abs(next - s) <= 4.0 * std::numeric_limits<double>::epsilon() *
                                  std::max({std::abs(s), std::abs(alpha), epsilon})) {
      break;
    }
    if (!(next > lo && next < hi)) {
      next = std::isfinite(hi) ? 0.5 * (lo + hi) : alpha + 2.0 * (s - alpha);
    }
    s = next;
  }
  out.value = s;
  if (options.gradient) out.gradient = smoothed_abscissa_gradient(factorization, g);
  out.gramians = std::move(g);
  return out;
}

SmoothedSpectralAbscissa smoothed_spectral_abscissa(
    const Eigen::Ref<const Eigen::MatrixXd>& w,
    double epsilon,
    const SmoothedSpectralAbscissaOptions& options) {
  detail::require_connectivity("smoothed_spectral_abscissa", "W", w);
  detail::require_positive("smoothed_spectral_abscissa", "epsilon", epsilon);
  const SchurFactorization f(w, FactorizationOptions{options.gradient});
  return smoothed_spectral_abscissa(f, epsilon, options);
}

}  // namespace netdyn
