#include "netdyn/report.hpp"

#include "checks.hpp"
#include "netdyn/covariance.hpp"
#include "netdyn/nonnormality.hpp"
#include "netdyn/steady_state.hpp"
#include "netdyn/transient_envelope.hpp"

namespace netdyn {

NetworkReport analyse_network(const Eigen::Ref<const Eigen::MatrixXd>& w,
                              const ReportOptions& options) {
  detail::require_connectivity("analyse_network", "W", w);
  detail::require_positive("analyse_network", "tau", options.tau);
  const double tau = options.tau;
  NetworkReport r;
  r.n = w.rows();
  r.tau = tau;
  SpectrumOptions spectrum_options;
  spectrum_options.compute_eigenvectors = true;
  const Spectrum spectrum = compute_spectrum(w, spectrum_options);
  r.eigenvalues = spectrum.eigenvalues;
  r.spectral_abscissa = spectral_abscissa(r.eigenvalues);
  r.spectral_radius = spectral_radius(r.eigenvalues);
  r.stable = is_stable(r.eigenvalues);
  r.growth_rate = (r.spectral_abscissa - 1.0) / tau;
  if (r.stable) r.slowest_timescale = tau / (1.0 - r.spectral_abscissa);
  r.henrici_departure = henrici_departure(w);
  const double frobenius = w.norm();
  r.henrici_relative = frobenius > 0.0 ? r.henrici_departure / frobenius : 0.0;
  r.eigenvector_condition = eigenvector_condition(spectrum.eigenvectors);
  r.numerical_abscissa = numerical_abscissa(w, tau);
  if (r.stable) r.steady_state_gain = steady_state_gain(w).gain;
  if (r.stable) {
    // Transient gain over t >= 0 (automatic horizon, refined maximum) and the unit-noise
    // variance keys (sigma = 1, independent of tau).
    TransientEnvelopeOptions envelope_options;
    envelope_options.tau = tau;
    envelope_options.points = 41;  // the grid only brackets the maximum; refinement does the rest
    const TransientEnvelope envelope = transient_envelope(w, envelope_options);
    r.transient_gain = envelope.max_gain;
    r.transient_gain_time = envelope.max_time;
    const StationaryCovariance covariance = stationary_covariance(w);
    r.total_variance = covariance.total_variance;
    r.normal_total_variance = covariance.normal_total_variance;
    r.nonnormal_amplification = covariance.nonnormal_amplification;
  }
  if (r.n == 2) {
    const Eigen::Matrix2d a = (w - Eigen::Matrix2d::Identity()) / tau;
    r.jacobian_trace = a.trace();
    r.jacobian_determinant = a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0);
    r.fixed_point_type = classify_planar(a);
  }
  return r;
}

}  // namespace netdyn
