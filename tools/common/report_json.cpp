#include "common/report_json.hpp"

#include "common/cli.hpp"

namespace netdyn::cli {

nlohmann::json report_json(const NetworkReport& r) {
  nlohmann::json j;
  j["n"] = r.n;
  j["tau"] = number(r.tau);
  j["eigenvalues"] = to_json(r.eigenvalues);
  j["spectral_abscissa"] = number(r.spectral_abscissa);
  j["spectral_radius"] = number(r.spectral_radius);
  j["stable"] = r.stable;
  j["growth_rate"] = number(r.growth_rate);
  j["slowest_timescale"] = number(r.slowest_timescale);
  j["henrici_departure"] = number(r.henrici_departure);
  j["henrici_relative"] = number(r.henrici_relative);
  j["eigenvector_condition"] = number(r.eigenvector_condition);
  j["numerical_abscissa"] = number(r.numerical_abscissa);
  j["steady_state_gain"] = number(r.steady_state_gain);
  j["transient_gain"] = number(r.transient_gain);
  j["transient_gain_time"] = number(r.transient_gain_time);
  j["total_variance"] = number(r.total_variance);
  j["normal_total_variance"] = number(r.normal_total_variance);
  j["nonnormal_amplification"] = number(r.nonnormal_amplification);
  j["jacobian_trace"] = number(r.jacobian_trace);
  j["jacobian_determinant"] = number(r.jacobian_determinant);
  j["classification"] =
      r.fixed_point_type ? nlohmann::json(to_string(*r.fixed_point_type)) : nlohmann::json(nullptr);
  return j;
}

}  // namespace netdyn::cli
