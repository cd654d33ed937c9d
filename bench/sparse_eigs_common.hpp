#pragma once
// The body of bench_sparse_eigs and bench_sparse_eigs_safe: the 10 rightmost eigenvalues of the
// peer's sparse E-I matrix (80 % E, 100 nonzeros per row, balanced rows), read from
// bench/data/sparse_eigs_N.mtx (bench/make_inputs.py). netdyn runs with its defaults (Krylov-Schur,
// subspace 100, tolerance 1e-10, the deflated-restart verification included) against either
// peer. The eigenvalues go to stderr (17 digits) for the accuracy comparison in
// docs/large-networks.md.
#include <cstdio>
#include <string>

#include "bench_common.hpp"
#include "netdyn/factorization/sparse_spectrum.hpp"

namespace netdyn::bench {

inline int run_sparse_eigs(const char* job, int argc, char** argv) {
  const char* dir = std::getenv("BENCH_DATA_DIR");
  for (const long n : sizes(argc, argv, {20000, 100000})) {
    const Eigen::SparseMatrix<double> w = read_sparse_matrix(
        std::string(dir ? dir : "bench/data") + "/sparse_eigs_" + std::to_string(n) + ".mtx");
    SparseSpectrumOptions options;
    options.count = 10;
    SparseSpectrum s;
    const double seconds = time_median([&] { s = compute_sparse_spectrum(w, options); }, 1);
    report(job, n, seconds);
    std::fprintf(stderr,
                 "# n = %ld: subspace %ld, runs %ld, restarts %ld, products %ld, residual %.3g, "
                 "check %.3g\n",
                 n,
                 static_cast<long>(s.subspace_size),
                 static_cast<long>(s.runs),
                 static_cast<long>(s.iterations),
                 static_cast<long>(s.operations),
                 s.residual,
                 s.verification_difference);
    for (Eigen::Index k = 0; k < s.eigenvalues.size(); ++k) {
      std::fprintf(stderr, "%.17g %.17g\n", s.eigenvalues(k).real(), s.eigenvalues(k).imag());
    }
  }
  return 0;
}

}  // namespace netdyn::bench
