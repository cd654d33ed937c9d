#include "netdyn/factorization/schur_factorization.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "core/checks.hpp"
#include "factorization/extreme_singular_values.hpp"
#include "factorization/quasi_triangular.hpp"
#include "factorization/schur_blocks.hpp"
#include "factorization/symmetric_part.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/factorization/spectrum.hpp"

namespace netdyn {
namespace {

using Index = Eigen::Index;
using detail::kEps;

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
  std::optional<Eigen::MatrixXd> left_vectors_t;
  std::optional<double> kappa;
  std::optional<Eigen::VectorXd> eigenvalue_conditions;
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
  c.norm2 = detail::extreme_singular_values(c.t, *c.algebra, detail::SingularValuesWanted::kLargest)
                .largest;
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
  const detail::ExtremeSingularValues s = detail::extreme_singular_values(
      m, *c.algebra, detail::SingularValuesWanted::kLargestAndSmallest);
  const double smax = s.largest;
  const double smin = s.smallest;
  c.kappa = smin <= static_cast<double>(n) * kEps * smax ? std::numeric_limits<double>::infinity()
                                                         : smax / smin;
  return *c.kappa;
}

const Eigen::MatrixXd& SchurFactorization::triangular_left_eigenvectors() const {
  Cache& c = *cache_;
  if (!c.left_vectors_t) c.left_vectors_t = lapack::trevc3_left(c.t);
  return *c.left_vectors_t;
}

const Eigen::VectorXd& SchurFactorization::eigenvalue_conditions() const {
  Cache& c = *cache_;
  if (c.eigenvalue_conditions) return *c.eigenvalue_conditions;
  // dtrsna normalises the columns itself, so the kept right eigenvectors serve as they are.
  const Eigen::VectorXd s =
      lapack::trsna_eigenvalues(c.t, triangular_left_eigenvectors(), triangular_eigenvectors());
  detail::ensure_finite_result("SchurFactorization", "eigenvalue condition numbers", s);
  const Index n = size();
  Eigen::VectorXd conditions(n);
  for (Index k = 0; k < n; ++k) {
    const double sk = s(c.order(k));
    conditions(k) = sk > 0.0 ? 1.0 / sk : std::numeric_limits<double>::infinity();
  }
  c.eigenvalue_conditions = std::move(conditions);
  return *c.eigenvalue_conditions;
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
