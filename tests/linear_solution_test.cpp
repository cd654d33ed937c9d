#include "netdyn/dynamics/linear_solution.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <unsupported/Eigen/MatrixFunctions>

#include "support/matrices.hpp"
#include "support/rate_networks.hpp"

namespace {

using netdyn::Input;
using netdyn::RateNetwork;

using netdyn::testing::linear_net;

// science.md T1a: MM09 w = 30/7, k = 1.1, r(0) = (1, 0): r(1) = (1.650163488468, 1.282284047297).
TEST(LinearSolution, MurphyMillerMatchesClosedForm) {
  const RateNetwork net = linear_net(netdyn::testing::balanced_ei(30.0 / 7.0, 1.1));
  Eigen::VectorXd times(3);
  times << 0.0, 1.0, 2.5;
  const Eigen::MatrixXd x = netdyn::linear_solution(net, Eigen::Vector2d(1.0, 0.0), {}, times);
  EXPECT_NEAR(x(0, 1), 1.650163488468, 1e-11);
  EXPECT_NEAR(x(1, 1), 1.282284047297, 1e-11);
  // r_E = 11 e^{-t} - 10 e^{-10t/7}, r_I = 10 (e^{-t} - e^{-10t/7}).
  const double t = 2.5;
  EXPECT_NEAR(x(0, 2), 11.0 * std::exp(-t) - 10.0 * std::exp(-10.0 * t / 7.0), 1e-13);
  EXPECT_NEAR(x(1, 2), 10.0 * (std::exp(-t) - std::exp(-10.0 * t / 7.0)), 1e-13);
}

// T1c: degenerate wE = wI = 3 (double eigenvalue 0 of W, a Jordan block of A): r(1) =
// (1.471517764686, 1.103638323514).
TEST(LinearSolution, DegenerateBalancedCase) {
  Eigen::Matrix2d w;
  w << 3, -3, 3, -3;
  Eigen::VectorXd times(2);
  times << 0.0, 1.0;
  const Eigen::MatrixXd x =
      netdyn::linear_solution(linear_net(w), Eigen::Vector2d(1, 0), {}, times);
  EXPECT_NEAR(x(0, 1), 1.471517764686, 1e-11);
  EXPECT_NEAR(x(1, 1), 1.103638323514, 1e-11);
}

// An impulse at 0 from rest is the same as r(0) = jump (the seed's callback).
TEST(LinearSolution, ImpulseAtZeroEqualsInitialCondition) {
  const RateNetwork net = linear_net(netdyn::testing::balanced_ei(30.0 / 7.0, 1.1));
  Eigen::VectorXd times(2);
  times << 0.0, 1.0;
  const Eigen::MatrixXd x = netdyn::linear_solution(
      net, Eigen::Vector2d::Zero(), Input::impulse(Eigen::Vector2d(1, 0), 0.0), times);
  EXPECT_NEAR(x(0, 0), 1.0, 0.0);
  EXPECT_NEAR(x(0, 1), 1.650163488468, 1e-11);
}

// Constant input, per-unit tau: compare with the block exponential computed directly by Eigen
// on the original (not Schur) basis; a pulse switched off at t1 with an impulse later.
TEST(LinearSolution, PiecewiseInputsMatchDirectExponential) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(6, 0.8, 11);
  RateNetwork net = linear_net(w);
  net.tau = Eigen::VectorXd::LinSpaced(6, 0.5, 2.0);
  const Eigen::VectorXd x0 = Eigen::VectorXd::LinSpaced(6, -1.0, 1.0);
  Input in;
  in.constant = Eigen::VectorXd::Constant(6, 0.3);
  in.pulse = Eigen::VectorXd::LinSpaced(6, 1.0, 2.0);
  in.pulse_start = 0.5;
  in.pulse_end = 1.5;
  in.impulses.push_back({2.0, Eigen::VectorXd::Ones(6)});
  const Eigen::MatrixXd a =
      net.tau.cwiseInverse().asDiagonal() * (w - Eigen::MatrixXd::Identity(6, 6));
  const auto step = [&a, &net](double dt, const Eigen::VectorXd& x, const Eigen::VectorXd& h) {
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(7, 7);
    m.topLeftCorner(6, 6) = dt * a;
    m.topRightCorner(6, 1) = dt * net.tau.cwiseInverse().asDiagonal() * h;
    const Eigen::MatrixXd e = m.exp();
    return Eigen::VectorXd(e.topLeftCorner(6, 6) * x + e.topRightCorner(6, 1));
  };
  Eigen::VectorXd expect = step(0.5, x0, in.constant);
  expect = step(1.0, expect, in.constant + in.pulse);
  expect = step(0.5, expect, in.constant) + Eigen::VectorXd::Ones(6);  // at t = 2, after the jump
  const Eigen::VectorXd at_3 = step(1.0, expect, in.constant);
  Eigen::VectorXd times(2);
  times << 2.0, 3.0;
  const Eigen::MatrixXd x = netdyn::linear_solution(net, x0, in, times);
  EXPECT_LT((x.col(0) - expect).norm(), 1e-12 * expect.norm());
  EXPECT_LT((x.col(1) - at_3).norm(), 1e-12 * at_3.norm());
}

TEST(LinearSolution, RejectsNonlinearTransferAndUserInput) {
  RateNetwork net = linear_net(Eigen::Matrix2d::Identity() * 0.5);
  Eigen::VectorXd times(1);
  times << 1.0;
  net.f.kind = netdyn::TransferKind::kTanh;
  EXPECT_THAT([&] { (void)netdyn::linear_solution(net, Eigen::Vector2d::Zero(), {}, times); },
              testing::ThrowsMessage<std::invalid_argument>(testing::HasSubstr("f linear")));
  net.f.kind = netdyn::TransferKind::kLinear;
  Input in;
  in.function = [](double, Eigen::Ref<Eigen::VectorXd>) {};
  EXPECT_THROW((void)netdyn::linear_solution(net, Eigen::Vector2d::Zero(), in, times),
               std::invalid_argument);
}

}  // namespace
