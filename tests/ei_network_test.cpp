#include "netdyn/models/ei_network.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <unsupported/Eigen/MatrixFunctions>

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

// exp(t A) r0 with A = (W - I)/tau: the reference for every closed-form time course.
Eigen::Vector2d flow(const Eigen::Matrix2d& w, double tau, const Eigen::Vector2d& r0, double t) {
  const Eigen::Matrix2d a = (w - Eigen::Matrix2d::Identity()) / tau;
  return Eigen::Matrix2d((t * a).exp()) * r0;
}

struct Case {
  double we, wi;
  Eigen::Vector2d r1;  // r(1) from r(0) = (1, 0), tau = 1
  double int_e, int_i, ratio, t_star, peak;
};

// science.md 1.4, table "Test cases (verified; tolerance 1e-9 relative)".
const Case kCases[] = {
    {30.0 / 7.0, 33.0 / 7.0, {1.650163488468, 1.282284047297}, 4, 3, 4, 0.609851116, 1.793324845},
    {2.0, 6.0, {0.548450188258, 0.180570747086}, 1.4, 0.4, 1.4, 0.127706406, 1.056134084},
    {3.0, 3.0, {1.471517764686, 1.103638323514}, 4, 3, 4, 2.0 / 3.0, 1.540251357},
};

TEST(EiNetwork, VerifiedReferenceValues) {
  for (const Case& c : kCases) {
    SCOPED_TRACE("wE = " + std::to_string(c.we) + ", wI = " + std::to_string(c.wi));
    const netdyn::EiNetwork net{c.we, c.wi, 1.0};
    const Eigen::Vector2d r1 = netdyn::ei_response(net, Eigen::Vector2d(1, 0), 1.0);
    // Table values are printed to 12 decimals.
    EXPECT_NEAR(r1(0), c.r1(0), 1e-11);
    EXPECT_NEAR(r1(1), c.r1(1), 1e-11);
    const netdyn::EiPulseResponse p = netdyn::ei_pulse_response(net);
    EXPECT_DOUBLE_EQ(p.feedforward_weight, c.we + c.wi);
    ASSERT_TRUE(p.integral_r_e && p.integral_r_i && p.amplification);
    EXPECT_NEAR(*p.integral_r_e, c.int_e, 1e-12 * c.int_e);
    EXPECT_NEAR(*p.integral_r_i, c.int_i, 1e-12 * c.int_i);
    EXPECT_NEAR(*p.amplification, c.ratio, 1e-12 * c.ratio);
    ASSERT_TRUE(p.peak_r_e && p.peak_time);
    // t* and the peak are printed to 9 digits.
    EXPECT_NEAR(*p.peak_time, c.t_star, 1e-9);
    EXPECT_NEAR(*p.peak_r_e, c.peak, 1e-9);
  }
}

// MM09 parameters: w = 30/7, k = 1.1 gives ratio exactly 4 (the seed's "ratio 4"), and the
// inverse map returns w.
TEST(EiNetwork, Mm09RatioFourAndInverse) {
  const netdyn::EiNetwork net = netdyn::EiNetwork::from_gain(30.0 / 7.0, 1.1);
  EXPECT_NEAR(*netdyn::ei_pulse_response(net).amplification, 4.0, 1e-13);
  EXPECT_NEAR(netdyn::balanced_weight_for_amplification(4.0, 1.1), 30.0 / 7.0, 1e-13);
  EXPECT_NEAR(netdyn::balanced_weight_for_amplification(10.0, 1.1), 90.0, 1e-11);
  EXPECT_THAT([] { (void)netdyn::balanced_weight_for_amplification(12.0, 1.1); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("not reachable")));
}

// Closed-form time courses equal exp(tA) r0 (acceptance: 1e-12). Rates are O(1-10) here, so
// both sides carry a few ulps of relative error; 1e-12 absolute on values of order 1-10.
TEST(EiNetwork, ResponseEqualsMatrixExponential) {
  const double taus[] = {1.0, 0.3, 12.5};
  const Eigen::Vector2d starts[] = {{1, 0}, {0, 1}, {0.7, -1.3}, {2.0, 2.0}};
  const std::pair<double, double> weights[] = {
      {30.0 / 7.0, 33.0 / 7.0}, {2.0, 6.0}, {3.0, 3.0}, {0.5, 0.0}, {1.2, 0.1}, {0.0, 4.0}};
  for (const auto& [we, wi] : weights) {
    for (const double tau : taus) {
      const netdyn::EiNetwork net{we, wi, tau};
      const Eigen::Matrix2d w = netdyn::ei_connectivity(net);
      for (const Eigen::Vector2d& r0 : starts) {
        for (const double t : {0.0, 0.1 * tau, tau, 3.7 * tau}) {
          const Eigen::Vector2d expected = flow(w, tau, r0, t);
          const Eigen::Vector2d got = netdyn::ei_response(net, r0, t);
          EXPECT_LT((got - expected).cwiseAbs().maxCoeff(), 1e-12 * std::max(1.0, expected.norm()))
              << "wE " << we << " wI " << wi << " tau " << tau << " t " << t << " r0 "
              << r0.transpose();
        }
      }
    }
  }
}

