// The private Lanczos eigensolver (lib/src/core/lanczos.hpp) and the tridiagonal top eigenpair it
// uses from 10 steps on (lapack::TridiagonalTopEigen, dstevr), against Eigen's dense solvers.
#include "core/lanczos.hpp"

#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>

#include "lapack/lapack.hpp"
#include "support/matrices.hpp"

namespace {

using netdyn::testing::kEps;

TEST(TridiagonalTopEigen, MatchesEigenTridiagonalQr) {
  std::srand(3);
  netdyn::lapack::TridiagonalTopEigen top(40);
  for (const Eigen::Index k : {1, 2, 5, 17, 40}) {
    const Eigen::VectorXd d = Eigen::VectorXd::Random(k);
    const Eigen::VectorXd e = Eigen::VectorXd::Random(std::max<Eigen::Index>(k - 1, 0));
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> ref;
    ref.computeFromTridiagonal(d, e, Eigen::ComputeEigenvectors);
    const double value = top.compute(d, e);
    // Both backward stable: eigenvalues agree to a few eps ||T|| (||T|| <= 3 here).
    EXPECT_NEAR(value, ref.eigenvalues()(k - 1), 30.0 * kEps) << "k = " << k;
    ASSERT_EQ(top.vector().size(), k);
    // Unit vectors up to sign; the top eigenvalue of a random tridiagonal is well separated.
    EXPECT_NEAR(std::abs(top.vector().dot(ref.eigenvectors().col(k - 1))), 1.0, 1e-12)
        << "k = " << k;
  }
  EXPECT_THROW((void)top.compute(Eigen::VectorXd::Zero(41), Eigen::VectorXd::Zero(40)),
               std::logic_error);
}

TEST(TopEigenLanczos, LargestEigenpairAcrossTheSolverSwitch) {
  // M = Q diag(lambda) Q^T with lambda = 1..n / n: the top gap is 1/n, so the residual test needs
  // well over 10 steps (the switch from Eigen's QR to dstevr). Ritz value error <= residual^2 /
  // gap and the residual is <= 1e-10 * value.
  const Eigen::Index n = 300;
  std::srand(11);
  const Eigen::MatrixXd q =
      Eigen::HouseholderQR<Eigen::MatrixXd>(Eigen::MatrixXd::Random(n, n)).householderQ();
  const Eigen::VectorXd lambda = Eigen::VectorXd::LinSpaced(n, 1.0, static_cast<double>(n)) / n;
  const Eigen::MatrixXd m = q * lambda.asDiagonal() * q.transpose();
  netdyn::detail::TopEigenLanczos<double> lanczos(n, 120);
  const auto apply = [&](const auto& x, Eigen::VectorXd& y) { y.noalias() = m * x; };
  const auto r = lanczos.run(apply, Eigen::VectorXd::Ones(n), 1e-10);
  EXPECT_TRUE(r.converged);
  EXPECT_GT(r.steps, 10);
  EXPECT_NEAR(r.value, 1.0, 1e-12);
  // The Ritz vector's angle to q_n is <= residual / gap = 1e-10 n.
  EXPECT_NEAR(std::abs(lanczos.vector().dot(q.col(n - 1))), 1.0, 1e-12);
}

}  // namespace
