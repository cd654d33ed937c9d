#include "netdyn/factorization/sparse_spectrum.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <Eigen/SparseLU>
// GCC 12 reports a false -Wuse-after-free inside Spectra's UpperHessenbergEigen (Eigen temporaries
// freed and reallocated by the inliner's view); the code is correct and Spectra is not ours.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic ignored "-Wuse-after-free"
#endif
#include <Spectra/GenEigsRealShiftSolver.h>
#include <Spectra/GenEigsSolver.h>
#include <algorithm>
#include <cmath>
#include <complex>
#include <iomanip>
#include <limits>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/checks.hpp"
#include "netdyn/core/error.hpp"
#include "netdyn/core/random.hpp"
#include "netdyn/factorization/spectrum.hpp"

namespace netdyn {
namespace {

using RowMajorSparse = Eigen::SparseMatrix<double, Eigen::RowMajor>;

// Spectra's operator concept for y = W x on a row-major (CSR) copy of W. Rows are independent,
// so the product parallelises over rows without atomics; Eigen's own sparse * dense product is
// single-threaded. Small matrices stay serial (thread start-up would dominate).
class CsrProduct {
 public:
  using Scalar = double;
  explicit CsrProduct(const RowMajorSparse& w) : w_(w) {}
  [[nodiscard]] Eigen::Index rows() const { return w_.rows(); }
  [[nodiscard]] Eigen::Index cols() const { return w_.cols(); }
  void perform_op(const double* x_in, double* y_out) const {
    const auto* outer = w_.outerIndexPtr();
    const auto* inner = w_.innerIndexPtr();
    const double* values = w_.valuePtr();
    const Eigen::Index n = w_.rows();
    const bool parallel = w_.nonZeros() > 200000;
#pragma omp parallel for schedule(static) if (parallel)
    for (Eigen::Index i = 0; i < n; ++i) {
      double sum = 0.0;
      for (auto p = outer[i]; p < outer[i + 1]; ++p) sum += values[p] * x_in[inner[p]];
      y_out[i] = sum;
    }
  }

 private:
  const RowMajorSparse& w_;
};

// Spectra's shift-solve concept: y = (W - sigma I)^{-1} x with one sparse LU. Written here
// rather than Spectra's SparseGenRealShiftSolve so that a singular shift becomes our
// std::invalid_argument with the value named.
class ShiftSolve {
 public:
  using Scalar = double;
  explicit ShiftSolve(const Eigen::SparseMatrix<double>& w) : w_(w) {}
  [[nodiscard]] Eigen::Index rows() const { return w_.rows(); }
  [[nodiscard]] Eigen::Index cols() const { return w_.cols(); }
  void set_shift(double sigma) {
    Eigen::SparseMatrix<double> identity(w_.rows(), w_.cols());
    identity.setIdentity();
    const Eigen::SparseMatrix<double> shifted = w_ - sigma * identity;
    lu_.compute(shifted);
    if (lu_.info() != Eigen::Success) {
      std::ostringstream msg;
      msg << "compute_sparse_spectrum: W - sigma I is singular for sigma = " << sigma
          << " (sparse LU: " << lu_.lastErrorMessage()
          << "); choose a shift that is not an eigenvalue";
      throw std::invalid_argument(msg.str());
    }
  }
  void perform_op(const double* x_in, double* y_out) const {
    Eigen::Map<Eigen::VectorXd>(y_out, w_.rows()) =
        lu_.solve(Eigen::Map<const Eigen::VectorXd>(x_in, w_.rows()));
  }

