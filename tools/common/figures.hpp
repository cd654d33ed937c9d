#pragma once
// The standard figures several subcommands draw (built on plot.hpp).
#include <Eigen/Core>
#include <optional>
#include <string>

#include "common/plot.hpp"

namespace netdyn::cli {

/// Eigenvalues of W in the complex plane with the stability line Re(lambda) = 1 and, when given,
/// the circular-law circle of radius `circle_radius` (sqrt(n var(W_ij))).
Figure spectrum_figure(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues,
                       std::optional<double> circle_radius,
                       const std::string& title);

/// Circular-law radius sqrt(n var(W_ij)) of a matrix (population variance of all entries).
double circular_law_radius(const Eigen::Ref<const Eigen::MatrixXd>& w);

}  // namespace netdyn::cli
