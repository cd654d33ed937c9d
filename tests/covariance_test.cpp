#include "netdyn/amplification/covariance.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Dense>

#include "netdyn/core/error.hpp"
#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

// science.md T3a: MM09 (w = 30/7, k = 1.1), unit convention, sigma = 1.
TEST(StationaryCovariance, BalancedNetworkMatchesClosedForm) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  const netdyn::StationaryCovariance c = netdyn::stationary_covariance(w);
  Eigen::Matrix2d expected;
  expected << 16.229411765, 11.523529412, 11.523529412, 8.817647059;
  EXPECT_LT((c.covariance - expected).cwiseAbs().maxCoeff(), 1e-8);
  EXPECT_NEAR(c.total_variance, 2129.0 / 85.0, 1e-12);
  EXPECT_NEAR(c.normal_total_variance, 1.7, 1e-13);
  EXPECT_NEAR(c.nonnormal_amplification, 14.733564014, 1e-8);
  EXPECT_LT(c.residual, 1e-15);
}

// 2x2 Schur closed form (science.md 3.1): T - I = [[-c, f], [0, -1]] in Schur coordinates gives
// V = sigma^2 [1 + (1 + f^2/(1 + c))/c]; T3b (w = 2, k = 3): S = [[3, 2/3], [2/3, 1/3]], V_n = 1.2.
TEST(StationaryCovariance, SchurClosedFormAndSigmaScaling) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(2.0, 3.0);
  netdyn::CovarianceOptions options;
  options.sigma = 0.5;
  const netdyn::StationaryCovariance c = netdyn::stationary_covariance(w, options);
  Eigen::Matrix2d expected;
  expected << 3.0, 2.0 / 3.0, 2.0 / 3.0, 1.0 / 3.0;
  EXPECT_LT((c.covariance - 0.25 * expected).norm(), 1e-14);
  const double cc = 5.0;  // 1 - lambda_1 = 1 + wI - wE
  const double f = 8.0;   // wE + wI
  EXPECT_NEAR(c.total_variance, 0.25 * (1.0 + (1.0 + f * f / (1.0 + cc)) / cc), 1e-14);
  EXPECT_NEAR(c.normal_total_variance, 0.25 * 1.2, 1e-15);
}

// A normal W (symmetric here) has no feedforward part: amplification exactly 1.
TEST(StationaryCovariance, NormalNetworkHasAmplificationOne) {
  const Eigen::MatrixXd w = 0.45 * netdyn::testing::symmetric(60, 3);
  const netdyn::StationaryCovariance c = netdyn::stationary_covariance(w);
  EXPECT_NEAR(c.nonnormal_amplification, 1.0, 1e-12);
  // Orthogonal and rotation blocks are normal too (complex eigenvalues).
  Eigen::Matrix2d rot;
  rot << 0.3, -0.8, 0.8, 0.3;
  EXPECT_NEAR(netdyn::stationary_covariance(rot).nonnormal_amplification, 1.0, 1e-14);
}

TEST(StationaryCovariance, UnstableNetworkExplainsWhy) {
  Eigen::Matrix2d w;
  w << 1.2, 0.0, 0.5, 0.1;
  EXPECT_THAT([&] { (void)netdyn::stationary_covariance(w); },
              ThrowsMessage<std::invalid_argument>(
                  HasSubstr("W is unstable: eigenvalue (1.2,0) of W has real part >= 1, so no "
                            "stationary covariance exists")));
  netdyn::CovarianceOptions bad;
  bad.sigma = -1.0;
  EXPECT_THAT([&] { (void)netdyn::stationary_covariance(Eigen::Matrix2d::Zero(), bad); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("sigma = -1")));
}

