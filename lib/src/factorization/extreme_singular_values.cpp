#include "factorization/extreme_singular_values.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/lanczos.hpp"
#include "lapack/lapack.hpp"

namespace netdyn::detail {
namespace {

using Index = Eigen::Index;
// Ritz residual test (the value is then accurate to about tol^2 relative unless the top two
// eigenvalues are that close) and the step cap after which the dense route takes over.
constexpr double kTolerance = 1e-12;
constexpr Index kSteps = 400;

// A deterministic start vector with no special structure.
Eigen::VectorXd generic_start(Index n) {
  Eigen::VectorXd v(n);
  for (Index i = 0; i < n; ++i) v(i) = std::cos(1.0 + 0.7 * static_cast<double>(i)) + 0.01;
  return v.normalized();
}

// The Lanczos route; empty if a run did not converge (or its value is not finite).
std::optional<ExtremeSingularValues> lanczos(const Eigen::MatrixXd& m,
                                             const QuasiTriangularAlgebra& a,
                                             SingularValuesWanted wanted) {
  const Index n = m.rows();
  const Eigen::VectorXd start = generic_start(n);
  Eigen::VectorXd tmp(n);
  TopEigenLanczos<double> top(n, kSteps);
  const auto rt = top.run(
      [&](const auto& x, Eigen::VectorXd& y) {
        a.apply(m, x, tmp);
        a.apply_transpose(m, tmp, y);
      },
      start,
      kTolerance);
  if (!rt.converged || !std::isfinite(rt.value)) return std::nullopt;
  ExtremeSingularValues out;
  out.largest = std::sqrt(std::max(rt.value, 0.0));
  if (wanted == SingularValuesWanted::kLargest) return out;
  // (m^T m)^{-1} = m^{-1} m^{-T}: its top eigenvalue is 1/sigma_min^2. An overflow in the
  // solves (a singular diagonal block) is sigma_min = 0 to working precision.
  bool overflow = false;
  TopEigenLanczos<double> inverse(n, kSteps);
  const auto ri = inverse.run(
      [&](const auto& x, Eigen::VectorXd& y) {
        y = x;
        a.solve_transpose(m, y);
        a.solve(m, y);
        if (!y.allFinite()) {
          overflow = true;
          y = x;  // let the iteration finish; the result is discarded
        }
      },
      start,
      kTolerance);
  if (!overflow && (!ri.converged || !std::isfinite(ri.value))) return std::nullopt;
  out.smallest = overflow || !(ri.value > 0.0) ? 0.0 : 1.0 / std::sqrt(ri.value);
  if (wanted == SingularValuesWanted::kWithSmallestVectors) {
    out.right = inverse.vector();
    if (out.smallest > 0.0) {
      a.apply(m, out.right, out.left);
      out.left /= out.left.norm();
    }
  }
  return out;
}

ExtremeSingularValues dense(const Eigen::MatrixXd& m, SingularValuesWanted wanted) {
  const Index n = m.rows();
  ExtremeSingularValues out;
  if (wanted == SingularValuesWanted::kWithSmallestVectors) {
    const lapack::SingularValueDecomposition svd = lapack::svd(m);
    out.largest = svd.s(0);
    out.smallest = svd.s(n - 1);
    out.left = svd.u.col(n - 1);
    out.right = svd.v.col(n - 1);
    return out;
  }
  const Eigen::VectorXd s = lapack::singular_values(m);
  out.largest = s(0);
  if (wanted != SingularValuesWanted::kLargest) out.smallest = s(n - 1);
  return out;
}

}  // namespace

ExtremeSingularValues extreme_singular_values(const Eigen::MatrixXd& m,
                                              const QuasiTriangularAlgebra& algebra,
                                              SingularValuesWanted wanted) {
  if (m.rows() > kDenseSingularValues) {
    if (auto r = lanczos(m, algebra, wanted)) return *r;
  }
  return dense(m, wanted);
}

}  // namespace netdyn::detail
