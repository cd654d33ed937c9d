#include "netdyn/amplification/lyapunov.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <limits>

#include "amplification/triangular_lyapunov.hpp"
#include "lapack/lapack.hpp"
#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

using netdyn::testing::kEps;

// Stable by construction: Gaussian with circular-law radius 0.9, shifted by -I.
Eigen::MatrixXd stable_generator(Eigen::Index n, std::uint64_t seed) {
  return netdyn::testing::gaussian(n, 0.9, seed) - Eigen::MatrixXd::Identity(n, n);
}

// Dense oracle for small Sylvester equations: (I (x) A + B^T (x) I) vec(X) = vec(C).
Eigen::MatrixXd kronecker_sylvester(const Eigen::MatrixXd& a,
                                    const Eigen::MatrixXd& b,
                                    const Eigen::MatrixXd& c) {
  const Eigen::Index m = a.rows();
  const Eigen::Index n = b.rows();
  Eigen::MatrixXd k = Eigen::MatrixXd::Zero(m * n, m * n);
  for (Eigen::Index j = 0; j < n; ++j) {
    k.block(j * m, j * m, m, m) += a;
    for (Eigen::Index l = 0; l < n; ++l) {
      k.block(l * m, j * m, m, m).diagonal().array() += b(j, l);
    }
  }
  const Eigen::VectorXd x =
      k.partialPivLu().solve(Eigen::Map<const Eigen::VectorXd>(c.data(), m * n));
  return Eigen::Map<const Eigen::MatrixXd>(x.data(), m, n);
}

// A = -diag(r)  =>  P_ij = Q_ij / (r_i + r_j).
TEST(SolveLyapunov, DiagonalDriftMatchesClosedForm) {
  const Eigen::Vector3d rates(0.5, 1.0, 4.0);
  const Eigen::Matrix3d a = -rates.asDiagonal().toDenseMatrix();
  const Eigen::Matrix3d q = Eigen::Matrix3d::Identity() + Eigen::Matrix3d::Constant(0.1);
  Eigen::Matrix3d expected;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) expected(i, j) = q(i, j) / (rates(i) + rates(j));
  const netdyn::LyapunovResult result = netdyn::solve_lyapunov(a, q);
  EXPECT_LT((result.solution - expected).norm(), 1e-13 * expected.norm())
      << "got\n"
      << result.solution << "\nexpected\n"
      << expected;
  EXPECT_LT(result.residual, 1e-15);
}

// Larger diagonal case (n = 150 crosses dtrsyl3's block size, so the blocked path runs).
TEST(SolveLyapunov, LargeDiagonalDriftMatchesClosedForm) {
  const Eigen::Index n = 150;
  const Eigen::VectorXd rates = Eigen::VectorXd::LinSpaced(n, 0.1, 5.0);
  const Eigen::MatrixXd q = netdyn::testing::symmetric(n, 4);
  const Eigen::MatrixXd a = -rates.asDiagonal().toDenseMatrix();
  Eigen::MatrixXd expected(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) expected(i, j) = q(i, j) / (rates(i) + rates(j));
  const netdyn::LyapunovResult result = netdyn::solve_lyapunov(a, q);
  EXPECT_LT((result.solution - expected).norm(), 1e-12 * expected.norm());
}

// Residual identity on seeded random stable matrices: backward-stable Bartels-Stewart gives a
// relative residual of a modest multiple of n eps.
TEST(SolveLyapunov, RandomStableResidualIsSmall) {
  for (const Eigen::Index n : {2, 17, 120, 300}) {
    const Eigen::MatrixXd a = stable_generator(n, 10 + n);
    const Eigen::MatrixXd q = 2.0 * Eigen::MatrixXd::Identity(n, n);
    const netdyn::LyapunovResult r = netdyn::solve_lyapunov(a, q);
    const Eigen::MatrixXd lhs = a * r.solution + r.solution * a.transpose() + q;
    const double rel = lhs.norm() / (2 * a.norm() * r.solution.norm() + q.norm());
    EXPECT_LT(rel, 10.0 * static_cast<double>(n) * kEps) << "n = " << n;
    EXPECT_NEAR(r.residual, rel, 10.0 * static_cast<double>(n) * kEps) << "n = " << n;
    EXPECT_EQ((r.solution - r.solution.transpose()).norm(), 0.0);
    // Stationary covariance of a stable system with Q > 0 is positive definite.
    EXPECT_GT(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(r.solution).eigenvalues()(0), 0.0);
  }
}

