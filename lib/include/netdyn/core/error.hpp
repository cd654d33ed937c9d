#pragma once
/// \file error.hpp
/// The library's error types (house style 8.4).
///
/// - bad input (shape, NaN/Inf, option out of range, unreadable file, A not Hurwitz where a
///   stationary state is asked for) throws `std::invalid_argument` whose message names the
///   function or file, the offending value or position, and the constraint;
/// - numerical failure (LAPACK `info > 0`, Krylov not converged, non-finite output) throws
///   `netdyn::NumericalError`;
/// - a broken invariant (our bug, LAPACK `info < 0`) throws `std::logic_error`.
/// The library never prints and never exits: tools decide what to show.

#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

namespace netdyn {

/// A computation could not deliver a trustworthy result (routine, `info` and size in the message).
class NumericalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A finite input inside its documented range for which the computation still cannot be carried
/// out in double precision: a derived quantity would overflow or underflow, or the work could not
/// be counted. A std::invalid_argument (bad input) that also carries the parameter's name, its
/// value and the reason on their own, so that a front end can restate it in its own terms
/// (`--sigma 1e308: ...` rather than the library's `stationary_covariance: sigma = ...`).
class ParameterRangeError : public std::invalid_argument {
 public:
  ParameterRangeError(const std::string& function,
                      std::string parameter,
                      double value,
                      std::string reason)
      : std::invalid_argument(format(function, parameter, value, reason)),
        parameter_(std::move(parameter)),
        value_(value),
        reason_(std::move(reason)) {}
  /// The parameter's name as the library spells it ("tau", "sigma", "duration", "gain", ...).
  [[nodiscard]] const std::string& parameter() const noexcept { return parameter_; }
  [[nodiscard]] double value() const noexcept { return value_; }
  /// Why the value cannot be used, with the limit it implies; no function name.
  [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

 private:
  static std::string format(const std::string& function,
                            const std::string& parameter,
                            double value,
                            const std::string& reason) {
    std::ostringstream s;
    s.precision(6);
    s << function << ": " << parameter << " = " << value << ": " << reason;
    return s.str();
  }
  std::string parameter_;
  double value_;
  std::string reason_;
};

}  // namespace netdyn
