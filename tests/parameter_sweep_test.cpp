#include "netdyn/report/parameter_sweep.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>

#include "netdyn/amplification/lyapunov.hpp"
#include "netdyn/models/ei_network.hpp"
#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

// Gain: alpha(g W) = g alpha(W) for g > 0, so the boundary is g* = 1/alpha(W) (alpha from Eigen's
// own eigensolver); the stable points' variance against a dense Lyapunov solve of g W - I.
TEST(ParameterSweep, GainBoundaryIsTheReciprocalAbscissa) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(40, 1.3, 12);
  const double alpha =
      Eigen::EigenSolver<Eigen::MatrixXd>(w, false).eigenvalues().real().maxCoeff();
  ASSERT_GT(alpha, 0.5);
  const netdyn::ParameterSweep s = netdyn::sweep_gain(w, Eigen::VectorXd::LinSpaced(9, 0.1, 1.5));
  ASSERT_EQ(s.boundaries.size(), 1u);
  EXPECT_NEAR(s.boundaries[0].parameter, 1.0 / alpha, 2e-10);
  EXPECT_TRUE(s.boundaries[0].destabilising);
  EXPECT_LE(s.boundaries[0].bracket_width, 1e-10);
  for (const auto& p : s.points) {
    EXPECT_NEAR(p.spectral_abscissa, p.parameter * alpha, 1e-12);
    EXPECT_EQ(p.stable, p.parameter * alpha < 1.0);
    if (!p.stable) {
      EXPECT_FALSE(p.total_variance.has_value());
      continue;
    }
    const Eigen::MatrixXd a = p.parameter * w - Eigen::MatrixXd::Identity(40, 40);
    const double v =
        netdyn::solve_lyapunov(a, 2.0 * Eigen::MatrixXd::Identity(40, 40)).solution.trace();
    EXPECT_NEAR(*p.total_variance, v, 1e-10 * v);
    EXPECT_GE(*p.transient_gain, 1.0);
  }
}

// The MM09 pair: eigenvalues 0 and w (1 - k), so with k = 0.5 the pair loses stability at w = 2;
// with w fixed, alpha = w (1 - k) = 1 at k = 1 - 1/w.
TEST(ParameterSweep, EiPairBoundariesMatchClosedForm) {
  const auto by_w = netdyn::sweep_rate_network(
      [](double w) {
        return Eigen::MatrixXd(netdyn::ei_connectivity(netdyn::EiNetwork::from_gain(w, 0.5)));
      },
      Eigen::VectorXd::LinSpaced(7, 0.1, 3.0));
  ASSERT_EQ(by_w.boundaries.size(), 1u);
  EXPECT_NEAR(by_w.boundaries[0].parameter, 2.0, 1e-10);
  const auto by_k = netdyn::sweep_rate_network(
      [](double k) {
        return Eigen::MatrixXd(netdyn::ei_connectivity(netdyn::EiNetwork::from_gain(4.0, k)));
      },
      Eigen::VectorXd::LinSpaced(5, 0.0, 1.2));
  ASSERT_EQ(by_k.boundaries.size(), 1u);
  EXPECT_NEAR(by_k.boundaries[0].parameter, 0.75, 1e-10);
  EXPECT_FALSE(by_k.boundaries[0].destabilising);  // more inhibition stabilises
}

// FitzHugh-Nagumo: the resting state loses stability at the Hopf current I_H = 0.331281337
// (tools/reproductions/fitzhugh_nagumo's reference; lib fitzhugh_nagumo_hopf).
TEST(ParameterSweep, FitzHughNagumoHopfCurrent) {
  const netdyn::FitzHughNagumo base;
  const auto s =
      netdyn::sweep_fitzhugh_nagumo(base, "current", Eigen::VectorXd::LinSpaced(6, 0.0, 0.5));
  ASSERT_GE(s.boundaries.size(), 1u);
  EXPECT_NEAR(s.boundaries[0].parameter, netdyn::fitzhugh_nagumo_hopf(base).current, 1e-9);
  EXPECT_NEAR(s.boundaries[0].parameter, 0.3312813375, 2e-9);
  EXPECT_EQ(s.threshold, 0.0);
  EXPECT_FALSE(s.points[0].transient_gain.has_value());
}

TEST(ParameterSweep, BadInputIsNamed) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(5, 1.0, 1);
  Eigen::VectorXd grid(3);
  grid << 0.1, 0.5, 0.3;
  EXPECT_THAT([&] { (void)netdyn::sweep_gain(w, grid); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("grid(2) = 0.3")));
  EXPECT_THAT(
      [&] { (void)netdyn::sweep_fitzhugh_nagumo({}, "c", Eigen::VectorXd::LinSpaced(3, 0, 1)); },
      ThrowsMessage<std::invalid_argument>(HasSubstr("need current, a, b or tau")));
}

}  // namespace
