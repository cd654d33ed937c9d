#include "netdyn/factorization/eigenvalue_sensitivity.hpp"

#include <complex>
#include <limits>
#include <stdexcept>
#include <string>

#include "netdyn/core/error.hpp"
#include "netdyn/factorization/schur_factorization.hpp"

namespace netdyn {
namespace {

using dcomplex = std::complex<double>;

// Column j of dtrevc3's real storage as the complex eigenvector of T's j-th eigenvalue: for a
// pair (j, j + 1) with +i first, v_j = V(:, j) + i V(:, j + 1) and v_{j+1} its conjugate.
Eigen::VectorXcd complex_column(const Eigen::MatrixXd& v,
                                const Eigen::VectorXcd& values,
                                Eigen::Index j) {
  if (values(j).imag() == 0.0) return v.col(j).cast<dcomplex>();
  const bool first = values(j).imag() > 0.0;
  const Eigen::Index re = first ? j : j - 1;
  Eigen::VectorXcd out(v.rows());
  out.real() = v.col(re);
  out.imag() = first ? v.col(re + 1) : Eigen::VectorXd(-v.col(re + 1));
  return out;
}

}  // namespace

Eigen::MatrixXcd eigenvalue_sensitivity(const SchurFactorization& factorization, Eigen::Index k) {
  const Eigen::Index n = factorization.size();
  if (k < 0 || k >= n) {
    throw std::invalid_argument("eigenvalue_sensitivity: k = " + std::to_string(k) + " for " +
                                std::to_string(n) + " eigenvalues; need 0 <= k < n");
  }
  const Eigen::MatrixXd& q = factorization.q();  // throws std::logic_error without vectors
  const Eigen::Index j = factorization.eigenvalue_order()(k);  // T's position
  const Eigen::VectorXcd& values = factorization.schur_eigenvalues();
  const Eigen::VectorXcd v = complex_column(factorization.triangular_eigenvectors(), values, j);
  const Eigen::VectorXcd u =
      complex_column(factorization.triangular_left_eigenvectors(), values, j);
  const dcomplex yx = u.dot(v);  // u^* v = y^* x (Q orthogonal)
  if (std::abs(yx) <= std::numeric_limits<double>::epsilon() * u.norm() * v.norm()) {
    throw NumericalError("eigenvalue_sensitivity: y^* x = 0 to working precision for eigenvalue " +
                         std::to_string(k) + ": defective, no derivative exists");
  }
  const Eigen::VectorXcd x = q * v;
  const Eigen::VectorXcd y = q * u;
  return (y.conjugate() * x.transpose()) / yx;
}

}  // namespace netdyn