// One Schur form, many right-hand sides, both equations; nonsymmetric Q too.
TEST(LyapunovSolver, ReusesFactorForPlainAndAdjointEquations) {
  const Eigen::Index n = 90;
  const Eigen::MatrixXd a = stable_generator(n, 3);
  const netdyn::LyapunovSolver solver(a);
  EXPECT_EQ(solver.size(), n);
  for (int k = 0; k < 3; ++k) {
    const Eigen::MatrixXd q = netdyn::testing::gaussian(n, 1.0, 100 + k);  // not symmetric
    const netdyn::LyapunovResult x = solver.solve(q);
    EXPECT_LT((a * x.solution + x.solution * a.transpose() + q).norm(), 1e-12 * x.solution.norm());
    const netdyn::LyapunovResult y = solver.solve_adjoint(q);
    EXPECT_LT((a.transpose() * y.solution + y.solution * a + q).norm(), 1e-12 * y.solution.norm());
    // The adjoint equation is the plain one for A^T.
    const netdyn::LyapunovResult yt = netdyn::solve_lyapunov(a.transpose(), q);
    EXPECT_LT((y.solution - yt.solution).norm(), 1e-11 * y.solution.norm());
  }
}

TEST(SolveSylvester, SmallMatchesKroneckerSolve) {
  const Eigen::MatrixXd a =
      netdyn::testing::gaussian(7, 1.0, 1) + 3.0 * Eigen::MatrixXd::Identity(7, 7);
  const Eigen::MatrixXd b =
      netdyn::testing::gaussian(5, 1.0, 2) + 2.0 * Eigen::MatrixXd::Identity(5, 5);
  const Eigen::MatrixXd c = netdyn::testing::gaussian(35, 1.0, 3).leftCols(1).reshaped(7, 5);
  const netdyn::LyapunovResult x = netdyn::solve_sylvester(a, b, c);
  const Eigen::MatrixXd expected = kronecker_sylvester(a, b, c);
  EXPECT_LT((x.solution - expected).norm(), 1e-12 * expected.norm());
  EXPECT_LT(x.residual, 1e-14);
}

// Rectangular, blocked sizes with complex pairs (2x2 Schur blocks) on both sides.
TEST(SolveSylvester, BlockedRectangularResidual) {
  const Eigen::Index m = 210;
  const Eigen::Index n = 170;
  const Eigen::MatrixXd a = netdyn::testing::gaussian(m, 1.0, 5);
  const Eigen::MatrixXd b =
      netdyn::testing::gaussian(n, 1.0, 6) + 2.5 * Eigen::MatrixXd::Identity(n, n);
  const Eigen::MatrixXd c = netdyn::testing::gaussian(m, 1.0, 7).leftCols(n);
  const netdyn::LyapunovResult x = netdyn::solve_sylvester(a, b, c);
  EXPECT_LT((a * x.solution + x.solution * b - c).norm(),
            1e-12 * (a.norm() + b.norm()) * x.solution.norm());
}

// dtrsyl3 called directly on quasi-triangular factors, all four transpose combinations,
// by their residual (checks the workspace query and the blocked path).
TEST(LapackTrsyl3, AllTransposeCombinationsMatchOracle) {
  const Eigen::Index m = 130;
  const Eigen::Index n = 120;
  const auto ta = netdyn::lapack::gees(netdyn::testing::gaussian(m, 1.0, 8), false).t;
  const Eigen::MatrixXd tb =
      netdyn::lapack::gees(
          netdyn::testing::gaussian(n, 1.0, 9) + 3.0 * Eigen::MatrixXd::Identity(n, n), false)
          .t;
  const Eigen::MatrixXd c = netdyn::testing::gaussian(m, 1.0, 10).leftCols(n);
  for (const char opa : {'N', 'T'}) {
    for (const char opb : {'N', 'T'}) {
      Eigen::MatrixXd x = c;
      const double scale = netdyn::lapack::trsyl3(opa, opb, 1, ta, tb, x);
      ASSERT_EQ(scale, 1.0);
      const Eigen::MatrixXd a = opa == 'N' ? Eigen::MatrixXd(ta) : Eigen::MatrixXd(ta.transpose());
      const Eigen::MatrixXd b = opb == 'N' ? Eigen::MatrixXd(tb) : Eigen::MatrixXd(tb.transpose());
      EXPECT_LT((a * x + x * b - c).norm(), 1e-12 * c.norm()) << opa << opb;
    }
  }
}

