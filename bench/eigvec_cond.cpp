// eigvec_cond: eigenvalues, eigenvectors and the eigenvector condition number
// (peer: scipy.linalg.eig with left and right vectors and 1/|vl^H vr|).
#include "bench_common.hpp"
#include "netdyn/spectrum.hpp"

int main(int argc, char** argv) {
  for (const long n : netdyn::bench::sizes(argc, argv, {500, 1000})) {
    const Eigen::MatrixXd w = netdyn::bench::input("eigvec_cond_" + std::to_string(n));
    netdyn::SpectrumOptions options;
    options.compute_eigenvectors = true;
    const double s = netdyn::bench::time_median([&] {
      const netdyn::Spectrum sp = netdyn::compute_spectrum(w, options);
      (void)netdyn::eigenvector_condition(sp.eigenvectors);
    });
    netdyn::bench::report("eigvec_cond", n, s);
  }
}
