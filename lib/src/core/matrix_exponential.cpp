#include "core/matrix_exponential.hpp"

#include <cmath>
#include <limits>
#include <utility>

#include "lapack/lapack.hpp"

namespace netdyn::detail {

namespace {

// c = a b through BLAS (c must not alias a or b).
void product(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, Eigen::MatrixXd& c) {
  lapack::gemm('N', 'N', 1.0, a, b, 0.0, c);
}

}  // namespace

ScaledExponential scaled_exponential(const Eigen::Ref<const Eigen::MatrixXd>& a) {
  ExponentialWorkspace ws;
  ScaledExponential out;
  out.squarings = scaled_exponential_into(a, 1.0, product, ws, out.e);
  return out;
}

Eigen::MatrixXd matrix_exponential(const Eigen::Ref<const Eigen::MatrixXd>& a) {
  ExponentialWorkspace ws;
  Eigen::MatrixXd e;
  matrix_exponential_into(a, 1.0, product, ws, e);
  return e;
}

Eigen::VectorXd matrix_exponential_times(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                         const Eigen::Ref<const Eigen::VectorXd>& x) {
  ScaledExponential scaled = scaled_exponential(a);
  Eigen::MatrixXd e = std::move(scaled.e);
  int left = scaled.squarings;
  // A squaring takes about as long as k / 3 matrix-vector products (BLAS runs 89 x 89 products
  // at ~3x the flop rate of matrix-vector products) and saves 2^(left - 1) of them.
  const double squaring_cost = static_cast<double>(e.rows()) / 3.0;
  Eigen::MatrixXd next(e.rows(), e.cols());
  while (left > 0 && std::ldexp(1.0, left - 1) > squaring_cost) {
    product(e, e, next);
    e.swap(next);
    --left;
  }
  Eigen::VectorXd y = x;
  Eigen::VectorXd z(y.size());
  for (long r = 0; r < (1L << left); ++r) {
    lapack::gemv('N', 1.0, e, y, 0.0, z);
    y.swap(z);
  }
  return y;
}

}  // namespace netdyn::detail
