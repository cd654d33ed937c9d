#include "netdyn/dynamics/sde.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>

#include "netdyn/core/error.hpp"
#include "support/matrices.hpp"

namespace {

// Eigen-only Kronecker solve of (W - I) S + S (W - I)^T + 2 sigma^2 I = 0 (unit noise), small n.
Eigen::MatrixXd lyapunov_unit(const Eigen::MatrixXd& w, double sigma) {
  const Eigen::Index n = w.rows();
  const Eigen::MatrixXd a = w - Eigen::MatrixXd::Identity(n, n);
  const Eigen::MatrixXd id = Eigen::MatrixXd::Identity(n, n);
  // vec(A S + S A^T) = (I (x) A + A (x) I) vec(S), column-major vec.
  Eigen::MatrixXd kron = Eigen::MatrixXd::Zero(n * n, n * n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < n; ++j) {
      kron.block(j * n, j * n, n, n) += (i == j ? 1.0 : 0.0) * a;
      kron.block(i * n, j * n, n, n) += a(i, j) * id;
    }
  }
  const Eigen::VectorXd rhs =
      Eigen::Map<const Eigen::VectorXd>(Eigen::MatrixXd(-2.0 * sigma * sigma * id).data(), n * n);
  const Eigen::VectorXd s = kron.fullPivLu().solve(rhs);
  return Eigen::Map<const Eigen::MatrixXd>(s.data(), n, n);
}

// Acceptance: MM09 unit-noise covariance (science.md T3a) total 2129/85; the exact OU
// discretisation's empirical total variance lies within 3 standard errors (seeded).
TEST(SimulateSde, ExactOuMatchesMurphyMillerCovariance) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  netdyn::SdeOptions o;
  o.dt = 0.1;
  o.duration = 20000.0;
  o.seed = 2024;
  const netdyn::SdeRun run = netdyn::simulate_sde(w, o);
  const double exact = 2129.0 / 85.0;
  EXPECT_LT(std::abs(run.total_variance - exact), 3.0 * run.total_variance_standard_error)
      << run.total_variance << " +- " << run.total_variance_standard_error;
  EXPECT_LT(run.total_variance_standard_error, 0.05 * exact);
  Eigen::Matrix2d s;
  s << 16.229411765, 11.523529412, 11.523529412, 8.817647059;
  EXPECT_LT((run.covariance - s).cwiseAbs().maxCoeff(), 0.1 * s.maxCoeff());
}

// Euler-Maruyama on a random n = 6 network against an Eigen-only Kronecker Lyapunov solve; the
// O(dt) bias of EM calls for science.md's 3-5 % tolerance; raw convention scales by 1/(2 tau).
TEST(SimulateSde, EulerMaruyamaWithinFivePercentOfLyapunov) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(6, 0.6, 61);
  const Eigen::MatrixXd s = lyapunov_unit(w, 1.0);
  const Eigen::MatrixXd a = w - Eigen::MatrixXd::Identity(6, 6);
  ASSERT_LT((a * s + s * a.transpose() + 2.0 * Eigen::MatrixXd::Identity(6, 6)).norm(), 1e-10);
  netdyn::SdeOptions o;
  o.method = netdyn::SdeMethod::kEulerMaruyama;
  o.dt = 0.01;
  o.duration = 4000.0;
  o.seed = 7;
  o.tau = 2.0;
  o.noise = netdyn::NoiseConvention::kRaw;
  o.sigma = 0.3;
  const netdyn::SdeRun run = netdyn::simulate_sde(w, o);
  const double expected = s.trace() * o.sigma * o.sigma / (2.0 * o.tau);
  EXPECT_NEAR(run.total_variance, expected, 0.05 * expected);
}

TEST(SimulateSde, DeterministicForASeedAndMeanFollowsInput) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(2.0, 3.0);
  netdyn::SdeOptions o;
  o.duration = 200.0;
  o.dt = 0.05;
  o.seed = 3;
  o.input = Eigen::Vector2d(1.0, 0.5);
  const netdyn::SdeRun a = netdyn::simulate_sde(w, o);
  const netdyn::SdeRun b = netdyn::simulate_sde(w, o);
  EXPECT_EQ(a.total_variance, b.total_variance);
  const Eigen::Vector2d mean = (Eigen::Matrix2d::Identity() - w).lu().solve(o.input);
  EXPECT_LT((a.mean - mean).cwiseAbs().maxCoeff(), 0.3);
}

TEST(SimulateSde, UnstableNetworkIsANumericalError) {
  netdyn::SdeOptions o;
  o.duration = 2000.0;
  o.burn_in = 0.0;
  EXPECT_THROW((void)netdyn::simulate_sde(Eigen::MatrixXd::Constant(1, 1, 3.0), o),
               netdyn::NumericalError);
}

TEST(EmpiricalCovariance, KnownSamples) {
  Eigen::MatrixXd x(2, 4);
  x << 1, -1, 1, -1, 2, 2, -2, -2;
  const Eigen::MatrixXd c = netdyn::empirical_covariance(x);
  EXPECT_DOUBLE_EQ(c(0, 0), 1.0);
  EXPECT_DOUBLE_EQ(c(1, 1), 4.0);
  EXPECT_DOUBLE_EQ(c(0, 1), 0.0);
}

TEST(SimulateSde, MethodNamesRoundTrip) {
  for (const auto method : {netdyn::SdeMethod::kExactOu, netdyn::SdeMethod::kEulerMaruyama}) {
    EXPECT_EQ(netdyn::parse_sde_method(netdyn::to_string(method)), method);
  }
  try {
    (void)netdyn::parse_sde_method("milstein");
    FAIL() << "milstein accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("'milstein' is unknown; use 'exact' or 'euler-maruyama'"),
              std::string::npos);
  }
}

}  // namespace

// Issue 22: a duration whose step count does not fit in Eigen::Index is refused by name (it was
// an undefined cast and "cannot create std::vector larger than max_size()").
TEST(SimulateSde, UncountableDurationIsAParameterRangeError) {
  netdyn::SdeOptions o;
  o.duration = 1e308;
  try {
    (void)netdyn::simulate_sde(netdyn::testing::balanced_ei(30.0 / 7.0, 1.1), o);
    FAIL() << "duration = 1e308 accepted";
  } catch (const netdyn::ParameterRangeError& e) {
    EXPECT_EQ(e.parameter(), "duration");
  }
}
