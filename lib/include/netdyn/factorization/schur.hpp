#pragma once
/// \file schur.hpp
/// Schur decompositions of the connectivity W, ordered so that the diagonal runs by decreasing
/// real part (docs/conventions.md), with the split `T = Lambda + N` into the normal part Lambda
/// (the eigenvalues) and the strictly upper "feedforward" part N (Murphy & Miller 2009;
/// Goldman 2009; Hennequin, Vogels & Gerstner 2012).
///
/// Complex Schur: `W = U T U^*`, U unitary, T upper triangular. Its strictly upper part N holds
/// the hidden feedforward weights between Schur modes; `||N||_F` is Henrici's departure from
/// normality and is the same for every Schur form of W (science.md section 0), although N itself
/// depends on the eigenvalue order and on the phases of U's columns.
///
/// Real Schur: `W = Q T Q^T`, Q orthogonal, T quasi-triangular with standardised 2x2 blocks
/// `[[a, b], [c, a]]` (b c < 0) for complex-conjugate pairs.
///
/// Cost: the complex form is computed by default from the real one (LAPACK dgees, about 25 n^3
/// flops with vectors; shared with every other analysis through SchurFactorization) followed by
/// a blocked reordering (Kressner 2006: dtrexc swaps inside small diagonal windows, their
/// accumulated rotations applied to the rest by gemm, about 4.4 n^3 flops at level 3) and the
/// real-to-complex conversion of each 2x2 block by one complex Givens rotation (MATLAB's
/// rsf2csf, O(n^2) in all). This is several times cheaper than complexifying W and calling zgees,
/// which is also available (ComplexSchurMethod::kZgees) as an independent route.

#include <Eigen/Core>
#include <string>

namespace netdyn {

class SchurFactorization;  // schur_factorization.hpp

/// Order of the diagonal of T.
enum class SchurOrder {
  kDecreasingRealPart,  ///< netdyn's order: decreasing real part, then decreasing imaginary part
  kIncreasingRealPart,  ///< increasing real part, then decreasing imaginary part
  kNone,                ///< as LAPACK's QR algorithm leaves it (fastest)
};

/// Route to the complex Schur form.
enum class ComplexSchurMethod {
  kViaRealSchur,  ///< dgees + dtrexc on the real form, then 2x2 blocks split by Givens rotations
  kZgees,  ///< complexify W, zgees, then ztrexc (what scipy.linalg.schur(output='complex') does)
};

struct SchurOptions {
  SchurOrder order = SchurOrder::kDecreasingRealPart;             ///< diagonal order of T
  ComplexSchurMethod method = ComplexSchurMethod::kViaRealSchur;  ///< complex form only
  /// Also compute backward_error and orthogonality_error (three real matrix products, 6 n^3
  /// flops); otherwise both are reported as -1.
  bool compute_errors = true;
  /// Also form `feedforward` and `normal_part` as n x n matrices (two more n x n buffers);
  /// otherwise both are empty (feedforward_norm is always computed).
  bool compute_parts = true;
};

/// `W = U T U^*` with U unitary and T upper triangular.
struct ComplexSchurForm {
  Eigen::MatrixXcd u;             ///< unitary Schur basis (columns = Schur modes)
  Eigen::MatrixXcd t;             ///< upper triangular; diagonal = eigenvalues in `order`
  Eigen::VectorXcd eigenvalues;   ///< diagonal of t
  Eigen::MatrixXcd feedforward;   ///< N: strictly upper part of t (t = diag(eigenvalues) + N)
  Eigen::MatrixXcd normal_part;   ///< Lambda: diagonal part of t, as a dense matrix
  double feedforward_norm = 0.0;  ///< ||N||_F = Henrici departure of W
  /// `||W - U T U^*||_F / ||W||_F`, evaluated as `||W U - U T||_F / ||W||_F` (equal for unitary
  /// U; the two differ by at most `||T||_F orthogonality_error / ||W||_F`). Via the real form
  /// (the default route), the upper bound `(||W Q - Q T_r||_F + ||T_r - G T G^*||_F)/||W||_F`
  /// with G the 2x2 rotations that split the real form's blocks (U = Q G). 0 for W = 0;
  /// -1 when not computed.
  double backward_error = -1.0;
  /// `||U^* U - I||_F` (via the real form: the bound `||Q^T Q - I||_F + ||G^* G - I||_F`);
  /// -1 when not computed.
  double orthogonality_error = -1.0;
};

/// `W = Q T Q^T` with Q orthogonal and T quasi-triangular (2x2 blocks for complex pairs).
struct RealSchurForm {
  Eigen::MatrixXd u;             ///< orthogonal Schur basis Q
  Eigen::MatrixXd t;             ///< quasi-triangular; blocks ordered by decreasing real part
  Eigen::VectorXcd eigenvalues;  ///< block eigenvalues in diagonal order (pairs: +i first)
  Eigen::MatrixXd feedforward;   ///< t outside its diagonal 1x1 and 2x2 blocks
  Eigen::MatrixXd normal_part;   ///< t's block diagonal (1x1 entries and 2x2 blocks)
  /// `||feedforward||_F`. Unlike the complex case this is *not* the Henrici departure: a 2x2
  /// block `[[a, b], [c, d]]` is itself non-normal unless a = d and b = -c.
  double feedforward_norm = 0.0;
  /// Henrici departure `||N||_F` of the complex Schur form, from the real one without
  /// cancellation: feedforward_norm^2 plus `(a - d)^2 + (b + c)^2` per 2x2 block.
  double henrici_departure = 0.0;
  double backward_error = -1.0;       ///< `||W - Q T Q^T||_F / ||W||_F` (as `||WQ - QT||_F/..`)
  double orthogonality_error = -1.0;  ///< `||Q^T Q - I||_F`
};

/// Complex Schur form of a real W, diagonal ordered by `options.order`.
/// Ordering swaps adjacent diagonal entries (one swap per inversion of the order, in windows);
/// a swap of two (nearly) equal eigenvalues is never needed because equal real parts keep their
/// relative order (except complex pairs, +i first).
/// \throws std::invalid_argument W empty, non-square or not finite
/// \throws NumericalError the QR algorithm did not converge, two blocks were too ill-conditioned
///         to swap, or the result is not finite
[[nodiscard]] ComplexSchurForm complex_schur(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                             const SchurOptions& options = {});

/// The ordered complex form from W's factorisation (needs its Schur vectors; options.method is
/// ignored: always via the real form). No decomposition of W.
/// \throws std::logic_error the factorisation has no Schur vectors
/// \throws NumericalError as complex_schur()
[[nodiscard]] ComplexSchurForm complex_schur(const SchurFactorization& factorization,
                                             const SchurOptions& options = {});

/// Real Schur form of W (LAPACK dgees), blocks ordered by `options.order` (dtrexc);
/// `options.method` is ignored.
/// \throws std::invalid_argument W empty, non-square or not finite
/// \throws NumericalError as complex_schur()
[[nodiscard]] RealSchurForm real_schur(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                       const SchurOptions& options = {});
/// The ordered real form from W's factorisation (needs its Schur vectors).
[[nodiscard]] RealSchurForm real_schur(const SchurFactorization& factorization,
                                       const SchurOptions& options = {});

/// "decreasing-real", "increasing-real", "none".
[[nodiscard]] std::string to_string(SchurOrder order);
/// Inverse of to_string(SchurOrder). \throws std::invalid_argument for any other text
[[nodiscard]] SchurOrder parse_schur_order(const std::string& text);

}  // namespace netdyn
