#include "netdyn/amplification/steady_state.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>

#include "netdyn/factorization/spectrum.hpp"
#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

// science.md T2a/T2b: Jordan-like W = [[0, w], [0, 0]] has G = w/2 + sqrt(1 + w^2/4).
TEST(SteadyStateGain, JordanLikeClosedForm) {
  for (const double w : {4.0, 10.0}) {
    Eigen::MatrixXd m(2, 2);
    m << 0.0, w, 0.0, 0.0;
    EXPECT_NEAR(netdyn::steady_state_gain(m).gain, w / 2 + std::sqrt(1 + w * w / 4), 1e-12) << w;
  }
}

// science.md T2c: MM09 G = 6.416237026, best input (-0.7792000785, 0.6267752688) up to sign, and
// the response to it has norm G.
TEST(SteadyStateGain, BalancedNetworkGainAndPattern) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  netdyn::SteadyStateOptions options;
  options.compute_patterns = true;
  const netdyn::SteadyStateGain g = netdyn::steady_state_gain(w, options);
  EXPECT_NEAR(g.gain, 6.416237026, 1e-8);
  const double sign = g.input_pattern(0) < 0 ? 1.0 : -1.0;
  EXPECT_NEAR(sign * g.input_pattern(0), -0.7792000785, 1e-9);
  EXPECT_NEAR(sign * g.input_pattern(1), 0.6267752688, 1e-9);
  // Independent check: solve (I - W) r = h directly.
  const Eigen::Vector2d response =
      (Eigen::Matrix2d::Identity() - w).partialPivLu().solve(g.input_pattern);
  EXPECT_NEAR((response - g.response).norm(), 0.0, 1e-12);
  EXPECT_NEAR(response.norm(), g.gain, 1e-12);
}

// Normal W: G = 1/min |1 - lambda_i|.
TEST(SteadyStateGain, NormalMatrix) {
  const Eigen::MatrixXd sym = 0.4 * netdyn::testing::symmetric(30, 9);
  const Eigen::VectorXcd lambda = netdyn::compute_spectrum(sym).eigenvalues;
  const double expected = 1.0 / (Eigen::VectorXcd::Ones(30) - lambda).cwiseAbs().minCoeff();
  EXPECT_NEAR(netdyn::steady_state_gain(sym).gain, expected, 1e-12 * expected);
}

TEST(SteadyStateGain, SingularIMinusWIsAClearError) {
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(3, 3);
  w(1, 1) = 1.0;  // eigenvalue exactly 1
  EXPECT_THAT([&] { (void)netdyn::steady_state_gain(w); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("I - W is singular")));
}

// Issue 22: a feed-forward chain with weight 3 has only eigenvalues 0, but (I - W)^{-1} =
// sum_k W^k has norm ~ 3^49, so I - W is singular to working precision. The message must not
// claim an eigenvalue at 1.
TEST(SteadyStateGain, SingularForAChainWithoutEigenvalueOne) {
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(50, 50);
  for (Eigen::Index i = 1; i < 50; ++i) w(i, i - 1) = 3.0;
  EXPECT_THAT([&] { (void)netdyn::steady_state_gain(w); },
              ThrowsMessage<std::invalid_argument>(testing::AllOf(
                  HasSubstr("I - W is singular"),
                  HasSubstr("within a perturbation of norm sigma_min of having an eigenvalue at 1"),
                  testing::Not(HasSubstr("W has an eigenvalue at 1")))));
}

}  // namespace
