#pragma once
// Options shared by `netdyn simulate`, `netdyn jacobian` and `netdyn fixedpoint` for the rate
// model: transfer function, form, per-unit tau, and vector arguments given as one number
// (broadcast), a comma list, or a file (.npy/.csv/...); and the FitzHugh-Nagumo options of
// `jacobian` and `fixedpoint`, which share --tau with the rate model.
#include <CLI/CLI.hpp>
#include <Eigen/Core>
#include <string>

#include "netdyn/dynamics/rate_network.hpp"
#include "netdyn/models/fitzhugh_nagumo.hpp"

namespace netdyn::cli {

struct RateModelArgs {
  /// One value or a comma list (per unit), each checked > 0 at parse time; empty: not given, the
  /// model's default (1 for the rate model, FitzHughNagumo{}.tau for FitzHugh-Nagumo).
  std::string tau;
  std::string f = "linear";
  double gain = 1.0;
  double threshold = 0.0;
  std::string form = "rate";
};

/// --tau, --f, --gain, --threshold, --form. `with_fitzhugh_nagumo`: the subcommand also has
/// --model fitzhugh-nagumo, so the help of --tau gives that model's default too.
void add_rate_model_options(CLI::App& sub, RateModelArgs& args, bool with_fitzhugh_nagumo = false);

/// The model for W. A --tau list whose length is neither 1 nor n is std::invalid_argument
/// (it depends on the file: exit 1).
[[nodiscard]] RateNetwork make_rate_network(const Eigen::MatrixXd& w, const RateModelArgs& args);

/// --current, --a, --b of FitzHugh-Nagumo into `model` (defaults: FitzHughNagumo's).
void add_fitzhugh_nagumo_options(CLI::App& sub, FitzHughNagumo& model);

/// `model` with tau from --tau (FitzHughNagumo{}.tau when not given); a list is a UsageError, as
/// the model has one time constant.
[[nodiscard]] FitzHughNagumo make_fitzhugh_nagumo(FitzHughNagumo model, const RateModelArgs& args);

/// Usage error for an option of one model given with the other (`--model fitzhugh-nagumo --f
/// tanh`, or a FILE): such options would be silently ignored. `extra_rate`: the subcommand's own
/// rate-model-only options (e.g. --input, --r0).
void require_model_options(const CLI::App& sub,
                           const std::string& model,
                           const std::vector<std::string>& extra_rate = {},
                           const std::vector<std::string>& extra_fitzhugh_nagumo = {});

/// A vector of n entries from "x" (broadcast), "x1,x2,..." or a matrix file with n entries.
/// Non-numeric text is a UsageError (exit 2); a wrong count is std::invalid_argument (exit 1).
[[nodiscard]] Eigen::VectorXd parse_vector(const std::string& spec,
                                           Eigen::Index n,
                                           const std::string& what);

/// Input from repeated --input specs: "X" (constant), "step:X@T0", "pulse:X@T0:T1",
/// "impulse:X@T0" (a jump of the state at T0).
[[nodiscard]] Input parse_inputs(const std::vector<std::string>& specs, Eigen::Index n);

}  // namespace netdyn::cli
