// hennequin-2012: a random, exactly balanced E-I network in the sense of Hennequin, Vogels &
// Gerstner 2012 (Phys Rev E 86:011909), parameterised as in docs/science.md 4.5 (HVG's own values
// are not confirmed): N = 200, half excitatory, connection probability 0.1, inhibitory weight
// -gamma times the excitatory one with gamma = 1 (exact balance), bulk radius R = 0.85. The
// Schur form splits W into eigenvalues (slowing) and a feedforward triangle (nonnormal
// amplification); the stationary variance exceeds that of a normal network with the same
// eigenvalues.
#include <cmath>
#include <sstream>

#include "common/figures.hpp"
#include "common/reproduction.hpp"
#include "netdyn/amplification/covariance.hpp"
#include "netdyn/amplification/transient_envelope.hpp"
#include "netdyn/factorization/schur.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/models/generators.hpp"

namespace netdyn::cli {

ReproductionResult reproduce_hennequin_2012(const std::string& dir, PlotFormat format) {
  const Eigen::Index n = 200;
  const double p = 0.1;
  const double gamma = 1.0;
  const double radius = 0.85;
  // R^2 = p (1 - p) w0^2 (1 + gamma^2)/2 for half E, half I columns (docs/science.md 4.5).
  const double w0 = std::sqrt(2.0) * radius / std::sqrt(p * (1.0 - p) * (1.0 + gamma * gamma));
  DaleOptions options;
  options.n = n;
  options.excitatory_fraction = 0.5;
  options.mean_e = w0 / std::sqrt(static_cast<double>(n));
  options.mean_i = -gamma * w0 / std::sqrt(static_cast<double>(n));
  options.connection_probability = p;
  options.seed = 1;
  Eigen::MatrixXd w = dale_connectivity(options);
  w.diagonal().setZero();  // no autapses

  const Spectrum spectrum = compute_spectrum(w);
  const ComplexSchurForm schur = complex_schur(w);
  const StationaryCovariance covariance = stationary_covariance(w);
  TransientEnvelopeOptions envelope_options;
  envelope_options.t_max = 8.0;
  envelope_options.points = 161;
  const TransientEnvelope envelope = transient_envelope(w, envelope_options);
  const double alpha_a = spectral_abscissa(spectrum.eigenvalues) - 1.0;

  ReproductionResult result;
  result.title = "Hennequin, Vogels & Gerstner 2012: nonnormal amplification in a balanced network";
  result.summary =
      "A random excitatory-inhibitory network (N = 200, half E, half I, connection probability "
      "0.1, inhibitory weights exactly balancing excitatory ones, bulk radius R = 0.85; the "
      "parameterisation of docs/science.md 4.5, not HVG's confirmed values). Its eigenvalues stay "
      "in "
      "the disk of radius R, left of the stability line, yet its complex Schur form "
      "W = U T U* has a large strictly upper (feedforward) part: the mean E-I structure is a "
      "pure feedforward link from the E-I difference to the overall sum. Driven by unit white "
      "noise, the network's total stationary variance tr S exceeds that of a normal network "
      "with the same eigenvalues (sum 1/(1 - Re lambda)); the ratio measures the purely "
      "nonnormal amplification.";

  const std::string sfile =
      render(spectrum_figure(spectrum.eigenvalues,
                             radius,
                             "Balanced E-I network, N = 200, p = 0.1, R = 0.85 (seed 1)"),
             dir,
             "spectrum",
             format);
  result.figures.push_back({sfile.substr(dir.size() + 1),
                            "Eigenvalues of W with the bulk radius R = 0.85 (grey) and the "
                            "stability line Re lambda = 1 (dashed): no outlier, since the mean "
                            "structure of an exactly balanced network is nilpotent."});

  GridFigure heat = schur_heatmap_figure(schur.t, "|T| of the complex Schur form W = U T U*", true);
  const std::string hfile = render(heat, dir, "schur_T", format);
  result.figures.push_back(
      {hfile.substr(dir.size() + 1),
       "log10 |T_ij| (modes ordered by decreasing Re lambda): the diagonal holds the "
       "eigenvalues, everything above it is feedforward between Schur modes; blank cells are "
       "exact zeros (below the diagonal)."});

  const std::string efile = render(envelope_figure(envelope.times,
                                                   envelope.norms,
                                                   envelope.max_gain,
                                                   envelope.max_time,
                                                   alpha_a,
                                                   "Transient envelope of the balanced network"),
                                   dir,
                                   "envelope",
                                   format);
  result.figures.push_back(
      {efile.substr(dir.size() + 1),
       "The largest possible response ||e^{tA}||_2 to a unit initial state (A = W - I, "
       "tau = 1) rises above 1 before it decays, unlike a normal network with the same "
       "eigenvalues (dashed)."});

  const double nd = static_cast<double>(n);
  result.numbers = {
      {"bulk radius R", radius, 0.85, "docs/science.md 4.5 (construction)"},
      {"spectral abscissa of W",
       spectral_abscissa(spectrum.eigenvalues),
       std::nullopt,
       "< 1: stable (0.892 at N = 400 in docs/science.md 4.5)"},
      {"feedforward norm ||N||_F (Henrici departure)",
       schur.feedforward_norm,
       std::nullopt,
       "Schur form"},
      {"total variance tr S / N",
       covariance.total_variance / nd,
       std::nullopt,
       "docs/science.md 4.5: 2.109 at N = 400"},
      {"normal counterpart sum 1/(1 - Re lambda) / N",
       covariance.normal_total_variance / nd,
       std::nullopt,
       "docs/science.md 4.5: 1.320 at N = 400"},
      {"nonnormal amplification tr S / normal",
       covariance.nonnormal_amplification,
       std::nullopt,
       "docs/science.md 4.5: 1.598 at N = 400"},
      {"transient gain max ||e^{tA}||_2", envelope.max_gain, std::nullopt, "> 1: nonnormal"},
      {"Schur backward error", schur.backward_error, std::nullopt, "||W - U T U*||_F/||W||_F"},
  };
  return result;
}

}  // namespace netdyn::cli
