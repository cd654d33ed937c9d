#pragma once
// Private: reordering of a real Schur form W = Q T Q^T (T quasi-triangular from dgees) and the
// order of its diagonal blocks that schur.cpp shares.

#include <Eigen/Core>
#include <complex>

#include "factorization/schur_blocks.hpp"  // block_size, block_eigenvalue, leading_eigenvalue
#include "netdyn/factorization/schur.hpp"

namespace netdyn::detail {

/// Strict "x goes before y" in `order`: decreasing (or increasing) real part, then decreasing
/// imaginary part. Equal keys are not ordered, so a stable sort never swaps them.
[[nodiscard]] bool goes_before(std::complex<double> x, std::complex<double> y, SchurOrder order);

/// Reorder the diagonal blocks of the real Schur form t (W = q t q^T) into `order`, updating q
/// (0x0: no vectors). Blocked after Kressner (2006): adjacent swaps (dtrexc) inside a small
/// diagonal window on a local copy, accumulated in a local orthogonal Z, then applied to the
/// rest of t and to q by gemm. The order is decided once, from the eigenvalues on entry (stable:
/// equal keys keep their relative order and are never swapped).
/// \throws NumericalError two blocks too ill-conditioned to swap (dtrexc info = 1); t and q
///         then still satisfy W = q t q^T, with the order incomplete
/// `window`: rows of the diagonal window (0: the default, kReorderWindow; at least 8 is used).
void reorder_real_schur(Eigen::MatrixXd& t,
                        Eigen::MatrixXd& q,
                        SchurOrder order,
                        Eigen::Index window = 0);

/// Default window of reorder_real_schur (rows).
inline constexpr Eigen::Index kReorderWindow = 128;

}  // namespace netdyn::detail
