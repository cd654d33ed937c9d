#include "netdyn/report/report_fields.hpp"

#include <optional>

#include "netdyn/factorization/spectrum.hpp"

namespace netdyn {
namespace {

ReportField::Value optional(const std::optional<double>& v) {
  return v ? ReportField::Value(*v) : ReportField::Value(std::monostate{});
}

}  // namespace

std::vector<ReportField> report_fields(const NetworkReport& r) {
  return {
      {"n", r.n},
      {"tau", r.tau},
      {"eigenvalues", r.eigenvalues},
      {"spectral_abscissa", r.spectral_abscissa},
      {"spectral_radius", r.spectral_radius},
      {"stable", r.stable},
      {"growth_rate", r.growth_rate},
      {"slowest_timescale", optional(r.slowest_timescale)},
      {"henrici_departure", r.henrici_departure},
      {"henrici_relative", r.henrici_relative},
      {"eigenvector_condition", r.eigenvector_condition},
      {"numerical_abscissa", r.numerical_abscissa},
      {"steady_state_gain", optional(r.steady_state_gain)},
      {"transient_gain", optional(r.transient_gain)},
      {"transient_gain_time", optional(r.transient_gain_time)},
      {"transient_gain_upper_bound", optional(r.transient_gain_upper_bound)},
      {"total_variance", optional(r.total_variance)},
      {"normal_total_variance", optional(r.normal_total_variance)},
      {"nonnormal_amplification", optional(r.nonnormal_amplification)},
      {"lyapunov_residual", optional(r.lyapunov_residual)},
      {"eigenvalue_error_estimate", r.eigenvalue_error_estimate},
      {"jacobian_trace", optional(r.jacobian_trace)},
      {"jacobian_determinant", optional(r.jacobian_determinant)},
      {"classification",
       r.fixed_point_type ? ReportField::Value(to_string(*r.fixed_point_type))
                          : ReportField::Value(std::monostate{})},
      {"distance_to_instability", optional(r.distance_to_instability)},
      {"distance_to_instability_frequency", optional(r.distance_to_instability_frequency)},
      {"warnings", r.warnings},
  };
}

}  // namespace netdyn
