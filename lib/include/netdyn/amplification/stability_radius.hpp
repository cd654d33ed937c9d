#pragma once
/// \file stability_radius.hpp
/// Distance to instability of `tau dr/dt = -r + W r`, A = (W - I)/tau Hurwitz: the complex
/// stability radius
///
///     beta(A) = min_{omega real} sigma_min(A - i omega I)
///             = min { ||E||_2 : A + E has an eigenvalue on the imaginary axis, E complex },
///
/// the size of the smallest perturbation of the Jacobian that makes the fixed point lose
/// stability (Van Loan 1985; Trefethen & Embree ch. 49: beta(A) is the eps at which the
/// eps-pseudospectrum reaches the imaginary axis). For normal A it is the distance from the
/// spectrum to the axis, `min_i |Re lambda_i|`; for nonnormal A it can be far smaller.
/// Because A is real, `sigma_min(A - i omega I)` is even in omega: the minimiser is reported as
/// omega* >= 0 (units 1/tau).
///
/// Method: Byers' (1988) characterisation, with the quadratically convergent level iteration of
/// Boyd & Balakrishnan (1990) and Bruinsma & Steinbuch (1990), as SLICOT AB13FD computes it. For
/// a level gamma, the Hamiltonian matrix
///
///     H(gamma) = [[A, -gamma I], [gamma I, -A^T]]
///
/// has the eigenvalue i omega iff gamma is a singular value of A - i omega I. Starting from a
/// level gamma attained at some frequency, the imaginary eigenvalues of H(gamma (1 - 2 tol)) cut
/// the frequency axis into intervals; sigma_min is evaluated at their midpoints (each candidate
/// verified), gamma drops to the smallest value found, and the iteration stops when no midpoint
/// lies below the level. H is built from the real Schur factor T_A = (T - I)/tau, orthogonally
/// similar to A (same eigenvalues of H, no Q needed); its eigenvalues are one dense Hessenberg QR
/// (dgehrd + dhseqr) of order 2n per iteration. sigma_min is evaluated on the complex triangular
/// factor of A by inverse Lanczos (two triangular solves per step, O(n^2)), the pseudospectra's
/// resolvent norm; a local descent from the eigenvalues nearest the axis usually leaves the first
/// Hamiltonian only to certify the minimum (docs/decisions/distance-to-instability.md).

#include <Eigen/Core>

namespace netdyn {

class SchurFactorization;  // schur_factorization.hpp

struct StabilityRadiusOptions {
  double tau = 1.0;  ///< time constant, finite and > 0 (beta scales as 1/tau, omega* as 1/tau)
  /// Relative accuracy of beta, in (0, 0.1]: the result gamma satisfies
  /// `gamma (1 - 2 tolerance) <= beta <= gamma` up to rounding (absolute error ~ eps ||A||_2).
  double tolerance = 1e-10;
};

struct StabilityRadius {
  double radius = 0.0;  ///< beta(A) = min_omega sigma_min(A - i omega I) (> 0; units 1/tau)
  /// A minimiser omega* >= 0 (units 1/tau). sigma_min is flat at its minimum, so omega* is
  /// determined only to about sqrt(2 tolerance beta / f''), f'' the curvature of sigma_min there
  /// (after a golden-section polish: about 1e-7 relative for a well-separated minimum).
  double frequency = 0.0;
  Eigen::Index iterations = 0;   ///< Hamiltonian eigenvalue problems solved (order 2n)
  Eigen::Index evaluations = 0;  ///< sigma_min evaluations (inverse Lanczos)
};

/// Above this size `analyse_network` (netdyn check) leaves distance_to_instability null: each
/// iteration is a dense eigenvalue problem of order 2n, about 4 dgees of W in time (2.2 s at
/// n = 1000, 25 s at n = 2000; docs/decisions/distance-to-instability.md): at n = 1000 it would
/// double the report (issue 16 measures `netdyn check` there), so the report stops at 500. The
/// functions below accept any n.
inline constexpr Eigen::Index kStabilityRadiusReportLimit = 500;

/// beta(A) and omega* for A = (W - I)/tau from W's factorisation (no further decomposition of W).
/// \pre W stable: every Re lambda(W) < 1 (A Hurwitz)
/// \throws std::invalid_argument W unstable (the message names the eigenvalue); tau or tolerance
///         out of range
/// \throws NumericalError a LAPACK routine failed; the level iteration did not converge in 100
///         steps; a non-finite value
/// Cost: per iteration one dgehrd + dhseqr of order 2n (about 107 n^3 flops, measured ~4x one
/// dgees of W without vectors) plus O(n^2) per sigma_min evaluation (~45 of them); usually one
/// iteration (the certificate), a few when the seeds miss the global minimum.
[[nodiscard]] StabilityRadius distance_to_instability(const SchurFactorization& factorization,
                                                      const StabilityRadiusOptions& options = {});
/// The same for a dense W: one SchurFactorization without Schur vectors, then the above.
/// \throws std::invalid_argument also W empty, non-square or not finite
[[nodiscard]] StabilityRadius distance_to_instability(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                                      const StabilityRadiusOptions& options = {});

}  // namespace netdyn
