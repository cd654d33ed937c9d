#pragma once
// Private input validation shared by the public functions (house style 8.4): validate once, at
// the boundary, with messages naming the function, the argument, the offending value and the
// constraint.
#include <unistd.h>

#include <Eigen/Core>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

#include "netdyn/core/error.hpp"

namespace netdyn::detail {

/// Machine epsilon (unit roundoff x 2), the scale of every rounding-level threshold.
inline constexpr double kEps = std::numeric_limits<double>::epsilon();

/// Physical memory of the machine in bytes (0 if unknown): the ceiling for "is this allocation
/// possible at all" checks made before allocating.
inline std::uintmax_t physical_memory_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return 0;
  return static_cast<std::uintmax_t>(pages) * static_cast<std::uintmax_t>(page_size);
}

template <typename Derived>
void require_finite(const char* function, const char* name, const Eigen::DenseBase<Derived>& m) {
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
      if (!std::isfinite(std::abs(m(i, j)))) {
        std::ostringstream msg;
        msg << function << ": " << name << "(" << i << "," << j << ") = " << m(i, j)
            << "; inputs must be finite";
        throw std::invalid_argument(msg.str());
      }
    }
  }
}

template <typename Derived>
void require_square(const char* function, const char* name, const Eigen::DenseBase<Derived>& m) {
  if (m.rows() != m.cols() || m.rows() == 0) {
    throw std::invalid_argument(std::string(function) + ": " + name + " is " +
                                std::to_string(m.rows()) + "x" + std::to_string(m.cols()) +
                                "; need a non-empty square matrix");
  }
}

/// Square, non-empty and finite: what every connectivity-matrix function needs.
template <typename Derived>
void require_connectivity(const char* function,
                          const char* name,
                          const Eigen::DenseBase<Derived>& m) {
  require_square(function, name, m);
  require_finite(function, name, m);
}

inline void require_positive(const char* function, const char* name, double value) {
  if (!(value > 0.0) || !std::isfinite(value)) {
    std::ostringstream msg;
    msg << function << ": " << name << " = " << value << "; need a finite value > 0";
    throw std::invalid_argument(msg.str());
  }
}

/// tau > 0 and finite, and A = (W - I)/tau representable to working precision. Every entry of A
/// that matters to rounding (within eps of the largest, m/tau with m = max |W - I|_ij) must be a
/// normal double: tau <= eps m / DBL_MIN (about 1e292 m; beyond that A's entries underflow and
/// lose their digits, and so do the rates and time steps built from them). And ||A||_F <= n m/tau
/// must not overflow: tau >= n m / DBL_MAX. W = I gives A = 0 for every tau.
/// \throws ParameterRangeError ("tau") outside those limits
inline void require_time_constant(const char* function,
                                  const Eigen::Ref<const Eigen::MatrixXd>& w,
                                  double tau) {
  require_positive(function, "tau", tau);
  const double m = (w - Eigen::MatrixXd::Identity(w.rows(), w.cols())).cwiseAbs().maxCoeff();
  if (m == 0.0) return;
  const double largest = kEps * m / std::numeric_limits<double>::min();
  const double smallest = static_cast<double>(w.rows()) * m / std::numeric_limits<double>::max();
  std::ostringstream why;
  why.precision(3);
  if (tau > largest) {
    why << "A = (W - I)/tau underflows: its largest entry max|W - I|/tau = " << m / tau
        << " leaves no normal double for the entries within rounding of it, so A, its rates and "
           "its time steps lose their digits; for this W tau must be <= "
        << largest;
  } else if (tau < smallest) {
    why << "A = (W - I)/tau overflows: n max|W - I|/tau = "
        << static_cast<double>(w.rows()) * (m / tau)
        << " exceeds the double range; for this W tau must be >= " << smallest;
  } else {
    return;
  }
  throw ParameterRangeError(function, "tau", tau, why.str());
}

/// Throws NumericalError if a result is not finite (never return a silent NaN).
template <typename Derived>
void ensure_finite_result(const char* function,
                          const char* name,
                          const Eigen::DenseBase<Derived>& m) {
  if (!m.derived().allFinite()) {
    throw NumericalError(std::string(function) + ": result " + name +
                         " is not finite (overflow or breakdown), n = " + std::to_string(m.rows()));
  }
}

/// Scalar form: throws NumericalError unless `value` is finite.
inline void ensure_finite_result(const char* function, const char* name, double value) {
  if (!std::isfinite(value)) {
    std::ostringstream msg;
    msg << function << ": result " << name << " = " << value
        << " is not finite (overflow or breakdown)";
    throw NumericalError(msg.str());
  }
}

}  // namespace netdyn::detail
