#pragma once
/// \file nonnormality.hpp
/// Scalar measures of how far W is from normal (Trefethen & Embree ch. 48; EigTool's
/// et_henrici_no.m and et_numerical_abscissa.m).

#include <Eigen/Core>

namespace netdyn {

class SchurFactorization;  // schur_factorization.hpp

/// Henrici's departure from normality `dep(W) = sqrt(||W||_F^2 - sum_i |lambda_i|^2) = ||N||_F`,
/// where `W = U (Lambda + N) U^*` is a complex Schur form (N strictly upper triangular, the
/// "feedforward" part). Computed from the real Schur form `W = Q T Q^T` without cancellation:
/// the squared strictly-upper entries outside the diagonal 2x2 blocks plus `(a - d)^2 + (b + c)^2`
/// for each block `[[a, b], [c, d]]`. 0 for normal W. Cost: one LAPACK dgees (about 10 n^3).
/// \throws std::invalid_argument W empty, non-square or not finite
[[nodiscard]] double henrici_departure(const Eigen::Ref<const Eigen::MatrixXd>& w);
/// The same from the factorisation's T, O(n^2).
[[nodiscard]] double henrici_departure(const SchurFactorization& factorization);

/// Numerical abscissa of `A = (W - I)/tau`: `omega(A) = lambda_max((A + A^T)/2)
/// = (lambda_max((W + W^T)/2) - 1)/tau`, the initial growth rate `d/dt ||e^{tA}||_2` at t = 0+.
/// Transient amplification is possible iff omega(A) > 0. Cost: one LAPACK dsyevr (largest only).
/// \throws std::invalid_argument W empty, non-square or not finite; tau not finite and > 0
[[nodiscard]] double numerical_abscissa(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                        double tau = 1.0);
/// The same for the factorisation's W. The symmetric part is not similar to anything in the Schur
/// form's structure, so this is the one O(n^3) step besides dgees (dsyevr's tridiagonalisation,
/// 4/3 n^3 flops, measured at 0.07x one dgees at n = 2000).
/// \throws std::invalid_argument tau not finite and > 0
[[nodiscard]] double numerical_abscissa(const SchurFactorization& factorization, double tau = 1.0);

}  // namespace netdyn
