#pragma once
// Krylov-Schur (Stewart 2001, "A Krylov-Schur algorithm for large eigenproblems", SIAM J. Matrix
// Anal. Appl. 23(3)) for a few eigenvalues of a large nonsymmetric operator A, given only
// products y = A x.
//
// The method keeps a Krylov decomposition
//     A V_m = V_m S_m + v_{m+1} b^T,   V orthonormal (n x (m+1)), S_m m x m,
// expands it by Arnoldi steps (classical Gram-Schmidt, applied twice), and, when the basis is
// full, brings S_m to real Schur form S = U T U^T (dgees), moves the wanted Ritz values to the
// front (dtrexc), and truncates to the leading k columns: the restart is an orthogonal change
// of basis (one level-3 product V U), with no implicit QR shifts as in ARPACK.
//
// Locking (deflation): when the leading Schur vectors' residual components |b_j| are below the
// tolerance, setting them to zero gives an exact Krylov-Schur decomposition of A + E with
// ||E||_2 = ||b_locked||_2: those columns span an invariant subspace of a nearby operator. They
// stay in the basis (later vectors are orthogonalised against them, so the iteration works on
// the deflated operator) but are never changed again.
//
// The same mechanism gives the verification run: krylov_schur() accepts the locked part of an
// earlier result and starts the active part afresh from another random vector. Its Ritz values
// are then those of A deflated by the earlier invariant subspace, so an eigenvalue the earlier
// run missed appears as a wanted Ritz value of the new one (docs/decisions/sparse-spectra.md).
#include <Eigen/Core>
#include <complex>
#include <functional>

namespace netdyn::detail {

/// y = A x; x and y have length n and do not alias.
using KrylovOperator = std::function<void(const double* x, double* y)>;
/// How much a Ritz value is wanted: larger first (Re theta for the rightmost, |theta| for the
/// largest modulus). Ties are broken by larger imaginary part.
using RitzScore = std::function<double(const std::complex<double>&)>;

struct KrylovSchurOptions {
  /// Eigenvalues to lock in this call (beyond the locked part passed in); a conjugate pair
  /// counts 2 and may overshoot by one.
  Eigen::Index wanted = 6;
  /// m: basis size that triggers a restart; wanted + locked + 2 <= m <= n.
  Eigen::Index subspace = 100;
  /// Lock a Schur vector (pair) when ||b_j|| <= tolerance * max(|theta_j|, eps^(2/3) ||T||).
  double tolerance = 1e-10;
  Eigen::Index max_restarts = 1000;
  /// Every this many restarts without convergence, the condition numbers of the wanted Ritz
  /// values in T are computed; above condition_limit the operator is (nearly) defective there
  /// and the run stops unconverged (0: never).
  Eigen::Index condition_check_interval = 50;
  double condition_limit = 1e12;
};

/// A partial real Schur form A Q ~ Q T of the operator: what has been locked.
struct KrylovSchurResult {
  Eigen::MatrixXd basis;      ///< n x k orthonormal Schur vectors Q
  Eigen::MatrixXd t;          ///< k x k quasi-triangular T (standardised 2x2 blocks)
  Eigen::VectorXcd values;    ///< eigenvalues of T in diagonal order (+imag first in a pair)
  double backward_error = 0;  ///< ||b_locked||_2: A Q = Q T + E with ||E||_2 <= this
  Eigen::Index restarts = 0;  ///< restarts of this call
  Eigen::Index products = 0;  ///< operator products of this call
  bool converged = false;     ///< `wanted` new eigenvalues locked within max_restarts
  /// Ritz values still active at the end (the wanted ones that did not converge, best first),
  /// and the largest condition number of T's eigenvalues in the final projection among the
  /// locked and these (for the non-convergence diagnosis)
  Eigen::VectorXcd unconverged;
  double condition = 1.0;
  /// Condition number 1/s of each locked eigenvalue (diagonal order) in the whole final
  /// projection S = [T, *; 0, T_active] (m x m), not only in T: a (nearly) defective W shows
  /// there, as the Jordan structure survives the projection
  Eigen::VectorXd conditions;
};

/// Lock `options.wanted` more eigenvalues of A (those with the highest `score`), starting from
/// `start` (made orthogonal to `locked.basis`). `locked` (empty for a first run) is kept as the
/// leading part of the decomposition. Throws std::invalid_argument for an inconsistent size.
[[nodiscard]] KrylovSchurResult krylov_schur(Eigen::Index n,
                                             const KrylovOperator& op,
                                             const RitzScore& score,
                                             const KrylovSchurOptions& options,
                                             const Eigen::VectorXd& start,
                                             const KrylovSchurResult& locked = {});

}  // namespace netdyn::detail
