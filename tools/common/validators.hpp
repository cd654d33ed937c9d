#pragma once
// The one set of CLI11 validators for netdyn's numeric options (every subcommand uses these; no
// per-file copies). They differ from CLI11's PositiveNumber, NonNegativeNumber and Range in three
// ways that matter to a user:
// - nan and inf are refused (every comparison with NaN is false, so CLI11's ranges let it pass);
// - the message names the value and the bound as written: "--tau: -1 is not > 0", not
//   "Value -1 not in range 2.2250738585072014e-308 to 1.797...e+308";
// - text that is not a number says so ("'2abc' is not a number"), and an integer option refuses
//   a negative value for an unsigned type (CLI11 reads `--seed -1` as 2^64 - 1), a fraction, or
//   a leading zero (CLI11 reads "010" as octal 8).
// A failed check is a CLI::ValidationError, which CLI11 prefixes with the option's name: usage
// message and exit code 2 (common/app.cpp).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <limits>
#include <string>

namespace netdyn::cli {

/// Any finite number.
[[nodiscard]] CLI::Validator finite_number();
/// A finite number > lo.
[[nodiscard]] CLI::Validator number_above(double lo);
/// A finite number >= lo.
[[nodiscard]] CLI::Validator number_at_least(double lo);
/// A finite number <= hi.
[[nodiscard]] CLI::Validator number_at_most(double hi);
/// A finite number in [lo, hi] (`open_below`: in (lo, hi]).
[[nodiscard]] CLI::Validator number_in(double lo, double hi, bool open_below = false);

/// A decimal integer in [lo, hi] (for Eigen::Index and int options).
[[nodiscard]] CLI::Validator integer_in(std::int64_t lo,
                                        std::int64_t hi = std::numeric_limits<std::int64_t>::max());
/// A decimal integer in [0, 2^64 - 1], for random seeds (std::uint64_t options).
[[nodiscard]] CLI::Validator seed_number();

/// A comma-separated list ("1,2.5,3") whose every entry passes `entry`; empty entries ("1,,2",
/// "1,") are refused.
[[nodiscard]] CLI::Validator comma_list(const CLI::Validator& entry);

/// Split on `sep`, keeping empty pieces ("1," gives "1" and ""), unlike std::getline.
[[nodiscard]] std::vector<std::string> split_list(const std::string& text, char sep);

}  // namespace netdyn::cli