 private:
  const Eigen::SparseMatrix<double>& w_;
  Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu_;
};

struct RunResult {
  Eigen::VectorXcd eigenvalues;  // `count` values (+1 for a cut conjugate pair), netdyn order
  Eigen::Index iterations = 0;
  Eigen::Index operations = 0;
  double residual = 0.0;   // max ||W x - lambda x|| / ||x|| over the returned Ritz pairs
  double condition = 1.0;  // max condition of the wanted Ritz values in the projection H
};

using detail::kEps;

// Eigenvalues of W when its graph (off-diagonal nonzeros, i -> j for W(i, j) != 0) has no cycle:
// a topological order permutes W to triangular form, so the eigenvalues are exactly the diagonal
// entries. Feed-forward networks (a chain, W = 0) are of this kind, and they are where Arnoldi
// fails worst: nilpotent, all eigenvalues 0, Ritz values on a circle of radius ~0.9 ||W|| that
// never converge (issue 22: 403 s, then an error). Kahn's algorithm, O(n + nnz). Empty if the
// graph has a cycle.
std::optional<Eigen::VectorXd> triangular_eigenvalues(const RowMajorSparse& w) {
  const Eigen::Index n = w.rows();
  std::vector<Eigen::Index> in_degree(static_cast<std::size_t>(n), 0);
  Eigen::VectorXd diagonal = Eigen::VectorXd::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (RowMajorSparse::InnerIterator it(w, i); it; ++it) {
      if (it.value() == 0.0) continue;
      if (it.col() == i) {
        diagonal(i) += it.value();
      } else {
        ++in_degree[static_cast<std::size_t>(it.col())];
      }
    }
  }
  std::vector<Eigen::Index> ready;
  for (Eigen::Index i = 0; i < n; ++i)
    if (in_degree[static_cast<std::size_t>(i)] == 0) ready.push_back(i);
  Eigen::Index removed = 0;
  while (!ready.empty()) {
    const Eigen::Index i = ready.back();
    ready.pop_back();
    ++removed;
    for (RowMajorSparse::InnerIterator it(w, i); it; ++it) {
      if (it.value() == 0.0 || it.col() == i) continue;
      if (--in_degree[static_cast<std::size_t>(it.col())] == 0) ready.push_back(it.col());
    }
  }
  if (removed < n) return std::nullopt;
  return diagonal;
}

// Larger "score" = more wanted; ties broken by larger imaginary part so that of a conjugate pair
// the +imag member comes first, deterministically.
double score(const std::complex<double>& z, const SparseSpectrumOptions& options) {
  switch (options.target) {
    case SparseTarget::kLargestReal: return z.real();
    case SparseTarget::kLargestMagnitude: return std::abs(z);
    case SparseTarget::kNearestShift: return -std::abs(z - options.shift);
  }
  return z.real();
}

// Indices into `values` of the `count` wanted ones, with the conjugate of the last one added when
// the count would cut a pair (complete_conjugate_pair()).
std::vector<Eigen::Index> select_wanted(const Eigen::VectorXcd& values,
                                        const SparseSpectrumOptions& o) {
  std::vector<Eigen::Index> order(static_cast<std::size_t>(values.size()));
  for (Eigen::Index k = 0; k < values.size(); ++k) order[static_cast<std::size_t>(k)] = k;
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
    const double sa = score(values(a), o);
    const double sb = score(values(b), o);
    if (sa != sb) return sa > sb;
    return values(a).imag() > values(b).imag();
  });
  Eigen::VectorXcd ranked(values.size());
  for (Eigen::Index k = 0; k < values.size(); ++k)
    ranked(k) = values(order[static_cast<std::size_t>(k)]);
  order.resize(static_cast<std::size_t>(complete_conjugate_pair(ranked, o.count)));
  return order;
}

// Spectra solvers with their Arnoldi factorisation W V = V H + f e^T made visible: the
// conditioning of the Ritz values is a property of H.
template <typename Base>
class InspectableSolver : public Base {
 public:
  using Base::Base;
  [[nodiscard]] const Eigen::MatrixXd& hessenberg() const { return this->m_fac.matrix_H(); }
};

