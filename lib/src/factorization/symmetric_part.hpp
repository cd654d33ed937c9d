#pragma once
// Private: lambda_max((W + W^T)/2), the numerical abscissa's one O(n^3) step (dsyevr, largest
// eigenvalue only), shared by nonnormality.cpp and the Schur factorisation's cache.
#include <Eigen/Core>

#include "lapack/lapack.hpp"

namespace netdyn::detail {

inline double symmetric_part_maximum(const Eigen::Ref<const Eigen::MatrixXd>& w) {
  // Halves first: w + w^T overflows for entries beyond ~9e307.
  const Eigen::MatrixXd symmetric = 0.5 * w + 0.5 * w.transpose();
  const Eigen::Index n = w.rows();
  return lapack::syevr(symmetric, false, n - 1, n - 1).values(0);
}

}  // namespace netdyn::detail