// Integrals equal tau (I - W)^{-1} r0 and the peak equals the maximum over a fine grid (the grid
// maximum is below the true one by at most max|r''| h^2/8; 1e-6 is ample for h = 1e-4 tau).
TEST(EiNetwork, IntegralsAndPeakForGeneralStart) {
  const netdyn::EiNetwork net{2.5, 3.0, 2.0};
  const Eigen::Matrix2d w = netdyn::ei_connectivity(net);
  for (const Eigen::Vector2d& r0 :
       {Eigen::Vector2d(1, 0), Eigen::Vector2d(0.3, 0.8), Eigen::Vector2d(0.2, -1.0)}) {
    const netdyn::EiPulseResponse p = netdyn::ei_pulse_response(net, r0);
    const Eigen::Vector2d integral =
        net.tau * (Eigen::Matrix2d::Identity() - w).partialPivLu().solve(r0);
    EXPECT_NEAR(*p.integral_r_e, integral(0), 1e-13 * integral.norm());
    EXPECT_NEAR(*p.integral_r_i, integral(1), 1e-13 * integral.norm());
    double best = -std::numeric_limits<double>::infinity();
    double best_t = 0.0;
    for (int k = 0; k <= 200000; ++k) {
      const double t = 1e-4 * net.tau * k;
      const double re = netdyn::ei_response(net, r0, t)(0);
      if (re > best) {
        best = re;
        best_t = t;
      }
    }
    ASSERT_TRUE(p.peak_r_e.has_value());
    EXPECT_NEAR(*p.peak_r_e, best, 1e-6) << r0.transpose();
    EXPECT_NEAR(*p.peak_time, best_t, 2e-3) << r0.transpose();
  }
}

TEST(EiNetwork, UnstableNetworkHasNoIntegral) {
  // c = 1 + wI - wE < 0: the sum mode grows.
  const netdyn::EiPulseResponse p = netdyn::ei_pulse_response({5.0, 1.0, 1.0});
  EXPECT_FALSE(p.integral_r_e.has_value());
  EXPECT_FALSE(p.amplification.has_value());
  EXPECT_FALSE(p.peak_r_e.has_value());  // r_E grows without bound from r0 = (1, 0)
}

TEST(EiNetwork, SchurFormIsClosedForm) {
  const netdyn::EiNetwork net = netdyn::EiNetwork::from_gain(30.0 / 7.0, 1.1);
  const netdyn::EiSchurForm s = netdyn::ei_schur(net);
  EXPECT_NEAR(s.t(0, 0), -3.0 / 7.0, 1e-15);
  EXPECT_NEAR(s.t(0, 1), 9.0, 1e-14);
  EXPECT_EQ(s.t(1, 0), 0.0);
  EXPECT_EQ(s.t(1, 1), 0.0);
  const Eigen::Matrix2d w = netdyn::ei_connectivity(net);
  EXPECT_LT((s.u.transpose() * w * s.u - s.t).norm(), 1e-14 * w.norm());
  EXPECT_LT((s.u.transpose() * s.u - Eigen::Matrix2d::Identity()).norm(), 1e-15);
}

// science.md 1.5, T1d (verified vs expm, 1e-12), including the degenerate l1 = l2 case. The
// seed notes' sign would give a(0.5) = +1.470192818.
TEST(TriangularPair, VerifiedValuesAndSignOfKernel) {
  const netdyn::TriangularPair sys{-0.5, 0.3, 4.0, 2.0};
  const Eigen::Vector2d x0(0.7, -1.3);
  EXPECT_NEAR(netdyn::triangular_pair_response(sys, x0, 0.5)(0), -0.507987827705, 1e-12);
  const Eigen::Vector2d x3 = netdyn::triangular_pair_response(sys, x0, 3.0);
  EXPECT_NEAR(x3(0), -1.515720952377, 1e-12);
  EXPECT_NEAR(x3(1), -0.454919073845, 1e-12);
  const netdyn::TriangularPair degenerate{0.2, 0.2, 4.0, 2.0};
  EXPECT_NEAR(netdyn::triangular_pair_response(degenerate, x0, 1.5)(0), -1.756197235501, 1e-12);
}

