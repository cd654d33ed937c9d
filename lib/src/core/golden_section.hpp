#pragma once
// Private: golden-section search for a minimum of a unimodal f on [lo, hi] (Kiefer 1953; Press et
// al., Numerical Recipes 10.2). One evaluation per step, the bracket shrinks by 0.618 each step;
// no derivatives, so it suits functions known only to a relative accuracy (a Lanczos singular
// value), where a parabolic step would fit the noise.
#include <cmath>

namespace netdyn::detail {

struct GoldenSectionMinimum {
  double x = 0.0;
  double value = 0.0;
};

/// Shrinks [lo, hi] until hi - lo <= width and returns the better of the two interior points.
template <typename F>
GoldenSectionMinimum golden_section_minimum(F&& f, double lo, double hi, double width) {
  const double g = 0.5 * (std::sqrt(5.0) - 1.0);
  double c = hi - g * (hi - lo);
  double d = lo + g * (hi - lo);
  double fc = f(c);
  double fd = f(d);
  while (hi - lo > width) {
    if (fc < fd) {
      hi = d;
      d = c;
      fd = fc;
      c = hi - g * (hi - lo);
      fc = f(c);
    } else {
      lo = c;
      c = d;
      fc = fd;
      d = lo + g * (hi - lo);
      fd = f(d);
    }
  }
  return fc < fd ? GoldenSectionMinimum{c, fc} : GoldenSectionMinimum{d, fd};
}

}  // namespace netdyn::detail
