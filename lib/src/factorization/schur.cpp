#include "netdyn/factorization/schur.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <stdexcept>
#include <vector>

#include "core/checks.hpp"
#include "factorization/schur_blocks.hpp"
#include "factorization/schur_reordering.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/factorization/schur_factorization.hpp"

namespace netdyn {
namespace {

using dcomplex = std::complex<double>;
using detail::block_size;
using detail::goes_before;
using detail::leading_eigenvalue;
using detail::real_schur_eigenvalues;

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

// ||W Q - Q T||_F and ||Q^T Q - I||_F of a real Schur form (three real products, 6 n^3 flops).
struct RealErrors {
  double residual = 0.0;
  double orthogonality = 0.0;
};
RealErrors real_form_errors(const Eigen::Ref<const Eigen::MatrixXd>& w,
                            const Eigen::MatrixXd& t,
                            const Eigen::MatrixXd& u) {
  const Eigen::Index n = w.rows();
  RealErrors e;
  Eigen::MatrixXd residual(n, n);
  lapack::gemm('N', 'N', 1.0, w, u, 0.0, residual);
  lapack::gemm('N', 'N', -1.0, u, t, 1.0, residual);
  e.residual = residual.stableNorm();
  Eigen::MatrixXd gram = Eigen::MatrixXd::Identity(n, n);
  lapack::gemm('T', 'N', 1.0, u, u, -1.0, gram);
  e.orthogonality = gram.norm();
  return e;
}

void real_errors(const Eigen::Ref<const Eigen::MatrixXd>& w, RealSchurForm& f) {
  const RealErrors e = real_form_errors(w, f.t, f.u);
  f.backward_error = relative(e.residual, w.stableNorm());
  f.orthogonality_error = e.orthogonality;
}

// The parts of the complex form common to both routes: checks, the split T = Lambda + N, errors.
void finish_complex(const SchurOptions& options, ComplexSchurForm& f) {
  detail::ensure_finite_result("complex_schur", "T", f.t);
  detail::ensure_finite_result("complex_schur", "U", f.u);
  // The triangular structure is exact by construction (LAPACK and split_blocks write zeros),
  // so the strictly lower part is cleared only to be safe against stray rounding.
  f.t.triangularView<Eigen::StrictlyLower>().setZero();
  f.eigenvalues = f.t.diagonal();
  // ||N||_F: the diagonal's contribution taken out of ||T||_F without cancellation (scaled
  // norms: the squares overflow beyond ~1e154).
  {
    double scale = 0.0;
    double sum = 1.0;  // sum of (|t_ij| / scale)^2 over the strictly upper part
    const Eigen::Index n = f.t.rows();
    for (Eigen::Index j = 1; j < n; ++j) {
      for (Eigen::Index i = 0; i < j; ++i) {
        const double a = std::abs(f.t(i, j));
        if (a == 0.0) continue;
        if (a > scale) {
          sum = 1.0 + sum * (scale / a) * (scale / a);
          scale = a;
        } else {
          sum += (a / scale) * (a / scale);
        }
      }
    }
    f.feedforward_norm = scale * std::sqrt(sum);
  }
  if (options.compute_parts) {
    f.feedforward = f.t.triangularView<Eigen::StrictlyUpper>();
    f.normal_part = f.eigenvalues.asDiagonal();
  }
}

}  // namespace

RealSchurForm real_schur(const Eigen::Ref<const Eigen::MatrixXd>& w, const SchurOptions& options) {
  detail::require_connectivity("real_schur", "W", w);
  return real_schur(SchurFactorization(w), options);
}

RealSchurForm real_schur(const SchurFactorization& factorization, const SchurOptions& options) {
  const Eigen::MatrixXd& w = factorization.matrix();
  RealSchurForm f;
  f.t = factorization.t();
  f.u = factorization.q();
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
  if (options.method == ComplexSchurMethod::kViaRealSchur) {
    return complex_schur(SchurFactorization(w), options);
  }
  ComplexSchurForm f;
  const Eigen::MatrixXcd wc = w.cast<dcomplex>();
  lapack::ComplexSchurFactor factor = lapack::gees(wc, true);
  f.t = std::move(factor.t);
  f.u = std::move(factor.u);
  reorder_complex(f.t, f.u, options.order);
  finish_complex(options, f);
  if (options.compute_errors) complex_errors(w, f);
  return f;
}

ComplexSchurForm complex_schur(const SchurFactorization& factorization,
                               const SchurOptions& options) {
  const Eigen::MatrixXd& w = factorization.matrix();
  ComplexSchurForm f;
  Eigen::MatrixXd t = factorization.t();
  RealErrors real;
  {
    Eigen::MatrixXd u = factorization.q();
    reorder_real(t, u, options.order);
    if (options.compute_errors) real = real_form_errors(w, t, u);
    f.t = t.cast<dcomplex>();
    f.u = u.cast<dcomplex>();
  }
  std::vector<detail::BlockRotation> rotations;
  detail::split_schur_blocks(f.t, f.u, &rotations);
  finish_complex(options, f);
  if (options.compute_errors) {
    // U = Q G and T_c = G^* T G up to the split's rounding, so W U - U T_c = (W Q - Q T) G +
    // Q (T - G T_c G^*) G and U^* U - I = G^* (Q^T Q - I) G + (G^* G - I): the real form's
    // errors plus the split's, O(n^2), bound the complex form's (to first order in the
    // orthogonality error), without its 12 n^3 flops of complex products.
    f.backward_error =
        relative(real.residual + detail::split_residual(t, f.t, rotations), w.stableNorm());
    f.orthogonality_error = real.orthogonality + detail::rotation_orthogonality(rotations);
  }
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