// Against exp(tA) for T = [[l1, w], [0, l2]], including nearly equal eigenvalues (where the
// textbook form (e^{-k2 t} - e^{-k1 t})/(k1 - k2) loses all digits) and an unstable mode.
TEST(TriangularPair, EqualsMatrixExponential) {
  const double gaps[] = {1.0, 1e-3, 1e-9, 0.0, -0.7};
  for (const double gap : gaps) {
    const netdyn::TriangularPair sys{0.4 - gap, 0.4, 3.0, 1.5};
    Eigen::Matrix2d t;
    t << sys.lambda1, sys.feedforward, 0.0, sys.lambda2;
    const Eigen::Vector2d x0(-0.4, 1.1);
    for (const double time : {0.0, 0.5, 2.0, 9.0}) {
      const Eigen::Vector2d expected = flow(t, sys.tau, x0, time);
      const Eigen::Vector2d got = netdyn::triangular_pair_response(sys, x0, time);
      EXPECT_LT((got - expected).norm(), 1e-12 * std::max(1.0, expected.norm()))
          << "gap " << gap << " t " << time;
    }
  }
}

// science.md 1.6: w = 3/4 amplifies 4-fold and slows 4-fold; w = 0.9: 10-fold. The normal
// two-population version with w = 6/7 has r_E(1) = 0.617378670461 and int r_E = 4.
TEST(Hebbian, AmplificationIsSlowing) {
  const netdyn::HebbianResponse h = netdyn::hebbian_response({0.75, 2.0});
  EXPECT_DOUBLE_EQ(h.amplification, 4.0);
  EXPECT_DOUBLE_EQ(h.time_constant, 8.0);
  EXPECT_DOUBLE_EQ(h.integral, 8.0);
  EXPECT_NEAR(netdyn::hebbian_response({0.9, 1.0}).amplification, 10.0, 1e-13);
  EXPECT_DOUBLE_EQ(netdyn::hebbian_weight_for_amplification(4.0), 0.75);
  EXPECT_NEAR(netdyn::hebbian_rate({0.75, 2.0}, 1.0, 8.0), std::exp(-1.0), 1e-16);
  const Eigen::Matrix2d w = netdyn::hebbian_connectivity(6.0 / 7.0);
  EXPECT_LT((w * w.transpose() - w.transpose() * w).norm(), 1e-15);  // normal
  EXPECT_NEAR(flow(w, 1.0, Eigen::Vector2d(1, 0), 1.0)(0), 0.617378670461, 1e-12);
  EXPECT_THAT(
      [] {
        (void)netdyn::hebbian_response({1.0, 1.0});
      },
      ThrowsMessage<std::invalid_argument>(HasSubstr("network.w = 1")));
}

TEST(TwoExponentialPeak, EdgeCases) {
  // Pure decay: peak at 0.
  auto p = netdyn::two_exponential_peak(1.0, 1.0, 0.5, 2.0);
  EXPECT_EQ(*p.value, 1.5);
  EXPECT_EQ(*p.time, 0.0);
  // Growing mode with positive weight: unbounded.
  EXPECT_FALSE(netdyn::two_exponential_peak(1.0, -0.1, -1.0, 1.0).value.has_value());
  // Marginal mode: supremum approached only as t -> inf.
  p = netdyn::two_exponential_peak(2.0, 0.0, -1.0, 1.0);
  EXPECT_EQ(*p.value, 2.0);
  EXPECT_TRUE(std::isinf(*p.time));
  // Degenerate (1 + 2t) e^{-t}: max at t = 1/2, value 2 e^{-1/2}.
  p = netdyn::two_exponential_peak(1.0, 1.0, 2.0, 1.0);
  EXPECT_NEAR(*p.time, 0.5, 1e-15);
  EXPECT_NEAR(*p.value, 2.0 * std::exp(-0.5), 1e-15);
}

TEST(EiNetwork, RejectsBadInput) {
  EXPECT_THAT(
      [] {
        (void)netdyn::ei_connectivity({std::nan(""), 1.0, 1.0});
      },
      ThrowsMessage<std::invalid_argument>(HasSubstr("network.w_e = nan")));
  EXPECT_THAT(
      [] {
        (void)netdyn::ei_connectivity({1.0, -2.0, 1.0});
      },
      ThrowsMessage<std::invalid_argument>(HasSubstr("network.w_i = -2")));
  EXPECT_THAT(
      [] {
        (void)netdyn::ei_pulse_response({1.0, 2.0, 0.0});
      },
      ThrowsMessage<std::invalid_argument>(HasSubstr("network.tau = 0")));
  EXPECT_THAT(
      [] {
        (void)netdyn::ei_response({1.0, 2.0, 1.0}, Eigen::Vector2d(1, 0), -1.0);
      },
      ThrowsMessage<std::invalid_argument>(HasSubstr("t = -1")));
  EXPECT_THAT(
      [] {
        (void)netdyn::ei_response(
            {1.0, 2.0, 1.0}, Eigen::Vector2d(1, std::numeric_limits<double>::infinity()), 1.0);
      },
      ThrowsMessage<std::invalid_argument>(HasSubstr("r0(1,0) = inf")));
}

}  // namespace
