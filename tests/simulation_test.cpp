#include "netdyn/dynamics/simulation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "support/matrices.hpp"

namespace {

using netdyn::Input;
using netdyn::OdeMethod;
using netdyn::RateNetwork;
using testing::HasSubstr;
using testing::ThrowsMessage;

RateNetwork tanh_net(Eigen::Index n, double rho, std::uint64_t seed) {
  RateNetwork net;
  net.w = netdyn::testing::gaussian(n, rho, seed);
  net.f.kind = netdyn::TransferKind::kTanh;
  return net;
}

// Rate and current forms describe the same dynamics: with scalar tau and constant X, if r solves
// tau r' = -r + f(W r + X) then I = W r solves tau I' = -I + W f(I + X).
TEST(Simulate, RateAndCurrentFormsAreEquivalent) {
  RateNetwork rate = tanh_net(12, 1.3, 3);
  rate.tau = Eigen::VectorXd::Constant(1, 2.0);
  RateNetwork current = rate;
  current.form = netdyn::RateForm::kCurrent;
  const Eigen::VectorXd r0 = netdyn::testing::gaussian(12, 1.0, 4).col(0);
  const Input in = Input::constant_input(Eigen::VectorXd::LinSpaced(12, -0.3, 0.3));
  netdyn::SimulationOptions o;
  o.t_end = 15.0;
  o.rtol = 1e-11;
  o.atol = 1e-12;
  const netdyn::Trajectory tr = netdyn::simulate(rate, r0, in, o);
  const netdyn::Trajectory ti = netdyn::simulate(current, rate.w * r0, in, o);
  const Eigen::MatrixXd wr = rate.w * tr.states;
  EXPECT_LT((wr - ti.states).cwiseAbs().maxCoeff(), 1e-8);
}

// The three steppers agree on a nonlinear network with a pulse (each relative to its tolerance).
TEST(Simulate, SteppersAgreeOnNonlinearNetworkWithPulse) {
  RateNetwork net = tanh_net(20, 1.5, 5);
  net.f.kind = netdyn::TransferKind::kSigmoid;
  net.f.gain = 2.0;
  net.f.threshold = 0.1;
  const Input in = Input::pulse_input(Eigen::VectorXd::Constant(20, 0.7), 1.0, 3.0);
  const Eigen::VectorXd r0 = Eigen::VectorXd::Constant(20, 0.2);
  netdyn::SimulationOptions o;
  o.t_end = 8.0;
  o.rtol = 1e-10;
  o.atol = 1e-12;
  o.method = OdeMethod::kFehlberg78;
  const Eigen::MatrixXd ref = netdyn::simulate(net, r0, in, o).states;
  o.method = OdeMethod::kDormandPrince5;
  EXPECT_LT((netdyn::simulate(net, r0, in, o).states - ref).cwiseAbs().maxCoeff(), 1e-8);
  o.method = OdeMethod::kRosenbrock4;
  o.rtol = 1e-8;
  o.atol = 1e-10;
  EXPECT_LT((netdyn::simulate(net, r0, in, o).states - ref).cwiseAbs().maxCoeff(), 1e-6);
}

// Threshold-linear units below threshold stay silent: r -> 0 exponentially with rate 1/tau.
TEST(Simulate, ThresholdLinearSilentUnitsDecay) {
  RateNetwork net;
  net.w = Eigen::Matrix2d::Zero();
  net.f.kind = netdyn::TransferKind::kThresholdLinear;
  net.f.threshold = 1.0;
  netdyn::SimulationOptions o;
  o.t_end = 3.0;
  o.samples = 4;
  const netdyn::Trajectory t = netdyn::simulate(net, Eigen::Vector2d(1, 2), {}, o);
  EXPECT_NEAR(t.states(1, 3), 2.0 * std::exp(-3.0), 1e-9);
}

TEST(Simulate, UserFunctionInputAndObserver) {
  RateNetwork net;
  net.w = Eigen::MatrixXd::Zero(1, 1);
  Input in;
  in.function = [](double t, Eigen::Ref<Eigen::VectorXd> x) { x(0) += std::cos(t); };
  netdyn::SimulationOptions o;
  o.t_end = 4.0;
  o.samples = 9;
  o.rtol = 1e-11;
  o.atol = 1e-13;
  int calls = 0;
  o.observer = [&calls](double, const Eigen::VectorXd&) { ++calls; };
  const netdyn::Trajectory t = netdyn::simulate(net, Eigen::VectorXd::Zero(1), in, o);
  // r' = -r + cos t, r(0) = 0: r = (cos t + sin t - e^{-t})/2.
  const double tt = 4.0;
  EXPECT_NEAR(t.states(0, 8), 0.5 * (std::cos(tt) + std::sin(tt) - std::exp(-tt)), 1e-9);
  EXPECT_EQ(calls, 9);
}

// Bad input: tau <= 0, t_end <= 0, mismatched sizes.
TEST(Simulate, RejectsBadInput) {
  RateNetwork net;
  net.w = Eigen::Matrix2d::Identity() * 0.5;
  const Eigen::Vector2d r0(1, 0);
  net.tau = Eigen::Vector2d(1.0, 0.0);
  EXPECT_THAT([&] { (void)netdyn::simulate(net, r0); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("tau(1) = 0")));
  net.tau = Eigen::VectorXd::Constant(1, -2.0);
  EXPECT_THROW((void)netdyn::simulate(net, r0), std::invalid_argument);
  net.tau.resize(0);
  netdyn::SimulationOptions o;
  o.t_end = 0.0;
  EXPECT_THAT([&] { (void)netdyn::simulate(net, r0, {}, o); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("t_end = 0")));
  EXPECT_THAT([&] { (void)netdyn::simulate(net, Eigen::Vector3d(1, 0, 0)); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("r0 has 3 entries")));
  EXPECT_THAT(
      [&] { (void)netdyn::simulate(net, r0, Input::constant_input(Eigen::VectorXd::Ones(3))); },
      ThrowsMessage<std::invalid_argument>(HasSubstr("input constant X has 3 entries")));
  net.tau = Eigen::Vector3d::Ones();
  EXPECT_THROW((void)netdyn::simulate(net, r0), std::invalid_argument);
}

// A diverging run names the time it blew up and keeps what was recorded before.
TEST(Simulate, DivergenceReportsTimeAndKeepsPartialTrajectory) {
  RateNetwork net;
  net.w = Eigen::MatrixXd::Constant(1, 1, 2.0);  // r' = r
  netdyn::SimulationOptions o;
  o.t_end = 100.0;
  o.samples = 101;
  o.divergence_threshold = 1e6;
  try {
    (void)netdyn::simulate(net, Eigen::VectorXd::Ones(1), {}, o);
    FAIL() << "expected DivergenceError";
  } catch (const netdyn::DivergenceError& e) {
    EXPECT_NEAR(e.time(), std::log(1e6), 1.0);
    EXPECT_THAT(e.what(), HasSubstr("diverged at t = "));
    const netdyn::Trajectory& p = e.partial();
    ASSERT_GE(p.times.size(), 13);
    EXPECT_LE(p.times(p.times.size() - 1), e.time());
    EXPECT_NEAR(p.states(0, 10), std::exp(10.0), 1e-4 * std::exp(10.0));
  }
}

}  // namespace

namespace {

// Issue 22: a run longer than the step limit says where it stopped and what to do.
TEST(Simulate, StepLimitNamesTimeAndRemedies) {
  RateNetwork net;
  net.w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  netdyn::SimulationOptions o;
  o.t_end = 1e4;  // dopri5 needs a step of ~1 for stability: thousands of steps
  o.max_steps = 50;
  try {
    (void)netdyn::simulate(net, Eigen::VectorXd::Ones(2), {}, o);
    FAIL() << "expected StepLimitError";
  } catch (const netdyn::StepLimitError& e) {
    EXPECT_GT(e.time(), 0.0);
    EXPECT_LT(e.time(), o.t_end);
    EXPECT_THAT(e.what(), HasSubstr("of t_end = 10000"));
    EXPECT_THAT(e.what(), HasSubstr("rosenbrock4"));
  }
}

}  // namespace
