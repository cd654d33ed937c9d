#include "netdyn/schur_factorization.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "checks.hpp"
#include "lanczos.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/spectrum.hpp"
#include "quasi_triangular.hpp"
#include "schur_blocks.hpp"
#include "symmetric_part.hpp"

namespace netdyn {
namespace {

using Index = Eigen::Index;
constexpr double kEps = std::numeric_limits<double>::epsilon();
// Up to this size the extreme singular values come from one dense dgesdd (exact to rounding and
// cheaper than setting up a Lanczos run); above it, Lanczos on O(n^2) products and solves.
constexpr Index kDenseSingularValues = 100;
// Lanczos: Ritz residual test (the value is then accurate to about tol^2 relative unless the top
// two eigenvalues are that close) and the step cap after which the dense route takes over.
constexpr double kLanczosTolerance = 1e-12;
constexpr Index kLanczosSteps = 400;

// A deterministic start vector with no special structure.
Eigen::VectorXd generic_start(Index n) {
  Eigen::VectorXd v(n);
  for (Index i = 0; i < n; ++i) v(i) = std::cos(1.0 + 0.7 * static_cast<double>(i)) + 0.01;
  return v.normalized();
}

// Largest eigenvalue of the symmetric positive semidefinite operator `apply`; empty if Lanczos
// did not converge within the cap.
template <typename Apply>
std::optional<double> top_eigenvalue(Index n, Apply&& apply) {
  detail::TopEigenLanczos<double> lanczos(n, kLanczosSteps);
  const auto r = lanczos.run(apply, generic_start(n), kLanczosTolerance);
  if (!r.converged || !std::isfinite(r.value)) return std::nullopt;
  return r.value;
}

}  // namespace

struct SchurFactorization::Cache {
  Eigen::MatrixXd w;
  Eigen::MatrixXd t;
  Eigen::MatrixXd q;  // empty without Schur vectors
  Eigen::VectorXcd schur_values;
  Eigen::VectorXcd sorted_values;
  Eigen::VectorXi order;
  double frobenius = 0.0;
  std::optional<detail::QuasiTriangularAlgebra> algebra;
  std::optional<double> norm2;
  std::optional<double> symmetric_top;
  std::optional<Eigen::MatrixXd> vectors_t;
  std::optional<double> kappa;
  std::optional<Eigen::MatrixXcd> complex_t;
};

SchurFactorization::SchurFactorization(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                       const FactorizationOptions& options)
    : SchurFactorization(Eigen::MatrixXd(w), options) {}

SchurFactorization::SchurFactorization(Eigen::MatrixXd&& w_in, const FactorizationOptions& options)
    : cache_(std::make_unique<Cache>()) {
  detail::require_connectivity("SchurFactorization", "W", w_in);
  Cache& c = *cache_;
  c.w = std::move(w_in);
  const Eigen::MatrixXd& w = c.w;
  lapack::RealSchurFactor f = lapack::gees(w, options.schur_vectors);
  c.t = std::move(f.t);
  c.q = std::move(f.u);
  detail::ensure_finite_result("SchurFactorization", "T", c.t);
  // The eigenvalues from T's blocks (as schur.cpp reports them), not dgees's wr/wi: identical
  // for 1x1 blocks, and for a pair mu = a +- sqrt(-b c) i exactly conjugate.
  c.schur_values = detail::real_schur_eigenvalues(c.t);
  c.sorted_values = c.schur_values;
  c.order = sort_eigenvalues(c.sorted_values);
  c.frobenius = w.stableNorm();
  c.algebra.emplace(c.t);
}

SchurFactorization::~SchurFactorization() = default;
SchurFactorization::SchurFactorization(SchurFactorization&&) noexcept = default;
SchurFactorization& SchurFactorization::operator=(SchurFactorization&&) noexcept = default;

Index SchurFactorization::size() const {
  return cache_->t.rows();
}
const Eigen::MatrixXd& SchurFactorization::matrix() const {
  return cache_->w;
}
const Eigen::MatrixXd& SchurFactorization::t() const {
  return cache_->t;
}
bool SchurFactorization::has_schur_vectors() const {
  return cache_->q.size() != 0;
}

const Eigen::MatrixXd& SchurFactorization::q() const {
  if (!has_schur_vectors()) {
    throw std::logic_error(
        "SchurFactorization::q: built without Schur vectors (FactorizationOptions::schur_vectors "
        "= false)");
  }
  return cache_->q;
}

const Eigen::VectorXcd& SchurFactorization::schur_eigenvalues() const {
  return cache_->schur_values;
}
const Eigen::VectorXcd& SchurFactorization::eigenvalues() const {
  return cache_->sorted_values;
}
const Eigen::VectorXi& SchurFactorization::eigenvalue_order() const {
  return cache_->order;
}
double SchurFactorization::frobenius_norm() const {
  return cache_->frobenius;
}

double SchurFactorization::norm2() const {
  Cache& c = *cache_;
  if (c.norm2) return *c.norm2;
  const Index n = size();
  std::optional<double> top;
  if (n > kDenseSingularValues) {
    Eigen::VectorXd tmp(n);
    top = top_eigenvalue(n, [&](const auto& x, Eigen::VectorXd& y) {
      c.algebra->apply(c.t, x, tmp);
      c.algebra->apply_transpose(c.t, tmp, y);
    });
    if (top) top = std::sqrt(std::max(*top, 0.0));
  }
  c.norm2 = top ? *top : lapack::singular_values(c.t)(0);
  return *c.norm2;
}

double SchurFactorization::symmetric_part_maximum() const {
  Cache& c = *cache_;
  if (!c.symmetric_top) c.symmetric_top = detail::symmetric_part_maximum(c.w);
  return *c.symmetric_top;
}

const Eigen::MatrixXd& SchurFactorization::triangular_eigenvectors() const {
  Cache& c = *cache_;
  if (c.vectors_t) return *c.vectors_t;
  Eigen::MatrixXd v = lapack::trevc3_right(c.t);
  const Index n = size();
  for (Index k = 0; k < n;) {
    if (c.algebra->block_start(k)) {
      const double s = std::hypot(v.col(k).stableNorm(), v.col(k + 1).stableNorm());
      v.col(k) /= s;
      v.col(k + 1) /= s;
      k += 2;
    } else {
      v.col(k) /= v.col(k).stableNorm();
      k += 1;
    }
  }
  detail::ensure_finite_result("SchurFactorization", "eigenvectors of T", v);
  c.vectors_t = std::move(v);
  return *c.vectors_t;
}

Eigen::MatrixXcd SchurFactorization::eigenvectors() const {
  const Eigen::MatrixXd& q_ = q();
  const Eigen::MatrixXd& vt = triangular_eigenvectors();
  const Index n = size();
  Eigen::MatrixXd x(n, n);
  lapack::gemm('N', 'N', 1.0, q_, vt, 0.0, x);
  // Complex columns in T's order: x_k = a + i b for the +i member of a pair, its conjugate next.
  Eigen::MatrixXcd schur_order(n, n);
  for (Index k = 0; k < n;) {
    if (cache_->algebra->block_start(k)) {
      schur_order.col(k).real() = x.col(k);
      schur_order.col(k).imag() = x.col(k + 1);
      schur_order.col(k + 1) = schur_order.col(k).conjugate();
      k += 2;
    } else {
      schur_order.col(k).real() = x.col(k);
      schur_order.col(k).imag().setZero();
      k += 1;
    }
  }
  Eigen::MatrixXcd out(n, n);
  const Eigen::VectorXi& p = eigenvalue_order();
  for (Index k = 0; k < n; ++k) {
    Eigen::VectorXcd v = schur_order.col(p(k));
    // Unit 2-norm (normalised again against Q's rounding), the entry of largest modulus real and
    // positive (dgeev makes it real; the positive sign makes the result independent of the
    // eigensolver's).
    Index imax = 0;
    v.cwiseAbs2().maxCoeff(&imax);
    const std::complex<double> z = v(imax);
    if (z != 0.0) v *= std::conj(z) / std::abs(z);
    v(imax) = std::complex<double>(v(imax).real(), 0.0);
    out.col(k) = v / v.norm();
  }
  return out;
}

double SchurFactorization::eigenvector_condition() const {
  Cache& c = *cache_;
  if (c.kappa) return *c.kappa;
  const Index n = size();
  // M = V_T D with D = sqrt(2) on the columns of a pair: [x, conj(x)] = [a, b] [[1, 1], [i, -i]]
  // and that 2x2 factor is sqrt(2) times a unitary, so M has the singular values of the complex
  // unit-column V = Q V_T (up to a unitary factor on the right).
  Eigen::MatrixXd m = triangular_eigenvectors();
  for (Index k = 0; k + 1 < n; ++k) {
    if (c.algebra->block_start(k)) {
      m.col(k) *= std::sqrt(2.0);
      m.col(k + 1) *= std::sqrt(2.0);
      ++k;
    }
  }
  double smax = 0.0;
  double smin = 0.0;
  bool done = false;
  if (n > kDenseSingularValues) {
    Eigen::VectorXd tmp(n);
    const std::optional<double> top = top_eigenvalue(n, [&](const auto& x, Eigen::VectorXd& y) {
      c.algebra->apply(m, x, tmp);
      c.algebra->apply_transpose(m, tmp, y);
    });
    // (M^T M)^{-1} = M^{-1} M^{-T}: its top eigenvalue is 1/sigma_min^2. An overflow in the
    // solves (a singular diagonal block) is sigma_min = 0 to working precision.
    bool overflow = false;
    const std::optional<double> inverse_top =
        top_eigenvalue(n, [&](const auto& x, Eigen::VectorXd& y) {
          y = x;
          c.algebra->solve_transpose(m, y);
          c.algebra->solve(m, y);
          if (!y.allFinite()) {
            overflow = true;
            y = x;  // let the iteration finish; the result is discarded
          }
        });
    if (top && (overflow || inverse_top)) {
      smax = std::sqrt(std::max(*top, 0.0));
      smin = overflow ? 0.0 : 1.0 / std::sqrt(*inverse_top);
      done = true;
    }
  }
  if (!done) {
    const Eigen::VectorXd s = lapack::singular_values(m);
    smax = s(0);
    smin = s(s.size() - 1);
  }
  c.kappa = smin <= static_cast<double>(n) * kEps * smax ? std::numeric_limits<double>::infinity()
                                                         : smax / smin;
  return *c.kappa;
}

const Eigen::MatrixXcd& SchurFactorization::complex_t() const {
  Cache& c = *cache_;
  if (c.complex_t) return *c.complex_t;
  Eigen::MatrixXcd t = c.t.cast<std::complex<double>>();
  Eigen::MatrixXcd no_vectors;
  detail::split_schur_blocks(t, no_vectors);
  t.triangularView<Eigen::StrictlyLower>().setZero();
  c.complex_t = std::move(t);
  return *c.complex_t;
}

}  // namespace netdyn
