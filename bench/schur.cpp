// schur: complex Schur form of the Gaussian W (peer: scipy.linalg.schur(W, output='complex'),
// which complexifies W and calls zgees, unordered). netdyn's complex_schur() additionally orders
// the diagonal by decreasing real part and computes the backward and orthogonality errors, as
// `netdyn schur` does; `schur_noerr` and `schur_zgees` lines show the parts.
#include <cstring>

#include "bench_common.hpp"
#include "netdyn/factorization/schur.hpp"

int main(int argc, char** argv) {
  for (const long n : netdyn::bench::sizes(argc, argv, {500, 1000, 2000})) {
    const Eigen::MatrixXd w = netdyn::bench::input("schur_" + std::to_string(n));
    const double s = netdyn::bench::time_median([&] { (void)netdyn::complex_schur(w); });
    netdyn::bench::report("schur", n, s);
    if (std::getenv("NETDYN_BENCH_DETAIL") != nullptr) {
      netdyn::SchurOptions fast;
      fast.compute_errors = false;
      netdyn::bench::report("schur_noerr", n, netdyn::bench::time_median([&] {
                              (void)netdyn::complex_schur(w, fast);
                            }));
      fast.order = netdyn::SchurOrder::kNone;
      netdyn::bench::report("schur_unordered", n, netdyn::bench::time_median([&] {
                              (void)netdyn::complex_schur(w, fast);
                            }));
      fast.method = netdyn::ComplexSchurMethod::kZgees;
      netdyn::bench::report("schur_zgees_unordered", n, netdyn::bench::time_median([&] {
                              (void)netdyn::complex_schur(w, fast);
                            }));
    }
  }
}