// Largest condition number kappa(theta) = ||l|| ||r|| / |l^* r| of the `wanted` eigenvalues of H
// chosen by Spectra's rule (in the solver's variable: 1/(lambda - sigma) for shift-invert). An
// eigenvalue of a (nearly) defective W shows a huge kappa in H as in W (Jordan structure
// survives projection onto a Krylov space); +inf when H's eigenvectors are singular.
double ritz_condition(const Eigen::MatrixXd& h, Spectra::SortRule rule, Eigen::Index wanted) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const Eigen::EigenSolver<Eigen::MatrixXd> es(h, true);
  if (es.info() != Eigen::Success) return kInf;
  const Eigen::VectorXcd theta = es.eigenvalues();
  const Eigen::MatrixXcd r = es.eigenvectors();
  const Eigen::FullPivLU<Eigen::MatrixXcd> lu(r);
  if (!lu.isInvertible()) return kInf;
  const Eigen::MatrixXcd l = lu.inverse();  // rows: left eigenvectors, l_k^* r_k = 1
  std::vector<Eigen::Index> order(static_cast<std::size_t>(theta.size()));
  for (Eigen::Index k = 0; k < theta.size(); ++k) order[static_cast<std::size_t>(k)] = k;
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
    return rule == Spectra::SortRule::LargestReal ? theta(a).real() > theta(b).real()
                                                  : std::abs(theta(a)) > std::abs(theta(b));
  });
  double worst = 1.0;
  for (Eigen::Index k = 0; k < std::min<Eigen::Index>(wanted, theta.size()); ++k) {
    const Eigen::Index i = order[static_cast<std::size_t>(k)];
    const double kappa = r.col(i).norm() * l.row(i).norm();
    worst = std::max(worst, std::isfinite(kappa) ? kappa : kInf);
  }
  return worst;
}

std::string defective_hint() {
  return "W is (nearly) defective at the wanted eigenvalues (as a feed-forward chain or a Jordan "
         "block is), where Krylov eigenvalues do not converge to the true ones; the dense "
         "eigensolver (all eigenvalues, n up to 16384) reports such a W with an error estimate";
}

template <typename Solver>
RunResult finish_run(Solver& solver,
                     const RowMajorSparse& w_rows,
                     const SparseSpectrumOptions& options,
                     Spectra::SortRule rule,
                     Eigen::Index nev,
                     Eigen::Index subspace,
                     std::uint64_t seed) {
  const Eigen::Index n = w_rows.rows();
  RandomSource random(seed);
  Eigen::VectorXd start(n);
  for (Eigen::Index i = 0; i < n; ++i) start(i) = random.normal();
  solver.init(start.data());
  // One compute() call: restarting it in chunks (from the current first Arnoldi vector) loses
  // the locked Ritz vectors and measurably hurts convergence on clustered edges.
  const Eigen::Index converged = solver.compute(rule, options.max_iterations, options.tolerance);
  if (solver.info() != Spectra::CompInfo::Successful || converged < nev) {
    const double condition = ritz_condition(solver.hessenberg(), rule, nev);
    std::ostringstream msg;
    msg << std::setprecision(3)
        << "compute_sparse_spectrum: Arnoldi did not converge: " << converged << " of " << nev
        << " eigenvalues (" << to_string(options.target) << ") after " << solver.num_iterations()
        << " iterations (tolerance = " << options.tolerance << ", subspace " << subspace
        << ", n = " << n << "); ";
    if (!(condition <= kEigenvectorConditionLimit)) {
      msg << "the wanted Ritz values have condition number " << condition
          << " > 1e12: " << defective_hint();
    } else {
      msg << "a larger subspace or more restarts may help";
    }
    throw NumericalError(msg.str());
  }
  RunResult r;
  const Eigen::VectorXcd values = solver.eigenvalues();
  const std::vector<Eigen::Index> keep = select_wanted(values, options);
  const Eigen::MatrixXcd vectors = solver.eigenvectors();
  r.eigenvalues.resize(static_cast<Eigen::Index>(keep.size()));
  Eigen::MatrixXcd x(n, r.eigenvalues.size());
  for (std::size_t k = 0; k < keep.size(); ++k) {
    r.eigenvalues(static_cast<Eigen::Index>(k)) = values(keep[k]);
    x.col(static_cast<Eigen::Index>(k)) = vectors.col(keep[k]);
  }
  // Explicit residuals ||W x - lambda x|| / ||x|| of the returned pairs (W real: real and
  // imaginary parts separately), not Spectra's estimates.
  const Eigen::MatrixXd wx_re = w_rows * Eigen::MatrixXd(x.real());
  const Eigen::MatrixXd wx_im = w_rows * Eigen::MatrixXd(x.imag());
  for (Eigen::Index k = 0; k < x.cols(); ++k) {
    const Eigen::VectorXcd wx =
        wx_re.col(k).cast<std::complex<double>>() + std::complex<double>(0.0, 1.0) * wx_im.col(k);
    const double norm = x.col(k).norm();
    if (norm > 0.0)
      r.residual = std::max(r.residual, (wx - r.eigenvalues(k) * x.col(k)).norm() / norm);
  }
  sort_eigenvalues(r.eigenvalues);
  r.condition = ritz_condition(solver.hessenberg(), rule, nev);
  r.iterations = solver.num_iterations();
  r.operations = solver.num_operations();
  return r;
}

