// ode_tanh: tau dr/dt = -r + tanh(W r) (W Gaussian, rho 1.5: chaotic) on [0, 50], rtol 1e-8,
// atol 1e-10 (peer: scipy solve_ivp RK45). NETDYN_ODE_METHOD=dopri5|rk78 (default rk78).
#include <cstdio>
#include <cstdlib>

#include "bench_common.hpp"
#include "netdyn/dynamics/simulation.hpp"

int main(int argc, char** argv) {
  const char* m = std::getenv("NETDYN_ODE_METHOD");
  const netdyn::OdeMethod method = netdyn::parse_ode_method(m ? m : "rk78");
  for (const long n : netdyn::bench::sizes(argc, argv, {200, 1000})) {
    const std::string tag = "ode_tanh_" + std::to_string(n);
    netdyn::RateNetwork net;
    net.w = netdyn::bench::input(tag + "_w");
    net.f.kind = netdyn::TransferKind::kTanh;
    const Eigen::VectorXd r0 = netdyn::bench::input(tag + "_r0").reshaped();
    netdyn::SimulationOptions options;
    options.t_end = 50.0;
    options.samples = 2;
    options.rtol = 1e-8;
    options.atol = 1e-10;
    options.method = method;
    netdyn::Trajectory last;
    const double s =
        netdyn::bench::time_median([&] { last = netdyn::simulate(net, r0, {}, options); });
    netdyn::bench::report("ode_tanh", n, s);
    std::fprintf(stderr,
                 "  ode_tanh %ld %s: %zu steps, %zu rejected, %zu rhs evaluations\n",
                 n,
                 netdyn::to_string(method).c_str(),
                 last.steps,
                 last.rejected_steps,
                 last.rhs_evaluations);
  }
}
