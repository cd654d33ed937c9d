#include "schur_blocks.hpp"

#include <algorithm>
#include <cmath>

namespace netdyn::detail {

using dcomplex = std::complex<double>;

// Size of the diagonal block of a real quasi-triangular t starting at row k.
Eigen::Index block_size(const Eigen::MatrixXd& t, Eigen::Index k) {
  return (k + 1 < t.rows() && t(k + 1, k) != 0.0) ? 2 : 1;
}

// The eigenvalue with positive imaginary part of the 2x2 block [[a, b], [c, d]] (real if the
// block has real eigenvalues; then the larger one).
// Scaled by the largest entry: h^2 + b c overflows for entries beyond ~1e154.
dcomplex block_eigenvalue(double a, double b, double c, double d) {
  const double s = std::max({std::abs(a), std::abs(b), std::abs(c), std::abs(d)});
  if (s == 0.0) return {0.0, 0.0};
  a /= s;
  b /= s;
  c /= s;
  d /= s;
  const double p = 0.5 * (a + d);
  const double h = 0.5 * (a - d);
  const double disc = h * h + b * c;
  if (disc >= 0.0) return {s * (p + std::sqrt(disc)), 0.0};
  return {s * p, s * std::sqrt(-disc)};
}

dcomplex leading_eigenvalue(const Eigen::MatrixXd& t, Eigen::Index k) {
  if (block_size(t, k) == 1) return {t(k, k), 0.0};
  return block_eigenvalue(t(k, k), t(k, k + 1), t(k + 1, k), t(k + 1, k + 1));
}

Eigen::VectorXcd real_schur_eigenvalues(const Eigen::MatrixXd& t) {
  const Eigen::Index n = t.rows();
  Eigen::VectorXcd values(n);
  for (Eigen::Index k = 0; k < n; k += block_size(t, k)) {
    values(k) = leading_eigenvalue(t, k);
    if (block_size(t, k) == 2) values(k + 1) = std::conj(values(k));
  }
  return values;
}

// rsf2csf: split each 2x2 block [[a, b], [c, d]] (complex pair mu, conj(mu), Im mu > 0) of a
// real Schur form by the unitary G = [[x1, -conj(x2)], [x2, conj(x1)]], x = unit eigenvector of
// the block for mu, so that G^* B G = [[mu, *], [0, conj(mu)]]. Each block costs O(n).
void split_schur_blocks(Eigen::MatrixXcd& t, Eigen::MatrixXcd& u) {
  const Eigen::Index n = t.rows();
  Eigen::Index k = 0;
  while (k < n) {
    if (k + 1 >= n || t(k + 1, k) == 0.0) {
      ++k;
      continue;
    }
    const double a = t(k, k).real();
    const double b = t(k, k + 1).real();
    const double c = t(k + 1, k).real();
    const double d = t(k + 1, k + 1).real();
    const dcomplex mu = block_eigenvalue(a, b, c, d);
    // (B - mu I) x = 0 with x = (b, mu - a): the first row vanishes identically; b != 0 for a
    // block with non-real eigenvalues (otherwise it would be triangular).
    dcomplex x1(b, 0.0);
    dcomplex x2 = mu - a;
    const double r = std::hypot(std::abs(x1), std::abs(x2));
    x1 /= r;
    x2 /= r;
    const dcomplex cx1 = std::conj(x1);
    const dcomplex cx2 = std::conj(x2);
    // Rows k, k+1 (columns k..n-1): G^* [row_k; row_k+1].
    for (Eigen::Index j = k; j < n; ++j) {
      const dcomplex r1 = t(k, j);
      const dcomplex r2 = t(k + 1, j);
      t(k, j) = cx1 * r1 + cx2 * r2;
      t(k + 1, j) = -x2 * r1 + x1 * r2;
    }
    // Columns k, k+1 (rows 0..k+1): [col_k col_k+1] G.
    for (Eigen::Index i = 0; i <= k + 1; ++i) {
      const dcomplex c1 = t(i, k);
      const dcomplex c2 = t(i, k + 1);
      t(i, k) = c1 * x1 + c2 * x2;
      t(i, k + 1) = -c1 * cx2 + c2 * cx1;
    }
    for (Eigen::Index i = 0; i < u.rows(); ++i) {
      const dcomplex c1 = u(i, k);
      const dcomplex c2 = u(i, k + 1);
      u(i, k) = c1 * x1 + c2 * x2;
      u(i, k + 1) = -c1 * cx2 + c2 * cx1;
    }
    // The rotation annihilates t(k+1, k) up to rounding; set the exact triangular structure and
    // the exactly conjugate pair.
    t(k + 1, k) = 0.0;
    t(k, k) = mu;
    t(k + 1, k + 1) = std::conj(mu);
    k += 2;
  }
}

}  // namespace netdyn::detail
