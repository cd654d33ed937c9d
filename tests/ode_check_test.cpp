#include "netdyn/dynamics/ode_check.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "netdyn/amplification/covariance.hpp"
#include "netdyn/core/error.hpp"
#include "support/matrices.hpp"
#include "support/rate_networks.hpp"

namespace {

using netdyn::Input;
using netdyn::OdeMethod;
using netdyn::RateNetwork;

using netdyn::testing::linear_net;

netdyn::SimulationOptions tight(OdeMethod method, double t_end) {
  netdyn::SimulationOptions o;
  o.method = method;
  o.t_end = t_end;
  o.samples = 51;
  o.rtol = 1e-10;
  o.atol = 1e-12;
  return o;
}

// Acceptance: ODE vs exact on the 2x2 balanced (MM09) and Hebbian networks, 1e-8 relative with
// rtol 1e-10, both explicit methods and the Krylov exponential integrator, from r(0) = (1, 0) and
// with a pulse kick.
TEST(OdeCheck, BalancedAndHebbianAgreeWithExactSolution) {
  const Eigen::MatrixXd balanced = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  const Eigen::MatrixXd hebbian = (6.0 / 7.0) / 2.0 * Eigen::MatrixXd::Ones(2, 2);
  for (const Eigen::MatrixXd& w : {balanced, hebbian}) {
    for (const OdeMethod m :
         {OdeMethod::kDormandPrince5, OdeMethod::kFehlberg78, OdeMethod::kKrylov}) {
      const netdyn::OdeCheck c =
          netdyn::check_ode_against_exact(linear_net(w), Eigen::Vector2d(1, 0), {}, tight(m, 10.0));
      EXPECT_LT(c.max_rel_error, 1e-8) << netdyn::to_string(m) << " worst at t = " << c.worst_time;
      Input pulse = Input::pulse_input(Eigen::Vector2d(1.0, 0.5), 1.0, 2.5);
      pulse.impulses.push_back({4.0, Eigen::Vector2d(0.0, 1.0)});
      const netdyn::OdeCheck p = netdyn::check_ode_against_exact(
          linear_net(w), Eigen::Vector2d(0, 0), pulse, tight(m, 10.0));
      EXPECT_LT(p.max_rel_error, 1e-8) << netdyn::to_string(m) << " with pulse and impulse";
    }
  }
}

// Seeded random stable network, n = 100 (rho 0.9), per-unit tau, constant input and a step; the
// Krylov integrator too (its per-step weighted error <= 1 at rtol 1e-10 is well inside 1e-8).
TEST(OdeCheck, RandomStableNetworkN100) {
  RateNetwork net = linear_net(netdyn::testing::gaussian(100, 0.9, 7));
  net.tau = Eigen::VectorXd::LinSpaced(100, 0.5, 2.0);
  Input in = Input::step(Eigen::VectorXd::LinSpaced(100, -1.0, 1.0), 3.0);
  in.constant = Eigen::VectorXd::Constant(100, 0.2);
  const Eigen::VectorXd r0 = netdyn::testing::gaussian(100, 1.0, 8).col(0) * 10.0;
  for (const OdeMethod m : {OdeMethod::kFehlberg78, OdeMethod::kKrylov}) {
    const netdyn::OdeCheck c = netdyn::check_ode_against_exact(net, r0, in, tight(m, 20.0));
    EXPECT_LT(c.max_rel_error, 1e-8) << netdyn::to_string(m) << " worst at t = " << c.worst_time;
  }
}

// Stiff case for the Rosenbrock method: time constants 1 and 1e-4.
TEST(OdeCheck, RosenbrockOnStiffNetwork) {
  RateNetwork net = linear_net(netdyn::testing::balanced_ei(2.0, 3.0));
  net.tau = Eigen::Vector2d(1.0, 1e-4);
  netdyn::SimulationOptions o = tight(OdeMethod::kRosenbrock4, 5.0);
  o.rtol = 1e-8;
  o.atol = 1e-10;
  const netdyn::OdeCheck c = netdyn::check_ode_against_exact(
      net, Eigen::Vector2d(1, 0), Input::constant_input(Eigen::Vector2d(0.5, 0.1)), o);
  EXPECT_LT(c.max_rel_error, 1e-6);
  EXPECT_GT(c.ode.jacobian_evaluations, 0U);
  EXPECT_LT(c.ode.steps, 2000U) << "an implicit method should not be step-limited by tau_I";
}

// Acceptance: int_0^inf r_E dt for MM09 (w = 30/7, k = 1.1) from r(0) = (1, 0) is 4x the
// uncoupled one, proven by integrating the dynamics with the integral as an extra state.
TEST(OdeCheck, MurphyMillerIntegralIsFourTimesUncoupled) {
  const auto integral = [](const Eigen::Matrix2d& w) {
    netdyn::OdeSystem sys;
    sys.field =
        [w](double, const Eigen::Ref<const Eigen::VectorXd>& x, Eigen::Ref<Eigen::VectorXd> dxdt) {
          dxdt.head(2) = -x.head(2) + w * x.head(2);
          dxdt(2) = x(0);  // q' = r_E
        };
    netdyn::SimulationOptions o = tight(OdeMethod::kFehlberg78, 60.0);
    o.samples = 2;
    const netdyn::Trajectory t = netdyn::integrate(sys, Eigen::Vector3d(1, 0, 0), o);
    return t.states(2, 1);
  };
  const double coupled = integral(netdyn::testing::balanced_ei(30.0 / 7.0, 1.1));
  const double uncoupled = integral(Eigen::Matrix2d::Zero());
  EXPECT_NEAR(coupled, 4.0, 1e-8);
  EXPECT_NEAR(uncoupled, 1.0, 1e-9);
  EXPECT_NEAR(coupled / uncoupled, 4.0, 1e-8);
}

}  // namespace

