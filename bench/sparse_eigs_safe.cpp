// sparse_eigs_safe: the same job and netdyn run as sparse_eigs (sparse_eigs_common.hpp), against
// the peer configured to be right: scipy.sparse.linalg.eigs(w, k=10, which='LR', ncv=150,
// tol=1e-12) (issue 20: netdyn at most half its time, agreeing to 1e-8).
#include "sparse_eigs_common.hpp"

int main(int argc, char** argv) {
  return netdyn::bench::run_sparse_eigs("sparse_eigs_safe", argc, argv);
}
