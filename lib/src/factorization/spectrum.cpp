#include "netdyn/factorization/spectrum.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <numeric>

#include "core/checks.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/factorization/schur_factorization.hpp"

namespace netdyn {

Eigen::VectorXi sort_eigenvalues(Eigen::VectorXcd& values) {
  Eigen::VectorXi order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (values(a).real() != values(b).real()) return values(a).real() > values(b).real();
    return values(a).imag() > values(b).imag();
  });
  const Eigen::VectorXcd copy = values;
  for (Eigen::Index k = 0; k < values.size(); ++k) values(k) = copy(order(k));
  return order;
}

namespace {

void require_count(Eigen::Index n, Eigen::Index count) {
  if (count < 0 || count > n) {
    throw std::invalid_argument("compute_spectrum: options.count = " + std::to_string(count) +
                                " but W is " + std::to_string(n) + "x" + std::to_string(n) +
                                "; need 0 <= count <= " + std::to_string(n));
  }
}

}  // namespace

Spectrum compute_spectrum(const SchurFactorization& factorization, const SpectrumOptions& options) {
  const Eigen::Index n = factorization.size();
  require_count(n, options.count);
  Spectrum out;
  out.eigenvalues = factorization.eigenvalues();
  if (options.compute_eigenvectors) out.eigenvectors = factorization.eigenvectors();
  if (options.compute_eigenvalue_conditions) {
    out.eigenvalue_conditions = factorization.eigenvalue_conditions();
  }
  if (options.count > 0) {
    const Eigen::Index keep = complete_conjugate_pair(out.eigenvalues, options.count);
    out.eigenvalues.conservativeResize(keep);
    if (options.compute_eigenvectors) out.eigenvectors.conservativeResize(n, keep);
    if (options.compute_eigenvalue_conditions) out.eigenvalue_conditions.conservativeResize(keep);
  }
  detail::ensure_finite_result("compute_spectrum", "eigenvalues", out.eigenvalues);
  return out;
}

Spectrum compute_spectrum(const Eigen::Ref<const Eigen::MatrixXd>& w,
                          const SpectrumOptions& options) {
  detail::require_connectivity("compute_spectrum", "W", w);
  const Eigen::Index n = w.rows();
  require_count(n, options.count);  // before the O(n^3) work
  FactorizationOptions f;
  f.schur_vectors = options.compute_eigenvectors;
  return compute_spectrum(SchurFactorization(w, f), options);
}

Eigen::Index complete_conjugate_pair(const Eigen::Ref<const Eigen::VectorXcd>& ordered,
                                     Eigen::Index count) {
  if (count <= 0 || count >= ordered.size())
    return std::max<Eigen::Index>(0, std::min(count, ordered.size()));
  const std::complex<double> last = ordered(count - 1);
  const std::complex<double> next = ordered(count);
  const bool pair = last.imag() > 0.0 && std::abs(next - std::conj(last)) <= 1e-12 * std::abs(last);
  return pair ? count + 1 : count;
}

double spectral_abscissa(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues) {
  if (eigenvalues.size() == 0) return -std::numeric_limits<double>::infinity();
  return eigenvalues.real().maxCoeff();
}

double spectral_radius(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues) {
  if (eigenvalues.size() == 0) return 0.0;
  return eigenvalues.cwiseAbs().maxCoeff();
}

bool is_stable(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues_of_w) {
  return spectral_abscissa(eigenvalues_of_w) < 1.0;
}

double circular_law_radius(const Eigen::Ref<const Eigen::MatrixXd>& w) {
  detail::require_connectivity("circular_law_radius", "W", w);
  const double n = static_cast<double>(w.rows());
  const double mean = w.mean();
  const double variance = (w.array() - mean).square().mean();
  return std::sqrt(n * variance);
}

double eigenvector_condition(const SchurFactorization& factorization) {
  return factorization.eigenvector_condition();
}

double eigenvector_condition(const Eigen::Ref<const Eigen::MatrixXcd>& eigenvectors) {
  detail::require_square("eigenvector_condition", "V", eigenvectors);
  detail::require_finite("eigenvector_condition", "V", eigenvectors);
  // The singular values of V = X + iY are those of the real embedding [[X, -Y], [Y, X]], each
  // twice. dgesdd on the embedding instead of zgesdd on V: OpenBLAS 0.3.21's zgemv_n_HASWELL,
  // called by zgesdd's bidiagonalisation, reads before its buffers (valgrind: invalid reads on
  // every `netdyn check` of the n = 200 Gaussian W; `netdyn spectrum` of it crashed in one run of
  // two). About twice zgesdd's flops; the reports take kappa(V) from the factorisation instead
  // (eigenvector_condition(const SchurFactorization&): no dense SVD).
  const Eigen::Index m = eigenvectors.rows();
  Eigen::MatrixXd embedding(2 * m, 2 * m);
  embedding.topLeftCorner(m, m) = eigenvectors.real();
  embedding.topRightCorner(m, m) = -eigenvectors.imag();
  embedding.bottomLeftCorner(m, m) = eigenvectors.imag();
  embedding.bottomRightCorner(m, m) = eigenvectors.real();
  const Eigen::VectorXd s = lapack::singular_values(embedding);
  const double n = static_cast<double>(eigenvectors.rows());
  const double eps = std::numeric_limits<double>::epsilon();
  if (s(s.size() - 1) <= n * eps * s(0)) return std::numeric_limits<double>::infinity();
  return s(0) / s(s.size() - 1);
}

FixedPointType classify_planar(double trace, double determinant, double tolerance) {
  const double t = std::abs(trace) <= tolerance ? 0.0 : trace;
  const double d = std::abs(determinant) <= tolerance * tolerance ? 0.0 : determinant;
  if (d < 0.0) return FixedPointType::kSaddle;
  if (d == 0.0) return FixedPointType::kDegenerate;
  if (t == 0.0) return FixedPointType::kCentre;
  const bool spiral = t * t < 4.0 * d;
  if (t < 0.0) return spiral ? FixedPointType::kStableSpiral : FixedPointType::kStableNode;
  return spiral ? FixedPointType::kUnstableSpiral : FixedPointType::kUnstableNode;
}

FixedPointType classify_planar(const Eigen::Ref<const Eigen::MatrixXd>& jacobian) {
  if (jacobian.rows() != 2 || jacobian.cols() != 2) {
    throw std::invalid_argument("classify_planar: J is " + std::to_string(jacobian.rows()) + "x" +
                                std::to_string(jacobian.cols()) + "; need a 2x2 Jacobian");
  }
  detail::require_finite("classify_planar", "J", jacobian);
  const double tolerance = 8.0 * std::numeric_limits<double>::epsilon() * jacobian.norm();
  const double determinant = jacobian(0, 0) * jacobian(1, 1) - jacobian(0, 1) * jacobian(1, 0);
  return classify_planar(jacobian.trace(), determinant, tolerance);
}

std::string to_string(FixedPointType type) {
  switch (type) {
    case FixedPointType::kStableNode: return "stable node";
    case FixedPointType::kUnstableNode: return "unstable node";
    case FixedPointType::kStableSpiral: return "stable spiral";
    case FixedPointType::kUnstableSpiral: return "unstable spiral";
    case FixedPointType::kSaddle: return "saddle";
    case FixedPointType::kCentre: return "centre";
    case FixedPointType::kDegenerate: return "degenerate";
  }
  return "unknown";
}

}  // namespace netdyn
