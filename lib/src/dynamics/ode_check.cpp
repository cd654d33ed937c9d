#include "netdyn/dynamics/ode_check.hpp"

#include <algorithm>

#include "netdyn/dynamics/linear_solution.hpp"

namespace netdyn {

OdeCheck check_ode_against_exact(const RateNetwork& net,
                                 const Eigen::Ref<const Eigen::VectorXd>& x0,
                                 const Input& input,
                                 const SimulationOptions& options) {
  OdeCheck out;
  // The exact solution first: it validates the model (f linear, no user function) cheaply.
  const Eigen::VectorXd grid = output_grid(options);
  out.exact = linear_solution(net, x0, input, grid);
  out.ode = simulate(net, x0, input, options);
  for (Eigen::Index k = 0; k < grid.size(); ++k) {
    const double err = (out.ode.states.col(k) - out.exact.col(k)).cwiseAbs().maxCoeff();
    const double size = out.exact.col(k).cwiseAbs().maxCoeff();
    // Floor atol: once the exact state decays below it (or underflows), the integrator controls
    // only the absolute error, and dividing by a subnormal size would give inf.
    const double rel = err / std::max(size, options.atol);
    out.max_abs_error = std::max(out.max_abs_error, err);
    if (rel > out.max_rel_error) {
      out.max_rel_error = rel;
      out.worst_time = grid(k);
    }
  }
  return out;
}

}  // namespace netdyn