namespace {

// The evoked energy integrated along the simulated free response equals a^T Q a from the
// Lyapunov equation: science.md T3c for MM09 (E(e1) = 15.117647059, the top mode 24.628292694),
// and a readout C = e1^T (only r_E counted) against Q with 2 C^T C on the right.
TEST(IntegrateEvokedEnergy, MatchesTheEnergyMatrix) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  const auto e1 = netdyn::integrate_evoked_energy(w, Eigen::Vector2d(1.0, 0.0));
  EXPECT_NEAR(e1.energy, 15.117647059, 1e-7);
  EXPECT_GT(e1.steps, 10u);
  netdyn::EvokedEnergyOptions options;
  options.count = 1;
  const auto modes = netdyn::most_amplified_initial_conditions(w, options);
  EXPECT_NEAR(modes.energies(0), 24.628292694, 1e-8);
  const auto top = netdyn::integrate_evoked_energy(w, modes.patterns.col(0));
  EXPECT_NEAR(top.energy, modes.energies(0), 1e-8 * modes.energies(0));
  Eigen::MatrixXd c(1, 2);
  c << 1.0, 0.0;
  options.readout = c;
  options.count = 2;
  const auto read = netdyn::most_amplified_initial_conditions(w, options);
  for (Eigen::Index k = 0; k < 2; ++k) {
    const auto r = netdyn::integrate_evoked_energy(w, read.patterns.col(k), c);
    EXPECT_NEAR(r.energy, read.energies(k), 1e-8 * read.energies(0)) << k;
  }
  EXPECT_THAT([&] { (void)netdyn::integrate_evoked_energy(w, Eigen::Vector3d(1, 0, 0)); },
              testing::ThrowsMessage<std::invalid_argument>(testing::HasSubstr("3 entries")));
  Eigen::Matrix2d unstable;
  unstable << 1.5, 0.0, 0.0, 0.2;
  EXPECT_THROW((void)netdyn::integrate_evoked_energy(unstable, Eigen::Vector2d(1.0, 0.0)),
               netdyn::NumericalError);
}

}  // namespace
