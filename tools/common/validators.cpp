#include "common/validators.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <sstream>

namespace netdyn::cli {
namespace {

// A bound as the user reads it: "1e-14", "0.5", "16384" (ostream's shortest form at 12 digits;
// never the 300 digits std::to_string gives for DBL_MAX).
template <typename T>
std::string show_bound(T v) {
  std::ostringstream os;
  os.precision(12);
  os << v;
  return os.str();
}

struct RealBounds {
  std::optional<double> lo, hi;
  bool open_below = false;  // lo excluded
  bool open_above = false;  // hi excluded
};

// "> 0", ">= 0", "<= 0", "in (0, 1]": the constraint in the words of the message.
std::string describe(const RealBounds& b) {
  if (b.lo && b.hi) {
    return "in " + std::string(b.open_below ? "(" : "[") + show_bound(*b.lo) + ", " +
           show_bound(*b.hi) + (b.open_above ? ")" : "]");
  }
  if (b.lo) return (b.open_below ? "> " : ">= ") + show_bound(*b.lo);
  if (b.hi) return (b.open_above ? "< " : "<= ") + show_bound(*b.hi);
  return "finite";
}

CLI::Validator real_validator(const RealBounds& b) {
  const std::string constraint = describe(b);
  return CLI::Validator(
      [b, constraint](std::string& text) -> std::string {
        double v = 0.0;
        // The same conversion CLI11 applies to the option afterwards, so the checked value is the
        // stored value.
        if (!CLI::detail::lexical_cast(text, v)) return "'" + text + "' is not a number";
        if (!std::isfinite(v)) return text + " is not a finite number";
        const bool low_ok = !b.lo || (b.open_below ? v > *b.lo : v >= *b.lo);
        const bool high_ok = !b.hi || (b.open_above ? v < *b.hi : v <= *b.hi);
        if (!low_ok || !high_ok) return text + " is not " + constraint;
        return {};
      },
      constraint == "finite" ? "finite" : constraint);
}

// Digits with an optional sign and no leading zero (CLI11 converts integers with base 0, so
// "010" would be octal 8 and "0x10" 16; a decimal-only form keeps the checked and stored values
// equal). Returns an error message, or empty when `text` has that form.
std::string integer_form_error(const std::string& text) {
  std::size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  if (i == text.size()) return "'" + text + "' is not an integer";
  for (std::size_t k = i; k < text.size(); ++k) {
    if (!std::isdigit(static_cast<unsigned char>(text[k]))) {
      return "'" + text + "' is not an integer";
    }
  }
  if (text[i] == '0' && text.size() > i + 1) {
    return "'" + text + "': write the integer without leading zeros";
  }
  return {};
}

}  // namespace

CLI::Validator finite_number() {
  return real_validator({});
}

CLI::Validator number_above(double lo) {
  RealBounds b;
  b.lo = lo;
  b.open_below = true;
  return real_validator(b);
}

CLI::Validator number_at_least(double lo) {
  RealBounds b;
  b.lo = lo;
  return real_validator(b);
}

CLI::Validator number_at_most(double hi) {
  RealBounds b;
  b.hi = hi;
  return real_validator(b);
}

CLI::Validator number_in(double lo, double hi, bool open_below) {
  RealBounds b;
  b.lo = lo;
  b.hi = hi;
  b.open_below = open_below;
  return real_validator(b);
}

CLI::Validator integer_in(std::int64_t lo, std::int64_t hi) {
  const bool unbounded = hi == std::numeric_limits<std::int64_t>::max();
  const std::string constraint =
      unbounded ? ">= " + show_bound(lo) : "in [" + show_bound(lo) + ", " + show_bound(hi) + "]";
  return CLI::Validator(
      [lo, hi, constraint](std::string& text) -> std::string {
        if (std::string e = integer_form_error(text); !e.empty()) return e;
        const char* first = text.data() + (text[0] == '+' ? 1 : 0);
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(first, text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi) {
          return text + " is not " + constraint;
        }
        return {};
      },
      "integer " + constraint);
}

CLI::Validator seed_number() {
  const std::string constraint =
      "in [0, " + show_bound(std::numeric_limits<std::uint64_t>::max()) + "]";
  return CLI::Validator(
      [constraint](std::string& text) -> std::string {
        if (std::string e = integer_form_error(text); !e.empty()) return e;
        if (text[0] == '-') return text + " is not " + constraint + " (a seed is unsigned)";
        const char* first = text.data() + (text[0] == '+' ? 1 : 0);
        std::uint64_t v = 0;
        const auto [end, ec] = std::from_chars(first, text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size()) {
          return text + " is not " + constraint;
        }
        return {};
      },
      "integer >= 0");
}

CLI::Validator comma_list(const CLI::Validator& entry) {
  return CLI::Validator(
      [entry](std::string& text) -> std::string {
        const std::vector<std::string> parts = split_list(text, ',');
        for (std::size_t i = 0; i < parts.size(); ++i) {
          std::string part = parts[i];
          std::string e = entry(part);
          if (e.empty()) continue;
          if (parts.size() > 1) e += " (entry " + std::to_string(i + 1) + " of " + text + ")";
          return e;
        }
        return {};
      },
      entry.get_description() + ", or a comma list of such");
}

std::vector<std::string> split_list(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(sep, start);
    out.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

}  // namespace netdyn::cli
