#include "netdyn/schur.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <stdexcept>
#include <vector>

#include "checks.hpp"
#include "lapack/lapack.hpp"
#include "schur_reordering.hpp"

namespace netdyn {
namespace {

using dcomplex = std::complex<double>;

using detail::block_eigenvalue;
using detail::block_size;
using detail::goes_before;
using detail::leading_eigenvalue;

// Blocked (level-3) reordering: schur_reordering.cpp.
void reorder_real(Eigen::MatrixXd& t, Eigen::MatrixXd& u, SchurOrder order) {
  detail::reorder_real_schur(t, u, order);
}

void reorder_complex(Eigen::MatrixXcd& t, Eigen::MatrixXcd& u, SchurOrder order) {
  if (order == SchurOrder::kNone) return;
  const Eigen::Index n = t.rows();
  for (Eigen::Index k = 0; k + 1 < n; ++k) {
    Eigen::Index best = k;
    for (Eigen::Index i = k + 1; i < n; ++i) {
      if (goes_before(t(i, i), t(best, best), order)) best = i;
    }
    if (best != k) lapack::trexc(t, u, best, k);
  }
}

Eigen::VectorXcd real_schur_eigenvalues(const Eigen::MatrixXd& t) {
  const Eigen::Index n = t.rows();
  Eigen::VectorXcd values(n);
  for (Eigen::Index k = 0; k < n; k += block_size(t, k)) {
    values(k) = leading_eigenvalue(t, k);
    if (block_size(t, k) == 2) values(k + 1) = std::conj(values(k));
  }
  return values;
}

// rsf2csf: split each 2x2 block [[a, b], [c, d]] (complex pair mu, conj(mu), Im mu > 0) of a
// real Schur form by the unitary G = [[x1, -conj(x2)], [x2, conj(x1)]], x = unit eigenvector of
// the block for mu, so that G^* B G = [[mu, *], [0, conj(mu)]]. Each block costs O(n).
void split_blocks(Eigen::MatrixXcd& t, Eigen::MatrixXcd& u) {
  const Eigen::Index n = t.rows();
  Eigen::Index k = 0;
  while (k < n) {
    if (k + 1 >= n || t(k + 1, k) == 0.0) {
      ++k;
      continue;
    }
    const double a = t(k, k).real();
    const double b = t(k, k + 1).real();
    const double c = t(k + 1, k).real();
    const double d = t(k + 1, k + 1).real();
    const dcomplex mu = block_eigenvalue(a, b, c, d);
    // (B - mu I) x = 0 with x = (b, mu - a): the first row vanishes identically; b != 0 for a
    // block with non-real eigenvalues (otherwise it would be triangular).
    dcomplex x1(b, 0.0);
    dcomplex x2 = mu - a;
    const double r = std::hypot(std::abs(x1), std::abs(x2));
    x1 /= r;
    x2 /= r;
    const dcomplex cx1 = std::conj(x1);
    const dcomplex cx2 = std::conj(x2);
    // Rows k, k+1 (columns k..n-1): G^* [row_k; row_k+1].
    for (Eigen::Index j = k; j < n; ++j) {
      const dcomplex r1 = t(k, j);
      const dcomplex r2 = t(k + 1, j);
      t(k, j) = cx1 * r1 + cx2 * r2;
      t(k + 1, j) = -x2 * r1 + x1 * r2;
    }
    // Columns k, k+1 (rows 0..k+1): [col_k col_k+1] G.
    for (Eigen::Index i = 0; i <= k + 1; ++i) {
      const dcomplex c1 = t(i, k);
      const dcomplex c2 = t(i, k + 1);
      t(i, k) = c1 * x1 + c2 * x2;
      t(i, k + 1) = -c1 * cx2 + c2 * cx1;
    }
    for (Eigen::Index i = 0; i < n; ++i) {
      const dcomplex c1 = u(i, k);
      const dcomplex c2 = u(i, k + 1);
      u(i, k) = c1 * x1 + c2 * x2;
      u(i, k + 1) = -c1 * cx2 + c2 * cx1;
    }
    // The rotation annihilates t(k+1, k) up to rounding; set the exact triangular structure and
    // the exactly conjugate pair.
    t(k + 1, k) = 0.0;
    t(k, k) = mu;
    t(k + 1, k + 1) = std::conj(mu);
    k += 2;
  }
}

double relative(double residual, double scale) {
  if (scale == 0.0) return residual == 0.0 ? 0.0 : residual;
  return residual / scale;
}

void complex_errors(const Eigen::Ref<const Eigen::MatrixXd>& w, ComplexSchurForm& f) {
  const Eigen::Index n = w.rows();
  // W U - U T with W real: W Re(U) and W Im(U) by two real products (4 n^3 flops) instead of
  // complexifying W, and U T with T triangular by ztrmm (4 n^3).
  Eigen::MatrixXcd residual = f.u;
  lapack::trmm_upper_right('N', dcomplex(-1.0), f.t, residual);
  {
    const Eigen::MatrixXd ur = f.u.real();
    Eigen::MatrixXd product(n, n);
    lapack::gemm('N', 'N', 1.0, w, ur, 0.0, product);
    residual.real() += product;
    const Eigen::MatrixXd ui = f.u.imag();
    lapack::gemm('N', 'N', 1.0, w, ui, 0.0, product);
    residual.imag() += product;
  }
  f.backward_error = relative(residual.stableNorm(), w.stableNorm());
  // U^* U - I is Hermitian: zherk forms its upper triangle (4 n^3); the Frobenius norm counts
  // the strictly upper part twice.
  Eigen::MatrixXcd gram = Eigen::MatrixXcd::Identity(n, n);
  lapack::herk_upper(1.0, f.u, -1.0, gram);
  const double diagonal = gram.diagonal().squaredNorm();
  const double upper = Eigen::MatrixXcd(gram.triangularView<Eigen::StrictlyUpper>()).squaredNorm();
  f.orthogonality_error = std::sqrt(diagonal + 2.0 * upper);
}

void real_errors(const Eigen::Ref<const Eigen::MatrixXd>& w, RealSchurForm& f) {
  const Eigen::Index n = w.rows();
  Eigen::MatrixXd residual(n, n);
  lapack::gemm('N', 'N', 1.0, w, f.u, 0.0, residual);
  lapack::gemm('N', 'N', -1.0, f.u, f.t, 1.0, residual);
  f.backward_error = relative(residual.stableNorm(), w.stableNorm());
  Eigen::MatrixXd gram = Eigen::MatrixXd::Identity(n, n);
  lapack::gemm('T', 'N', 1.0, f.u, f.u, -1.0, gram);
  f.orthogonality_error = gram.norm();
}

}  // namespace

RealSchurForm real_schur(const Eigen::Ref<const Eigen::MatrixXd>& w, const SchurOptions& options) {
  detail::require_connectivity("real_schur", "W", w);
  lapack::RealSchurFactor factor = lapack::gees(w, true);
  RealSchurForm f;
  f.t = std::move(factor.t);
  f.u = std::move(factor.u);
  reorder_real(f.t, f.u, options.order);
  detail::ensure_finite_result("real_schur", "T", f.t);
  detail::ensure_finite_result("real_schur", "U", f.u);
  f.eigenvalues = real_schur_eigenvalues(f.t);

  const Eigen::Index n = f.t.rows();
  f.normal_part = Eigen::MatrixXd::Zero(n, n);
  // The blocks' own departures sqrt((a - d)^2 + (b + c)^2), one entry per block.
  std::vector<double> block_departure;
  for (Eigen::Index k = 0; k < n; k += block_size(f.t, k)) {
    const Eigen::Index s = block_size(f.t, k);
    f.normal_part.block(k, k, s, s) = f.t.block(k, k, s, s);
    if (s == 2) {
      // [[a, b], [c, d]] with |mu|^2 = ad - bc: a^2 + b^2 + c^2 + d^2 - 2|mu|^2 = (a - d)^2 +
      // (b + c)^2, the block's own departure, without cancellation.
      const double a = f.t(k, k);
      const double b = f.t(k, k + 1);
      const double c = f.t(k + 1, k);
      const double d = f.t(k + 1, k + 1);
      block_departure.push_back(std::hypot(a - d, b + c));
    }
  }
  f.feedforward = f.t - f.normal_part;
  // Scaled norms (Eigen's stableNorm): the squares overflow for entries beyond ~1e154.
  f.feedforward_norm = f.feedforward.stableNorm();
  f.henrici_departure =
      std::hypot(f.feedforward_norm,
                 Eigen::Map<const Eigen::VectorXd>(
                     block_departure.data(), static_cast<Eigen::Index>(block_departure.size()))
                     .stableNorm());
  if (options.compute_errors) real_errors(w, f);
  return f;
}

ComplexSchurForm complex_schur(const Eigen::Ref<const Eigen::MatrixXd>& w,
                               const SchurOptions& options) {
  detail::require_connectivity("complex_schur", "W", w);
  ComplexSchurForm f;
  if (options.method == ComplexSchurMethod::kZgees) {
    const Eigen::MatrixXcd wc = w.cast<dcomplex>();
    lapack::ComplexSchurFactor factor = lapack::gees(wc, true);
    f.t = std::move(factor.t);
    f.u = std::move(factor.u);
    reorder_complex(f.t, f.u, options.order);
  } else {
    lapack::RealSchurFactor factor = lapack::gees(w, true);
    reorder_real(factor.t, factor.u, options.order);
    f.t = factor.t.cast<dcomplex>();
    factor.t.resize(0, 0);
    f.u = factor.u.cast<dcomplex>();
    factor.u.resize(0, 0);
    split_blocks(f.t, f.u);
  }
  detail::ensure_finite_result("complex_schur", "T", f.t);
  detail::ensure_finite_result("complex_schur", "U", f.u);
  // The triangular structure is exact by construction (LAPACK and split_blocks write zeros),
  // so the strictly lower part is cleared only to be safe against stray rounding.
  f.t.triangularView<Eigen::StrictlyLower>().setZero();
  f.eigenvalues = f.t.diagonal();
  f.feedforward = f.t.triangularView<Eigen::StrictlyUpper>();
  f.normal_part = f.eigenvalues.asDiagonal();
  f.feedforward_norm = f.feedforward.stableNorm();
  if (options.compute_errors) complex_errors(w, f);
  return f;
}

std::string to_string(SchurOrder order) {
  switch (order) {
    case SchurOrder::kDecreasingRealPart: return "decreasing-real";
    case SchurOrder::kIncreasingRealPart: return "increasing-real";
    case SchurOrder::kNone: return "none";
  }
  throw std::logic_error("to_string: invalid SchurOrder");
}

SchurOrder parse_schur_order(const std::string& text) {
  if (text == "decreasing-real") return SchurOrder::kDecreasingRealPart;
  if (text == "increasing-real") return SchurOrder::kIncreasingRealPart;
  if (text == "none") return SchurOrder::kNone;
  throw std::invalid_argument("parse_schur_order: order = \"" + text +
                              "\"; need decreasing-real, increasing-real or none");
}

}  // namespace netdyn
