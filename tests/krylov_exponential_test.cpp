#include "netdyn/dynamics/krylov_exponential.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <unsupported/Eigen/MatrixFunctions>

#include "netdyn/dynamics/linear_solution.hpp"
#include "netdyn/dynamics/simulation.hpp"
#include "support/matrices.hpp"
#include "support/rate_networks.hpp"

namespace {

using netdyn::Input;
using netdyn::KrylovExponential;
using netdyn::KrylovOptions;
using netdyn::OdeMethod;
using netdyn::RateNetwork;
using testing::AllOf;
using testing::HasSubstr;
using testing::ThrowsMessage;

// The integrators' error measure: max over outputs and units of |x - x_ref| / (atol + rtol
// |x_ref|).
double weighted_error(const Eigen::MatrixXd& x,
                      const Eigen::MatrixXd& ref,
                      double rtol,
                      double atol) {
  return ((x - ref).array().abs() / (atol + rtol * ref.array().abs())).maxCoeff();
}

using netdyn::testing::linear_net;

netdyn::SimulationOptions krylov_options(double t_end, Eigen::Index samples) {
  netdyn::SimulationOptions o;
  o.method = OdeMethod::kKrylov;
  o.t_end = t_end;
  o.samples = samples;
  o.rtol = 1e-8;
  o.atol = 1e-10;
  return o;
}

// MM09 (science.md T1a, w = 30/7, k = 1.1) from r(0) = (1, 0): r_E = 11 e^{-t} - 10 e^{-10t/7},
// r_I = 10 (e^{-t} - e^{-10t/7}). The augmented Krylov space of a 2x2 system has dimension <= 3,
// so the run ends in a happy breakdown and is exact up to rounding in the 3x3 exponential (the
// values are O(1) and the envelope is below 15, hence 1e-12).
TEST(KrylovExponential, BalancedNetworkMatchesClosedForm) {
  const RateNetwork net = linear_net(netdyn::testing::balanced_ei(30.0 / 7.0, 1.1));
  const netdyn::Trajectory tr =
      netdyn::simulate(net, Eigen::Vector2d(1.0, 0.0), {}, krylov_options(10.0, 101));
  for (Eigen::Index k = 0; k < tr.times.size(); ++k) {
    const double t = tr.times(k);
    EXPECT_NEAR(tr.states(0, k), 11.0 * std::exp(-t) - 10.0 * std::exp(-10.0 * t / 7.0), 1e-12);
    EXPECT_NEAR(tr.states(1, k), 10.0 * (std::exp(-t) - std::exp(-10.0 * t / 7.0)), 1e-12);
  }
  EXPECT_EQ(tr.method, OdeMethod::kKrylov);
  EXPECT_EQ(tr.steps, 1U);
  EXPECT_LE(tr.rhs_evaluations, 3U);  // happy breakdown after at most 3 products
}

// A seeded random stable network (n = 200, rho 0.8, per-unit tau) with constant input, a pulse
// and an impulse, against the Schur-based exact solution at 81 times. Each Krylov step is
// accepted when its estimated error is <= 1 in the weighted norm atol + rtol |x|, and the errors
// of earlier pieces decay (A is stable), so the global weighted error stays below the number of
// steps; Expokit's estimate is an over-estimate in practice, so the bound 1 is checked, i.e. the
// requested rtol 1e-8 itself. Dense output (outputs inside steps) is included.
TEST(KrylovExponential, RandomNetworkWithPiecewiseInputMatchesSchurSolution) {
  const Eigen::Index n = 200;
  RateNetwork net = linear_net(netdyn::testing::gaussian(n, 0.8, 21));
  net.tau = Eigen::VectorXd::LinSpaced(n, 0.5, 2.0);
  Input in;
  in.constant = Eigen::VectorXd::LinSpaced(n, -0.5, 1.0);
  in.pulse = Eigen::VectorXd::Constant(n, 2.0);
  in.pulse_start = 3.0;
  in.pulse_end = 7.5;
  in.impulses.push_back({11.0, netdyn::testing::gaussian(n, 1.0, 22).col(0)});
  const Eigen::VectorXd r0 = netdyn::testing::gaussian(n, 1.0, 23).col(0);
  const netdyn::SimulationOptions o = krylov_options(20.0, 81);
  const netdyn::Trajectory tr = netdyn::simulate(net, r0, in, o);
  const Eigen::MatrixXd exact = netdyn::linear_solution(net, r0, in, tr.times);
  EXPECT_LE(weighted_error(tr.states, exact, o.rtol, o.atol), 1.0);
  // Far fewer products than a Runge-Kutta method needs right-hand sides.
  netdyn::SimulationOptions rk = o;
  rk.method = OdeMethod::kFehlberg78;
  EXPECT_LT(2 * tr.rhs_evaluations, netdyn::simulate(net, r0, in, rk).rhs_evaluations);
}

// The same in the current form, where b = diag(1/tau) g W (X - theta), with gain and threshold.
TEST(KrylovExponential, CurrentFormWithGainAndThreshold) {
  const Eigen::Index n = 120;
  RateNetwork net = linear_net(netdyn::testing::gaussian(n, 0.9, 31));
  net.form = netdyn::RateForm::kCurrent;
  net.f.gain = 0.8;
  net.f.threshold = 0.3;
  net.tau = Eigen::VectorXd::Constant(1, 2.5);
  const Input in = Input::step(Eigen::VectorXd::LinSpaced(n, 0.0, 1.0), 2.0);
  const Eigen::VectorXd r0 = Eigen::VectorXd::Constant(n, 0.4);
  const netdyn::SimulationOptions o = krylov_options(30.0, 31);
  const netdyn::Trajectory tr = netdyn::simulate(net, r0, in, o);
  EXPECT_LE(
      weighted_error(tr.states, netdyn::linear_solution(net, r0, in, tr.times), o.rtol, o.atol),
      1.0);
}

// A nonnormal feedforward chain W = w S (S the down-shift), A = -I + w S, from e_0:
// x_i(t) = e^{-t} (w t)^i / i! exactly. With w = 1.5 and n = 40 the transient reaches ~1600
// at t = 20 (eigenvalues all -1: the growth is purely nonnormal). The Ritz values sit at -1 and
// predict nothing, so this exercises the fallback of the dimension control; max_dimension 25 <
// n forces several steps with step-size reductions. Checked at rtol 1e-8 as above.
TEST(KrylovExponential, NonnormalChainWithLargeEnvelope) {
  const Eigen::Index n = 40;
  const double w = 1.5;
  Eigen::MatrixXd a = -Eigen::MatrixXd::Identity(n, n);
  a.diagonal(-1).setConstant(w);
  Eigen::VectorXd times = Eigen::VectorXd::LinSpaced(41, 0.0, 20.0);
  KrylovOptions opt;
  opt.max_dimension = 25;
  const netdyn::KrylovSolution s = netdyn::krylov_propagate(
      netdyn::dense_operator(a), Eigen::VectorXd::Unit(n, 0), Eigen::VectorXd(), times, opt);
  Eigen::MatrixXd exact(n, times.size());
  for (Eigen::Index k = 0; k < times.size(); ++k) {
    for (Eigen::Index i = 0; i < n; ++i) {
      const double t = times(k);
      exact(i, k) = std::exp(-t + static_cast<double>(i) * std::log(w * t + 1e-300) -
                             std::lgamma(static_cast<double>(i) + 1.0));
    }
  }
  exact(0, 0) = 1.0;
  EXPECT_GT(exact.maxCoeff(), 1000.0);
  EXPECT_LE(weighted_error(s.states, exact, opt.rtol, opt.atol), 1.0);
  EXPECT_GT(s.steps, 1U);
  EXPECT_LE(s.max_dimension_used, 25);
}

// Happy breakdown: A = 0 gives x(t) = x0 + t b after 2 products (the space {[x0; 1], [b; 0]} is
// invariant); an eigenvector with b = 0 gives e^{lambda t} x0. Both exact to rounding, in one step
// over the whole interval.
TEST(KrylovExponential, HappyBreakdownIsExact) {
  const Eigen::Index n = 50;
  const Eigen::MatrixXd zero = Eigen::MatrixXd::Zero(n, n);
  const Eigen::VectorXd x0 = Eigen::VectorXd::LinSpaced(n, -1.0, 2.0);
  const Eigen::VectorXd b = Eigen::VectorXd::LinSpaced(n, 3.0, 0.5);
  Eigen::VectorXd times(3);
  times << 0.0, 7.0, 100.0;
  const netdyn::KrylovSolution s0 =
      netdyn::krylov_propagate(netdyn::dense_operator(zero), x0, b, times);
  for (Eigen::Index k = 0; k < times.size(); ++k) {
    // Rounding only: relative to the size of the state (up to 300 at t = 100).
    const Eigen::VectorXd exact = x0 + times(k) * b;
    EXPECT_LT((s0.states.col(k) - exact).cwiseAbs().maxCoeff(),
              1e-12 * exact.cwiseAbs().maxCoeff());
  }
  EXPECT_LE(s0.products, 2U);
  EXPECT_EQ(s0.steps, 1U);

  Eigen::MatrixXd d = Eigen::MatrixXd::Zero(n, n);
  d.diagonal() = -Eigen::VectorXd::LinSpaced(n, 0.1, 3.0);
  const Eigen::VectorXd e3 = Eigen::VectorXd::Unit(n, 3);
  const netdyn::KrylovSolution s1 =
      netdyn::krylov_propagate(netdyn::dense_operator(d), e3, Eigen::VectorXd(), times);
  EXPECT_NEAR(s1.states(3, 2), std::exp(d(3, 3) * 100.0), 1e-14);
  EXPECT_NEAR(s1.states(3, 1), std::exp(d(3, 3) * 7.0), 1e-14);
  EXPECT_LT(s1.states.bottomRows(n - 4).cwiseAbs().maxCoeff(), 1e-15);
  EXPECT_LE(s1.products, 3U);
}

// A sparse operator gives the same propagation as the dense one, and both match e^{tA} from the
// augmented exponential of Eigen's MatrixFunctions computed directly.
TEST(KrylovExponential, SparseAndDenseOperatorsAgree) {
  const Eigen::Index n = 300;
  Eigen::MatrixXd a = netdyn::testing::tridiagonal_toeplitz(n, -1.0, 0.9, 0.3);
  const Eigen::SparseMatrix<double> sa = a.sparseView();
  const Eigen::VectorXd x0 = netdyn::testing::gaussian(n, 1.0, 41).col(0);
  const Eigen::VectorXd b = Eigen::VectorXd::Ones(n);
  Eigen::VectorXd times(2);
  times << 0.0, 4.0;
  const netdyn::KrylovSolution dense =
      netdyn::krylov_propagate(netdyn::dense_operator(a), x0, b, times);
  const netdyn::KrylovSolution sparse =
      netdyn::krylov_propagate(netdyn::sparse_operator(sa), x0, b, times);
  EXPECT_LT((dense.states - sparse.states).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_EQ(dense.products, sparse.products);
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(n + 1, n + 1);
  m.topLeftCorner(n, n) = 4.0 * a;
  m.topRightCorner(n, 1) = 4.0 * b;
  Eigen::VectorXd aug(n + 1);
  aug << x0, 1.0;
  const Eigen::VectorXd ref = (m.exp() * aug).head(n);
  EXPECT_LE(weighted_error(sparse.states.col(1), ref, 1e-8, 1e-10), 1.0);
}

// Stepping by hand: step() never passes the limit, state_at() interpolates inside the last step,
// and reset() restarts with a new b (a step input done by hand equals simulate's).
TEST(KrylovExponential, StepperInterface) {
  const Eigen::Index n = 60;
  const Eigen::MatrixXd a = netdyn::testing::gaussian(n, 0.7, 51) - Eigen::MatrixXd::Identity(n, n);
  KrylovExponential k(netdyn::dense_operator(a));
  const Eigen::VectorXd x0 = Eigen::VectorXd::Ones(n);
  k.reset(0.0, x0, Eigen::VectorXd());
  while (k.time() < 2.0) k.step(2.0);
  EXPECT_EQ(k.time(), 2.0);
  Eigen::VectorXd mid(n);
  k.state_at(k.previous_time(), mid);
  const Eigen::MatrixXd e = a.exp();  // e^{A}: compare at t = 1 if inside the last step
  if (k.previous_time() <= 1.0) {
    k.state_at(1.0, mid);
    EXPECT_LE(weighted_error(mid, e * x0, 1e-8, 1e-10), 1.0);
  }
  EXPECT_LE(weighted_error(k.state(), e * e * x0, 1e-8, 1e-10), 1.0);
  // A step input by hand: b = 1 from t = 2 to 5.
  k.reset(2.0, k.state(), Eigen::VectorXd::Ones(n));
  while (k.time() < 5.0) k.step(5.0);
  RateNetwork net = linear_net(netdyn::testing::gaussian(n, 0.7, 51));
  Eigen::VectorXd t(1);
  t << 5.0;
  const Eigen::MatrixXd ref =
      netdyn::linear_solution(net, x0, Input::step(Eigen::VectorXd::Ones(n), 2.0), t);
  EXPECT_LE(weighted_error(k.state(), ref, 1e-8, 1e-10), 2.0);  // two steps' errors at most
  EXPECT_GT(k.products(), 0U);
}

// Issue 22: a step towards t = 1e50 on a stable W. The augmented matrix's eigenvalue 0 is held by
// the projection only to rounding (~eps), which e^{tau H} multiplied by tau = 1e50 into an
// overflow: a false divergence. The step is now shortened until the constant component of
// [x; 1] stays 1, and the state is then the exact one: 0 for b = 0, the fixed point -A^{-1} b
// otherwise (e^{tA} has decayed to far below atol by any t >= 1e3).
TEST(KrylovExponential, HugeHorizonOnStableNetworkStaysFinite) {
  const Eigen::MatrixXd a =
      netdyn::testing::balanced_ei(30.0 / 7.0, 1.1) - Eigen::MatrixXd::Identity(2, 2);
  const Eigen::Vector2d b(0.5, -0.25);
  const Eigen::Vector2d fixed_point = -a.partialPivLu().solve(b);
  for (const bool with_input : {false, true}) {
    KrylovExponential k(netdyn::dense_operator(a));
    k.reset(0.0, Eigen::Vector2d(1.0, 0.0), with_input ? Eigen::VectorXd(b) : Eigen::VectorXd());
    for (int i = 0; i < 3; ++i) k.step(1e50);
    ASSERT_TRUE(k.state().allFinite()) << k.state().transpose();
    EXPECT_GT(k.time(), 1e3);
    EXPECT_LE(k.time(), 1e50);
    const Eigen::Vector2d expected = with_input ? fixed_point : Eigen::Vector2d::Zero();
    EXPECT_LE(weighted_error(k.state(), expected, 1e-8, 1e-10), 1.0)
        << "with_input " << with_input << ": " << k.state().transpose();
  }
}

// A diverging linear run (r' = r) reports the threshold crossing, located by bisection on the
// dense output (r = e^t crosses 1e6 at t = ln 1e6), and keeps the outputs before it.
TEST(KrylovExponential, DivergenceIsLocatedInsideTheStep) {
  const RateNetwork net = linear_net(Eigen::MatrixXd::Constant(1, 1, 2.0));
  netdyn::SimulationOptions o = krylov_options(100.0, 101);
  o.divergence_threshold = 1e6;
  try {
    (void)netdyn::simulate(net, Eigen::VectorXd::Ones(1), {}, o);
    FAIL() << "expected DivergenceError";
  } catch (const netdyn::DivergenceError& e) {
    EXPECT_NEAR(e.time(), std::log(1e6), 1e-6);
    const netdyn::Trajectory& p = e.partial();
    ASSERT_EQ(p.times.size(), 14);  // t = 0, 1, ..., 13 < ln 1e6 = 13.8
    EXPECT_NEAR(p.states(0, 13), std::exp(13.0), 1e-8 * std::exp(13.0));
  }
}

// Nonlinear f or a user-function input: the method does not apply, and says so.
TEST(KrylovExponential, RejectsNonlinearNetworksAndFunctionInput) {
  RateNetwork net = linear_net(netdyn::testing::gaussian(10, 0.5, 61));
  net.f.kind = netdyn::TransferKind::kTanh;
  const Eigen::VectorXd r0 = Eigen::VectorXd::Ones(10);
  EXPECT_THAT([&] { (void)netdyn::simulate(net, r0, {}, krylov_options(1.0, 2)); },
              ThrowsMessage<std::invalid_argument>(AllOf(HasSubstr("krylov"), HasSubstr("tanh"))));
  net.f.kind = netdyn::TransferKind::kLinear;
  Input in;
  in.function = [](double, Eigen::Ref<Eigen::VectorXd> x) { x(0) += 1.0; };
  EXPECT_THAT([&] { (void)netdyn::simulate(net, r0, in, krylov_options(1.0, 2)); },
              ThrowsMessage<std::invalid_argument>(
                  AllOf(HasSubstr("krylov"), HasSubstr("input.function"))));
  // W is checked before anything else, with the entry named (the fast finiteness check falls
  // back to the entry-wise search).
  net.w(0, 1) = std::nan("");
  EXPECT_THAT([&] { (void)netdyn::simulate(net, r0, {}, krylov_options(1.0, 2)); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("W(0,1) = nan")));
  netdyn::OdeSystem sys;
  sys.field = [](double,
                 const Eigen::Ref<const Eigen::VectorXd>& x,
                 Eigen::Ref<Eigen::VectorXd> y) { y = -x; };
  EXPECT_THAT([&] { (void)netdyn::integrate(sys, r0, krylov_options(1.0, 2)); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("system.linear")));
  EXPECT_EQ(netdyn::parse_ode_method("krylov"), OdeMethod::kKrylov);
  EXPECT_EQ(netdyn::to_string(OdeMethod::kKrylov), "krylov");
}

TEST(KrylovExponential, RejectsBadInput) {
  const Eigen::MatrixXd a = -Eigen::MatrixXd::Identity(3, 3);
  EXPECT_THAT([] { KrylovExponential k(netdyn::LinearOperator{}); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("no apply")));
  KrylovOptions bad;
  bad.rtol = 0.0;
  EXPECT_THAT([&] { KrylovExponential k(netdyn::dense_operator(a), bad); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("options.rtol = 0")));
  bad = {};
  bad.max_dimension = 0;
  EXPECT_THAT([&] { KrylovExponential k(netdyn::dense_operator(a), bad); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("options.max_dimension = 0")));
  EXPECT_THAT([] { (void)netdyn::dense_operator(Eigen::MatrixXd::Zero(2, 3)); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("2x3")));
  Eigen::MatrixXd nan_a = a;
  nan_a(1, 2) = std::nan("");
  EXPECT_THAT([&] { (void)netdyn::dense_operator(nan_a); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("A(1,2) = nan")));
  Eigen::SparseMatrix<double> sp(3, 3);
  sp.insert(0, 1) = std::numeric_limits<double>::infinity();
  EXPECT_THAT([&] { (void)netdyn::sparse_operator(sp); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("A(0,1) = inf")));

  KrylovExponential k(netdyn::dense_operator(a));
  EXPECT_THAT([&] { k.step(1.0); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("reset() was never called")));
  EXPECT_THAT([&] { k.reset(0.0, Eigen::VectorXd::Ones(2), Eigen::VectorXd()); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("x has 2 entries")));
  EXPECT_THAT([&] { k.reset(0.0, Eigen::Vector3d(1, std::nan(""), 0), Eigen::VectorXd()); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("x(1,0) = nan")));
  k.reset(1.0, Eigen::VectorXd::Ones(3), Eigen::VectorXd());
  EXPECT_THAT([&] { k.step(1.0); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("need a finite limit > time()")));
  Eigen::VectorXd out(3);
  EXPECT_THAT([&] { k.state_at(1.0, out); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("outside the last step")));
  k.step(2.0);
  EXPECT_THAT([&] { k.state_at(2.5, out); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("outside the last step")));
  Eigen::VectorXd times(2);
  times << 1.0, 0.5;
  EXPECT_THAT(
      [&] {
        (void)netdyn::krylov_propagate(
            netdyn::dense_operator(a), Eigen::VectorXd::Ones(3), Eigen::VectorXd(), times);
      },
      ThrowsMessage<std::invalid_argument>(HasSubstr("times(1) = 0.5")));
}

}  // namespace
