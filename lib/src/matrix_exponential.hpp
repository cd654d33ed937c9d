#pragma once
// Private: the exponential of a small dense matrix (the (m+2) x (m+2) projections of the Krylov
// exponential integrator) by scaling and squaring with the degree-18 Taylor polynomial evaluated
// in 5 matrix products (Bader, Blanes & Casas, Mathematics 7 (2019) 1174), the products by BLAS
// dgemm. Degree 18 has backward error <= unit roundoff for ||A||_1 <= theta_18 = 1.0909 (Al-Mohy &
// Higham, SIAM J. Matrix Anal. Appl. 31 (2009) 970-989), and, unlike Higham's Pade 13, needs no
// linear solve: OpenBLAS's small LU solves are slow (89 x 89 with 89 right-hand sides ~170 us, as
// much as six products), while its products run AVX2/AVX-512 kernels chosen at run time (89 x 89:
// 26 us against 79 us for Eigen's SSE2 product in this build, which has no -march).
#include <Eigen/Core>

namespace netdyn::detail {

/// e^{a / 2^s} and s, the smallest s >= 0 with ||a||_1 / 2^s <= theta_18. All entries NaN (and
/// s = 0) when a is not finite. Cost: 5 products of k x k matrices, 10 k^3 flops.
struct ScaledExponential {
  Eigen::MatrixXd e;
  int squarings = 0;
};
[[nodiscard]] ScaledExponential scaled_exponential(const Eigen::Ref<const Eigen::MatrixXd>& a);

/// e^a: scaled_exponential squared s times (s more products).
[[nodiscard]] Eigen::MatrixXd matrix_exponential(const Eigen::Ref<const Eigen::MatrixXd>& a);

/// e^a x without all of e^a: from E = e^{a / 2^s}, applying E to x 2^s times costs 2 k^2 flops
/// each, a squaring 2 k^3 and halves the applications left; E is squared while that is cheaper
/// (the trade of Al-Mohy & Higham's expmv, 2011). Rounding as e^a then times x.
[[nodiscard]] Eigen::VectorXd matrix_exponential_times(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                                       const Eigen::Ref<const Eigen::VectorXd>& x);

}  // namespace netdyn::detail
