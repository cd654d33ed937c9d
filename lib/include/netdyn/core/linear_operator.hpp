#pragma once
/// \file linear_operator.hpp
/// A square linear operator given by its action `y = A x`, for the matrix-free methods
/// (krylov_exponential.hpp): a dense matrix (one BLAS dgemv per product), a sparse matrix (one
/// compressed-column product, O(nnz)), or any user callable (e.g. the factored rate-network
/// generator `diag(1/tau) (g W - I)` of linear_solution.hpp, which never forms A).

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <functional>

namespace netdyn {

struct LinearOperator {
  /// `y = A x`. x and y have `size` entries and never alias; y's previous content is
  /// overwritten. Must not allocate in hot loops (it is called once per Krylov vector).
  std::function<void(const Eigen::Ref<const Eigen::VectorXd>& x, Eigen::Ref<Eigen::VectorXd> y)>
      apply;
  Eigen::Index size = 0;  ///< n (A is n x n)
  /// A cheap guess of the centre of A's spectrum, e.g. `trace(A) / n`. Krylov methods work with
  /// `A - shift I`, which spans the same Krylov spaces but keeps the orthogonalisation free of
  /// the cancellation a large common diagonal (the `-I / tau` of a rate network) would cause.
  double shift = 0.0;
};

/// The operator of a dense matrix, with shift = trace(A)/n. Keeps a pointer to `a`, which must
/// outlive the returned operator. Each product is one BLAS dgemv (multithreaded OpenBLAS).
/// \throws std::invalid_argument a empty, non-square or not finite (checked once, O(n^2))
[[nodiscard]] LinearOperator dense_operator(const Eigen::MatrixXd& a);

/// The operator of a sparse matrix, with shift = trace(A)/n. Keeps a pointer to `a`, which must
/// outlive the returned operator. Each product costs O(nnz).
/// \throws std::invalid_argument a empty, non-square or with a non-finite stored entry
[[nodiscard]] LinearOperator sparse_operator(const Eigen::SparseMatrix<double>& a);

}  // namespace netdyn
