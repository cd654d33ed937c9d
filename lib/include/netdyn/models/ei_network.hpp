#pragma once
/// \file ei_network.hpp
/// Closed forms for the two-population excitatory-inhibitory model of Murphy & Miller 2009
/// ("balanced amplification"), its Hebbian counterpart, and the general 2x2 upper-triangular
/// (Schur-form) system they both reduce to. Formulas and verified values: ../shared/docs/
/// science.md section 1 (1.2-1.6; the seed notes' 2x2 kernel has a sign slip, corrected there
/// and here).
///
/// Model: `tau dr/dt = -r + W r` with
///
///     W = [[wE, -wI], [wE, -wI]]      (wE, wI >= 0 magnitudes; MM09: wE = w, wI = k w)
///
/// Both populations receive the same input, so W has the eigenvalue `lambda_1 = wE - wI` on the
/// sum pattern `s1 = (1, 1)/sqrt2` and 0 on (wI, wE). In the orthonormal basis
/// `U = [s1, s2]`, `s2 = (1, -1)/sqrt2`, W is upper triangular:
///
///     U^T W U = [[wE - wI, wE + wI], [0, 0]]
///
/// so the difference pattern drives the sum pattern with the feedforward weight
/// `w_FF = wE + wI`, which is invisible in the eigenvalues. Times are in the unit of tau.

#include <Eigen/Core>
#include <optional>

