#pragma once
// Private: the condition number of one eigenvalue of an upper triangular (complex Schur) factor
// in O(n^2), for callers that need a few of them (the Kreiss constant's seeds) rather than all
// (SchurFactorization::eigenvalue_conditions: every left and right eigenvector, O(n^3)).
#include <Eigen/Core>
#include <cmath>
#include <complex>
#include <limits>

namespace netdyn::detail {

/// Condition number 1/|y^* x| of the eigenvalue c(j, j) of an upper triangular c (unit right and
/// left eigenvectors x, y), what LAPACK dtrsna computes, here for one eigenvalue in O(n^2):
/// x = [x1; 1; 0] with (C11 - lambda I) x1 = -c(0:j, j), y = [0; 1; y2] with
/// (C22 - lambda I)^* y2 = -c(j, j+1:)^*; then y^* x = 1 and the condition is ||x|| ||y||.
/// +inf for a repeated diagonal entry (a defective or numerically multiple eigenvalue).
inline double triangular_eigenvalue_condition(const Eigen::MatrixXcd& c, Eigen::Index j) {
  using Index = Eigen::Index;
  const Index n = c.rows();
  const std::complex<double> lambda = c(j, j);
  // Back substitution by columns (each an axpy on a contiguous column of c; no shifted copy).
  Eigen::VectorXcd x1 = -c.col(j).head(j);
  for (Index k = j - 1; k >= 0; --k) {
    x1(k) /= c(k, k) - lambda;
    x1.head(k) -= x1(k) * c.col(k).head(k);
  }
  // Forward substitution with (C22 - lambda I)^*, row i of which is column i of C22, conjugated.
  Eigen::VectorXcd y2(n - j - 1);
  for (Index i = 0; i < n - j - 1; ++i) {
    const Index col = j + 1 + i;
    const std::complex<double> r =
        -std::conj(c(j, col)) - c.col(col).segment(j + 1, i).dot(y2.head(i));
    y2(i) = r / std::conj(c(col, col) - lambda);
  }
  const double kappa = std::sqrt(1.0 + x1.squaredNorm()) * std::sqrt(1.0 + y2.squaredNorm());
  return std::isfinite(kappa) ? kappa : std::numeric_limits<double>::infinity();
}

}  // namespace netdyn::detail