// One Arnoldi run. Asks for count + 1 values when the subspace allows, so that a conjugate pair
// straddling the boundary is seen whole before select_wanted() cuts it.
RunResult arnoldi_run(const Eigen::SparseMatrix<double>& w,
                      const RowMajorSparse& w_rows,
                      const SparseSpectrumOptions& options,
                      Eigen::Index subspace,
                      std::uint64_t seed) {
  const Eigen::Index n = w.rows();
  const Eigen::Index nev = std::min(options.count + 1, std::min(n - 2, subspace - 2));
  if (options.target == SparseTarget::kNearestShift) {
    ShiftSolve op(w);
    InspectableSolver<Spectra::GenEigsRealShiftSolver<ShiftSolve>> solver(
        op, nev, subspace, options.shift);
    return finish_run(solver, w_rows, options, Spectra::SortRule::LargestMagn, nev, subspace, seed);
  }
  CsrProduct op(w_rows);
  InspectableSolver<Spectra::GenEigsSolver<CsrProduct>> solver(op, nev, subspace);
  const Spectra::SortRule rule = options.target == SparseTarget::kLargestReal
                                     ? Spectra::SortRule::LargestReal
                                     : Spectra::SortRule::LargestMagn;
  return finish_run(solver, w_rows, options, rule, nev, subspace, seed);
}

