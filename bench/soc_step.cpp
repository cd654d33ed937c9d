// soc_step: one stability-optimised-circuit step on the peer's initial network (n = 200, 400;
// half E, density 0.1, R = 10, gamma = 3): spectral abscissa, shift s = max(1.5 alpha, alpha +
// 0.2), the two Gramians of W - sI, the gradient Q P / tr(Q P) on the inhibitory columns, the
// update and the clip (peer: eigvals, two solve_continuous_lyapunov, gradient, update, clip).
// netdyn's step: optimise_stability over 10 steps, divided by 10 (each step one Schur
// decomposition of W with vectors, two triangular Lyapunov solves and three products; the run
// also forms the final W's Schur form and Gramians for its trace, counted here against netdyn).
#include <malloc.h>

#include <cstdlib>

#include "bench_common.hpp"
#include "netdyn/models/stability_optimised_circuit.hpp"

int main(int argc, char** argv) {
  // As `netdyn soc` runs (tools/main.cpp): n x n buffers from the heap, kept for reuse, instead of
  // a fresh mmap per allocation whose pages fault again every step (at n = 400 about 20% of the
  // step: 0.087 against 0.11 s; a Python caller has glibc's default and the latter figure).
  if (std::getenv("NETDYN_BENCH_DEFAULT_MALLOC") == nullptr) {
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, -1);
  }
  for (const long n : netdyn::bench::sizes(argc, argv, {200, 400})) {
    const Eigen::MatrixXd w = netdyn::bench::input("soc_step_" + std::to_string(n));
    netdyn::SocOptions options;
    options.max_steps = 10;
    options.target_abscissa = -1e300;  // never reached: exactly one update
    double alpha = 0.0;
    const double s = netdyn::bench::time_median([&] {
                       alpha =
                           netdyn::optimise_stability(w, options).trace.back().spectral_abscissa;
                     }) /
                     10.0;
    netdyn::bench::report("soc_step", n, s);
    std::fprintf(stderr, "soc_step %ld abscissa after 10 steps %.6f\n", n, alpha);
  }
}
