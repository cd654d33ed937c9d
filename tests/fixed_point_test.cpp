#include "netdyn/dynamics/fixed_point.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Dense>

#include "netdyn/dynamics/simulation.hpp"
#include "support/matrices.hpp"

namespace {

// science.md 6.2 (Rosenbaum Fig. 3.4): r* = (0.0056083329, 0.0125043703) per ms.
TEST(ThresholdLinearFixedPoint, RosenbaumClosedForm) {
  Eigen::Matrix2d w;
  w << 2000, -2000, 6000, -3000;
  const netdyn::ThresholdLinearFixedPoint fp = netdyn::threshold_linear_fixed_point(
      w, Eigen::Vector2d(25.0, 17.0), 0.003575, 9.639160837867031);
  EXPECT_NEAR(fp.rates(0), 0.0056083329, 1e-10);
  EXPECT_NEAR(fp.rates(1), 0.0125043703, 1e-10);
  EXPECT_TRUE(fp.all_above_threshold);
  EXPECT_NEAR(fp.total_input(0), 11.2079, 1e-4);
}

// science.md 6.3 toy: W = [[2, -3], [3, -2]], g = 1, theta = 0, X = (1, 0.5): r* = (1/4, 5/12);
// damped Newton on the nonlinear model from a far start finds the same point, and the ODE
// (tau = (10, 5), a stable spiral) converges to it.
TEST(RateFixedPoint, NewtonMatchesClosedFormAndSimulation) {
  netdyn::RateNetwork net;
  net.w.resize(2, 2);
  net.w << 2, -3, 3, -2;
  net.f.kind = netdyn::TransferKind::kThresholdLinear;
  net.tau = Eigen::Vector2d(10.0, 5.0);
  const Eigen::Vector2d x(1.0, 0.5);
  const netdyn::ThresholdLinearFixedPoint closed =
      netdyn::threshold_linear_fixed_point(net.w, x, 1.0, 0.0);
  EXPECT_NEAR(closed.rates(0), 0.25, 1e-14);
  EXPECT_NEAR(closed.rates(1), 5.0 / 12.0, 1e-14);
  const netdyn::FixedPoint fp = netdyn::rate_fixed_point(net, x, Eigen::Vector2d(1.0, 1.0));
  EXPECT_LT((fp.x - closed.rates).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_NEAR(fp.jacobian.trace(), -0.5, 1e-12);
  EXPECT_NEAR(fp.jacobian.determinant(), 0.12, 1e-12);
  netdyn::SimulationOptions o;
  o.t_end = 300.0;
  o.samples = 2;
  const netdyn::Trajectory t =
      netdyn::simulate(net, Eigen::Vector2d(0.5, 0.5), netdyn::Input::constant_input(x), o);
  EXPECT_LT((t.states.col(1) - closed.rates).cwiseAbs().maxCoeff(), 1e-8);
}

// A tanh network with weak coupling: the fixed point of the generic solver without a Jacobian
// (finite differences) satisfies r = tanh(W r + X).
TEST(FindFixedPoint, GenericFieldWithoutJacobian) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(10, 0.5, 51);
  const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(10, -1.0, 1.0);
  const netdyn::Field f = [&](const Eigen::Ref<const Eigen::VectorXd>& r,
                              Eigen::Ref<Eigen::VectorXd> fr) {
    fr = (w * r + x).array().tanh().matrix() - r;
  };
  const netdyn::FixedPoint fp = netdyn::find_fixed_point(f, {}, Eigen::VectorXd::Zero(10));
  EXPECT_LT(((w * fp.x + x).array().tanh().matrix() - fp.x).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(FindFixedPoint, NoFixedPointIsANumericalError) {
  const netdyn::Field f = [](const Eigen::Ref<const Eigen::VectorXd>& r,
                             Eigen::Ref<Eigen::VectorXd> fr) { fr(0) = r(0) * r(0) + 1.0; };
  EXPECT_THROW((void)netdyn::find_fixed_point(f, {}, Eigen::VectorXd::Ones(1)),
               netdyn::NumericalError);
}

}  // namespace
