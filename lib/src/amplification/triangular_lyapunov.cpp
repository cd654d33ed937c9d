#include "amplification/triangular_lyapunov.hpp"

#include "lapack/lapack.hpp"

namespace netdyn::detail {

bool solve_symmetric_triangular_lyapunov(char trans,
                                         const Eigen::Ref<const Eigen::MatrixXd>& t,
                                         Eigen::Ref<Eigen::MatrixXd> c,
                                         Eigen::Index leaf) {
  const Eigen::Index n = t.rows();
  if (n <= leaf) {
    const char other = trans == 'N' ? 'T' : 'N';
    if (lapack::trsyl3(trans, other, 1, t, t, c) != 1.0) return false;
    // dtrsyl3 leaves the diagonal block symmetric only to rounding; the off-diagonal blocks are
    // copies (below), so symmetrising the leaves makes X exactly symmetric.
    const Eigen::MatrixXd symmetric = 0.5 * (c + c.transpose());
    c = symmetric;
    return true;
  }
  Eigen::Index k = n / 2;
  if (t(k, k - 1) != 0.0) ++k;  // keep a 2 x 2 block whole
  const Eigen::Index m = n - k;
  const auto t11 = t.topLeftCorner(k, k);
  const auto t12 = t.topRightCorner(k, m);
  const auto t22 = t.bottomRightCorner(m, m);
  auto c11 = c.topLeftCorner(k, k);
  auto c12 = c.topRightCorner(k, m);
  auto c22 = c.bottomRightCorner(m, m);
  if (trans == 'N') {
    // T X + X T^T = C by blocks: T22 X22 + X22 T22^T = C22; T11 X12 + X12 T22^T = C12 - T12 X22;
    // T11 X11 + X11 T11^T = C11 - T12 X12^T - X12 T12^T.
    if (!solve_symmetric_triangular_lyapunov('N', t22, c22, leaf)) return false;
    lapack::gemm('N', 'N', -1.0, t12, c22, 1.0, c12);
    if (lapack::trsyl3('N', 'T', 1, t11, t22, c12) != 1.0) return false;
    lapack::gemm('N', 'T', -1.0, t12, c12, 1.0, c11);
    lapack::gemm('N', 'T', -1.0, c12, t12, 1.0, c11);
    if (!solve_symmetric_triangular_lyapunov('N', t11, c11, leaf)) return false;
  } else {
    // T^T X + X T = C: T11^T X11 + X11 T11 = C11; T11^T X12 + X12 T22 = C12 - X11 T12;
    // T22^T X22 + X22 T22 = C22 - T12^T X12 - X12^T T12.
    if (!solve_symmetric_triangular_lyapunov('T', t11, c11, leaf)) return false;
    lapack::gemm('N', 'N', -1.0, c11, t12, 1.0, c12);
    if (lapack::trsyl3('T', 'N', 1, t11, t22, c12) != 1.0) return false;
    lapack::gemm('T', 'N', -1.0, t12, c12, 1.0, c22);
    lapack::gemm('T', 'N', -1.0, c12, t12, 1.0, c22);
    if (!solve_symmetric_triangular_lyapunov('T', t22, c22, leaf)) return false;
  }
  c.bottomLeftCorner(m, k) = c12.transpose();
  return true;
}

}  // namespace netdyn::detail
