// Blocked reordering of a real Schur form (lib/src/factorization/schur_reordering.cpp) against its
// mathematical properties and against the former unblocked selection sort (one dtrexc per move
// on the whole T and Q), kept here as the reference.
#include "factorization/schur_reordering.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <string>
#include <vector>

#include "lapack/lapack.hpp"
#include "netdyn/core/error.hpp"
#include "support/matrices.hpp"

namespace {

using dcomplex = std::complex<double>;
using netdyn::SchurOrder;
using netdyn::detail::block_size;
using netdyn::detail::goes_before;
using netdyn::detail::leading_eigenvalue;
using netdyn::detail::reorder_real_schur;

// The former schur.cpp reorder_real: selection sort, one dtrexc per move on the whole T and Q.
void reorder_unblocked(Eigen::MatrixXd& t, Eigen::MatrixXd& q, SchurOrder order) {
  const Eigen::Index n = t.rows();
  Eigen::Index k = 0;
  while (k < n) {
    Eigen::Index best = k;
    dcomplex best_value = leading_eigenvalue(t, k);
    for (Eigen::Index i = k + block_size(t, k); i < n; i += block_size(t, i)) {
      const dcomplex value = leading_eigenvalue(t, i);
      if (goes_before(value, best_value, order)) {
        best = i;
        best_value = value;
      }
    }
    const Eigen::Index landed = best == k ? k : netdyn::lapack::trexc(t, q, best, k);
    k = landed + block_size(t, landed);
  }
}

// Eigenvalues of a quasi-triangular t in diagonal order (pairs: +i first).
std::vector<dcomplex> eigenvalues(const Eigen::MatrixXd& t) {
  std::vector<dcomplex> values;
  for (Eigen::Index k = 0; k < t.rows(); k += block_size(t, k)) {
    values.push_back(leading_eigenvalue(t, k));
    if (block_size(t, k) == 2) values.push_back(std::conj(values.back()));
  }
  return values;
}

// The keys of the blocks (one per block) in diagonal order.
std::vector<dcomplex> block_keys(const Eigen::MatrixXd& t) {
  std::vector<dcomplex> keys;
  for (Eigen::Index k = 0; k < t.rows(); k += block_size(t, k)) {
    keys.push_back(leading_eigenvalue(t, k));
  }
  return keys;
}

double max_abs(const std::vector<dcomplex>& v) {
  double m = 0.0;
  for (const dcomplex& x : v) m = std::max(m, std::abs(x));
  return m;
}

struct Case {
  Eigen::MatrixXd w;  // the matrix; t0, q0 its (unordered) real Schur form
  Eigen::MatrixXd t0;
  Eigen::MatrixXd q0;
};

Case from_matrix(const Eigen::MatrixXd& w) {
  netdyn::lapack::RealSchurFactor f = netdyn::lapack::gees(w, true);
  return {w, f.t, f.u};
}

// An already quasi-triangular t0 is its own Schur form (q0 = I).
Case from_schur(const Eigen::MatrixXd& t) {
  return {t, t, Eigen::MatrixXd::Identity(t.rows(), t.cols())};
}

// All properties of a reordered (t, q) of case c in `order`:
// the block keys are sorted (up to rounding of ties), the eigenvalues are those of t0 (as a
// multiset, to 1e-12 relative), W Q = Q T to 1e-13 relative and
// Q^T Q = I to 1e-13 beyond the input's own error, t is quasi-triangular with standardised
// blocks.
void expect_reordered(const Case& c,
                      const Eigen::MatrixXd& t,
                      const Eigen::MatrixXd& q,
                      SchurOrder order) {
  const Eigen::Index n = c.w.rows();
  const double scale = std::max(1.0, max_abs(eigenvalues(c.t0)));
  const double tol = 1e-12 * scale;
  // Structure: zero below the subdiagonal, no two consecutive subdiagonal entries, 2x2 blocks
  // standardised (equal diagonal, complex eigenvalues).
  for (Eigen::Index j = 0; j < n; ++j) {
    for (Eigen::Index i = j + 2; i < n; ++i) ASSERT_EQ(t(i, j), 0.0) << i << ", " << j;
  }
  for (Eigen::Index k = 0; k < n; k += block_size(t, k)) {
    if (block_size(t, k) == 2) {
      ASSERT_TRUE(k + 2 >= n || t(k + 2, k + 1) == 0.0) << k;
      EXPECT_EQ(t(k, k), t(k + 1, k + 1)) << k;
      EXPECT_LT(t(k, k + 1) * t(k + 1, k), 0.0) << k;
    }
  }
  // Sorted: a block never goes before its predecessor by more than rounding.
  const std::vector<dcomplex> keys = block_keys(t);
  for (std::size_t k = 1; k < keys.size(); ++k) {
    if (goes_before(keys[k], keys[k - 1], order)) {
      EXPECT_LT(std::abs(keys[k] - keys[k - 1]), tol)
          << k << ": " << keys[k - 1] << " then " << keys[k];
    }
  }
  // The same eigenvalues as a multiset (a 2x2 block of a numerically real pair may split into
  // two 1x1 blocks in a swap, so the rows' eigenvalues are matched, each to its nearest).
  const std::vector<dcomplex> before = eigenvalues(c.t0);
  const std::vector<dcomplex> after = eigenvalues(t);
  ASSERT_EQ(before.size(), after.size());
  std::vector<bool> used(before.size(), false);
  for (const dcomplex& x : after) {
    std::size_t best = before.size();
    for (std::size_t i = 0; i < before.size(); ++i) {
      if (!used[i] &&
          (best == before.size() || std::abs(before[i] - x) < std::abs(before[best] - x))) {
        best = i;
      }
    }
    ASSERT_LT(best, before.size());
    EXPECT_LT(std::abs(before[best] - x), tol) << x;
    used[best] = true;
  }
  if (q.size() == 0) return;
  const double wnorm = std::max(c.w.norm(), 1e-300);
  EXPECT_LT((c.w * q - q * t).norm() / wnorm, 1e-13);
  // dgees's own Q is orthogonal only to ~1.4e-13 (n = 300) and ~2.2e-13 (n = 500) in this
  // Frobenius norm, so the reordering is held to adding less than 1e-13 to that.
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(n, n);
  const double orthogonality_before = (c.q0.transpose() * c.q0 - identity).norm();
  EXPECT_LT((q.transpose() * q - identity).norm(), orthogonality_before + 1e-13);
}

// Reorder c in both orders, with and without q and with the given windows; compare with the
// unblocked reference.
void check_case(const Case& c, const std::vector<Eigen::Index>& windows = {0}) {
  for (const SchurOrder order :
       {SchurOrder::kDecreasingRealPart, SchurOrder::kIncreasingRealPart}) {
    Eigen::MatrixXd t_ref = c.t0;
    Eigen::MatrixXd q_ref = c.q0;
    reorder_unblocked(t_ref, q_ref, order);
    for (const Eigen::Index window : windows) {
      SCOPED_TRACE("n = " + std::to_string(c.w.rows()) + ", window " + std::to_string(window) +
                   ", order " + netdyn::to_string(order));
      Eigen::MatrixXd t = c.t0;
      Eigen::MatrixXd q = c.q0;
      reorder_real_schur(t, q, order, window);
      expect_reordered(c, t, q, order);
      // The same eigenvalues in the same order as the reference.
      const std::vector<dcomplex> values = eigenvalues(t);
      const std::vector<dcomplex> ref = eigenvalues(t_ref);
      ASSERT_EQ(values.size(), ref.size());
      const double tol = 1e-12 * std::max(1.0, max_abs(ref));
      for (std::size_t k = 0; k < values.size(); ++k) {
        EXPECT_LT(std::abs(values[k] - ref[k]), tol) << k;
      }
      // Without vectors: the same T (the T updates do not depend on Q).
      Eigen::MatrixXd t_only = c.t0;
      Eigen::MatrixXd none;
      reorder_real_schur(t_only, none, order, window);
      EXPECT_EQ(none.size(), 0);
      EXPECT_LE((t_only - t).norm(), 1e-14 * std::max(1.0, t.norm()));
    }
  }
}

TEST(SchurReordering, GaussianSizes) {
  for (const Eigen::Index n : {1, 2, 3, 50, 300, 500}) {
    check_case(from_matrix(netdyn::testing::gaussian(n, 1.0, 7 + static_cast<std::uint64_t>(n))));
  }
}

TEST(SchurReordering, SmallWindowsAcrossManyEdges) {
  // Windows of 8..17 rows on n = 50 and 300: many windows, blocks at every offset of an edge.
  const Case c50 = from_matrix(netdyn::testing::gaussian(50, 1.0, 3));
  check_case(c50, {8, 9, 10, 11, 16, 17, 49, 50, 64});
  check_case(from_matrix(netdyn::testing::gaussian(300, 1.0, 4)), {8, 13, 32, 96, 160});
}

TEST(SchurReordering, ManyComplexPairs) {
  // Skew-symmetric plus a small perturbation: all or nearly all eigenvalues complex, real parts
  // close together.
  for (const Eigen::Index n : {50, 300}) {
    const Eigen::MatrixXd g = netdyn::testing::gaussian(n, 1.0, 11);
    const Eigen::MatrixXd w = g - g.transpose() + 0.05 * netdyn::testing::gaussian(n, 1.0, 12);
    const Case c = from_matrix(w);
    Eigen::Index pairs = 0;
    for (Eigen::Index k = 0; k < n; k += block_size(c.t0, k)) pairs += block_size(c.t0, k) == 2;
    EXPECT_GE(2 * pairs, n - 4);
    check_case(c, {0, 8, 24});
  }
}

TEST(SchurReordering, RepeatedEigenvaluesFromBlockDiagonalCopies) {
  // blockdiag(A, A, A) rotated: every eigenvalue three times (equal keys up to rounding).
  const Eigen::MatrixXd a = netdyn::testing::gaussian(20, 1.0, 5);
  Eigen::MatrixXd d = Eigen::MatrixXd::Zero(60, 60);
  for (int k = 0; k < 3; ++k) d.block(20 * k, 20 * k, 20, 20) = a;
  const Eigen::MatrixXd v = netdyn::lapack::svd(netdyn::testing::gaussian(60, 1.0, 6)).u;
  check_case(from_matrix(v * d * v.transpose()), {0, 8, 16});
  // Exact ties on the diagonal of a triangular T: 2, 1, 2, 1, ...; the 2s never swap.
  Eigen::MatrixXd t =
      Eigen::MatrixXd(netdyn::testing::gaussian(80, 1.0, 8).triangularView<Eigen::Upper>());
  for (Eigen::Index k = 0; k < 80; ++k) t(k, k) = k % 2 == 0 ? 2.0 : 1.0;
  check_case(from_schur(t), {0, 8, 12});
}

TEST(SchurReordering, TriangularSortedAndReverseSorted) {
  const Eigen::Index n = 300;
  Eigen::MatrixXd t =
      Eigen::MatrixXd(netdyn::testing::gaussian(n, 1.0, 9).triangularView<Eigen::Upper>());
  for (Eigen::Index k = 0; k < n; ++k) t(k, k) = 1.0 - 2.0 * static_cast<double>(k) / n;
  // Sorted already: nothing moves.
  {
    Eigen::MatrixXd ts = t;
    Eigen::MatrixXd qs = Eigen::MatrixXd::Identity(n, n);
    reorder_real_schur(ts, qs, SchurOrder::kDecreasingRealPart);
    EXPECT_EQ((ts - t).norm(), 0.0);
    EXPECT_EQ((qs - Eigen::MatrixXd::Identity(n, n)).norm(), 0.0);
  }
  // Decreasing is sorted, increasing is reverse-sorted (every pair swaps); also with windows.
  check_case(from_schur(t), {0, 8, 17, 64});
  // Reverse-sorted in the default order; the Schur vectors of distinct real eigenvalues are
  // unique up to sign, so |T| matches the reference entrywise.
  Eigen::MatrixXd tr = Eigen::MatrixXd(t.triangularView<Eigen::Upper>());
  for (Eigen::Index k = 0; k < n; ++k) tr(k, k) = t(n - 1 - k, n - 1 - k);
  Eigen::MatrixXd t_ref = tr;
  Eigen::MatrixXd q_ref = Eigen::MatrixXd::Identity(n, n);
  reorder_unblocked(t_ref, q_ref, SchurOrder::kDecreasingRealPart);
  Eigen::MatrixXd tb = tr;
  Eigen::MatrixXd qb = Eigen::MatrixXd::Identity(n, n);
  reorder_real_schur(tb, qb, SchurOrder::kDecreasingRealPart, 16);
  expect_reordered(from_schur(tr), tb, qb, SchurOrder::kDecreasingRealPart);
  EXPECT_LT((tb.cwiseAbs() - t_ref.cwiseAbs()).norm(), 1e-10 * t_ref.norm());
}

TEST(SchurReordering, BlocksStraddlingWindowEdges) {
  // A quasi-triangular T with standardised 2x2 blocks at rows 7-8, 15-16, 23-24, ... (across
  // every edge of windows of 8 and 16), in random order of real part, and 1x1 blocks between.
  const Eigen::Index n = 120;
  Eigen::MatrixXd t =
      Eigen::MatrixXd(netdyn::testing::gaussian(n, 1.0, 13).triangularView<Eigen::Upper>());
  const Eigen::MatrixXd r = netdyn::testing::gaussian(n, 1.0, 14);
  for (Eigen::Index k = 0; k < n; ++k) {
    if (k % 8 == 7 && k + 1 < n) {
      const double a = r(k, 0);
      const double b = 0.5 + std::abs(r(k, 1));
      t(k, k) = a;
      t(k + 1, k + 1) = a;
      t(k, k + 1) = b;
      t(k + 1, k) = -0.7 * b;
      ++k;
      t(k, k - 1) = -0.7 * b;
    } else {
      t(k, k) = r(k, 2);
    }
  }
  const Case c = from_schur(t);
  ASSERT_EQ(block_size(c.t0, 7), 2);
  ASSERT_EQ(block_size(c.t0, 15), 2);
  check_case(c, {0, 8, 9, 16, 24});
}

TEST(SchurReordering, NoneAndEmptyVectorsLeaveOrUseOnlyT) {
  const Case c = from_matrix(netdyn::testing::gaussian(40, 1.0, 15));
  Eigen::MatrixXd t = c.t0;
  Eigen::MatrixXd q = c.q0;
  reorder_real_schur(t, q, SchurOrder::kNone);
  EXPECT_EQ((t - c.t0).norm(), 0.0);
  EXPECT_EQ((q - c.q0).norm(), 0.0);
}

TEST(SchurReordering, IllConditionedSwapThrowsNumericalError) {
  // Two 2x2 blocks with nearly equal eigenvalues 1 +- 3.5e-3 i and (1 + 2^-30) +- 3.5e-3 i,
  // highly non-normal and strongly coupled: the swap that decreasing real part needs fails
  // dtrexc's stability test (info = 1). Found by a random search with scipy's dtrexc.
  Eigen::MatrixXd t(4, 4);
  t << 1.0, 6.38485757e-03, 1.54845030e+05, -1.39179126e+05,  //
      -1.89816220e-03, 1.0, 2.50094255e+04, -1.07812696e+05,  //
      0.0, 0.0, 1.0 + 0x1.0p-30, 1.25557958e+07,              //
      0.0, 0.0, -9.65251066e-13, 1.0 + 0x1.0p-30;
  Eigen::MatrixXd q = Eigen::MatrixXd::Identity(4, 4);
  const Eigen::MatrixXd w = t;
  EXPECT_THROW(reorder_real_schur(t, q, SchurOrder::kDecreasingRealPart), netdyn::NumericalError);
  // T and Q still satisfy W = Q T Q^T after the failure.
  EXPECT_LT((w * q - q * t).norm(), 1e-14 * w.norm());
  EXPECT_LT((q.transpose() * q - Eigen::MatrixXd::Identity(4, 4)).norm(), 1e-14);
  // The reference fails the same way.
  Eigen::MatrixXd t_ref = w;
  Eigen::MatrixXd q_ref = Eigen::MatrixXd::Identity(4, 4);
  EXPECT_THROW(reorder_unblocked(t_ref, q_ref, SchurOrder::kDecreasingRealPart),
               netdyn::NumericalError);
}

}  // namespace
