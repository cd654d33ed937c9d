#pragma once
/// \file sparse_spectrum.hpp
/// A few eigenvalues of a large sparse connectivity W by the Krylov-Schur method (Stewart 2001:
/// Arnoldi expansion, restarts by an ordered real Schur form of the small projection through
/// LAPACK's dgees and dtrexc, converged Schur vectors locked), for networks far beyond the O(n^3)
/// dense path of spectrum.hpp: the `count` rightmost eigenvalues (largest real part, the
/// ones that decide stability), the `count` of largest modulus, or the `count` nearest a real
/// shift sigma (shift-invert with a sparse LU of `W - sigma I`, for interior targets).
///
/// **The subspace-size trap.** For sparse E-I matrices the rightmost eigenvalues sit on the dense
/// edge of the bulk, where eigenvalues are separated by about R / sqrt(n). With the customary
/// Krylov subspace of about `2 count + 1` vectors, Arnoldi (Spectra, ARPACK via SciPy, SLEPc
/// alike) returns a *converged but wrong* set: genuine eigenvalues with tiny residuals that are
/// not the rightmost ones, because the restarts lock onto whichever edge eigenvalues converge
/// first. Residuals cannot detect this. netdyn therefore (1) uses a subspace of at least 100
/// vectors by default, which on this class of matrices is both right and faster, and (2)
/// verifies by a deflated restart: the locked invariant subspace is kept, the rest of the basis
/// starts afresh from another random vector, and the best eigenvalue of W deflated by that
/// subspace is computed. If it beats the last returned eigenvalue, the first run missed it: it
/// joins the result and the check repeats (up to 10 times, then a NumericalError, never a silent
/// guess). One check costs a fraction of a second full run. See docs/large-networks.md and
/// docs/decisions/sparse-spectra.md.
///
/// Conventions as in spectrum.hpp: eigenvalues of W (not of A = (W - I)/tau), returned in
/// decreasing real part, then decreasing imaginary part, whatever the target. A conjugate pair
/// that `count` would cut is returned whole (count + 1 values).
///
/// **Converged is not right for a defective W.** For a feed-forward chain (nilpotent, all
/// eigenvalues 0) Arnoldi's Ritz values sit on a circle of radius up to ~0.9 ||W||. A W whose
/// graph has no cycle (feed-forward, W = 0) is triangular up to a permutation: its eigenvalues
/// are the diagonal entries, returned exactly without Arnoldi (method "triangular"). Otherwise
/// every run measures the condition of the wanted Ritz values in its projection H; above 1e12
/// (W nearly defective there) a converged result carries a warning and a failed one says why.

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <cstdint>
#include <string>
#include <vector>

#include "netdyn/report/guards.hpp"

