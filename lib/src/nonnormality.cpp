#include "netdyn/nonnormality.hpp"

#include <cmath>

#include "checks.hpp"
#include "lapack/lapack.hpp"

namespace netdyn {

double henrici_departure(const Eigen::Ref<const Eigen::MatrixXd>& w) {
  detail::require_connectivity("henrici_departure", "W", w);
  const Eigen::Index n = w.rows();
  const Eigen::MatrixXd t = lapack::gees(w, false).t;
  double sum = 0.0;
  Eigen::Index k = 0;
  while (k < n) {
    const bool block = k + 1 < n && t(k + 1, k) != 0.0;
    const Eigen::Index size = block ? 2 : 1;
    // Everything to the right of the diagonal block in its rows is strictly upper (feedforward).
    if (k + size < n) sum += t.block(k, k + size, size, n - k - size).squaredNorm();
    if (block) {
      // A 2x2 block [[a, b], [c, d]] with eigenvalues mu, conj(mu): a^2 + b^2 + c^2 + d^2 - 2|mu|^2
      // = (a - d)^2 + (b + c)^2, since |mu|^2 = ad - bc. No cancellation against ||W||_F^2.
      const double a = t(k, k);
      const double b = t(k, k + 1);
      const double c = t(k + 1, k);
      const double d = t(k + 1, k + 1);
      sum += (a - d) * (a - d) + (b + c) * (b + c);
    }
    k += size;
  }
  return std::sqrt(sum);
}

double numerical_abscissa(const Eigen::Ref<const Eigen::MatrixXd>& w, double tau) {
  detail::require_connectivity("numerical_abscissa", "W", w);
  detail::require_positive("numerical_abscissa", "tau", tau);
  const Eigen::MatrixXd symmetric = 0.5 * (w + w.transpose());
  const Eigen::Index n = w.rows();
  const double top = lapack::syevr(symmetric, false, n - 1, n - 1).values(0);
  return (top - 1.0) / tau;
}

}  // namespace netdyn
