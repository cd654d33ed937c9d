// sparse_eigs: the 10 rightmost eigenvalues of the peer's sparse E-I matrix
// (sparse_eigs_common.hpp). Peer: scipy.sparse.linalg.eigs(w, k=10, which='LR', tol=1e-8) (ARPACK,
// default ncv = 21, which returns a wrong 6th to 10th eigenvalue on this matrix:
// docs/large-networks.md).
#include "sparse_eigs_common.hpp"

int main(int argc, char** argv) {
  return netdyn::bench::run_sparse_eigs("sparse_eigs", argc, argv);
}
