#include "common/report_json.hpp"

#include <iostream>

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
  j["transient_gain_upper_bound"] = number(r.transient_gain_upper_bound);
  j["total_variance"] = number(r.total_variance);
  j["normal_total_variance"] = number(r.normal_total_variance);
  j["nonnormal_amplification"] = number(r.nonnormal_amplification);
  j["lyapunov_residual"] = number(r.lyapunov_residual);
  j["eigenvalue_error_estimate"] = number(r.eigenvalue_error_estimate);
  j["jacobian_trace"] = number(r.jacobian_trace);
  j["jacobian_determinant"] = number(r.jacobian_determinant);
  j["classification"] =
      r.fixed_point_type ? nlohmann::json(to_string(*r.fixed_point_type)) : nlohmann::json(nullptr);
  j["distance_to_instability"] = number(r.distance_to_instability);
  j["distance_to_instability_frequency"] = number(r.distance_to_instability_frequency);
  j["warnings"] = warnings_json(r.warnings);
  return j;
}

nlohmann::json warnings_json(const std::vector<ReportWarning>& warnings) {
  nlohmann::json list = nlohmann::json::array();
  for (const ReportWarning& w : warnings)
    list.push_back({{"code", w.code}, {"message", w.message}});
  return list;
}

void print_warnings(const std::string& command, const std::vector<ReportWarning>& warnings) {
  for (const ReportWarning& w : warnings) {
    std::cerr << "netdyn " << command << ": warning: " << w.code << ": " << w.message << "\n";
  }
}

}  // namespace netdyn::cli
