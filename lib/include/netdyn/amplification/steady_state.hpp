#pragma once
/// \file steady_state.hpp
/// Steady-state amplification of a constant input: `r_ss = (I - W)^{-1} h`, so the worst-case
/// gain over input patterns is `G = ||(I - W)^{-1}||_2 = 1/sigma_min(I - W)` (Trefethen & Embree;
/// ../docs/conventions.md). The gain is defined for any W with I - W invertible, but it is a
/// *steady state* only for stable W; callers decide whether to report it for unstable W.

#include <Eigen/Core>

namespace netdyn {

class SchurFactorization;  // schur_factorization.hpp

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
/// Cost: one SchurFactorization without vectors (with them for the patterns), then O(n^2) per
/// Lanczos step.
[[nodiscard]] SteadyStateGain steady_state_gain(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                                const SteadyStateOptions& options = {});
/// The same from the factorisation: the 2-norm is unitarily invariant, so `sigma(I - W) =
/// sigma(I - T)`, found by Lanczos on `(I - T)^{-1} (I - T)^{-T}` with quasi-triangular solves,
/// O(n^2) per step, no SVD of I - W (dense dgesdd of I - T for n <= 100). The patterns are
/// those of I - T mapped by Q. \throws as above; std::logic_error patterns asked of a
/// factorisation without Schur vectors
[[nodiscard]] SteadyStateGain steady_state_gain(const SchurFactorization& factorization,
                                                const SteadyStateOptions& options = {});

}  // namespace netdyn