void validate(const Eigen::SparseMatrix<double>& w, const SparseSpectrumOptions& o) {
  const char* fn = "compute_sparse_spectrum";
  if (w.rows() != w.cols() || w.rows() == 0) {
    throw std::invalid_argument(std::string(fn) + ": W is " + std::to_string(w.rows()) + "x" +
                                std::to_string(w.cols()) + "; need a non-empty square matrix");
  }
  for (Eigen::Index j = 0; j < w.outerSize(); ++j) {
    for (Eigen::SparseMatrix<double>::InnerIterator it(w, j); it; ++it) {
      if (!std::isfinite(it.value())) {
        std::ostringstream msg;
        msg << fn << ": W(" << it.row() << "," << it.col() << ") = " << it.value()
            << "; inputs must be finite";
        throw std::invalid_argument(msg.str());
      }
    }
  }
  const Eigen::Index n = w.rows();
  const std::string size = std::to_string(n) + "x" + std::to_string(n);
  if (o.count < 1 || o.count > n - 2) {
    throw std::invalid_argument(std::string(fn) + ": options.count = " + std::to_string(o.count) +
                                " but W is " + size +
                                "; need 1 <= count <= n - 2 = " + std::to_string(n - 2) +
                                " (use compute_spectrum for all eigenvalues of a small W)");
  }
  if (o.subspace_size != 0 && (o.subspace_size < o.count + 2 || o.subspace_size > n)) {
    throw std::invalid_argument(std::string(fn) +
                                ": options.subspace_size = " + std::to_string(o.subspace_size) +
                                " but count = " + std::to_string(o.count) + " and W is " + size +
                                "; need count + 2 <= subspace_size <= n, or 0 for automatic");
  }
  if (o.max_subspace_size < 0) {
    throw std::invalid_argument(std::string(fn) + ": options.max_subspace_size = " +
                                std::to_string(o.max_subspace_size) + "; need >= 0");
  }
  if (!(o.tolerance > 0.0 && o.tolerance < 1.0)) {
    std::ostringstream msg;
    msg << fn << ": options.tolerance = " << o.tolerance << "; need 0 < tolerance < 1";
    throw std::invalid_argument(msg.str());
  }
  if (!(o.verify_tolerance > 0.0) || !std::isfinite(o.verify_tolerance)) {
    std::ostringstream msg;
    msg << fn << ": options.verify_tolerance = " << o.verify_tolerance
        << "; need a finite value > 0";
    throw std::invalid_argument(msg.str());
  }
  if (o.max_iterations < 1) {
    throw std::invalid_argument(std::string(fn) + ": options.max_iterations = " +
                                std::to_string(o.max_iterations) + "; need >= 1");
  }
  if (!std::isfinite(o.shift)) {
    std::ostringstream msg;
    msg << fn << ": options.shift = " << o.shift << "; need a finite value";
    throw std::invalid_argument(msg.str());
  }
}

// Converged is not the same as right: a residual far above what the tolerance allows (lost
// orthogonality), or Ritz values so ill-conditioned that a tiny residual says nothing about the
// error (a (nearly) defective W: a Ritz value theta with residual r is an exact eigenvalue of
// some W + E, ||E|| = r, and near a Jordan block of size m that moves eigenvalues by up to about
// (r ||W||^(m-1))^(1/m)).
void add_krylov_warnings(SparseSpectrum& out,
                         const Eigen::SparseMatrix<double>& w,
                         const SparseSpectrumOptions& options) {
  const double norm = w.norm();  // Frobenius, >= ||W||_2; > 0 here (W = 0 returned earlier)
  std::ostringstream m;
  m << std::setprecision(3);
  // Shift-invert converges in 1/(lambda - sigma), which allows residuals in W up to about
  // tolerance ||W - sigma I||; the factor 100 leaves room for rounding in the products.
  const double allowed =
      100.0 * options.tolerance *
      (norm + (options.target == SparseTarget::kNearestShift ? std::abs(options.shift) : 0.0));
  if (out.residual > allowed) {
    m << "the returned Ritz pairs have residual max ||W x - lambda x||/||x|| = " << out.residual
      << ", more than 100 x tolerance x ||W||_F = " << allowed
      << " allows: the Arnoldi basis lost accuracy and the eigenvalues may be wrong.";
    out.warnings.push_back({"krylov_residual", m.str()});
    m.str("");
  }
  if (!(out.eigenvalue_condition <= kEigenvectorConditionLimit)) {
    const double m_size = static_cast<double>(out.subspace_size);
    const double backward = std::max(out.residual, kEps * norm);
    const double jordan = std::pow(backward / norm, 1.0 / m_size) * norm;
    m << "the wanted eigenvalues have condition number " << out.eigenvalue_condition
      << " > 1e12 in the Krylov projection: W is (nearly) defective there (as a feed-forward "
         "chain or a Jordan block is). The Arnoldi eigenvalues are exact for some W + E with "
         "||E|| = the residual "
      << backward
      << ", but near a Jordan block of size m that moves eigenvalues by up to about "
         "(||E|| ||W||^(m-1))^(1/m) = "
      << jordan << " for m = the subspace size " << out.subspace_size << " (||W||_F = " << norm
      << "), so the eigenvalues and the spectral abscissa or radius computed from them are "
         "unreliable; the dense eigensolver gives an error estimate for n up to 16384.";
    out.warnings.push_back({"ill_conditioned_eigenvectors", m.str()});
  }
}

}  // namespace

