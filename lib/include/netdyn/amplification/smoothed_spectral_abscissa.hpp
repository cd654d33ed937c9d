#pragma once
/// \file smoothed_spectral_abscissa.hpp
/// The smoothed spectral abscissa (Vanbiervliet, Vandereycken, Michiels, Vandewalle & Diehl 2009,
/// "The smoothed spectral abscissa for robust stability optimization", SIAM J. Optim. 20:156,
/// doi 10.1137/070704034) and its gradient, on W's one real Schur form.
///
/// Normalisation (the paper's): for a shift s > alpha(W), the Gramians of the shifted W - sI,
///
///     (W - sI) P + P (W - sI)^T + I = 0,     (W - sI)^T Q + Q (W - sI) + I = 0,
///
/// so that `tr P(s) = tr Q(s) = int_0^inf ||e^{t(W - sI)}||_F^2 dt`, and the smoothed spectral
/// abscissa `alpha_eps(W)` is the s with `tr P(s) = 1/eps`. The function `f(s) = tr P(s)` is
/// convex and decreasing on (alpha, inf) with `f'(s) = -2 tr(Q P)`; the gradient with respect
/// to W is
///
///     d alpha_eps / dW = Q P / tr(Q P).
///
/// Bounds: `alpha(W) + eps/2 <= alpha_eps(W) <= omega(W) + n eps/2` (omega the numerical
/// abscissa; the first from `y^* P y = 1/(2(s - Re lambda))` for a left eigenvector y, the second
/// from `||e^{tA}||_F^2 <= n e^{2 omega t}`), so `alpha_eps -> alpha` as eps -> 0. A normal W
/// has `tr P(s) = sum_i 1/(2(s - Re lambda_i))`.
///
/// The stability-optimised circuits of Hennequin, Vogels & Gerstner 2014 (and the public ports of
/// their code) solve the same equations with right-hand side 2I, which doubles P and Q and leaves
/// the gradient Q P / tr(Q P) unchanged; they fix s = max(1.5 alpha, alpha + 0.2) instead of
/// solving for it (models/stability_optimised_circuit.hpp).
///
/// Every solve runs in the Schur basis `W = Z T Z^T`: shifting W shifts T's diagonal only, so one
/// decomposition serves every s (Newton's iterates included); only the gradient needs Z.

#include <Eigen/Core>

namespace netdyn {

class SchurFactorization;  // schur_factorization.hpp

/// P(s) and Q(s) of W - sI in the Schur basis (`P_W = Z P Z^T`, likewise Q), with the traces
/// the smoothed spectral abscissa needs.
struct ShiftedGramians {
  double shift = 0.0;
  Eigen::MatrixXd p;      ///< Z^T P_W Z (symmetric positive definite)
  Eigen::MatrixXd q;      ///< Z^T Q_W Z
  double trace_p = 0.0;   ///< tr P = tr Q
  double trace_qp = 0.0;  ///< tr(Q P) = -f'(s)/2
};

/// The Gramians of W - sI from W's factorisation: two triangular Lyapunov solves, no
/// decomposition.
/// \throws std::invalid_argument s not finite or s <= alpha(W) (W - sI not Hurwitz: the message
///         names the eigenvalue)
/// \throws NumericalError non-finite solution
[[nodiscard]] ShiftedGramians shifted_gramians(const SchurFactorization& factorization,
                                               double shift);

/// `Q_W P_W / tr(Q P)` in W's coordinates, the gradient of alpha_eps at `g.shift` (or, for the
/// published SOC's fixed shift, the direction it descends). `columns` > 0 forms only the last
/// `columns` columns (the inhibitory ones of an E-then-I network): `Z (Q P) Z_I^T`, about
/// (4 + 2 columns/n) n^3 flops in all against 6 n^3.
/// \throws std::logic_error the factorisation has no Schur vectors
[[nodiscard]] Eigen::MatrixXd smoothed_abscissa_gradient(const SchurFactorization& factorization,
                                                         const ShiftedGramians& g,
                                                         Eigen::Index columns = 0);

struct SmoothedSpectralAbscissaOptions {
  bool gradient = false;     ///< also form d alpha_eps / dW (needs the Schur vectors)
  double tolerance = 1e-13;  ///< relative: stop when |eps tr P(s) - 1| <= tolerance
  int max_iterations = 100;
};

struct SmoothedSpectralAbscissa {
  double value = 0.0;  ///< alpha_eps(W)
  double epsilon = 0.0;
  double spectral_abscissa = 0.0;  ///< alpha(W) <= value - eps/2
  /// P and Q at value (Schur basis), with tr P (1/eps to the tolerance) and tr(Q P): the
  /// last Newton iterate's, kept for callers that step along the gradient.
  ShiftedGramians gramians;
  int iterations = 0;        ///< Newton steps (each two triangular Lyapunov solves)
  Eigen::MatrixXd gradient;  ///< d alpha_eps / dW, n x n; empty unless asked for
};

/// alpha_eps(W) by a safeguarded Newton iteration on `1/tr P(s) = eps` from s = alpha + eps/2
/// (left of the root), each step two triangular Lyapunov solves on the shared T; bisection
/// whenever a Newton step leaves the bracket.
/// \throws std::invalid_argument eps not finite and > 0
/// \throws NumericalError no convergence within max_iterations
[[nodiscard]] SmoothedSpectralAbscissa smoothed_spectral_abscissa(
    const SchurFactorization& factorization,
    double epsilon,
    const SmoothedSpectralAbscissaOptions& options = {});
/// The same for W (one real Schur decomposition, with vectors only when the gradient is asked).
/// \throws std::invalid_argument W empty, non-square or not finite; as above
[[nodiscard]] SmoothedSpectralAbscissa smoothed_spectral_abscissa(
    const Eigen::Ref<const Eigen::MatrixXd>& w,
    double epsilon,
    const SmoothedSpectralAbscissaOptions& options = {});

}  // namespace netdyn
