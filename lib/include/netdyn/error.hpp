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

#include <stdexcept>
#include <string>

namespace netdyn {

/// A computation could not deliver a trustworthy result (routine, `info` and size in the message).
class NumericalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace netdyn
