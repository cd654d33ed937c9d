#include "factorization/schur_blocks.hpp"

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
void split_schur_blocks(Eigen::MatrixXcd& t,
                        Eigen::MatrixXcd& u,
                        std::vector<BlockRotation>* rotations) {
  const Eigen::Index n = t.rows();
  std::vector<BlockRotation> local;
  std::vector<BlockRotation>& g = rotations != nullptr ? *rotations : local;
  g.clear();
  std::vector<dcomplex> mu;
  for (Eigen::Index k = 0; k + 1 < n;) {
    if (t(k + 1, k) == 0.0) {
      ++k;
      continue;
    }
    const double a = t(k, k).real();
    const double b = t(k, k + 1).real();
    const double c = t(k + 1, k).real();
    const double d = t(k + 1, k + 1).real();
    mu.push_back(block_eigenvalue(a, b, c, d));
    // (B - mu I) x = 0 with x = (b, mu - a): the first row vanishes identically; b != 0 for a
    // block with non-real eigenvalues (otherwise it would be triangular).
    dcomplex x1(b, 0.0);
    dcomplex x2 = mu.back() - a;
    const double r = std::hypot(std::abs(x1), std::abs(x2));
    g.push_back({k, x1 / r, x2 / r});
    k += 2;
  }
  // The G_k act on disjoint index pairs, so G^* t G is every row rotation, then every column
  // rotation. Rows k, k+1 of G^* t, column by column (t is column-major: contiguous access;
  // row k's entries left of column k are zero).
  for (Eigen::Index j = 0; j < n; ++j) {
    for (const BlockRotation& r : g) {
      if (r.k > j) break;
      const dcomplex r1 = t(r.k, j);
      const dcomplex r2 = t(r.k + 1, j);
      t(r.k, j) = std::conj(r.x1) * r1 + std::conj(r.x2) * r2;
      t(r.k + 1, j) = -r.x2 * r1 + r.x1 * r2;
    }
  }
  for (std::size_t b = 0; b < g.size(); ++b) {
    const BlockRotation& r = g[b];
    const Eigen::Index k = r.k;
    const dcomplex cx1 = std::conj(r.x1);
    const dcomplex cx2 = std::conj(r.x2);
    // Columns k, k+1 (rows 0..k+1): [col_k col_k+1] G.
    for (Eigen::Index i = 0; i <= k + 1; ++i) {
      const dcomplex c1 = t(i, k);
      const dcomplex c2 = t(i, k + 1);
      t(i, k) = c1 * r.x1 + c2 * r.x2;
      t(i, k + 1) = -c1 * cx2 + c2 * cx1;
    }
    for (Eigen::Index i = 0; i < u.rows(); ++i) {
      const dcomplex c1 = u(i, k);
      const dcomplex c2 = u(i, k + 1);
      u(i, k) = c1 * r.x1 + c2 * r.x2;
      u(i, k + 1) = -c1 * cx2 + c2 * cx1;
    }
    // The rotation annihilates t(k+1, k) up to rounding; set the exact triangular structure and
    // the exactly conjugate pair.
    t(k + 1, k) = 0.0;
    t(k, k) = mu[b];
    t(k + 1, k + 1) = std::conj(mu[b]);
  }
}

double split_residual(const Eigen::MatrixXd& t_real,
                      const Eigen::MatrixXcd& c,
                      const std::vector<BlockRotation>& rotations) {
  Eigen::MatrixXcd m = c;  // becomes G c G^*
  const Eigen::Index n = m.rows();
  for (Eigen::Index j = 0; j < n; ++j) {  // rows: G [row_k; row_k+1], column by column
    for (const BlockRotation& g : rotations) {
      const dcomplex r1 = m(g.k, j);
      const dcomplex r2 = m(g.k + 1, j);
      m(g.k, j) = g.x1 * r1 - std::conj(g.x2) * r2;
      m(g.k + 1, j) = g.x2 * r1 + std::conj(g.x1) * r2;
    }
  }
  for (const BlockRotation& g : rotations) {
    const Eigen::Index k = g.k;
    const dcomplex cx1 = std::conj(g.x1);
    const dcomplex cx2 = std::conj(g.x2);
    for (Eigen::Index i = 0; i < n; ++i) {  // columns: [col_k col_k+1] G^*
      const dcomplex c1 = m(i, k);
      const dcomplex c2 = m(i, k + 1);
      m(i, k) = c1 * cx1 - c2 * g.x2;
      m(i, k + 1) = c1 * cx2 + c2 * g.x1;
    }
  }
  m.real() -= t_real;
  return m.stableNorm();
}

double rotation_orthogonality(const std::vector<BlockRotation>& rotations) {
  double sum = 0.0;
  for (const BlockRotation& g : rotations) {
    const double d = std::norm(g.x1) + std::norm(g.x2) - 1.0;
    sum += 2.0 * d * d;
  }
  return std::sqrt(sum);
}

}  // namespace netdyn::detail
