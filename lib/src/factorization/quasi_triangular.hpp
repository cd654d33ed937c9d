#pragma once
// Private: products and solves with upper quasi-triangular matrices that share one block pattern:
// a real Schur factor T (1x1 entries and 2x2 blocks on the diagonal), polynomials and
// exponentials of it, shifts I - T, and its eigenvector matrix (dtrevc3). Shared by the transient
// envelope, the Schur factorisation's norms and conditions, and the Lyapunov residual.
#include <Eigen/Core>
#include <Eigen/LU>
#include <vector>

#include "core/first_touch.hpp"
#include "core/matrix_exponential.hpp"
#include "lapack/lapack.hpp"

namespace netdyn::detail {

using Index = Eigen::Index;

// Products of upper quasi-triangular matrices sharing one block pattern (a real Schur factor and
// polynomials/exponentials of it). Both factors are block upper triangular, so column block
// [c0, c1) of the product only involves the leading (c1 + 1) x (c1 + 1) corner: dtrmm on growing
// corners costs about n^3/3 flops instead of gemm's 2 n^3. The few subdiagonal entries of 2x2
// blocks are added separately in O(n^2).
class QuasiTriangularAlgebra {
 public:
  explicit QuasiTriangularAlgebra(const Eigen::MatrixXd& t) : n_(t.rows()), starts_(t.rows(), 0) {
    for (Index i = 0; i + 1 < n_; ++i) {
      if (t(i + 1, i) != 0.0) {
        sub_.push_back(i);
        starts_[static_cast<std::size_t>(i)] = 1;
      }
    }
  }

  [[nodiscard]] Index size() const { return n_; }
  /// Row i starts a 2x2 diagonal block.
  [[nodiscard]] bool block_start(Index i) const {
    return starts_[static_cast<std::size_t>(i)] != 0;
  }

  // y = op(t) y for t with this pattern and any dense y (BLAS dtrmm, n^3 flops for n x n y, plus
  // the subdiagonal entries).
  void multiply_dense(char trans, const Eigen::MatrixXd& t, Eigen::MatrixXd& y) const {
    // The rows the subdiagonal entries read, before dtrmm overwrites them.
    Eigen::MatrixXd rows(static_cast<Index>(sub_.size()), y.cols());
    for (std::size_t k = 0; k < sub_.size(); ++k) {
      rows.row(static_cast<Index>(k)) = y.row(trans == 'N' ? sub_[k] : sub_[k] + 1);
    }
    lapack::trmm_upper_left(trans, 1.0, t, y);
    for (std::size_t k = 0; k < sub_.size(); ++k) {
      const Index i = sub_[k];
      // N: (t y)(i+1, :) += t(i+1, i) y(i, :);  T: (t^T y)(i, :) += t(i+1, i) y(i+1, :).
      y.row(trans == 'N' ? i + 1 : i) += t(i + 1, i) * rows.row(static_cast<Index>(k));
    }
  }

  // x = m^{-1} x for m with this block pattern (any 2x2 diagonal blocks, not only standardised
  // ones): back substitution by columns, O(n^2). A singular diagonal block gives inf/NaN entries;
  // callers test the result.
  template <typename X>
  void solve(const Eigen::MatrixXd& m, X& x) const {
    Index j = n_ - 1;
    while (j >= 0) {
      if (j > 0 && block_start(j - 1)) {
        const Eigen::Vector2d b = Eigen::Matrix2d(m.block(j - 1, j - 1, 2, 2))
                                      .partialPivLu()
                                      .solve(Eigen::Vector2d(x(j - 1), x(j)));
        x(j - 1) = b(0);
        x(j) = b(1);
        x.head(j - 1).noalias() -= m.block(0, j - 1, j - 1, 2) * b;
        j -= 2;
      } else {
        x(j) /= m(j, j);
        x.head(j) -= m.col(j).head(j) * x(j);
        j -= 1;
      }
    }
  }
  // x = m^{-T} x: forward substitution with dot products on m's columns (contiguous), O(n^2).
  template <typename X>
  void solve_transpose(const Eigen::MatrixXd& m, X& x) const {
    Index j = 0;
    while (j < n_) {
      if (block_start(j)) {
        const Eigen::Vector2d r(x(j) - m.col(j).head(j).dot(x.head(j)),
                                x(j + 1) - m.col(j + 1).head(j).dot(x.head(j)));
        const Eigen::Vector2d b =
            Eigen::Matrix2d(m.block(j, j, 2, 2).transpose()).partialPivLu().solve(r);
        x(j) = b(0);
        x(j + 1) = b(1);
        j += 2;
      } else {
        x(j) = (x(j) - m.col(j).head(j).dot(x.head(j))) / m(j, j);
        j += 1;
      }
    }
  }