std::string to_string(SparseTarget target) {
  switch (target) {
    case SparseTarget::kLargestReal: return "largest-real";
    case SparseTarget::kLargestMagnitude: return "largest-magnitude";
    case SparseTarget::kNearestShift: return "nearest-shift";
  }
  return "unknown";
}

SparseTarget parse_sparse_target(const std::string& name) {
  if (name == "largest-real" || name == "LR") return SparseTarget::kLargestReal;
  if (name == "largest-magnitude" || name == "LM") return SparseTarget::kLargestMagnitude;
  if (name == "nearest-shift" || name == "shift") return SparseTarget::kNearestShift;
  throw std::invalid_argument("parse_sparse_target: unknown target '" + name +
                              "'; expected largest-real (LR), largest-magnitude (LM) or "
                              "nearest-shift (shift)");
}

SparseSpectrum compute_sparse_spectrum(const Eigen::SparseMatrix<double>& w,
                                       const SparseSpectrumOptions& options) {
  validate(w, options);
  const Eigen::Index n = w.rows();
  // The CSR copy also compresses W (an uncompressed input is fine) and costs O(nnz) memory.
  const RowMajorSparse w_rows = w;
  const Eigen::SparseMatrix<double> w_cols = w_rows;  // compressed column-major for the LU

  // Default subspace: >= 100 vectors (the trap in the header), never below ARPACK's 2k + 1.
  Eigen::Index subspace = options.subspace_size;
  if (subspace == 0) subspace = std::min(n, std::max<Eigen::Index>(2 * options.count + 1, 100));
  const Eigen::Index max_subspace = options.max_subspace_size > 0
                                        ? std::max(options.max_subspace_size, subspace)
                                        : std::min(n, 8 * subspace);

  // The Arnoldi basis V (n x subspace) and its restart copy dominate the memory: refuse before
  // allocating what the machine cannot hold (a 3-line .mtx can declare n = 1e8).
  const double basis_bytes = 2.0 * 8.0 * static_cast<double>(n) * static_cast<double>(subspace);
  const double memory = static_cast<double>(detail::physical_memory_bytes());
  if (memory > 0.0 && basis_bytes > memory) {
    std::ostringstream msg;
    msg << std::setprecision(3) << "compute_sparse_spectrum: W is " << n << "x" << n
        << " and the Krylov subspace " << subspace << ", which needs about " << basis_bytes / 1e9
        << " GB for the Arnoldi basis; this machine has " << memory / 1e9 << " GB";
    throw std::invalid_argument(msg.str());
  }

  SparseSpectrum out;
  // Triangular up to a permutation (feed-forward W, W = 0): the eigenvalues are the diagonal,
  // exactly, without Arnoldi (which breaks down on W = 0 and never converges on a long chain).
  if (const auto diagonal = triangular_eigenvalues(w_rows)) {
    const Eigen::VectorXcd values = diagonal->cast<std::complex<double>>();
    const std::vector<Eigen::Index> keep = select_wanted(values, options);
    out.eigenvalues.resize(static_cast<Eigen::Index>(keep.size()));
    for (std::size_t k = 0; k < keep.size(); ++k)
      out.eigenvalues(static_cast<Eigen::Index>(k)) = values(keep[k]);
    sort_eigenvalues(out.eigenvalues);
    out.method = "triangular";
    return out;
  }
  std::uint64_t seed = options.seed;
  RunResult current = arnoldi_run(w_cols, w_rows, options, subspace, seed);
  out.iterations = current.iterations;
  out.operations = current.operations;
  out.runs = 1;
  // A subspace of n is the whole space: Arnoldi is then exact and a check adds nothing.
  if (options.verify && subspace < n) {
    for (;;) {
      // 1.5x larger (at least +20), another random start: an independent look at the edge.
      const Eigen::Index larger =
          std::min({n, max_subspace, std::max(subspace + 20, 3 * subspace / 2)});
      RunResult check = arnoldi_run(w_cols, w_rows, options, larger, ++seed);
      out.iterations += check.iterations;
      out.operations += check.operations;
      ++out.runs;
      const double scale = std::max(1.0, check.eigenvalues.cwiseAbs().maxCoeff());
      const double difference = eigenvalue_set_distance(current.eigenvalues, check.eigenvalues);
      subspace = larger;
      current = std::move(check);
      if (difference <= options.verify_tolerance * scale) {
        out.verification_difference = difference;
        break;
      }
      // Ill-conditioned Ritz values of a (nearly) defective W differ from run to run by far
      // more than the tolerance; a larger subspace does not cure that, so stop at once.
      const bool defective = !(current.condition <= kEigenvectorConditionLimit);
      if (larger >= max_subspace || defective) {
        std::ostringstream msg;
        msg << std::setprecision(3) << "compute_sparse_spectrum: Arnoldi runs disagree by "
            << difference << " (> " << options.verify_tolerance << " x " << scale
            << ") up to subspace " << larger << " (n = " << n << ", " << out.runs << " runs, "
            << out.iterations << " restarts, tolerance " << options.tolerance
            << "): the wanted eigenvalues are not resolved; ";
        if (defective) {
          msg << "their condition number is " << current.condition
              << " > 1e12: " << defective_hint();
        } else {
          msg << "a larger subspace may resolve them";
        }
        throw NumericalError(msg.str());
      }
    }
  }
  out.eigenvalues = std::move(current.eigenvalues);
  out.subspace_size = subspace;
  out.residual = current.residual;
  out.eigenvalue_condition = current.condition;
  detail::ensure_finite_result("compute_sparse_spectrum", "eigenvalues", out.eigenvalues);
  add_krylov_warnings(out, w, options);
  return out;
}

