// eig: all eigenvalues of the Gaussian W (peer: numpy.linalg.eigvals).
#include "bench_common.hpp"
#include "netdyn/factorization/spectrum.hpp"

int main(int argc, char** argv) {
  for (const long n : netdyn::bench::sizes(argc, argv, {500, 1000, 2000})) {
    const Eigen::MatrixXd w = netdyn::bench::input("eig_" + std::to_string(n));
    const double s = netdyn::bench::time_median([&] { (void)netdyn::compute_spectrum(w); });
    netdyn::bench::report("eig", n, s);
  }
}