  // out = x * p (out must not alias x or p). threads > 1: the column blocks are shared among
  // that many OpenMP threads, largest first (for use with single-threaded BLAS).
  void multiply(const Eigen::MatrixXd& x,
                const Eigen::MatrixXd& p,
                Eigen::MatrixXd& out,
                int threads = 1) const {
    resize_populated(out, p.rows(), p.cols());
    out = p;
    corner_products('N', x, out, threads);
    // Column by column (contiguous); p(i, j) = 0 for i > j + 1, and sub_ is ascending.
    for (Index j = 0; j < n_; ++j) {
      for (const Index i : sub_) {
        if (i > j + 1) break;
        out(i + 1, j) += x(i + 1, i) * p(i, j);
      }
    }
  }

  // Upper triangle of g = s^T s (symmetric; the strict lower part is left unspecified). With
  // s = U + L (L: the subdiagonal entries), U^T s by the corner products (row i of column j only
  // needs rows k <= i <= j of s), then L^T s adds s(i+1, i) times row i + 1 to row i.
  void gram(const Eigen::MatrixXd& s, Eigen::MatrixXd& g, int threads = 1) const {
    resize_populated(g, s.rows(), s.cols());
    g = s;
    corner_products('T', s, g, threads);
    for (const Index i : sub_) g.row(i).tail(n_ - i) += s(i + 1, i) * s.row(i + 1).tail(n_ - i);
  }

  // y = E x and y = E^T x for E with this block pattern: a triangular product (BLAS dtrmv, half
  // of gemv's flops) plus the subdiagonal entries.
  template <typename X>
  void apply(const Eigen::MatrixXd& e, const X& x, Eigen::VectorXd& y) const {
    y = x;
    lapack::trmv_upper('N', e, y);
    for (const Index i : sub_) y(i + 1) += e(i + 1, i) * x(i);
  }
  template <typename X>
  void apply_transpose(const Eigen::MatrixXd& e, const X& x, Eigen::VectorXd& y) const {
    y = x;
    lapack::trmv_upper('T', e, y);
    for (const Index i : sub_) y(i) += e(i + 1, i) * x(i + 1);
  }

  // out = e^{s T}: the degree-18 Taylor scheme of matrix_exponential.hpp (5 products, then the
  // squarings) with this pattern's cheap products.
  void exp(const Eigen::MatrixXd& t,
           double s,
           Eigen::MatrixXd& out,
           detail::ExponentialWorkspace& ws,
           int threads = 1) const {
    detail::matrix_exponential_into(
        t,
        s,
        [this, threads](const Eigen::MatrixXd& x, const Eigen::MatrixXd& p, Eigen::MatrixXd& r) {
          multiply(x, p, r, threads);
        },
        ws,
        out);
  }

 private:
  // out(0:r, block) = op(upper(x))(0:r, 0:r) out(0:r, block) for each column block, r the block's
  // end + 1: for out holding a matrix of this pattern, its rows below r are zero in the block.
  void corner_products(char trans,
                       const Eigen::MatrixXd& x,
                       Eigen::MatrixXd& out,
                       int threads) const {
    constexpr Index kBlock = 96;
    const Index blocks = (n_ + kBlock - 1) / kBlock;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1) if (threads > 1)
    for (Index b = blocks - 1; b >= 0; --b) {
      const Index c0 = b * kBlock;
      const Index c1 = std::min(n_, c0 + kBlock);
      const Index r = std::min(n_, c1 + 1);
      lapack::trmm_upper_left(trans, 1.0, x.topLeftCorner(r, r), out.block(0, c0, r, c1 - c0));
    }
  }

  Index n_;
  std::vector<Index> sub_;
  std::vector<char> starts_;
};

}  // namespace netdyn::detail
