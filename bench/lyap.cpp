// lyap: stationary covariance A X + X A^T + 2 I = 0 for A = -I + W, W Gaussian rho = 0.9
// (peer: scipy.linalg.solve_continuous_lyapunov(a, -2 I)).
#include "bench_common.hpp"
#include "netdyn/amplification/lyapunov.hpp"

int main(int argc, char** argv) {
  for (const long n : netdyn::bench::sizes(argc, argv, {500, 1000, 2000})) {
    const Eigen::MatrixXd a = netdyn::bench::input("lyap_" + std::to_string(n));
    const Eigen::MatrixXd q = 2.0 * Eigen::MatrixXd::Identity(n, n);
    double residual = 0.0;
    const double s =
        netdyn::bench::time_median([&] { residual = netdyn::solve_lyapunov(a, q).residual; }, 1);
    netdyn::bench::report("lyap", n, s);
    std::fprintf(stderr, "lyap %ld relative residual %.2e\n", n, residual);
  }
}
