#pragma once
// Private: the symmetric Lyapunov equation of a real Schur form T (quasi-triangular),
//   op(T) X + X op(T)^T = C,  C = C^T,  op(T) = T ('N') or T^T ('T'),
// by recursive blocking (Jonsson & Kagstrom 2002, "Recursive blocked algorithms for solving
// triangular systems, Part I", RECLYCT). Splitting T = [[T11, T12], [0, T22]] (never inside a
// 2 x 2 block) turns it into two half-size Lyapunov equations, one triangular Sylvester equation
// (LAPACK dtrsyl3) for the off-diagonal block and two gemm updates: about n^3 flops, where one
// dtrsyl3 of the whole n x n equation ignores the symmetry and takes about 2 n^3 (measured on
// the report's Gaussian W: 2.2x faster at n = 1000 and 2.6x at n = 2000).

#include <Eigen/Core>

namespace netdyn::detail {

/// Overwrites c (symmetric, n x n) with X (exactly symmetric). Returns false when a dtrsyl3 call
/// scaled its right-hand side down to avoid overflow; c is then undefined and the caller solves
/// the unsplit equation, whose single scale factor it can undo.
/// Below `leaf` rows the block is one dtrsyl3 call. 32 is the fastest leaf measured from n = 200
/// to 2000 (shifted Schur forms of the SOC's and the report's W, 2 cores): 1.7 ms against 3.1 ms
/// with 256 at n = 200, 64 ms against 74 ms at n = 1000, 0.36 s against 0.38 s at n = 2000.
bool solve_symmetric_triangular_lyapunov(char trans,
                                         const Eigen::Ref<const Eigen::MatrixXd>& t,
                                         Eigen::Ref<Eigen::MatrixXd> c,
                                         Eigen::Index leaf = 32);

}  // namespace netdyn::detail
