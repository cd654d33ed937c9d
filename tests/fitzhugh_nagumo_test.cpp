#include "netdyn/models/fitzhugh_nagumo.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "netdyn/core/error.hpp"
#include "netdyn/dynamics/jacobian.hpp"
#include "netdyn/dynamics/simulation.hpp"

namespace {

// science.md 6.4: I = 0.3: v* = -0.993297474550, w* = -0.366621843187,
// eig = -0.0253199365 +- 0.2801853899 i (a stable spiral).
TEST(FitzHughNagumo, FixedPointAtDefaultCurrent) {
  const netdyn::FitzHughNagumoFixedPoint fp = netdyn::fitzhugh_nagumo_fixed_point({});
  EXPECT_NEAR(fp.state(0), -0.993297474550, 1e-11);
  EXPECT_NEAR(fp.state(1), -0.366621843187, 1e-11);
  EXPECT_NEAR(fp.eigenvalues(0).real(), -0.0253199365, 1e-9);
  EXPECT_NEAR(fp.eigenvalues(0).imag(), 0.2801853899, 1e-9);
  EXPECT_NEAR(fp.trace, -0.050639873, 1e-9);
  EXPECT_NEAR(fp.determinant, 0.079144952, 1e-9);
  EXPECT_TRUE(fp.stable);
  EXPECT_EQ(fp.classification, netdyn::FixedPointType::kStableSpiral);
}

// At (v, w) = (0.5, 0.2): J = [[1 - v^2, -1], [1/tau, -b/tau]] = [[0.75, -1], [0.08, -0.064]],
// the AutoDiff route exact and central differences to ~1e-10; a NaN state is named.
TEST(FitzHughNagumo, CheckedJacobianAtAState) {
  const netdyn::JacobianCheck c =
      netdyn::check_fitzhugh_nagumo_jacobian({}, Eigen::Vector2d(0.5, 0.2));
  Eigen::Matrix2d expected;
  expected << 0.75, -1.0, 0.08, -0.064;
  EXPECT_LT((c.jacobian - expected).cwiseAbs().maxCoeff(), 1e-15);
  ASSERT_TRUE(c.autodiff_error.has_value());
  EXPECT_LT(*c.autodiff_error, 1e-15);
  EXPECT_LT(c.finite_difference_error, 1e-9);
  // trace 0.686, determinant 0.032: two real eigenvalues, tr/2 +- sqrt(tr^2/4 - det).
  const double tr = 0.686;
  const double det = 0.75 * -0.064 + 0.08;
  EXPECT_NEAR(c.eigenvalues(0).real(), tr / 2 + std::sqrt(tr * tr / 4 - det), 1e-14);
  EXPECT_NEAR(c.eigenvalues(1).real(), tr / 2 - std::sqrt(tr * tr / 4 - det), 1e-14);
  EXPECT_THROW((void)netdyn::check_fitzhugh_nagumo_jacobian({}, Eigen::Vector2d(0.5, NAN)),
               std::invalid_argument);
}

TEST(FitzHughNagumo, UnstableAboveHopf) {
  netdyn::FitzHughNagumo m;
  m.current = 0.4;
  const netdyn::FitzHughNagumoFixedPoint fp = netdyn::fitzhugh_nagumo_fixed_point(m);
  EXPECT_NEAR(fp.state(0), -0.906567067787, 1e-11);
  EXPECT_NEAR(fp.eigenvalues(0).real(), 0.0570680758, 1e-9);
  EXPECT_FALSE(fp.stable);
  EXPECT_EQ(fp.classification, netdyn::FixedPointType::kUnstableSpiral);
}

// Acceptance: the Hopf current 0.331281337455 to 1e-8 (by root finding, not the closed form).
TEST(FitzHughNagumo, HopfCurrent) {
  const netdyn::HopfPoint h = netdyn::fitzhugh_nagumo_hopf({});
  EXPECT_NEAR(h.current, 0.331281337455, 1e-8);
  EXPECT_NEAR(h.closed_form, 0.331281337455, 1e-11);
  EXPECT_NEAR(h.state(0), -0.967470929796, 1e-8);
  EXPECT_NEAR(h.frequency, 0.275506806, 1e-8);
}

TEST(FitzHughNagumo, JacobianMatchesAutoDiffAndFiniteDifferences) {
  const netdyn::FitzHughNagumo m;
  const Eigen::Vector2d x(-0.4, 0.2);
  const Eigen::Matrix2d j = netdyn::fitzhugh_nagumo_jacobian(m, x);
  const Eigen::MatrixXd ad =
      netdyn::autodiff_jacobian([&m](const auto& y) { return m.field(y); }, Eigen::VectorXd(x));
  EXPECT_LT((ad - j).cwiseAbs().maxCoeff(), 1e-15);
  const Eigen::MatrixXd fd = netdyn::finite_difference_jacobian(
      [&m](const Eigen::Ref<const Eigen::VectorXd>& y, Eigen::Ref<Eigen::VectorXd> fy) {
        fy = m.field(Eigen::VectorXd(y));
      },
      x);
  EXPECT_LT((fd - j).cwiseAbs().maxCoeff(), 1e-9);
}

// The stable fixed point attracts a small kick (the ODE confirms the linear verdict).
TEST(FitzHughNagumo, SimulationConvergesBelowHopf) {
  const netdyn::FitzHughNagumo m;
  const netdyn::FitzHughNagumoFixedPoint fp = netdyn::fitzhugh_nagumo_fixed_point(m);
  netdyn::OdeSystem sys;
  sys.field = [&m](double,
                   const Eigen::Ref<const Eigen::VectorXd>& x,
                   Eigen::Ref<Eigen::VectorXd> dxdt) { dxdt = m.field(Eigen::VectorXd(x)); };
  netdyn::SimulationOptions o;
  o.t_end = 600.0;
  o.samples = 2;
  const netdyn::Trajectory t = netdyn::integrate(sys, fp.state + Eigen::Vector2d(0.01, 0.0), o);
  EXPECT_LT((t.states.col(1) - fp.state).norm(), 1e-7);
}

TEST(FitzHughNagumo, RejectsBadParameters) {
  netdyn::FitzHughNagumo m;
  m.tau = 0.0;
  EXPECT_THROW((void)netdyn::fitzhugh_nagumo_fixed_point(m), std::invalid_argument);
}

}  // namespace

// Issue 22: |v*|^3 = 3 |a - b I|/|b| must be a double; a = 1e308 made Newton produce NaN.
TEST(FitzHughNagumo, FixedPointBeyondTheDoubleRangeNamesTheParameter) {
  netdyn::FitzHughNagumo m;
  m.a = 1e308;
  try {
    (void)netdyn::fitzhugh_nagumo_fixed_point(m);
    FAIL() << "a = 1e308 accepted";
  } catch (const netdyn::ParameterRangeError& e) {
    EXPECT_EQ(e.parameter(), "a");
  }
}
