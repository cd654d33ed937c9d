#include "netdyn/core/linear_operator.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/checks.hpp"
#include "lapack/lapack.hpp"

namespace netdyn {

LinearOperator dense_operator(const Eigen::MatrixXd& a) {
  detail::require_connectivity("dense_operator", "A", a);
  LinearOperator op;
  op.size = a.rows();
  op.shift = a.trace() / static_cast<double>(a.rows());
  const Eigen::MatrixXd* m = &a;
  op.apply = [m](const Eigen::Ref<const Eigen::VectorXd>& x, Eigen::Ref<Eigen::VectorXd> y) {
    lapack::gemv('N', 1.0, *m, x, 0.0, y);
  };
  return op;
}

LinearOperator sparse_operator(const Eigen::SparseMatrix<double>& a) {
  if (a.rows() != a.cols() || a.rows() == 0) {
    throw std::invalid_argument("sparse_operator: A is " + std::to_string(a.rows()) + "x" +
                                std::to_string(a.cols()) + "; need a non-empty square matrix");
  }
  LinearOperator op;
  op.size = a.rows();
  double trace = 0.0;
  for (Eigen::Index j = 0; j < a.outerSize(); ++j) {
    for (Eigen::SparseMatrix<double>::InnerIterator it(a, j); it; ++it) {
      if (!std::isfinite(it.value())) {
        std::ostringstream msg;
        msg << "sparse_operator: A(" << it.row() << "," << it.col() << ") = " << it.value()
            << "; inputs must be finite";
        throw std::invalid_argument(msg.str());
      }
      if (it.row() == it.col()) trace += it.value();
    }
  }
  op.shift = trace / static_cast<double>(a.rows());
  const Eigen::SparseMatrix<double>* m = &a;
  op.apply = [m](const Eigen::Ref<const Eigen::VectorXd>& x, Eigen::Ref<Eigen::VectorXd> y) {
    y.noalias() = *m * x;
  };
  return op;
}

}  // namespace netdyn
