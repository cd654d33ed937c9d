#pragma once
/// \file stability_optimised_circuit.hpp
/// Stability-optimised circuits (SOCs; Hennequin, Vogels & Gerstner 2014, Neuron 82:1394,
/// "Optimal control of transient dynamics in balanced networks supports generation of complex
/// movements"): start from a strongly unstable random E-I network and move only its inhibitory
/// weights down the gradient of the smoothed spectral abscissa (smoothed_spectral_abscissa.hpp)
/// until the spectral abscissa of W is below a target. The result is stable yet strongly
/// nonnormal: it amplifies far more than a random network scaled to the same abscissa.
///
/// The published algorithm (as the public ports of the authors' code run it; science.md 3.2 and
/// 4.5), netdyn's default:
/// - initial network: n = 200, the first half of the columns excitatory, density p = 0.1, each
///   E weight `w0/sqrt(n)` and each I weight `-gamma w0/sqrt(n)` with
///   `w0 = R / sqrt(p (1 - p) (f + (1 - f) gamma^2))` (bulk radius R = 10, gamma = 3, f = 1/2),
///   no self-loops (soc_initial_network);
/// - each step: s = max(1.5 alpha, alpha + 0.2) with alpha = alpha(W); P and Q of W - sI
///   (right-hand side I; the ports' 2I gives the same direction); `W_I <- W_I - rate Q P /
///   tr(Q P)` on the inhibitory columns only (rate 10); positive inhibitory weights clipped to 0;
///   the diagonal kept at 0;
/// - stop when alpha(W) < 0.15, or when alpha stops decreasing (the stall test below).
///
/// Options beyond it: the shift at the exact smoothed spectral abscissa alpha_eps(W) for a given
/// eps (then the step is the true gradient of alpha_eps); a fixed inhibitory mask (only the
/// initial network's inhibitory connections may be nonzero) or a density cap (only the strongest
/// fraction of inhibitory weights is kept, as the ports do with 40%); renormalisation of the
/// inhibitory weights after each step, to the E/I ratio gamma (the ports' block means: mean of
/// the I-to-E block = -gamma times the E-to-E block's, likewise I-to-I against E-to-I) or to the
/// initial network's row sums (each row's inhibitory weights scaled so that the row sums to what
/// it did).
///
/// Cost per step: one real Schur decomposition of W with vectors, two triangular Lyapunov solves
/// and three products for the inhibitory columns of the gradient (bench/soc_step.cpp).

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace netdyn {

struct SocNetworkOptions {
  Eigen::Index n = 200;              ///< size, >= 2
  double excitatory_fraction = 0.5;  ///< f: the first round(f n) columns are excitatory
  double density = 0.1;              ///< p in (0, 1): each off-diagonal weight present w.p. p
  double radius = 10.0;              ///< R, the bulk radius of the spectrum (> 0)
  double gamma = 3.0;                ///< I/E weight ratio (> 0)
  std::uint64_t seed = 1;
};

/// The published initial network: dale_connectivity (generators.hpp) with zero weight spread and
/// the means above, diagonal zeroed.
/// \throws std::invalid_argument options out of range
[[nodiscard]] Eigen::MatrixXd soc_initial_network(const SocNetworkOptions& options);

enum class SocShift {
  kPublished,         ///< s = max(1.5 alpha, alpha + 0.2)
  kSmoothedAbscissa,  ///< s = alpha_eps(W) (Newton; two triangular solves per iteration)
};
enum class SocInhibitoryMask {
  kFree,        ///< every inhibitory weight may become nonzero
  kFixed,       ///< only those nonzero in the initial W
  kDensityCap,  ///< only the round(density_cap n n_I) strongest stay nonzero after each step
};
enum class SocRenormalisation {
  kNone,
  kEIRatio,  ///< block means: I-to-E = -gamma E-to-E, I-to-I = -gamma E-to-I
  kRowSum,   ///< each row's inhibitory weights scaled so that the row sums as in the initial W
};

/// One line of the optimisation's trace, before the step's update.
struct SocStep {
  int step = 0;
  double spectral_abscissa = 0.0;  ///< alpha(W)
  double shift = 0.0;              ///< s = alpha_eps(W) with eps = `epsilon`
  double epsilon = 0.0;            ///< 1 / tr P(s): the eps for which s is the SSA
  double inhibitory_norm = 0.0;    ///< ||W_I||_F
};

struct SocOptions {
  /// Number of excitatory (leading) columns; -1: n/2 (rounded), the published split.
  Eigen::Index excitatory = -1;
  double learning_rate = 10.0;    ///< > 0
  double target_abscissa = 0.15;  ///< stop once alpha(W) < target
  int max_steps = 10000;
  /// Stop (not converged) when alpha decreased by less than `stall_tolerance` (absolute) over
  /// the last `stall_window` steps.
  int stall_window = 200;
  double stall_tolerance = 1e-6;
  SocShift shift = SocShift::kPublished;
  double epsilon = 0.01;  ///< the SSA's eps for kSmoothedAbscissa
  SocInhibitoryMask mask = SocInhibitoryMask::kFree;
  double density_cap = 0.4;  ///< for kDensityCap, in (0, 1]
  SocRenormalisation renormalisation = SocRenormalisation::kNone;
  double gamma = 3.0;  ///< for kEIRatio
  bool zero_diagonal = true;
  /// Called after each step's line of the trace is known (progress reports); may be empty.
  std::function<void(const SocStep&)> on_step;
};

struct SocResult {
  Eigen::MatrixXd w;           ///< the optimised W (Dale's law holds)
  std::vector<SocStep> trace;  ///< one line per step taken, and a last one for the final W
  bool converged = false;      ///< alpha(W) < target
  std::string stop_reason;     ///< "target", "stalled" or "max_steps"
  int steps = 0;               ///< updates applied
};

/// Optimise the inhibitory weights of W (excitatory columns first: E >= 0, I <= 0).
/// \throws std::invalid_argument W empty, non-square, not finite or violating Dale's law for the
///         split; options out of range
/// \throws NumericalError a decomposition failed
[[nodiscard]] SocResult optimise_stability(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                           const SocOptions& options = {});

[[nodiscard]] std::string to_string(SocShift shift);
[[nodiscard]] std::string to_string(SocInhibitoryMask mask);
[[nodiscard]] std::string to_string(SocRenormalisation renormalisation);
/// "published" / "smoothed-abscissa"; "free" / "fixed" / "density-cap"; "none" / "ei-ratio" /
/// "row-sum". \throws std::invalid_argument for any other text
[[nodiscard]] SocShift parse_soc_shift(const std::string& text);
[[nodiscard]] SocInhibitoryMask parse_soc_mask(const std::string& text);
[[nodiscard]] SocRenormalisation parse_soc_renormalisation(const std::string& text);

}  // namespace netdyn