namespace netdyn {

/// Which `count` eigenvalues a Krylov solve looks for.
enum class SparseTarget {
  kLargestReal,       ///< rightmost: largest real part (stability)
  kLargestMagnitude,  ///< largest modulus (spectral radius, outliers)
  kNearestShift,      ///< nearest the real shift `SparseSpectrumOptions::shift` (shift-invert)
};
/// "largest-real", "largest-magnitude", "nearest-shift".
[[nodiscard]] std::string to_string(SparseTarget target);
/// Inverse of to_string(); also accepts "LR", "LM", "shift".
/// \throws std::invalid_argument unknown name (the message lists the valid ones)
[[nodiscard]] SparseTarget parse_sparse_target(const std::string& name);

struct SparseSpectrumOptions {
  Eigen::Index count = 6;                            ///< eigenvalues wanted; 1 <= count <= n - 2
  SparseTarget target = SparseTarget::kLargestReal;  ///< which ones
  double shift = 0.0;  ///< sigma for kNearestShift (W - sigma I must be nonsingular)
  /// Krylov subspace size (ARPACK's ncv); 0 = automatic: min(n, max(2 count + 1, 100)).
  /// Must satisfy count + 2 <= subspace_size <= n when given.
  Eigen::Index subspace_size = 0;
  double tolerance = 1e-10;            ///< relative residual `||W x - lambda x|| <= tol |lambda|`
  Eigen::Index max_iterations = 1000;  ///< restarts per run before NumericalError
  /// Verify by deflated restarts (see the trap above); switch off only for a known-safe matrix
  /// class.
  bool verify = true;
  /// A check changes nothing when the returned set moves by at most `verify_tolerance *
  /// max(1, max_k |lambda_k|)` (set distance, eigenvalue_set_distance()).
  double verify_tolerance = 1e-8;
  /// Largest subspace a verification may use (it needs the locked vectors + 40); 0 = min(n, 8 x
  /// the first subspace).
  Eigen::Index max_subspace_size = 0;
  std::uint64_t seed = 1;  ///< seeds the random start vectors (RandomSource), so runs repeat
};

struct SparseSpectrum {
  /// `count` values (count + 1 for a cut conjugate pair), decreasing real part, then imaginary
  /// part; a W triangular up to a permutation gives its diagonal without Krylov (runs = 0)
  Eigen::VectorXcd eigenvalues;
  Eigen::Index subspace_size = 0;  ///< subspace of the last run (the last check, if verified)
  Eigen::Index iterations = 0;     ///< restarts, all runs together
  Eigen::Index operations = 0;     ///< products with W (or solves with W - sigma I), all runs
  Eigen::Index runs = 0;           ///< Krylov-Schur runs: 1 + the deflated restarts
  /// Set distance between the first run's eigenvalues and the returned ones: 0 when the checks
  /// found nothing the first run missed; -1 if not verified.
  double verification_difference = -1.0;
  /// "krylov" (Krylov-Schur) or "triangular" (W triangular up to a permutation: exact
  /// diagonal) for the CLI's `method` key
  std::string method = "krylov";
  /// `max_k ||W x_k - lambda_k x_k|| / ||x_k||` over the returned pairs (explicit products with
  /// W, not the iteration's estimate); 0 for W = 0.
  double residual = 0.0;
  /// Largest condition number `||l|| ||r|| / |l^* r|` of the returned eigenvalues in the
  /// projection T (W Q = Q T + E, the locked partial Schur form); above kEigenvectorConditionLimit
  /// W is (nearly) defective there and a small residual does not mean a small error.
  double eigenvalue_condition = 1.0;
  /// `krylov_residual` (residual above 100 x tolerance x ||W||_F) and
  /// `ill_conditioned_eigenvectors` (eigenvalue_condition > 1e12, with an error estimate).
  std::vector<ReportWarning> warnings;
};

/// The `options.count` eigenvalues of sparse W selected by `options.target`, by Krylov-Schur
/// with deflated-restart verification. The products use a row-major copy of W with an
/// OpenMP-parallel matvec; shift-invert factorises `W - sigma I` once with Eigen's SparseLU
/// (fill-in can be large: for interior targets of moderate n only). Empty rows and columns are
/// fine. Cost per run: about `products x (nnz(W) + 4 n subspace)` flops; memory n x (subspace + 1)
/// doubles for the basis besides the CSR copy of W.
/// \throws std::invalid_argument W empty, non-square or not finite (entry named); count outside
///         [1, n - 2] (the dense compute_spectrum() handles all eigenvalues of small W);
///         subspace_size outside [count + 2, n]; tolerance not in (0, 1); W - sigma I singular
/// \throws NumericalError a run did not converge in max_iterations restarts (the message names
///         iterations, tolerance, subspace, how many converged, and whether the wanted Ritz values
///         are ill-conditioned (W nearly defective there)); or a verification run did not
///         converge, or 10 of them kept finding eigenvalues the result had missed
[[nodiscard]] SparseSpectrum compute_sparse_spectrum(const Eigen::SparseMatrix<double>& w,
                                                     const SparseSpectrumOptions& options = {});

/// Circular-law radius `sqrt(n var(W_ij))` of an n x n matrix, the variance taken over all n^2
/// entries (zeros included): the bulk radius of science.md section 5 for i.i.d.-like entries.
/// \throws std::invalid_argument W empty or non-square
[[nodiscard]] double circular_law_radius(const Eigen::SparseMatrix<double>& w);

/// Symmetric (Hausdorff) distance between two small sets of eigenvalues: the largest distance
/// from a member of either set to the nearest member of the other. Robust to reordering of
/// near-ties in real part; used to compare a run with its verification run (here and in the
/// SLEPc backend). O(|a| |b|); 0 for two empty sets, +inf if only one is empty.
[[nodiscard]] double eigenvalue_set_distance(const Eigen::VectorXcd& a, const Eigen::VectorXcd& b);

}  // namespace netdyn