namespace netdyn {

/// The general 2x2 upper-triangular system in Schur coordinates (science.md 1.5):
///
///     tau da/dt = -(1 - lambda1) a + feedforward b,    tau db/dt = -(1 - lambda2) b.
struct TriangularPair {
  double lambda1 = 0.0;      ///< eigenvalue of the driven mode a
  double lambda2 = 0.0;      ///< eigenvalue of the driving mode b
  double feedforward = 0.0;  ///< weight from b to a
  double tau = 1.0;          ///< time constant, > 0
};

/// `(a(t), b(t))` from `(a0, b0)` with `k_i = (1 - lambda_i)/tau`:
///
///     b(t) = b0 e^{-k2 t},
///     a(t) = a0 e^{-k1 t} + (feedforward b0 / tau) G(t),
///     G(t) = int_0^t e^{-k1 (t - s)} e^{-k2 s} ds = (e^{-k2 t} - e^{-k1 t}) / (k1 - k2)
///          = tau / (lambda2 - lambda1) [e^{-k2 t} - e^{-k1 t}]      (t e^{-k1 t} if k1 = k2).
///
/// (The seed notes write `tau/(lambda1 - lambda2)`, which has the wrong sign.) G is evaluated as
/// `t e^{-k_min t} (1 - e^{-x})/x`, `x = |k1 - k2| t`, with expm1, so it is accurate for nearly
/// equal eigenvalues and never forms inf - inf. Valid for unstable modes too.
/// \throws std::invalid_argument non-finite parameter, tau <= 0, t < 0 or not finite
[[nodiscard]] Eigen::Vector2d triangular_pair_response(const TriangularPair& system,
                                                       const Eigen::Vector2d& x0,
                                                       double t);

/// The MM09 two-population network.
struct EiNetwork {
  double w_e = 0.0;  ///< excitatory weight magnitude wE >= 0 (column 1 of W)
  double w_i = 0.0;  ///< inhibitory weight magnitude wI >= 0 (column 2 of W is -wI)
  double tau = 1.0;  ///< time constant, > 0
  /// MM09's parametrisation wE = w, wI = k w.
  [[nodiscard]] static EiNetwork from_gain(double w, double k, double tau = 1.0) {
    return {w, k * w, tau};
  }
};

/// `W = [[wE, -wI], [wE, -wI]]`.
/// \throws std::invalid_argument weights not finite or negative, tau not finite and > 0
[[nodiscard]] Eigen::Matrix2d ei_connectivity(const EiNetwork& network);

/// Closed-form Schur form in the sum/difference basis (diagonal: lambda_1 = wE - wI, then 0;
/// this is the increasing-real-part order when wE < wI and the decreasing one otherwise).
struct EiSchurForm {
  Eigen::Matrix2d u;                ///< [s1, s2], s1 = (1, 1)/sqrt2, s2 = (1, -1)/sqrt2
  Eigen::Matrix2d t;                ///< [[wE - wI, wE + wI], [0, 0]]
  Eigen::Vector2d eigenvalues;      ///< (wE - wI, 0)
  double feedforward_weight = 0.0;  ///< wE + wI (= Henrici departure of W)
};
/// \throws std::invalid_argument as ei_connectivity()
[[nodiscard]] EiSchurForm ei_schur(const EiNetwork& network);

/// `(r_E(t), r_I(t))` from `r(0) = r0` without input (science.md 1.2 for r0 = (1, 0)):
/// `r = a s1 + b s2` with `(a, b)` from triangular_pair_response() for
/// `lambda1 = wE - wI, lambda2 = 0, feedforward = wE + wI`, `a0 = (rE0 + rI0)/sqrt2`,
/// `b0 = (rE0 - rI0)/sqrt2`. For r0 = (1, 0), c = 1 + wI - wE != 1:
/// `r_E = [wI e^{-t/tau} - wE e^{-c t/tau}]/(wI - wE)`, `r_I = wE [e^{-t/tau} - e^{-c t/tau}]/(wI -
/// wE)`. \throws std::invalid_argument as ei_connectivity(); r0 not finite; t < 0 or not finite
[[nodiscard]] Eigen::Vector2d ei_response(const EiNetwork& network,
                                          const Eigen::Vector2d& r0,
                                          double t);

/// Time integrals and peak of the response to `r(0) = r0` (a pulse of input at t = 0).
struct EiPulseResponse {
  double feedforward_weight = 0.0;  ///< wE + wI
  double sum_decay_rate = 0.0;      ///< c/tau, c = 1 + wI - wE (the sum mode's rate)
  /// `int_0^inf r dt = tau (I - W)^{-1} r0 = tau/c ((1 + wI) rE0 - wI rI0, wE rE0 + (1 - wE) rI0)`;
  /// empty unless the network is stable (c > 0).
  std::optional<double> integral_r_e;
  std::optional<double> integral_r_i;
  double integral_r_e_uncoupled = 0.0;  ///< `tau rE0` (W = 0)
  /// integral_r_e / integral_r_e_uncoupled; for r0 = (1, 0) `(1 + wI)/(1 + wI - wE)`
  /// (MM09: `(1 + k w)/(1 + (k - 1) w)`). Empty if unstable or rE0 = 0.
  std::optional<double> amplification;
  /// `sup_{t >= 0} r_E(t)` and where it is attained (science.md 1.4: for r0 = (1, 0),
  /// `t* = tau ln(c wE/wI)/(c - 1)` if `(wE - 1)(wI - wE) > 0`, else 0). Empty if r_E is
  /// unbounded above; peak_time is +inf if the supremum is only approached as t -> inf.
  std::optional<double> peak_r_e;
  std::optional<double> peak_time;
};
/// \throws std::invalid_argument as ei_response()
[[nodiscard]] EiPulseResponse ei_pulse_response(const EiNetwork& network,
                                                const Eigen::Vector2d& r0 = Eigen::Vector2d(1.0,
                                                                                            0.0));

/// Peak of `f(t) = alpha e^{-p t} + beta e^{-q t}` over t >= 0 (`(alpha + beta t) e^{-p t}` when
/// p = q): a sum of two exponentials has at most one stationary point. Returns (sup, argsup);
/// sup empty if f is unbounded above, argsup +inf if the sup is only a limit.
struct ExponentialPeak {
  std::optional<double> value;
  std::optional<double> time;
};
[[nodiscard]] ExponentialPeak two_exponential_peak(double alpha, double p, double beta, double q);

/// MM09 weight w that gives integral amplification R at inhibition ratio k (r0 = (1, 0)):
/// `w = (R - 1)/(k - R (k - 1))` (w = 30/7 for R = 4, k = 1.1; 90 for R = 10).
/// \throws std::invalid_argument R < 1, non-finite input, or no w >= 0 reaches R at this k
[[nodiscard]] double balanced_weight_for_amplification(double amplification, double k);

/// The Hebbian counterpart (MM09 Fig. 2 left; science.md 1.6): one population with self-weight
/// w, `tau dr/dt = -r + w r`, the normal network with the same amplification. The two-population
/// normal version is `W = (w/2) [[1, 1], [1, 1]]` (eigenvalues w and 0).
struct HebbianNetwork {
  double w = 0.0;    ///< self-weight (eigenvalue), < 1 for stability
  double tau = 1.0;  ///< time constant, > 0
};
struct HebbianResponse {
  double time_constant = 0.0;  ///< `tau/(1 - w)`: amplification comes with slowing
  double amplification = 0.0;  ///< `1/(1 - w)`, the integral ratio and the steady-state gain
  double integral = 0.0;       ///< `int_0^inf r dt = tau r0/(1 - w)`
};
/// \throws std::invalid_argument w not finite or w >= 1 (unstable), tau not finite and > 0
[[nodiscard]] HebbianResponse hebbian_response(const HebbianNetwork& network, double r0 = 1.0);
/// `r(t) = r0 e^{-(1 - w) t/tau}`. \throws std::invalid_argument non-finite input, t < 0
[[nodiscard]] double hebbian_rate(const HebbianNetwork& network, double r0, double t);
/// `(w/2) [[1, 1], [1, 1]]`, the normal 2x2 network with eigenvalues {w, 0}.
[[nodiscard]] Eigen::Matrix2d hebbian_connectivity(double w);
/// Self-weight with amplification R: `w = 1 - 1/R` (3/4 for R = 4).
[[nodiscard]] double hebbian_weight_for_amplification(double amplification);

}  // namespace netdyn
