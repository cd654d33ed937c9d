#include "netdyn/steady_state.hpp"

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "checks.hpp"
#include "lanczos.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/schur_factorization.hpp"
#include "quasi_triangular.hpp"

namespace netdyn {
namespace {

using Index = Eigen::Index;
constexpr Index kDense = 100;  // as SchurFactorization: dense dgesdd up to this size
constexpr double kTolerance = 1e-12;
constexpr Index kSteps = 400;

struct ExtremeSingular {
  double smax = 0.0;
  double smin = 0.0;
  Eigen::VectorXd left;   // u_n (unit), I - T = U S V^T
  Eigen::VectorXd right;  // v_n (unit)
  bool ok = false;
};

// sigma_max and sigma_min of m = I - T (T's block pattern) with the singular vectors of sigma_min,
// by Lanczos: m^T m for the largest, m^{-1} m^{-T} = (m^T m)^{-1} for 1/sigma_min^2.
ExtremeSingular lanczos_extremes(const Eigen::MatrixXd& m,
                                 const detail::QuasiTriangularAlgebra& a) {
  ExtremeSingular out;
  const Index n = m.rows();
  Eigen::VectorXd start(n);
  for (Index i = 0; i < n; ++i) start(i) = std::cos(1.0 + 0.7 * static_cast<double>(i)) + 0.01;
  Eigen::VectorXd tmp(n);
  detail::TopEigenLanczos<double> top(n, kSteps);
  const auto rt = top.run(
      [&](const auto& x, Eigen::VectorXd& y) {
        a.apply(m, x, tmp);
        a.apply_transpose(m, tmp, y);
      },
      start,
      kTolerance);
  bool overflow = false;
  detail::TopEigenLanczos<double> inverse(n, kSteps);
  const auto ri = inverse.run(
      [&](const auto& x, Eigen::VectorXd& y) {
        y = x;
        a.solve_transpose(m, y);
        a.solve(m, y);
        if (!y.allFinite()) {
          overflow = true;
          y = x;
        }
      },
      start,
      kTolerance);
  if (!rt.converged || !(overflow || ri.converged) || !std::isfinite(rt.value)) return out;
  out.smax = std::sqrt(std::max(rt.value, 0.0));
  out.smin = overflow || !(ri.value > 0.0) ? 0.0 : 1.0 / std::sqrt(ri.value);
  out.right = inverse.vector();
  if (out.smin > 0.0) {
    a.apply(m, out.right, out.left);
    out.left /= out.left.norm();
  }
  out.ok = true;
  return out;
}

ExtremeSingular dense_extremes(const Eigen::MatrixXd& m, bool vectors) {
  ExtremeSingular out;
  const Index n = m.rows();
  if (vectors) {
    const lapack::SingularValueDecomposition svd = lapack::svd(m);
    out.smax = svd.s(0);
    out.smin = svd.s(n - 1);
    out.left = svd.u.col(n - 1);
    out.right = svd.v.col(n - 1);
  } else {
    const Eigen::VectorXd s = lapack::singular_values(m);
    out.smax = s(0);
    out.smin = s(n - 1);
  }
  out.ok = true;
  return out;
}

}  // namespace

SteadyStateGain steady_state_gain(const SchurFactorization& factorization,
                                  const SteadyStateOptions& options) {
  const Index n = factorization.size();
  if (options.compute_patterns) (void)factorization.q();  // fail before the work
  const Eigen::MatrixXd i_minus_t = Eigen::MatrixXd::Identity(n, n) - factorization.t();
  ExtremeSingular e;
  if (n > kDense)
    e = lanczos_extremes(i_minus_t, detail::QuasiTriangularAlgebra(factorization.t()));
  if (!e.ok) e = dense_extremes(i_minus_t, options.compute_patterns);
  if (e.smin <= static_cast<double>(n) * std::numeric_limits<double>::epsilon() * e.smax) {
    std::ostringstream msg;
    msg << "steady_state_gain: I - W is singular (sigma_min = " << e.smin
        << ", sigma_max = " << e.smax
        << "): W is within a perturbation of norm sigma_min of having an eigenvalue at 1 (it "
           "need not have one: a feed-forward chain has only eigenvalues 0), so constant input "
           "has no computable steady state";
    throw std::invalid_argument(msg.str());
  }
  SteadyStateGain out;
  out.gain = 1.0 / e.smin;
  if (options.compute_patterns) {
    // I - T = U S V^T and I - W = Q (I - T) Q^T, so (I - W)^{-1} = (Q V) S^{-1} (Q U)^T maps
    // Q u_n (input) to Q v_n / s_n (response).
    const Eigen::MatrixXd& q = factorization.q();
    out.input_pattern = q * e.left;
    out.response = q * e.right / e.smin;
  }
  return out;
}

SteadyStateGain steady_state_gain(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                  const SteadyStateOptions& options) {
  detail::require_connectivity("steady_state_gain", "W", w);
  FactorizationOptions f;
  f.schur_vectors = options.compute_patterns;
  return steady_state_gain(SchurFactorization(w, f), options);
}

}  // namespace netdyn
