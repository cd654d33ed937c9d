#pragma once
// Private: the largest and smallest singular values of an upper quasi-triangular matrix m with
// a real Schur factor's block pattern (T itself, I - T, the eigenvector matrix V_T), and the
// singular vectors of the smallest. Lanczos with full reorthogonalisation on m^T m and on
// m^{-1} m^{-T} = (m^T m)^{-1}, O(n^2) per step (quasi_triangular.hpp); one dense dgesdd for
// n <= kDenseSingularValues or when Lanczos does not converge. Shared by the Schur factorisation
// (kappa(V_T), ||T||_2) and the steady-state gain (sigma_min(I - T)).
#include <Eigen/Core>

#include "factorization/quasi_triangular.hpp"

namespace netdyn::detail {

/// Up to this size one dense dgesdd (exact to rounding, and cheaper than a Lanczos run).
inline constexpr Eigen::Index kDenseSingularValues = 100;

enum class SingularValuesWanted {
  kLargest,              ///< `largest` only
  kLargestAndSmallest,   ///< both values
  kWithSmallestVectors,  ///< both values, and `left`/`right` of the smallest
};

struct ExtremeSingularValues {
  double largest = 0.0;
  /// 0 when a triangular solve overflows (m singular to working precision); 0 if not wanted.
  double smallest = 0.0;
  Eigen::VectorXd left;   ///< unit u_n of m = U S V^T (kWithSmallestVectors, smallest > 0)
  Eigen::VectorXd right;  ///< unit v_n (kWithSmallestVectors)
};

[[nodiscard]] ExtremeSingularValues extreme_singular_values(const Eigen::MatrixXd& m,
                                                            const QuasiTriangularAlgebra& algebra,
                                                            SingularValuesWanted wanted);

}  // namespace netdyn::detail
