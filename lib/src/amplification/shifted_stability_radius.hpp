#pragma once
// Private: the distance to instability of a shifted Jacobian, beta((W - c I)/tau), by the
// Boyd-Balakrishnan iteration of stability_radius.cpp on W's one factorisation (the shift moves
// only the diagonals of T and C). The Kreiss constant uses it with c = 1 + x tau: then
// (W - cI)/tau = A - xI, and beta(A - xI) = min_y sigma_min((x + iy) I - A) certifies the inner
// maximum of Re z ||(zI - A)^{-1}|| on the vertical line Re z = x (kreiss_constant.cpp).
#include <vector>

#include "netdyn/amplification/stability_radius.hpp"

namespace netdyn {

class SchurFactorization;

namespace detail {

/// A frequency the level iteration starts from, besides omega = 0 and the eigenvalues nearest
/// the axis, with the width of its dip (both in 1/tau units).
struct FrequencySeed {
  double frequency = 0.0;
  double width = 0.0;
};

/// beta((W - shift I)/tau) and its frequency, as distance_to_instability (which is shift = 1).
/// \pre every Re lambda(W) < shift (not checked here); options validated by the caller.
[[nodiscard]] StabilityRadius shifted_distance_to_instability(
    const SchurFactorization& factorization,
    double shift,
    const StabilityRadiusOptions& options,
    const std::vector<FrequencySeed>& extra_seeds);

}  // namespace detail
}  // namespace netdyn
