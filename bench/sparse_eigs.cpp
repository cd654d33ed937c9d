// sparse_eigs: the 10 rightmost eigenvalues of the peer's sparse E-I matrix (80 % E, 100 nonzeros
// per row, balanced rows), read from bench/data/sparse_eigs_N.mtx (bench/make_inputs.py).
// Peer: scipy.sparse.linalg.eigs(w, k=10, which='LR', tol=1e-8) (ARPACK, default ncv = 21).
// netdyn runs with its defaults (subspace 100, tolerance 1e-10, verification run included).
// The eigenvalues go to stderr (17 digits) for the accuracy comparison in docs/large-networks.md.
#include <cstdio>

#include "bench_common.hpp"
#include "netdyn/factorization/sparse_spectrum.hpp"

int main(int argc, char** argv) {
  const char* dir = std::getenv("BENCH_DATA_DIR");
  for (const long n : netdyn::bench::sizes(argc, argv, {20000, 100000})) {
    const Eigen::SparseMatrix<double> w = netdyn::read_sparse_matrix(
        std::string(dir ? dir : "bench/data") + "/sparse_eigs_" + std::to_string(n) + ".mtx");
    netdyn::SparseSpectrumOptions options;
    options.count = 10;
    netdyn::SparseSpectrum s;
    const double seconds =
        netdyn::bench::time_median([&] { s = netdyn::compute_sparse_spectrum(w, options); }, 1);
    netdyn::bench::report("sparse_eigs", n, seconds);
    std::fprintf(stderr,
                 "# n = %ld: subspace %ld, runs %ld, iterations %ld, products %ld, check %.3g\n",
                 n,
                 static_cast<long>(s.subspace_size),
                 static_cast<long>(s.runs),
                 static_cast<long>(s.iterations),
                 static_cast<long>(s.operations),
                 s.verification_difference);
    for (Eigen::Index k = 0; k < s.eigenvalues.size(); ++k) {
      std::fprintf(stderr, "%.17g %.17g\n", s.eigenvalues(k).real(), s.eigenvalues(k).imag());
    }
  }
}
