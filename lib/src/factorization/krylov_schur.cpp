#include "factorization/krylov_schur.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "core/checks.hpp"
#include "factorization/schur_blocks.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/core/error.hpp"
#include "netdyn/core/random.hpp"

namespace netdyn::detail {
namespace {

using Index = Eigen::Index;
using cd = std::complex<double>;

// Rows of V rotated per block in the restart V(:, a:b) = V(:, a:m) U: a block of rows at a time,
// so the product needs a (rows x m) buffer, not a second n x m basis.
constexpr Index kRotationRows = 4096;

bool better(const cd& a, const cd& b, const RitzScore& score) {
  const double sa = score(a);
  const double sb = score(b);
  if (sa != sb) return sa > sb;
  return a.imag() > b.imag();
}

// Selection sort of the leading blocks: move the best remaining block of t to row q (dtrexc,
// updating u), for q up to `count` rows. Returns the number of leading rows that are sorted
// (>= count unless a swap was refused as too ill-conditioned, when the order stops there; T and
// U stay a valid Schur form either way).
Index sort_leading(Eigen::MatrixXd& t, Eigen::MatrixXd& u, const RitzScore& score, Index count) {
  const Index size = t.rows();
  Index q = 0;
  while (q < count && q < size) {
    Index best = q;
    cd best_value = leading_eigenvalue(t, q);
    for (Index p = q + block_size(t, q); p < size; p += block_size(t, p)) {
      const cd value = leading_eigenvalue(t, p);
      if (better(value, best_value, score)) {
        best = p;
        best_value = value;
      }
    }
    if (best != q) {
      try {
        lapack::trexc(t, u, best, q);
      } catch (const NumericalError&) {
        return q;
      }
    }
    q += block_size(t, q);
  }
  return q;
}

// w -= V(:, 0:cols) h with h = V^T w (classical Gram-Schmidt, two BLAS-2 passes over V), repeated
// once when the first pass removed more than 1 - 1/sqrt(2) of ||w|| (the DGKS criterion of
// ARPACK's dnaitr: cancellation has cost orthogonality; "twice is enough", Giraud et al. 2005).
// h receives the sum of the passes. Returns ||w|| afterwards.
//
// Both passes are split by rows over the OpenMP threads, each calling single-threaded BLAS on its
// block (the partial V^T w are summed): the products are memory-bound, and OpenBLAS's own threads
// would spin after every call and take the cores from the OpenMP matvec that follows (measured:
// 9.3 s against 3.4 s single-threaded at n = 20000, subspace 100).
class Orthogonaliser {
 public:
  Orthogonaliser(Index n, Index max_cols) : n_(n) {
#ifdef _OPENMP
    // A block of V must be worth a thread: below ~1e5 entries per thread stay serial.
    threads_ = static_cast<int>(std::clamp<Index>(n * 16 / 100000, 1, omp_get_max_threads()));
#endif
    partial_.resize(max_cols, threads_);
    squares_.resize(threads_);
  }

  double operator()(const Eigen::MatrixXd& v,
                    Index cols,
                    Eigen::VectorXd& w,
                    Eigen::Ref<Eigen::VectorXd> h) {
    h.setZero();
    if (cols == 0) return w.norm();
    double norm = w.norm();
    for (int pass = 0; pass < 2; ++pass) {
      run([&](int t, Index r0, Index rows) {
        auto c = partial_.col(t).head(cols);
        lapack::gemv('T', 1.0, v.block(r0, 0, rows, cols), w.segment(r0, rows), 0.0, c);
      });
      const Eigen::VectorXd c = partial_.topRows(cols).rowwise().sum();
      run([&](int t, Index r0, Index rows) {
        auto part = w.segment(r0, rows);
        lapack::gemv('N', -1.0, v.block(r0, 0, rows, cols), c, 1.0, part);
        squares_(t) = part.squaredNorm();
      });
      h += c;
      const double after = std::sqrt(squares_.sum());
      if (after > std::sqrt(0.5) * norm) return after;
      norm = after;
    }
    return norm;
  }

 private:
  template <typename F>
  void run(F&& f) {
    const Index chunk = (n_ + threads_ - 1) / threads_;
#pragma omp parallel for schedule(static) num_threads(threads_) if (threads_ > 1)
    for (int t = 0; t < threads_; ++t) {
      const Index r0 = std::min(n_, chunk * t);
      f(t, r0, std::min(n_, r0 + chunk) - r0);
    }
  }

