#pragma once
/// \file covariance.hpp
/// Variance built from noise and energy evoked by initial conditions in the linear rate network
/// `tau dx = (-x + W x) dt + sigma sqrt(2 tau) dB` (unit noise convention of cli.md and
/// docs/conventions.md: W = 0 gives variance sigma^2 per unit, and nothing below depends on tau).
///
/// - Stationary covariance S: `(W - I) S + S (W - I)^T + 2 sigma^2 I = 0`.
/// - Normal-equivalent total variance `sigma^2 sum_i 1/(1 - Re lambda_i(W))`: the variance of a
///   network with the same Schur vectors and eigenvalues but no feedforward part (science.md 4.2).
///   Their ratio, the nonnormal amplification, is >= 1 and = 1 iff W is normal.
/// - Controllability and observability Gramians of `x' = A x + B u, y = C x`.
/// - Evoked energy (Hennequin, Vogels & Gerstner 2014, 2/tau normalisation recalled, not
///   confirmed: science.md 3.2): `E(a) = (2/tau) int_0^inf ||e^{tA} a||^2 dt = a^T Q a` with
///   `(W - I)^T Q + Q (W - I) + 2 I = 0`; the most amplified initial conditions are the top
///   eigenvectors of Q.

#include <Eigen/Core>

#include "netdyn/amplification/lyapunov.hpp"

namespace netdyn {

class SchurFactorization;  // schur_factorization.hpp

struct CovarianceOptions {
  double sigma = 1.0;  ///< noise amplitude (unit convention), finite and > 0
  /// Also form S itself (n x n; needs the Schur vectors). Without it only the variances and the
  /// residual are computed, from the Schur-basis solution (`tr S = tr Y`), and `covariance` is
  /// empty.
  bool compute_matrix = true;
};

struct StationaryCovariance {
  Eigen::MatrixXd covariance;            ///< S (symmetric positive definite)
  double total_variance = 0.0;           ///< tr S
  double normal_total_variance = 0.0;    ///< sigma^2 sum_i 1/(1 - Re lambda_i(W))
  double nonnormal_amplification = 0.0;  ///< total_variance / normal_total_variance (>= 1)
  double residual = 0.0;                 ///< relative Lyapunov residual (LyapunovResult)
  Eigen::VectorXcd eigenvalues;          ///< of W, in Schur order (unsorted)
};

/// Stationary covariance of the noisy linear network (unit convention).
/// \throws std::invalid_argument W empty, non-square or not finite; sigma not finite and > 0;
///         W unstable (the message names the eigenvalue with Re lambda >= 1: no stationary
///         covariance exists, the variance grows without bound)
/// \throws NumericalError Schur or triangular solve failed; non-finite result
/// Cost: one real Schur decomposition plus about 9 n^3 flops of gemm.
[[nodiscard]] StationaryCovariance stationary_covariance(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                                         const CovarianceOptions& options = {});
/// The same from W's factorisation: Bartels-Stewart on the shared T (A = Q (T - I) Q^T), no
/// decomposition. \throws std::logic_error compute_matrix without Schur vectors
[[nodiscard]] StationaryCovariance stationary_covariance(const SchurFactorization& factorization,
                                                         const CovarianceOptions& options = {});

/// Controllability Gramian P of `x' = A x + B u`: `A P + P A^T + B B^T = 0` (B is n x m).
/// \throws std::invalid_argument shapes, non-finite input, A not Hurwitz (NotHurwitzError)
[[nodiscard]] LyapunovResult controllability_gramian(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                                     const Eigen::Ref<const Eigen::MatrixXd>& b);

/// Observability Gramian Q of `x' = A x, y = C x`: `A^T Q + Q A + C^T C = 0` (C is p x n).
/// \throws std::invalid_argument shapes, non-finite input, A not Hurwitz (NotHurwitzError)
[[nodiscard]] LyapunovResult observability_gramian(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                                   const Eigen::Ref<const Eigen::MatrixXd>& c);

struct EvokedEnergyOptions {
  Eigen::Index count = 1;  ///< most amplified initial conditions wanted, 1 <= count <= n
  /// Readout C (p x n, p >= 1): the energy counts `||C r||^2`, so Q solves
  /// `(W - I)^T Q + Q (W - I) + 2 C^T C = 0`. Empty: C = I.
  Eigen::MatrixXd readout;
};

struct EvokedEnergyModes {
  Eigen::MatrixXd energy_matrix;  ///< Q: `(W - I)^T Q + Q (W - I) + 2 I = 0`
  Eigen::VectorXd energies;       ///< the `count` largest eigenvalues of Q, descending
  /// Unit initial conditions achieving them (columns, orthonormal); sign fixed so that the
  /// entry of largest magnitude is positive.
  Eigen::MatrixXd patterns;
  double mean_energy = 0.0;  ///< tr Q / n: the average over random unit initial conditions
  double residual = 0.0;     ///< relative Lyapunov residual
};

/// The observability-Gramian view of transient amplification: which initial conditions a of
/// unit norm evoke the most energy `E(a) = a^T Q a` (1 for every a when W = 0 and C = I).
/// \throws std::invalid_argument W bad or unstable (message names the eigenvalue); count out of
///         range; readout not p x n or not finite
[[nodiscard]] EvokedEnergyModes most_amplified_initial_conditions(
    const Eigen::Ref<const Eigen::MatrixXd>& w, const EvokedEnergyOptions& options = {});
/// The same from W's factorisation (needs its Schur vectors).
[[nodiscard]] EvokedEnergyModes most_amplified_initial_conditions(
    const SchurFactorization& factorization, const EvokedEnergyOptions& options = {});

/// Energy evoked by one initial condition: `E(a) = a^T Q a = (2/tau) int_0^inf ||r(t)||^2 dt`.
/// \throws std::invalid_argument W bad or unstable; a of the wrong size or not finite
[[nodiscard]] double evoked_energy(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                   const Eigen::Ref<const Eigen::VectorXd>& initial_condition);
/// The same from W's factorisation (needs its Schur vectors).
[[nodiscard]] double evoked_energy(const SchurFactorization& factorization,
                                   const Eigen::Ref<const Eigen::VectorXd>& initial_condition);

}  // namespace netdyn
