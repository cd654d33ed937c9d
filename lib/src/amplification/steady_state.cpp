#include "netdyn/amplification/steady_state.hpp"

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "core/checks.hpp"
#include "factorization/extreme_singular_values.hpp"
#include "netdyn/factorization/schur_factorization.hpp"

namespace netdyn {

SteadyStateGain steady_state_gain(const SchurFactorization& factorization,
                                  const SteadyStateOptions& options) {
  const Eigen::Index n = factorization.size();
  if (options.compute_patterns) (void)factorization.q();  // fail before the work
  const Eigen::MatrixXd i_minus_t = Eigen::MatrixXd::Identity(n, n) - factorization.t();
  const detail::ExtremeSingularValues e = detail::extreme_singular_values(
      i_minus_t,
      detail::QuasiTriangularAlgebra(factorization.t()),
      options.compute_patterns ? detail::SingularValuesWanted::kWithSmallestVectors
                               : detail::SingularValuesWanted::kLargestAndSmallest);
  if (e.smallest <= static_cast<double>(n) * std::numeric_limits<double>::epsilon() * e.largest) {
    std::ostringstream msg;
    msg << "steady_state_gain: I - W is singular (sigma_min = " << e.smallest
        << ", sigma_max = " << e.largest
        << "): W is within a perturbation of norm sigma_min of having an eigenvalue at 1 (it "
           "need not have one: a feed-forward chain has only eigenvalues 0), so constant input "
           "has no computable steady state";
    throw std::invalid_argument(msg.str());
  }
  SteadyStateGain out;
  out.gain = 1.0 / e.smallest;
  if (options.compute_patterns) {
    // I - T = U S V^T and I - W = Q (I - T) Q^T, so (I - W)^{-1} = (Q V) S^{-1} (Q U)^T maps
    // Q u_n (input) to Q v_n / s_n (response).
    const Eigen::MatrixXd& q = factorization.q();
    out.input_pattern = q * e.left;
    out.response = q * e.right / e.smallest;
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
