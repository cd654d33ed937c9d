#pragma once
// Numeric CLI11 validators that also reject nan and inf (CLI11's NonNegativeNumber and
// PositiveNumber let NaN through, since every comparison with NaN is false). A failed check is a
// CLI::ValidationError: usage message and exit code 2.
#include <CLI/CLI.hpp>
#include <cmath>
#include <sstream>
#include <string>

namespace netdyn::cli {

/// A finite number >= `lo` (`strict`: > lo).
inline CLI::Validator finite_at_least(double lo, bool strict = false) {
  std::ostringstream os;
  os << (strict ? "> " : ">= ") << lo;
  const std::string bound = os.str();
  return CLI::Validator(
      [lo, strict, bound](std::string& text) -> std::string {
        double v = 0.0;
        if (!CLI::detail::lexical_cast(text, v)) return "'" + text + "' is not a number";
        if (!std::isfinite(v) || (strict ? !(v > lo) : !(v >= lo))) {
          return "value " + text + " is not a finite number " + bound;
        }
        return {};
      },
      "FINITE " + bound);
}

/// Any finite number.
inline CLI::Validator finite_number() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        double v = 0.0;
        if (!CLI::detail::lexical_cast(text, v)) return "'" + text + "' is not a number";
        if (!std::isfinite(v)) return "value " + text + " is not a finite number";
        return {};
      },
      "FINITE");
}

}  // namespace netdyn::cli
