#include "netdyn/amplification/nonnormality.hpp"

#include <cmath>
#include <vector>

#include "core/checks.hpp"
#include "factorization/symmetric_part.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/factorization/schur_factorization.hpp"

namespace netdyn {

double henrici_departure(const Eigen::Ref<const Eigen::MatrixXd>& w) {
  detail::require_connectivity("henrici_departure", "W", w);
  return henrici_departure(SchurFactorization(w, kWithoutSchurVectors));
}

double henrici_departure(const SchurFactorization& factorization) {
  const Eigen::MatrixXd& t = factorization.t();
  const Eigen::Index n = t.rows();
  // sqrt of a sum of squares, scaled (Eigen's stableNorm): the squares overflow for entries
  // beyond ~1e154. Per diagonal block: the Frobenius norm of the strictly upper part to its
  // right, and for 2x2 blocks their own departure.
  std::vector<double> parts;
  Eigen::Index k = 0;
  while (k < n) {
    const bool block = k + 1 < n && t(k + 1, k) != 0.0;
    const Eigen::Index size = block ? 2 : 1;
    // Everything to the right of the diagonal block in its rows is strictly upper (feedforward).
    if (k + size < n) parts.push_back(t.block(k, k + size, size, n - k - size).stableNorm());
    if (block) {
      // A 2x2 block [[a, b], [c, d]] with eigenvalues mu, conj(mu): a^2 + b^2 + c^2 + d^2 - 2|mu|^2
      // = (a - d)^2 + (b + c)^2, since |mu|^2 = ad - bc. No cancellation against ||W||_F^2.
      parts.push_back(std::hypot(t(k, k) - t(k + 1, k + 1), t(k, k + 1) + t(k + 1, k)));
    }
    k += size;
  }
  return Eigen::Map<const Eigen::VectorXd>(parts.data(), static_cast<Eigen::Index>(parts.size()))
      .stableNorm();
}

double numerical_abscissa(const SchurFactorization& factorization, double tau) {
  detail::require_positive("numerical_abscissa", "tau", tau);
  return (factorization.symmetric_part_maximum() - 1.0) / tau;
}

double numerical_abscissa(const Eigen::Ref<const Eigen::MatrixXd>& w, double tau) {
  detail::require_connectivity("numerical_abscissa", "W", w);
  detail::require_positive("numerical_abscissa", "tau", tau);
  return (detail::symmetric_part_maximum(w) - 1.0) / tau;
}

}  // namespace netdyn
