#include "netdyn/steady_state.hpp"

#include <limits>
#include <sstream>

#include "checks.hpp"
#include "lapack/lapack.hpp"

namespace netdyn {

SteadyStateGain steady_state_gain(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                  const SteadyStateOptions& options) {
  detail::require_connectivity("steady_state_gain", "W", w);
  const Eigen::Index n = w.rows();
  const Eigen::MatrixXd i_minus_w = Eigen::MatrixXd::Identity(n, n) - w;
  SteadyStateGain out;
  Eigen::VectorXd s;
  lapack::SingularValueDecomposition svd;
  if (options.compute_patterns) {
    svd = lapack::svd(i_minus_w);
    s = svd.s;
  } else {
    s = lapack::singular_values(i_minus_w);
  }
  const double smin = s(n - 1);
  if (smin <= static_cast<double>(n) * std::numeric_limits<double>::epsilon() * s(0)) {
    std::ostringstream msg;
    msg << "steady_state_gain: I - W is singular (sigma_min = " << smin << ", sigma_max = " << s(0)
        << "): W is within a perturbation of norm sigma_min of having an eigenvalue at 1 (it "
           "need not have one: a feed-forward chain has only eigenvalues 0), so constant input "
           "has no computable steady state";
    throw std::invalid_argument(msg.str());
  }
  out.gain = 1.0 / smin;
  if (options.compute_patterns) {
    // I - W = U S V^T, so (I - W)^{-1} = V S^{-1} U^T maps u_n (input) to v_n / s_n (response).
    out.input_pattern = svd.u.col(n - 1);
    out.response = svd.v.col(n - 1) / smin;
  }
  return out;
}

}  // namespace netdyn