// science.md T3c: Q of MM09, its eigenvalues, top direction, and tr Q = tr S (T3a).
TEST(EvokedEnergy, BalancedNetworkMatchesQuadratureValues) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  netdyn::EvokedEnergyOptions options;
  options.count = 2;
  const netdyn::EvokedEnergyModes m = netdyn::most_amplified_initial_conditions(w, options);
  Eigen::Matrix2d expected;
  expected << 15.117647059, -11.823529412, -11.823529412, 9.929411765;
  EXPECT_LT((m.energy_matrix - expected).cwiseAbs().maxCoeff(), 1e-8);
  EXPECT_NEAR(m.energies(0), 24.628292694, 1e-8);
  EXPECT_NEAR(m.energies(1), 0.418766130, 1e-8);
  EXPECT_NEAR(std::abs(m.patterns(0, 0)), 0.7792000785, 1e-9);
  EXPECT_NEAR(std::abs(m.patterns(1, 0)), 0.6267752688, 1e-9);
  EXPECT_LT(m.patterns(0, 0) * m.patterns(1, 0), 0.0);  // E and I pushed in opposite directions
  EXPECT_NEAR(m.mean_energy * 2.0, 2129.0 / 85.0, 1e-10);
  EXPECT_NEAR(netdyn::evoked_energy(w, Eigen::Vector2d(1.0, 0.0)), 15.117647059, 1e-8);
  EXPECT_NEAR(
      netdyn::evoked_energy(Eigen::Matrix2d::Zero(), Eigen::Vector2d(0.6, 0.8)), 1.0, 1e-15);
}

// tr Q = tr P for B = C = I (science.md 3.2), on a random network.
TEST(EvokedEnergy, TraceEqualsTotalVariance) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(50, 0.8, 12);
  const double v = netdyn::stationary_covariance(w).total_variance;
  const netdyn::EvokedEnergyModes m = netdyn::most_amplified_initial_conditions(w);
  EXPECT_NEAR(m.mean_energy * 50.0, v, 1e-10 * v);
  EXPECT_NEAR(m.energies(0), m.patterns.col(0).dot(m.energy_matrix * m.patterns.col(0)), 1e-10);
}

// Gramians: B = sqrt(2) I gives the unit-noise covariance of A = W - I; observability is the
// controllability Gramian of A^T.
TEST(Gramians, MatchCovarianceAndDuality) {
  const Eigen::Index n = 40;
  const Eigen::MatrixXd w = netdyn::testing::gaussian(n, 0.7, 21);
  const Eigen::MatrixXd a = w - Eigen::MatrixXd::Identity(n, n);
  const Eigen::MatrixXd b = std::sqrt(2.0) * Eigen::MatrixXd::Identity(n, n);
  const netdyn::LyapunovResult p = netdyn::controllability_gramian(a, b);
  EXPECT_LT((p.solution - netdyn::stationary_covariance(w).covariance).norm(),
            1e-12 * p.solution.norm());
  const Eigen::MatrixXd c = netdyn::testing::gaussian(n, 1.0, 22).topRows(3);
  const netdyn::LyapunovResult q = netdyn::observability_gramian(a, c);
  const netdyn::LyapunovResult qt = netdyn::controllability_gramian(a.transpose(), c.transpose());
  EXPECT_LT((q.solution - qt.solution).norm(), 1e-11 * q.solution.norm());
  EXPECT_THAT([&] { (void)netdyn::controllability_gramian(a, c); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("B has 3 rows")));
}

}  // namespace

// Issue 22: S = sigma^2 S1, so sigma is limited where S leaves the double range (not where
// 2 sigma^2 does), and the error names the parameter for a front end to restate.
TEST(StationaryCovariance, SigmaLimitIsWhereTheCovarianceOverflows) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  const double unit = netdyn::stationary_covariance(w).total_variance;
  netdyn::CovarianceOptions big;
  big.sigma = 1e150;
  EXPECT_NEAR(netdyn::stationary_covariance(w, big).total_variance / (1e300 * unit), 1.0, 1e-13);
  big.sigma = 1e308;
  try {
    (void)netdyn::stationary_covariance(w, big);
    FAIL() << "sigma = 1e308 accepted";
  } catch (const netdyn::ParameterRangeError& e) {
    EXPECT_EQ(e.parameter(), "sigma");
    EXPECT_THAT(e.reason(), HasSubstr("sigma must be <= 2.35e+153"));
  }
}