  Index n_;
  int threads_ = 1;
  Eigen::MatrixXd partial_;
  Eigen::VectorXd squares_;
};

// A unit vector orthogonal to V(:, 0:cols) (cols < n) from random draws: for a breakdown of the
// Arnoldi process (an invariant subspace found) and for a start vector inside the locked span.
void random_orthogonal_vector(const Eigen::MatrixXd& v,
                              Index cols,
                              RandomSource& random,
                              Eigen::VectorXd& w,
                              Orthogonaliser& orthogonalise) {
  Eigen::VectorXd h(std::max<Index>(cols, 1));
  for (int attempt = 0; attempt < 10; ++attempt) {
    for (Index i = 0; i < w.size(); ++i) w(i) = random.normal();
    const double before = w.norm();
    const double after = orthogonalise(v, cols, w, h.head(cols));
    if (after > 1e-3 * before) {
      w /= after;
      return;
    }
  }
  throw NumericalError("krylov_schur: no vector orthogonal to the Krylov basis found (" +
                       std::to_string(cols) + " columns, n = " + std::to_string(w.size()) + ")");
}

// V(:, from:from + u.cols()) = V(:, from:from + u.rows()) u, in row blocks (each thread its own
// buffer, single-threaded BLAS inside), so the product needs no second n x m basis.
void rotate_basis(Eigen::MatrixXd& v, Index from, const Eigen::MatrixXd& u) {
  const Index n = v.rows();
  const Index blocks = (n + kRotationRows - 1) / kRotationRows;
#pragma omp parallel if (blocks > 1)
  {
    Eigen::MatrixXd buffer(std::min(n, kRotationRows), u.cols());
#pragma omp for schedule(static)
    for (Index b = 0; b < blocks; ++b) {
      const Index r = b * kRotationRows;
      const Index rows = std::min(kRotationRows, n - r);
      auto out = buffer.topRows(rows);
      lapack::gemm('N', 'N', 1.0, v.block(r, from, rows, u.rows()), u, 0.0, out);
      v.block(r, from, rows, u.cols()) = out;
    }
  }
}

// Condition numbers 1/s_k (dtrsna) of the eigenvalues of quasi-triangular t in diagonal order;
// +inf for a numerically defective one.
Eigen::VectorXd conditions(const Eigen::MatrixXd& t) {
  const Eigen::MatrixXd vr = lapack::trevc3_right(t);
  const Eigen::MatrixXd vl = lapack::trevc3_left(t);
  const Eigen::VectorXd s = lapack::trsna_eigenvalues(t, vl, vr);
  Eigen::VectorXd c(s.size());
  for (Index k = 0; k < s.size(); ++k) {
    c(k) = s(k) > 0.0 ? 1.0 / s(k) : std::numeric_limits<double>::infinity();
  }
  return c;
}

// The largest of them at the diagonal positions [first, last).
double worst_condition(const Eigen::MatrixXd& t, Index first, Index last) {
  if (last <= first) return 1.0;
  return std::max(1.0, conditions(t).segment(first, last - first).maxCoeff());
}

}  // namespace

KrylovSchurResult krylov_schur(Index n,
                               const KrylovOperator& op,
                               const RitzScore& score,
                               const KrylovSchurOptions& options,
                               const Eigen::VectorXd& start,
                               const KrylovSchurResult& locked) {
  const Index l0 = locked.basis.cols();
  const Index m = options.subspace;
  if (start.size() != n ||
      (l0 > 0 && (locked.basis.rows() != n || locked.t.rows() != l0 || locked.t.cols() != l0))) {
    throw std::invalid_argument("krylov_schur: start vector or locked part of the wrong size");
  }
  if (options.wanted < 1 || m > n || l0 + options.wanted + 2 > m) {
    throw std::invalid_argument("krylov_schur: subspace " + std::to_string(m) + " for " +
                                std::to_string(options.wanted) + " wanted and " +
                                std::to_string(l0) + " locked vectors, n = " + std::to_string(n) +
                                "; need locked + wanted + 2 <= subspace <= n");
  }
  KrylovSchurResult out;
  Eigen::MatrixXd v(n, m + 1);
  Eigen::MatrixXd s = Eigen::MatrixXd::Zero(m, m);
  Eigen::VectorXd b = Eigen::VectorXd::Zero(m);
  if (l0 > 0) {
    v.leftCols(l0) = locked.basis;
    s.topLeftCorner(l0, l0) = locked.t;
  }
  RandomSource random(static_cast<std::uint64_t>(n) * 7919u + static_cast<std::uint64_t>(l0));
  Eigen::VectorXd w = start;
  // BLAS on this thread only (Orthogonaliser says why); the restored count applies after return.
  const lapack::SingleThreadedBlas single;
  Orthogonaliser orthogonalise(n, m + 1);
  Eigen::VectorXd h(m + 1);
  {
    const double before = w.norm();
    const double after = orthogonalise(v, l0, w, h.head(l0));
    if (!(after > 1e-3 * before)) {
      random_orthogonal_vector(v, l0, random, w, orthogonalise);
    } else {
      w /= after;
    }
    v.col(l0) = w;
  }

  Index l = l0;  // locked columns
  Index k = l0;  // columns of the current decomposition A V_k = V_k S_k + v_{k+1} b^T
  double backward_squared = locked.backward_error * locked.backward_error;
  const double scale_floor = std::pow(kEps, 2.0 / 3.0);
  for (;;) {
    // Expand to m columns. Row k of S is the b^T of the restart (zero in the locked columns).
    if (k > 0) s.row(k).head(k) = b.head(k).transpose();
    double beta = 0.0;
    for (Index j = k; j < m; ++j) {
      op(v.col(j).data(), w.data());
      ++out.products;
      const double before = w.norm();
      beta = orthogonalise(v, j + 1, w, h.head(j + 1));
      s.col(j).head(j + 1) = h.head(j + 1);
      if (!(beta > 16.0 * kEps * before) || !std::isfinite(beta)) {
        // Invariant subspace: A V_{j+1} = V_{j+1} S_{j+1} exactly. Continue in a fresh random
        // direction (zero coupling), so the decomposition stays valid.
        beta = 0.0;
        if (j + 1 < n) {
          random_orthogonal_vector(v, j + 1, random, w, orthogonalise);
        } else {
          w.setZero();
        }
      } else {
        w /= beta;
      }
      if (j + 1 < m) s(j + 1, j) = beta;
      v.col(j + 1) = w;
    }
    detail::require_finite("krylov_schur", "Krylov projection", s);

    // Schur form of the active block, best Ritz values first.
    const Index active = m - l;
    lapack::RealSchurFactor schur = lapack::gees(s.bottomRightCorner(active, active), true);
    const Index needed = std::max<Index>(options.wanted - (l - l0), 1);
    // Thick restart keeps the wanted Ritz vectors and half of the rest (measured best of 0.3, 0.5,
    // 0.7 on the peer's E-I matrix for subspaces 60 to 200).
    Index keep = std::min(active - 1, needed + (active - needed) / 2);
    // Rows l..sorted_end of the active block are in decreasing score.
    const Index sorted_end = l + sort_leading(schur.t, schur.u, score, keep);
    keep = std::min(keep, sorted_end - l);
    if (keep > 0 && keep < active && block_size(schur.t, keep - 1) == 2) {
      // Do not cut a 2x2 block: keep both members (or neither, at the end of the space).
      keep = keep + 1 < active ? keep + 1 : keep - 1;
    }
    if (l > 0) s.topRightCorner(l, active) = s.topRightCorner(l, active) * schur.u;
    s.bottomRightCorner(active, active) = schur.t;
    b.head(l).setZero();
    b.tail(active) = beta * schur.u.row(active - 1).transpose();

    // Lock the leading converged Schur vectors of the sorted part.
    const double scale = scale_floor * schur.t.norm();
    Index p = l;
    while (p - l0 < options.wanted && p < sorted_end) {
      const Index size = block_size(s, p);
      const cd theta = leading_eigenvalue(s, p);
      const double residual = b.segment(p, size).norm();
      if (!(residual <= options.tolerance * std::max(std::abs(theta), scale))) break;
      backward_squared += residual * residual;
      b.segment(p, size).setZero();
      p += size;
    }
    const Index previously_locked = l;
    l = p;
    out.converged = l - l0 >= options.wanted;
    // A (nearly) defective operator: the wanted Ritz values never converge (Jordan structure
    // survives the projection); their condition in T says so long before max_restarts.
    const bool defective = !out.converged && options.condition_check_interval > 0 &&
                           out.restarts > 0 &&
                           out.restarts % options.condition_check_interval == 0 &&
                           !(worst_condition(s, l, std::max(l + 1, previously_locked + keep)) <=
                             options.condition_limit);
    if (out.converged || defective || out.restarts >= options.max_restarts) {
      if (l > previously_locked) {
        rotate_basis(v, previously_locked, schur.u.leftCols(l - previously_locked));
      }
      const Index reported_end = std::max(l, std::min(previously_locked + keep, sorted_end));
      out.unconverged = real_schur_eigenvalues(s.block(l, l, reported_end - l, reported_end - l));
      const Eigen::VectorXd c = conditions(s);
      out.conditions = c.head(l);
      out.condition =
          reported_end > l0 ? std::max(1.0, c.segment(l0, reported_end - l0).maxCoeff()) : 1.0;
      break;
    }
    // Restart: keep the leading `keep` active columns (locked ones included) and v_{m+1}.
    ++out.restarts;
    const Index new_k = previously_locked + keep;
    rotate_basis(v, previously_locked, schur.u.leftCols(keep));
    v.col(new_k) = v.col(m);
    s.bottomRows(m - new_k).setZero();
    s.rightCols(m - new_k).setZero();
    k = new_k;
  }
  out.basis = v.leftCols(l);
  out.t = s.topLeftCorner(l, l);
  out.values = real_schur_eigenvalues(out.t);
  out.backward_error = std::sqrt(backward_squared);
  return out;
}

}  // namespace netdyn::detail
