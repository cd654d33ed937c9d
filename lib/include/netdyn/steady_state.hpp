#pragma once
/// \file steady_state.hpp
/// Steady-state amplification of a constant input: `r_ss = (I - W)^{-1} h`, so the worst-case
/// gain over input patterns is `G = ||(I - W)^{-1}||_2 = 1/sigma_min(I - W)` (Trefethen & Embree;
/// ../docs/conventions.md). The gain is defined for any W with I - W invertible, but it is a
/// *steady state* only for stable W; callers decide whether to report it for unstable W.

#include <Eigen/Core>

namespace netdyn {

struct SteadyStateOptions {
  bool compute_patterns = false;  ///< also return the most-amplified input and its response
};

struct SteadyStateGain {
  double gain = 0.0;              ///< ||(I - W)^{-1}||_2
  Eigen::VectorXd input_pattern;  ///< unit h maximising ||(I - W)^{-1} h|| (right singular vector)
  Eigen::VectorXd response;       ///< (I - W)^{-1} input_pattern, norm = gain
};

/// \throws std::invalid_argument W empty, non-square or not finite; I - W singular
///         (`sigma_min(I - W) <= n eps sigma_max`: W has an eigenvalue 1)
/// Cost: one LAPACK dgesdd, O(n^3).
[[nodiscard]] SteadyStateGain steady_state_gain(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                                const SteadyStateOptions& options = {});

}  // namespace netdyn
