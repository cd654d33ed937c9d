#pragma once
// Options shared by `netdyn simulate`, `netdyn jacobian` and `netdyn fixedpoint` for the rate
// model: transfer function, form, per-unit tau, and vector arguments given as one number
// (broadcast), a comma list, or a file (.npy/.csv/...).
#include <CLI/CLI.hpp>
#include <Eigen/Core>
#include <string>

#include "netdyn/rate_network.hpp"

namespace netdyn::cli {

struct RateModelArgs {
  std::string tau = "1";  ///< one value or a comma list (per unit)
  std::string f = "linear";
  double gain = 1.0;
  double threshold = 0.0;
  std::string form = "rate";
};

/// --tau, --f, --gain, --threshold, --form.
void add_rate_model_options(CLI::App& sub, RateModelArgs& args);

/// The model for W; tau must be > 0 (std::invalid_argument otherwise: a run error, exit 1).
[[nodiscard]] RateNetwork make_rate_network(const Eigen::MatrixXd& w, const RateModelArgs& args);

/// A vector of n entries from "x" (broadcast), "x1,x2,..." or a matrix file with n entries.
/// Non-numeric text is a UsageError (exit 2); a wrong count is std::invalid_argument (exit 1).
[[nodiscard]] Eigen::VectorXd parse_vector(const std::string& spec,
                                           Eigen::Index n,
                                           const std::string& what);

/// Input from repeated --input specs: "X" (constant), "step:X@T0", "pulse:X@T0:T1",
/// "impulse:X@T0" (a jump of the state at T0).
[[nodiscard]] Input parse_inputs(const std::vector<std::string>& specs, Eigen::Index n);

}  // namespace netdyn::cli
