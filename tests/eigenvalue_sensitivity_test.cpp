#include "netdyn/factorization/eigenvalue_sensitivity.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <complex>

#include "netdyn/factorization/schur_factorization.hpp"
#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

// The eigenvalue of m nearest z (dgeev-independent: Eigen's own solver).
std::complex<double> nearest(const Eigen::MatrixXd& m, std::complex<double> z) {
  const Eigen::VectorXcd v = Eigen::EigenSolver<Eigen::MatrixXd>(m, false).eigenvalues();
  Eigen::Index best = 0;
  (v.array() - z).abs().minCoeff(&best);
  return v(best);
}

// S_ij = d lambda / d W_ij against central differences, for a real eigenvalue and both members
// of a complex pair; tr S = 1; ||S||_2 = the eigenvalue's condition number.
TEST(EigenvalueSensitivity, MatchesFiniteDifferences) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(9, 1.0, 17);
  const netdyn::SchurFactorization f(w);
  const Eigen::VectorXcd& values = f.eigenvalues();
  std::vector<Eigen::Index> picks;
  for (Eigen::Index k = 0; k < values.size(); ++k) {
    if (values(k).imag() == 0.0 && picks.empty()) picks.push_back(k);
  }
  for (Eigen::Index k = 0; k + 1 < values.size(); ++k) {
    if (values(k).imag() > 0.0) {
      picks.push_back(k);
      picks.push_back(k + 1);
      break;
    }
  }
  ASSERT_EQ(picks.size(), 3u);
  const double h = 1e-6;
  for (const Eigen::Index k : picks) {
    const Eigen::MatrixXcd s = netdyn::eigenvalue_sensitivity(f, k);
    EXPECT_NEAR(std::abs(s.trace() - 1.0), 0.0, 1e-12) << k;
    double worst = 0.0;
    for (Eigen::Index j = 0; j < 9; ++j) {
      for (Eigen::Index i = 0; i < 9; ++i) {
        Eigen::MatrixXd up = w, down = w;
        up(i, j) += h;
        down(i, j) -= h;
        const std::complex<double> fd =
            (nearest(up, values(k)) - nearest(down, values(k))) / (2.0 * h);
        worst = std::max(worst, std::abs(fd - s(i, j)));
      }
    }
    EXPECT_LT(worst, 1e-6 * s.cwiseAbs().maxCoeff()) << "eigenvalue " << values(k);
    const Eigen::JacobiSVD<Eigen::MatrixXcd> svd(s);
    EXPECT_NEAR(svd.singularValues()(0),
                f.eigenvalue_conditions()(k),
                1e-10 * f.eigenvalue_conditions()(k));
    if (values(k).imag() == 0.0) {
      EXPECT_EQ(s.imag().cwiseAbs().maxCoeff(), 0.0);
    }
  }
}

// A normal W: S = x x^* conj, a rank-one orthogonal projector's entries (condition 1).
TEST(EigenvalueSensitivity, NormalMatrixHasUnitCondition) {
  const Eigen::MatrixXd w = 0.5 * netdyn::testing::symmetric(6, 2);
  const netdyn::SchurFactorization f(w);
  for (Eigen::Index k = 0; k < 6; ++k) {
    const Eigen::MatrixXcd s = netdyn::eigenvalue_sensitivity(f, k);
    EXPECT_NEAR(Eigen::JacobiSVD<Eigen::MatrixXcd>(s).singularValues()(0), 1.0, 1e-12);
    EXPECT_LT((s - s.adjoint()).norm(), 1e-12);
  }
}

TEST(EigenvalueSensitivity, BadInputIsNamed) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(4, 1.0, 3);
  const netdyn::SchurFactorization f(w);
  EXPECT_THAT([&] { (void)netdyn::eigenvalue_sensitivity(f, 4); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("k = 4 for 4 eigenvalues")));
  const netdyn::SchurFactorization no_vectors(w, netdyn::kWithoutSchurVectors);
  EXPECT_THROW((void)netdyn::eigenvalue_sensitivity(no_vectors, 0), std::logic_error);
}

}  // namespace
