#include "netdyn/amplification/nonnormality.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>

#include "netdyn/factorization/spectrum.hpp"
#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

using netdyn::testing::kEps;

// A normal matrix has departure 0. The block formula has no cancellation, so the result is at
// rounding level (a few n eps ||W||_F), not sqrt(eps) as the textbook formula would give.
TEST(HenriciDeparture, NormalMatricesHaveZeroDeparture) {
  const Eigen::Index n = 50;
  const Eigen::MatrixXd sym = netdyn::testing::symmetric(n, 1);
  EXPECT_LT(netdyn::henrici_departure(sym), 16 * n * kEps * sym.norm());
  // Orthogonal (rotation-like) matrix: normal with complex eigenvalues on the unit circle.
  const Eigen::MatrixXd q =
      Eigen::HouseholderQR<Eigen::MatrixXd>(netdyn::testing::gaussian(n, 1.0, 2)).householderQ();
  EXPECT_LT(netdyn::henrici_departure(q), 16 * n * kEps * q.norm());
  // Skew-symmetric plus a multiple of I: normal, purely complex pairs.
  const Eigen::MatrixXd g = netdyn::testing::gaussian(n, 1.0, 3);
  const Eigen::MatrixXd skew = g - g.transpose() + 0.3 * Eigen::MatrixXd::Identity(n, n);
  EXPECT_LT(netdyn::henrici_departure(skew), 16 * n * kEps * skew.norm());
}

// Jordan block J_n(lambda): the Schur form is J itself, N = the superdiagonal of ones,
// ||N||_F = sqrt(n - 1) whatever lambda.
TEST(HenriciDeparture, JordanBlockIsSqrtOfSuperdiagonalLength) {
  for (const Eigen::Index n : {2, 5, 20}) {
    Eigen::MatrixXd j = 0.7 * Eigen::MatrixXd::Identity(n, n);
    j.diagonal(1).setOnes();
    EXPECT_NEAR(netdyn::henrici_departure(j), std::sqrt(static_cast<double>(n - 1)), 1e-12) << n;
  }
}

// science.md 1.1: the MM09 balanced network hides a feedforward weight wE + wI = 9.
TEST(HenriciDeparture, BalancedNetworkFeedforwardWeight) {
  EXPECT_NEAR(netdyn::henrici_departure(netdyn::testing::balanced_ei(30.0 / 7.0, 1.1)), 9.0, 1e-13);
  Eigen::MatrixXd jordan(2, 2);
  jordan << 0.0, 10.0, 0.0, 0.0;
  EXPECT_NEAR(netdyn::henrici_departure(jordan), 10.0, 1e-14);  // T2a: dep = w
}

// Independent computation: the definition sqrt(||W||_F^2 - sum |lambda|^2) with Eigen's
// eigenvalues. On a strongly nonnormal random matrix the definition loses nothing to cancellation
// (departure is a large fraction of ||W||_F), so agreement to 1e-10 relative is expected.
TEST(HenriciDeparture, AgreesWithDefinitionOnRandomMatrices) {
  for (int seed = 1; seed <= 4; ++seed) {
    const Eigen::MatrixXd w = netdyn::testing::gaussian(30, 1.0, seed);
    const Eigen::VectorXcd lambda = Eigen::EigenSolver<Eigen::MatrixXd>(w, false).eigenvalues();
    const double definition = std::sqrt(w.squaredNorm() - lambda.squaredNorm());
    EXPECT_NEAR(netdyn::henrici_departure(w), definition, 1e-10 * definition) << seed;
  }
}

// science.md T2a-T2c: omega(A) for tau = 1; omega scales as 1/tau.
TEST(NumericalAbscissa, ReferenceValues) {
  Eigen::MatrixXd jordan(2, 2);
  jordan << 0.0, 10.0, 0.0, 0.0;
  EXPECT_NEAR(netdyn::numerical_abscissa(jordan), 4.0, 1e-13);
  jordan(0, 1) = 4.0;
  EXPECT_NEAR(netdyn::numerical_abscissa(jordan), 1.0, 1e-13);
  const Eigen::MatrixXd mm = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  EXPECT_NEAR(netdyn::numerical_abscissa(mm), 3.290813437, 1e-9);
  EXPECT_NEAR(netdyn::numerical_abscissa(mm, 10.0), 0.3290813437, 1e-10);
}

// For a normal W the numerical abscissa equals the spectral abscissa of A.
TEST(NumericalAbscissa, EqualsSpectralAbscissaForNormalW) {
  const Eigen::MatrixXd sym = netdyn::testing::symmetric(40, 5);
  const double alpha = netdyn::spectral_abscissa(netdyn::compute_spectrum(sym).eigenvalues);
  EXPECT_NEAR(netdyn::numerical_abscissa(sym, 2.0), (alpha - 1.0) / 2.0, 1e-13);
}

TEST(NumericalAbscissa, RejectsBadTau) {
  EXPECT_THAT([] { (void)netdyn::numerical_abscissa(Eigen::MatrixXd::Zero(2, 2), -1.0); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("tau = -1")));
  EXPECT_THAT([] { (void)netdyn::henrici_departure(Eigen::MatrixXd(0, 0)); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("0x0")));
}

}  // namespace
