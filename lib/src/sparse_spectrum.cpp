#include "netdyn/sparse_spectrum.hpp"

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
#include <limits>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "checks.hpp"
#include "netdyn/error.hpp"
#include "netdyn/random.hpp"
#include "netdyn/spectrum.hpp"

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
  Eigen::VectorXcd eigenvalues;  // `count` values in netdyn order
  Eigen::Index iterations = 0;
  Eigen::Index operations = 0;
};

// Larger "score" = more wanted; ties broken by larger imaginary part so that of a conjugate pair
// cut by the count boundary the +imag member is kept, deterministically.
double score(const std::complex<double>& z, const SparseSpectrumOptions& options) {
  switch (options.target) {
    case SparseTarget::kLargestReal: return z.real();
    case SparseTarget::kLargestMagnitude: return std::abs(z);
    case SparseTarget::kNearestShift: return -std::abs(z - options.shift);
  }
  return z.real();
}

Eigen::VectorXcd select_wanted(const Eigen::VectorXcd& values, const SparseSpectrumOptions& o) {
  std::vector<std::complex<double>> v(values.data(), values.data() + values.size());
  std::stable_sort(v.begin(), v.end(), [&](const auto& a, const auto& b) {
    const double sa = score(a, o);
    const double sb = score(b, o);
    if (sa != sb) return sa > sb;
    return a.imag() > b.imag();
  });
  Eigen::VectorXcd out(o.count);
  for (Eigen::Index k = 0; k < o.count; ++k) out(k) = v[static_cast<std::size_t>(k)];
  sort_eigenvalues(out);
  return out;
}

template <typename Solver>
RunResult finish_run(Solver& solver,
                     const SparseSpectrumOptions& options,
                     Spectra::SortRule rule,
                     Eigen::Index nev,
                     Eigen::Index subspace,
                     Eigen::Index n,
                     std::uint64_t seed) {
  RandomSource random(seed);
  Eigen::VectorXd start(n);
  for (Eigen::Index i = 0; i < n; ++i) start(i) = random.normal();
  solver.init(start.data());
  const Eigen::Index converged = solver.compute(rule, options.max_iterations, options.tolerance);
  if (solver.info() != Spectra::CompInfo::Successful || converged < nev) {
    std::ostringstream msg;
    msg << "compute_sparse_spectrum: Arnoldi did not converge: " << converged << " of " << nev
        << " eigenvalues (" << to_string(options.target) << ") after " << solver.num_iterations()
        << " iterations (max_iterations = " << options.max_iterations
        << ", tolerance = " << options.tolerance << ", subspace " << subspace << ", n = " << n
        << "); raise max_iterations or subspace_size";
    throw NumericalError(msg.str());
  }
  RunResult r;
  r.eigenvalues = select_wanted(solver.eigenvalues(), options);
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
    Spectra::GenEigsRealShiftSolver<ShiftSolve> solver(op, nev, subspace, options.shift);
    return finish_run(solver, options, Spectra::SortRule::LargestMagn, nev, subspace, n, seed);
  }
  CsrProduct op(w_rows);
  Spectra::GenEigsSolver<CsrProduct> solver(op, nev, subspace);
  const Spectra::SortRule rule = options.target == SparseTarget::kLargestReal
                                     ? Spectra::SortRule::LargestReal
                                     : Spectra::SortRule::LargestMagn;
  return finish_run(solver, options, rule, nev, subspace, n, seed);
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

  SparseSpectrum out;
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
      if (larger >= max_subspace) {
        std::ostringstream msg;
        msg << "compute_sparse_spectrum: Arnoldi runs disagree by " << difference
            << " (> verify_tolerance " << options.verify_tolerance << " x " << scale
            << ") up to subspace " << larger << " (max_subspace_size " << max_subspace
            << ", n = " << n << ", " << out.runs << " runs, " << out.iterations
            << " iterations, tolerance " << options.tolerance
            << "): the wanted eigenvalues are not resolved; raise max_subspace_size";
        throw NumericalError(msg.str());
      }
    }
  }
  out.eigenvalues = std::move(current.eigenvalues);
  out.subspace_size = subspace;
  detail::ensure_finite_result("compute_sparse_spectrum", "eigenvalues", out.eigenvalues);
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
