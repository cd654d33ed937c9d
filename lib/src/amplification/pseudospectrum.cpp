#include "netdyn/amplification/pseudospectrum.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <vector>

#include "amplification/resolvent.hpp"
#include "core/checks.hpp"
#include "lapack/lapack.hpp"

namespace netdyn {
namespace {

using Index = Eigen::Index;
using cd = std::complex<double>;

void validate_grid(const char* fn, const PseudospectrumOptions& o) {
  if (o.nx < 1 || o.ny < 1) {
    throw std::invalid_argument(std::string(fn) + ": grid is " + std::to_string(o.nx) + " x " +
                                std::to_string(o.ny) + " points; need nx >= 1 and ny >= 1");
  }
  if (!(o.tolerance > 0.0 && o.tolerance < 1.0)) {
    std::ostringstream msg;
    msg << fn << ": options.tolerance = " << o.tolerance << "; need 0 < tolerance < 1";
    throw std::invalid_argument(msg.str());
  }
  if (o.max_iterations < 1) {
    throw std::invalid_argument(std::string(fn) + ": options.max_iterations = " +
                                std::to_string(o.max_iterations) + "; need >= 1");
  }
  if (o.box) {
    const auto& b = *o.box;
    for (int k = 0; k < 4; ++k) {
      if (!std::isfinite(b[static_cast<std::size_t>(k)])) {
        std::ostringstream msg;
        msg << fn << ": box[" << k << "] = " << b[static_cast<std::size_t>(k)]
            << "; the box {x0, x1, y0, y1} must be finite";
        throw std::invalid_argument(msg.str());
      }
    }
    if (!(b[0] <= b[1]) || !(b[2] <= b[3])) {
      std::ostringstream msg;
      msg << fn << ": box = {" << b[0] << ", " << b[1] << ", " << b[2] << ", " << b[3]
          << "}; need x0 <= x1 and y0 <= y1";
      throw std::invalid_argument(msg.str());
    }
  }
}

// The spectrum of a real A is symmetric about the real axis; zgees returns the conjugate pairs
// only to rounding (~eps ||A||), so the box takes the largest |Im| on both sides: exactly
// symmetric, and its rows are mirrored (below).
std::array<double, 4> automatic_box(const Eigen::VectorXcd& lambda) {
  const double xmin = lambda.real().minCoeff();
  const double xmax = lambda.real().maxCoeff();
  const double ymax = lambda.imag().cwiseAbs().maxCoeff();
  const double ymin = -ymax;
  const double radius = lambda.cwiseAbs().maxCoeff();
  const double pad = std::max(0.25 * std::max(xmax - xmin, ymax - ymin) + 0.1 * radius, 0.5);
  return {xmin - pad, xmax + pad, ymin - pad, ymax + pad};
}

// Row i can be copied from row ny - 1 - i when y_i = -y_{ny-1-i} < 0, to rounding (LinSpaced
// over a box symmetric about the real axis is symmetric only to a few ulps of the height): for
// real A, conj(zI - A) = conj(z) I - A has the same singular values, and sigma_min is
// 1-Lipschitz in z, so the copy is off by at most |y_i + y_j| <= 64 eps (ymax - ymin).
// -1: compute the row.
std::vector<Index> mirror_rows(const Eigen::VectorXd& y) {
  const Index ny = y.size();
  std::vector<Index> mirror(static_cast<std::size_t>(ny), -1);
  if (ny < 2) return mirror;
  constexpr double kEps = std::numeric_limits<double>::epsilon();
  const double slack = 64.0 * kEps * (y(ny - 1) - y(0));
  for (Index i = 0; i < ny; ++i) {
    const Index j = ny - 1 - i;
    if (j != i && y(i) < 0.0 && y(j) > 0.0 && std::abs(y(i) + y(j)) <= slack) {
      mirror[static_cast<std::size_t>(i)] = j;
    }
  }
  return mirror;
}

Eigen::VectorXd axis(double lo, double hi, Index count) {
  if (count == 1) return Eigen::VectorXd::Constant(1, 0.5 * (lo + hi));
  return Eigen::VectorXd::LinSpaced(count, lo, hi);
}

}  // namespace

Pseudospectrum compute_pseudospectrum(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                      const PseudospectrumOptions& options) {
  constexpr const char* kFn = "compute_pseudospectrum";
  detail::require_connectivity(kFn, "A", a);
  validate_grid(kFn, options);
  const Eigen::MatrixXcd ac = a.cast<cd>();
  // zgees on one thread: the grid below runs its own OpenMP threads, and a woken OpenBLAS
  // worker would spin on one of their cores for ~0.1 s.
  const lapack::ComplexSchurFactor schur = [&] {
    const lapack::SingleThreadedBlas single;
    return lapack::gees(ac, false);
  }();
  Pseudospectrum out;
  out.eigenvalues = schur.t.diagonal();
  const std::array<double, 4> box = options.box ? *options.box : automatic_box(out.eigenvalues);
  out.x = axis(box[0], box[1], options.nx);
  out.y = axis(box[2], box[3], options.ny);
  out.sigma_min.resize(options.ny, options.nx);
  Index iterations = 0;
  Index unconverged = 0;
  const Index ny = options.ny;
  const Index nx = options.nx;
  // A is real: rows mirrored about the real axis are copied, not computed (EigTool does the
  // same for real matrices; a box symmetric about the real axis, the automatic box included,
  // halves the work).
  const std::vector<Index> mirror = mirror_rows(out.y);
  std::vector<Index> rows;
  for (Index i = 0; i < ny; ++i) {
    if (mirror[static_cast<std::size_t>(i)] < 0) rows.push_back(i);
  }
  const auto computed = static_cast<Index>(rows.size());
  Index rows_done = 0;
  // Each thread owns a shifted copy of T and its Lanczos workspace. Along a row each point
  // warm-starts from the previous one; each row starts afresh, so that the numbers do not
  // depend on which thread took which rows (nor on the thread count).
#pragma omp parallel reduction(+ : iterations, unconverged)
  {
    detail::ResolventNorm resolvent(schur.t, options.max_iterations);
#pragma omp for schedule(dynamic, 1)
    for (Index r = 0; r < computed; ++r) {
      const Index i = rows[static_cast<std::size_t>(r)];
      resolvent.restart();
      for (Index j = 0; j < nx; ++j) {
        const auto v = resolvent.sigma_min(cd(out.x(j), out.y(i)), options.tolerance);
        out.sigma_min(i, j) = v.sigma_min;
        iterations += v.steps;
        if (!v.converged) ++unconverged;
      }
      if (options.progress) {
#pragma omp critical(netdyn_pseudospectrum_progress)
        options.progress(++rows_done, computed);
      }
    }
  }
  for (Index i = 0; i < ny; ++i) {
    const Index source = mirror[static_cast<std::size_t>(i)];
    if (source >= 0) {
      out.sigma_min.row(i) = out.sigma_min.row(source);
      ++out.mirrored_rows;
    }
  }
  out.iterations = iterations;
  out.unconverged = unconverged;
  detail::ensure_finite_result(kFn, "sigma_min", out.sigma_min);
  return out;
}

namespace {

// Largest real x with eps a singular value of (x + iy) I - A: the real eigenvalues of
// [[B, eps I], [eps I, B^*]], B = A - iy I (science.md 7.2). -inf if the line misses.
double horizontal_search(const Eigen::MatrixXd& a, double eps, double y, double scale) {
  const Index n = a.rows();
  Eigen::MatrixXcd k = Eigen::MatrixXcd::Zero(2 * n, 2 * n);
  k.topLeftCorner(n, n) = a.cast<cd>();
  k.topLeftCorner(n, n).diagonal().array() -= cd(0.0, y);
  k.bottomRightCorner(n, n) = k.topLeftCorner(n, n).adjoint();
  k.topRightCorner(n, n).diagonal().setConstant(eps);
  k.bottomLeftCorner(n, n).diagonal().setConstant(eps);
  const Eigen::ComplexEigenSolver<Eigen::MatrixXcd> solver(k, false);
  if (solver.info() != Eigen::Success) {
    throw NumericalError("pseudospectral_abscissa: complex eigensolver failed, n = " +
                         std::to_string(n));
  }
  double best = -std::numeric_limits<double>::infinity();
  for (Index i = 0; i < 2 * n; ++i) {
    const cd mu = solver.eigenvalues()(i);
    if (std::abs(mu.imag()) <= 1e-7 * scale) best = std::max(best, mu.real());
  }
  return best;
}

// The y with eps a singular value of (x + iy) I - A: iy eigenvalues of the real Hamiltonian
// [[A - xI, eps I], [-eps I, xI - A^T]].
std::vector<double> vertical_search(const Eigen::MatrixXd& a, double eps, double x, double scale) {
  const Index n = a.rows();
  Eigen::MatrixXd h = Eigen::MatrixXd::Zero(2 * n, 2 * n);
  h.topLeftCorner(n, n) = a;
  h.topLeftCorner(n, n).diagonal().array() -= x;
  h.bottomRightCorner(n, n) = -h.topLeftCorner(n, n).transpose();
  h.topRightCorner(n, n).diagonal().setConstant(eps);
  h.bottomLeftCorner(n, n).diagonal().setConstant(-eps);
  const lapack::EigenDecomposition eig = lapack::geev(h, false);
  std::vector<double> ys;
  for (Index i = 0; i < eig.values.size(); ++i) {
    if (std::abs(eig.values(i).real()) <= 1e-7 * scale) ys.push_back(eig.values(i).imag());
  }
  std::sort(ys.begin(), ys.end());
  return ys;
}

}  // namespace

PseudospectralAbscissa pseudospectral_abscissa(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                               double eps) {
  constexpr const char* kFn = "pseudospectral_abscissa";
  detail::require_connectivity(kFn, "A", a);
  detail::require_positive(kFn, "eps", eps);
  const Eigen::MatrixXd am = a;
  const lapack::ComplexSchurFactor schur = lapack::gees(Eigen::MatrixXcd(am.cast<cd>()), false);
  detail::ResolventNorm resolvent(schur.t, 99);
  const Eigen::VectorXcd lambda = schur.t.diagonal();
  Index right = 0;
  for (Index i = 1; i < lambda.size(); ++i) {
    if (lambda(i).real() > lambda(right).real() ||
        (lambda(i).real() == lambda(right).real() && lambda(i).imag() > lambda(right).imag())) {
      right = i;
    }
  }
  const double scale = am.norm() + eps + lambda.cwiseAbs().maxCoeff();
  PseudospectralAbscissa out;
  out.y = lambda(right).imag();
  out.abscissa = horizontal_search(am, eps, out.y, scale);
  if (!std::isfinite(out.abscissa)) {
    throw NumericalError(std::string(kFn) + ": no boundary point found to the right of the " +
                         "rightmost eigenvalue, n = " + std::to_string(am.rows()));
  }
  for (out.iterations = 1; out.iterations <= 30; ++out.iterations) {
    const std::vector<double> ys = vertical_search(am, eps, out.abscissa, scale);
    double best_x = out.abscissa;
    double best_y = out.y;
    // Intervals between consecutive crossings where sigma_min < eps: search from their midpoints.
    for (std::size_t k = 0; k + 1 < ys.size(); ++k) {
      const double mid = 0.5 * (ys[k] + ys[k + 1]);
      if (ys[k + 1] - ys[k] <= 1e-12 * scale) continue;
      if (resolvent.sigma_min(cd(out.abscissa, mid), 1e-12).sigma_min >= eps) continue;
      const double x = horizontal_search(am, eps, mid, scale);
      if (x > best_x) {
        best_x = x;
        best_y = mid;
      }
    }
    const bool done = best_x <= out.abscissa + 1e-14 * std::max(1.0, std::abs(out.abscissa));
    if (best_x > out.abscissa) {
      out.abscissa = best_x;
      out.y = best_y;
    }
    if (done) return out;
  }
  throw NumericalError(std::string(kFn) + ": criss-cross did not converge in 30 sweeps, n = " +
                       std::to_string(am.rows()));
}

}  // namespace netdyn
