// ode: integrate the linear network tau dr/dt = -r + W r + 1 (W Gaussian, rho 0.9) on [0, 50],
// rtol 1e-8, atol 1e-10 (peer: scipy solve_ivp RK45 on `a @ r + 1`, a = -I + W). It integrates
// (no exact-solution shortcut). The `ode N seconds` line on stdout is the Krylov exponential
// integrator (simulate --method krylov, the fastest netdyn method for this linear job;
// NETDYN_ODE_METHOD=dopri5|rk78|... picks another). rk78, the fastest Runge-Kutta method, is timed
// too, on stderr, with the step and product counts of both, so the ratio in bench/compare.sh can
// be read next to the Runge-Kutta one.
#include <cstdio>
#include <cstdlib>

#include "bench_common.hpp"
#include "netdyn/dynamics/simulation.hpp"

int main(int argc, char** argv) {
  const char* m = std::getenv("NETDYN_ODE_METHOD");
  const netdyn::OdeMethod method = netdyn::parse_ode_method(m ? m : "krylov");
  const netdyn::OdeMethod runge_kutta = netdyn::OdeMethod::kFehlberg78;
  for (const long n : netdyn::bench::sizes(argc, argv, {200, 1000})) {
    const std::string tag = "ode_" + std::to_string(n);
    netdyn::RateNetwork net;
    net.w = netdyn::bench::input(tag + "_w");
    const Eigen::VectorXd r0 = netdyn::bench::input(tag + "_r0").reshaped();
    const netdyn::Input input = netdyn::Input::constant_input(Eigen::VectorXd::Ones(net.size()));
    netdyn::SimulationOptions options;
    options.t_end = 50.0;
    options.samples = 2;
    options.rtol = 1e-8;
    options.atol = 1e-10;
    const auto run = [&](netdyn::OdeMethod which, bool print) {
      options.method = which;
      netdyn::Trajectory last;
      const double s =
          netdyn::bench::time_median([&] { last = netdyn::simulate(net, r0, input, options); });
      if (print) netdyn::bench::report("ode", n, s);
      std::fprintf(stderr,
                   "  ode %ld %s: %.4f s, %zu steps, %zu rejected, %zu rhs evaluations\n",
                   n,
                   netdyn::to_string(which).c_str(),
                   s,
                   last.steps,
                   last.rejected_steps,
                   last.rhs_evaluations);
      return last;
    };
    const netdyn::Trajectory fast = run(method, true);
    if (method != runge_kutta) {
      const netdyn::Trajectory rk = run(runge_kutta, false);
      const Eigen::Index k = fast.states.cols() - 1;
      std::fprintf(stderr,
                   "  ode %ld: max |x_%s - x_rk78| at t = 50: %.2e (max |x| %.2f)\n",
                   n,
                   netdyn::to_string(method).c_str(),
                   (fast.states.col(k) - rk.states.col(k)).cwiseAbs().maxCoeff(),
                   fast.states.col(k).cwiseAbs().maxCoeff());
    }
  }
}
