#pragma once
// Rate networks the tests build again and again.
#include <Eigen/Core>

#include "netdyn/dynamics/rate_network.hpp"

namespace netdyn::testing {

/// The linear network `tau dr/dt = -r + W r` (identity transfer, no input), one shared tau.
inline RateNetwork linear_net(const Eigen::MatrixXd& w, double tau = 1.0) {
  RateNetwork net;
  net.w = w;
  if (tau != 1.0) net.tau = Eigen::VectorXd::Constant(1, tau);
  return net;
}

}  // namespace netdyn::testing
