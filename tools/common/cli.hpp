#pragma once
// Shared pieces of every subcommand: the registry of subcommands, usage errors, common options,
// JSON conversion and output. Tools stay thin shells over lib/ (house style 8.8).
#include <CLI/CLI.hpp>
#include <Eigen/Core>
#include <complex>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "common/inputs.hpp"
#include "netdyn/core/error.hpp"

namespace netdyn::cli {

/// Bad usage discovered after parsing (missing or contradictory options): exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Each subcommand file defines one of these; main.cpp calls them all.
void add_check_command(CLI::App& app);
void add_spectrum_command(CLI::App& app);
void add_generate_sparse_command(CLI::App& app);
void add_schur_command(CLI::App& app);
void add_ei2_command(CLI::App& app);
void add_generate_command(CLI::App& app);
void add_reproduce_command(CLI::App& app);
void add_demo_command(CLI::App& app);
void add_simulate_command(CLI::App& app);
void add_jacobian_command(CLI::App& app);
void add_fixedpoint_command(CLI::App& app);
void add_amplify_command(CLI::App& app);
void add_covariance_command(CLI::App& app);
void add_pseudospectra_command(CLI::App& app);
void add_soc_command(CLI::App& app);
void add_modes_command(CLI::App& app);
void add_sweep_command(CLI::App& app);
void add_convert_command(CLI::App& app);

/// Help text of a subcommand's FILE argument (the connectivity W), listing the formats.
inline constexpr const char* kConnectivityFileHelp =
    "connectivity W: .npy, .npz, .mat (v4-v7.3), .h5/.hdf5, .csv/.txt/.dat or .mtx; FILE:NAME "
    "picks a matrix inside a .mat, .h5 or .npz; edge lists (source,target,weight) need "
    "--convention";

/// `--tau T` (default 1, > 0) on a subcommand.
CLI::Option* add_tau_option(CLI::App& sub, double& tau);

/// `--format png|svg|pdf` (default png) for the plots a subcommand writes under --out.
CLI::Option* add_plot_format_option(CLI::App& sub, std::string& format);

/// [re, im] pairs.
nlohmann::json to_json(const Eigen::Ref<const Eigen::VectorXcd>& values);
/// Row-major nested list.
nlohmann::json to_json(const Eigen::Ref<const Eigen::MatrixXd>& m);
/// A finite double as a number; +-inf as the strings "inf"/"-inf" (JSON has no infinity); NaN is
/// a bug and throws std::logic_error.
nlohmann::json number(double v);
/// An optional double: null when empty.
nlohmann::json number(const std::optional<double>& v);
/// A real vector as a flat list of number()s.
nlohmann::json numbers(const Eigen::Ref<const Eigen::VectorXd>& v);

/// A complex number for the text reports: "0.5 + 0.866025i", `digits` significant digits; a part
/// within `error` of zero (the computation's error estimate) reads 0, not -4.44089e-15.
[[nodiscard]] std::string show_complex(const std::complex<double>& z,
                                       int digits = 6,
                                       double error = 0.0);

/// Print exactly one JSON object on stdout (and a newline).
void print_json(const nlohmann::json& j);

/// Create the folder that will hold `file` (and its parents) if missing; throws
/// std::invalid_argument naming it if impossible. For single-file outputs (`generate -o FILE`);
/// commands with `--out DIR` stage their files in a netdyn::OutputDirectory.
void ensure_parent_dir(const std::string& file);

/// "wrote A, B and C" on stderr (the files a command wrote, as the user named their folder).
void report_written(const std::vector<std::string>& files);

/// A library parameter and the option that sets it, e.g. {"duration", "--simulate"}.
using OptionName = std::pair<const char*, const char*>;

/// Restates a netdyn::ParameterRangeError about a parameter in `names` as
/// "OPTION VALUE: reason" (a std::invalid_argument: exit 1), so that the user reads the option
/// they typed rather than the library's function and parameter; other errors pass unchanged.
[[noreturn]] void rethrow_with_option_name(const ParameterRangeError& e,
                                           std::initializer_list<OptionName> names);

/// `f()`, with its ParameterRangeErrors restated by rethrow_with_option_name.
template <typename F>
decltype(auto) naming_options(std::initializer_list<OptionName> names, F&& f) {
  try {
    return f();
  } catch (const ParameterRangeError& e) {
    rethrow_with_option_name(e, names);
  }
}

}  // namespace netdyn::cli