// The recursive symmetric solver (amplification/triangular_lyapunov) against one dtrsyl3 of the
// whole equation, both transposes, with leaves small enough that the recursion splits many
// times, at 2 x 2 blocks too (a Gaussian T has ~sqrt(n) complex pairs; the split moves past
// them). The two agree to rounding of the solution, and the residual is at rounding level.
TEST(TriangularLyapunov, RecursiveEqualsOneTrsyl3) {
  const Eigen::Index n = 301;
  const Eigen::MatrixXd t = netdyn::lapack::gees(stable_generator(n, 11), false).t;
  Eigen::Index pairs = 0;
  for (Eigen::Index i = 0; i + 1 < n; ++i) pairs += t(i + 1, i) != 0.0 ? 1 : 0;
  ASSERT_GT(pairs, 5);
  const Eigen::MatrixXd g = netdyn::testing::gaussian(n, 1.0, 12);
  const Eigen::MatrixXd c = g * g.transpose();  // symmetric, as every covariance's
  for (const char op : {'N', 'T'}) {
    Eigen::MatrixXd reference = c;
    ASSERT_EQ(netdyn::lapack::trsyl3(op, op == 'N' ? 'T' : 'N', 1, t, t, reference), 1.0);
    for (const Eigen::Index leaf : {7, 40, 1000}) {
      Eigen::MatrixXd x = c;
      ASSERT_TRUE(netdyn::detail::solve_symmetric_triangular_lyapunov(op, t, x, leaf));
      EXPECT_EQ(x, Eigen::MatrixXd(x.transpose())) << op << " leaf " << leaf;  // exactly
      EXPECT_LT((x - reference).norm(), 1e-12 * reference.norm()) << op << " leaf " << leaf;
      const Eigen::MatrixXd a = op == 'N' ? Eigen::MatrixXd(t) : Eigen::MatrixXd(t.transpose());
      EXPECT_LT((a * x + x * a.transpose() - c).norm(), 1e-13 * a.norm() * x.norm())
          << op << " leaf " << leaf;
    }
  }
}

TEST(SolveLyapunov, NotHurwitzNamesEigenvalue) {
  Eigen::Matrix2d a;
  a << 0.25, 1.0, 0.0, -1.0;
  EXPECT_THAT([&] { (void)netdyn::solve_lyapunov(a, Eigen::Matrix2d::Identity()); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("not Hurwitz: eigenvalue (0.25,0)")));
  try {
    (void)netdyn::LyapunovSolver(a);
    FAIL() << "no throw";
  } catch (const netdyn::NotHurwitzError& e) {
    EXPECT_DOUBLE_EQ(e.eigenvalue().real(), 0.25);
  }
}

TEST(SolveLyapunov, RejectsBadInput) {
  Eigen::Matrix2d a = -Eigen::Matrix2d::Identity();
  Eigen::Matrix2d q = Eigen::Matrix2d::Identity();
  q(1, 0) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT([&] { (void)netdyn::solve_lyapunov(a, q); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("Q(1,0) = nan")));
  EXPECT_THAT([&] { (void)netdyn::solve_lyapunov(a, Eigen::Matrix3d::Identity()); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("Q is 3x3 but A is 2x2")));
  a(0, 1) = std::numeric_limits<double>::infinity();
  EXPECT_THAT([&] { (void)netdyn::solve_lyapunov(a, Eigen::Matrix2d::Identity()); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("A(0,1) = inf")));
}

}  // namespace
