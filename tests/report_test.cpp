#include "netdyn/report.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "netdyn/io.hpp"
#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

// MM09 balanced network (science.md 1.1, T2c): eigenvalues {0, -3/7}, departure 9.
TEST(AnalyseNetwork, BalancedNetworkReferenceValues) {
  const netdyn::NetworkReport r = netdyn::analyse_network(
      netdyn::read_connectivity(std::string(NETDYN_DATA_DIR) + "/mm09_balanced.npy"));
  EXPECT_EQ(r.n, 2);
  EXPECT_TRUE(r.stable);
  EXPECT_NEAR(r.eigenvalues(0).real(), 0.0, 1e-13);
  EXPECT_NEAR(r.eigenvalues(1).real(), -3.0 / 7.0, 1e-13);
  EXPECT_NEAR(r.spectral_radius, 3.0 / 7.0, 1e-13);
  EXPECT_NEAR(r.growth_rate, -1.0, 1e-13);
  ASSERT_TRUE(r.slowest_timescale.has_value());
  EXPECT_NEAR(*r.slowest_timescale, 1.0, 1e-13);
  EXPECT_NEAR(r.henrici_departure, 9.0, 1e-12);
  EXPECT_NEAR(r.henrici_relative, 9.0 / std::sqrt(2 * (900.0 + 1089.0) / 49.0), 1e-12);
  EXPECT_NEAR(r.eigenvector_condition, 42.023796, 1e-6);
  EXPECT_NEAR(r.numerical_abscissa, 3.290813437, 1e-9);
  ASSERT_TRUE(r.steady_state_gain.has_value());
  EXPECT_NEAR(*r.steady_state_gain, 6.416237026, 1e-8);
  // A = W - I: trace = (wE - wI) - 2 = -17/7, determinant = det(W) - tr(W) + 1 = 0 + 3/7 + 1.
  EXPECT_NEAR(*r.jacobian_trace, -17.0 / 7.0, 1e-13);
  EXPECT_NEAR(*r.jacobian_determinant, 10.0 / 7.0, 1e-13);
  EXPECT_EQ(*r.fixed_point_type, netdyn::FixedPointType::kStableNode);
}

// tau rescales rates and times but not the dimensionless figures.
TEST(AnalyseNetwork, TauScalesRatesAndTimes) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  netdyn::ReportOptions options;
  options.tau = 20.0;
  const netdyn::NetworkReport r1 = netdyn::analyse_network(w);
  const netdyn::NetworkReport r20 = netdyn::analyse_network(w, options);
  EXPECT_NEAR(r20.growth_rate, r1.growth_rate / 20.0, 1e-15);
  EXPECT_NEAR(*r20.slowest_timescale, *r1.slowest_timescale * 20.0, 1e-12);
  EXPECT_NEAR(r20.numerical_abscissa, r1.numerical_abscissa / 20.0, 1e-14);
  EXPECT_DOUBLE_EQ(*r20.steady_state_gain, *r1.steady_state_gain);
  EXPECT_DOUBLE_EQ(r20.henrici_departure, r1.henrici_departure);
}

// Unstable W: steady-state quantities do not exist and stay empty (JSON null).
TEST(AnalyseNetwork, UnstableNetworkHasNoSteadyState) {
  const netdyn::NetworkReport r = netdyn::analyse_network(
      netdyn::read_connectivity(std::string(NETDYN_DATA_DIR) + "/gaussian_n200_rho1.5.npy"));
  EXPECT_EQ(r.n, 200);
  EXPECT_FALSE(r.stable);
  EXPECT_GT(r.spectral_abscissa, 1.0);
  EXPECT_FALSE(r.slowest_timescale.has_value());
  EXPECT_FALSE(r.steady_state_gain.has_value());
  EXPECT_FALSE(r.transient_gain.has_value());
  EXPECT_FALSE(r.total_variance.has_value());
  EXPECT_FALSE(r.fixed_point_type.has_value());
  // Circular law (science.md 5.1): radius about rho = 1.5; max |lambda| within [1.0, 1.06] rho.
  EXPECT_GT(r.spectral_radius, 1.5 * 0.95);
  EXPECT_LT(r.spectral_radius, 1.5 * 1.06);
}

TEST(AnalyseNetwork, RejectsBadTau) {
  netdyn::ReportOptions options;
  options.tau = 0.0;
  EXPECT_THAT([&] { (void)netdyn::analyse_network(Eigen::MatrixXd::Zero(2, 2), options); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("tau = 0")));
}

}  // namespace
