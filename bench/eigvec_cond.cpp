// eigvec_cond: eigenvalues, eigenvectors and the eigenvector condition number
// (peer: scipy.linalg.eig with left and right vectors and 1/|vl^H vr|). netdyn: one
// SchurFactorization (dgees with vectors), the eigenvectors of W as Q V_T (dtrevc3, one product)
// and kappa(V) = kappa(V_T) by Lanczos on the triangular V_T (no SVD).
#include "bench_common.hpp"
#include "netdyn/factorization/schur_factorization.hpp"

int main(int argc, char** argv) {
  for (const long n : netdyn::bench::sizes(argc, argv, {500, 1000})) {
    const Eigen::MatrixXd w = netdyn::bench::input("eigvec_cond_" + std::to_string(n));
    const double s = netdyn::bench::time_median([&] {
      const netdyn::SchurFactorization f(w);
      (void)f.eigenvectors();
      (void)f.eigenvector_condition();
    });
    netdyn::bench::report("eigvec_cond", n, s);
  }
}
