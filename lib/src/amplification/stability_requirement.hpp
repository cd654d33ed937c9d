#pragma once
// Private: the precondition of the analyses defined for stable W only (every Re lambda(W) < 1,
// i.e. A = (W - I)/tau Hurwitz): the transient envelope's automatic horizon, the Kreiss
// constant, the distance to instability. One message for all of them, naming the eigenvalue.
#include <Eigen/Core>
#include <sstream>
#include <stdexcept>

#include "netdyn/factorization/schur_factorization.hpp"

namespace netdyn::detail {

/// \throws std::invalid_argument "FN: W is unstable: eigenvalue X of W has real part >= 1, so
///         CONSEQUENCE" unless W is stable (an empty W is rejected by the callers' checks).
inline void require_stable(const char* fn,
                           const SchurFactorization& factorization,
                           const char* consequence) {
  const Eigen::VectorXcd& values = factorization.eigenvalues();  // values(0): largest real part
  if (values.size() == 0 || values(0).real() < 1.0) return;
  std::ostringstream msg;
  msg.precision(12);
  msg << fn << ": W is unstable: eigenvalue " << values(0) << " of W has real part >= 1, so "
      << consequence;
  throw std::invalid_argument(msg.str());
}

}  // namespace netdyn::detail