double circular_law_radius(const Eigen::SparseMatrix<double>& w) {
  if (w.rows() != w.cols() || w.rows() == 0) {
    throw std::invalid_argument("circular_law_radius: W is " + std::to_string(w.rows()) + "x" +
                                std::to_string(w.cols()) + "; need a non-empty square matrix");
  }
  // var over all n^2 entries: E[w^2] - E[w]^2, so n var = sum w^2 / n - (sum w)^2 / n^3.
  const double n = static_cast<double>(w.rows());
  double sum = 0.0;
  double sum_squares = 0.0;
  for (Eigen::Index j = 0; j < w.outerSize(); ++j) {
    for (Eigen::SparseMatrix<double>::InnerIterator it(w, j); it; ++it) {
      sum += it.value();
      sum_squares += it.value() * it.value();
    }
  }
  const double mean = sum / (n * n);
  return std::sqrt(std::max(0.0, n * (sum_squares / (n * n) - mean * mean)));
}

double eigenvalue_set_distance(const Eigen::VectorXcd& a, const Eigen::VectorXcd& b) {
  double d = 0.0;
  for (int pass = 0; pass < 2; ++pass) {
    const Eigen::VectorXcd& x = pass == 0 ? a : b;
    const Eigen::VectorXcd& y = pass == 0 ? b : a;
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      double nearest = std::numeric_limits<double>::infinity();
      for (Eigen::Index j = 0; j < y.size(); ++j)
        nearest = std::min(nearest, std::abs(x(i) - y(j)));
      d = std::max(d, nearest);
    }
  }
  return d;
}

}  // namespace netdyn
