#include "netdyn/dynamics/nullclines.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace netdyn {

Nullclines fitzhugh_nagumo_nullclines(const FitzHughNagumo& model,
                                      double v_min,
                                      double v_max,
                                      Eigen::Index points) {
  const char* fn = "fitzhugh_nagumo_nullclines";
  if (!std::isfinite(v_min) || !std::isfinite(v_max) || !(v_min < v_max)) {
    throw std::invalid_argument(std::string(fn) + ": [v_min, v_max] = [" + std::to_string(v_min) +
                                ", " + std::to_string(v_max) + "]; need finite v_min < v_max");
  }
  if (points < 2) {
    throw std::invalid_argument(std::string(fn) + ": points = " + std::to_string(points) +
                                "; need >= 2");
  }
  if (!std::isfinite(model.current) || !std::isfinite(model.a) || !std::isfinite(model.b) ||
      model.b == 0.0) {
    throw std::invalid_argument(std::string(fn) +
                                ": current, a and b must be finite and b must be non-zero");
  }
  Nullclines n;
  n.v = Eigen::VectorXd::LinSpaced(points, v_min, v_max);
  // dv/dt = v - v^3/3 - w + I = 0  and  tau dw/dt = v + a - b w = 0, each solved for w.
  n.first_nullcline_w = (n.v.array() - n.v.array().cube() / 3.0 + model.current).matrix();
  n.second_nullcline_w = ((n.v.array() + model.a) / model.b).matrix();
  return n;
}

}  // namespace netdyn
