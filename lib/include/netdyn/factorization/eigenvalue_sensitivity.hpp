#pragma once
/// \file eigenvalue_sensitivity.hpp
/// First-order sensitivity of one eigenvalue of W to its entries (Wilkinson; Golub & Van Loan,
/// Matrix Computations, 4th ed., 7.2.2): for a simple eigenvalue lambda with right and left
/// eigenvectors x, y (`W x = lambda x`, `y^* W = lambda y^*`),
///
///     d lambda / d W_ij = conj(y_i) x_j / (y^* x),   so   lambda(W + E) = lambda + sum_ij S_ij
///     E_ij
///
/// to first order in E. `||S||_2 = ||x|| ||y|| / |y^* x|` is the eigenvalue's condition number
/// (SchurFactorization::eigenvalue_conditions), and `tr S = 1` (W + cI moves lambda by c).
/// Both eigenvectors come from the shared Schur form (x = Q v, y = Q u with v, u those of T).

#include <Eigen/Core>

namespace netdyn {

class SchurFactorization;  // schur_factorization.hpp

/// S = d lambda_k / dW (complex n x n) for `lambda_k = factorization.eigenvalues()(k)` (netdyn
/// order). A real eigenvalue has a real S (returned with zero imaginary part).
/// \throws std::invalid_argument k out of range
/// \throws std::logic_error the factorisation has no Schur vectors
/// \throws NumericalError y^* x = 0 to working precision (a defective eigenvalue: no derivative)
[[nodiscard]] Eigen::MatrixXcd eigenvalue_sensitivity(const SchurFactorization& factorization,
                                                      Eigen::Index k);

}  // namespace netdyn
