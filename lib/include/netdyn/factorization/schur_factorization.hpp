#pragma once
/// \file schur_factorization.hpp
/// The one decomposition of the connectivity W that every dense analysis shares (issue 16;
/// docs/decisions/one-factorization.md): the real Schur form `W = Q T Q^T` (LAPACK dgees),
/// computed once, with what derives from it computed on demand and kept:
/// - the eigenvalues (T's diagonal blocks) and their netdyn order;
/// - the eigenvectors of T (LAPACK dtrevc3, no O(n^3) back-transformation), and of W as `Q V_T`
///   when asked for;
/// - the condition number of each eigenvalue, 1/|y^* x| (LAPACK dtrsna on T);
/// - kappa(V) = kappa(V_T) (Q is orthogonal, so the unit-column eigenvector matrices of W and T
///   have the same singular values) by Lanczos on the block-triangular V_T, no dense SVD;
/// - ||W||_2 = ||T||_2 and the Frobenius norm;
/// - the unordered complex Schur form (each 2x2 block split by one rotation, O(n^2)), for the
///   resolvent-based figures.
///
/// Every norm, gain and variance netdyn reports is unitarily invariant, so the report of W needs
/// T only: `analyse_network` builds the factorisation without Schur vectors (dgees 'N', about
/// 0.75x the cost with vectors). Eigenvectors of W, covariance matrices, Gramians and the Schur
/// basis itself need Q: build with `FactorizationOptions::schur_vectors = true` (the default).
///
/// \code
/// const netdyn::SchurFactorization f(w);           // one dgees
/// const double kappa = f.eigenvector_condition();  // dtrevc3 + Lanczos, kept
/// const auto report = netdyn::analyse_network(f);  // no further decomposition of W
/// \endcode

#include <Eigen/Core>
#include <memory>

namespace netdyn {

struct FactorizationOptions {
  /// Keep the orthogonal Schur basis Q (dgees with vectors). Without it, everything that needs Q
  /// (eigenvectors of W, covariance matrices, the Schur basis) throws std::logic_error.
  bool schur_vectors = true;
};
/// T only (dgees 'N'): for the eigenvalues and every unitarily invariant figure.
inline constexpr FactorizationOptions kWithoutSchurVectors{false};

class SchurFactorization {
 public:
  /// One real Schur decomposition of W.
  /// \throws std::invalid_argument W empty, non-square or not finite
  /// \throws NumericalError the QR algorithm did not converge
  explicit SchurFactorization(const Eigen::Ref<const Eigen::MatrixXd>& w,
                              const FactorizationOptions& options = {});
  /// The same, keeping `w`'s storage as matrix() (no n x n copy).
  explicit SchurFactorization(Eigen::MatrixXd&& w, const FactorizationOptions& options = {});
  ~SchurFactorization();
  SchurFactorization(SchurFactorization&&) noexcept;
  SchurFactorization& operator=(SchurFactorization&&) noexcept;
  SchurFactorization(const SchurFactorization&) = delete;
  SchurFactorization& operator=(const SchurFactorization&) = delete;

  [[nodiscard]] Eigen::Index size() const;
  /// W itself (kept for residuals and for the few figures defined entrywise).
  [[nodiscard]] const Eigen::MatrixXd& matrix() const;
  /// T: upper quasi-triangular, standardised 2x2 blocks `[[a, b], [c, a]]` (b c < 0) for
  /// complex pairs, in LAPACK's (unsorted) order.
  [[nodiscard]] const Eigen::MatrixXd& t() const;
  [[nodiscard]] bool has_schur_vectors() const;
  /// Q (orthogonal). \throws std::logic_error built without Schur vectors
  [[nodiscard]] const Eigen::MatrixXd& q() const;

  /// Eigenvalues in T's diagonal order (pairs adjacent, +i first).
  [[nodiscard]] const Eigen::VectorXcd& schur_eigenvalues() const;
  /// Eigenvalues in netdyn's order (decreasing real part, then decreasing imaginary part).
  [[nodiscard]] const Eigen::VectorXcd& eigenvalues() const;
  /// The permutation from T's order to netdyn's: `eigenvalues()(k) = schur_eigenvalues()(p(k))`.
  [[nodiscard]] const Eigen::VectorXi& eigenvalue_order() const;

  /// ||W||_F (scaled: no overflow of the squares).
  [[nodiscard]] double frobenius_norm() const;
  /// ||W||_2 = ||T||_2 (Lanczos on T^T T with quasi-triangular products; dense SVD for n <= 100).
  [[nodiscard]] double norm2() const;

  /// lambda_max((W + W^T)/2), for the numerical abscissa (dsyevr, largest only; the symmetric
  /// part is not similar to anything in the Schur form's structure, so this is the one O(n^3)
  /// step besides dgees; about 0.07x of it at n = 2000).
  [[nodiscard]] double symmetric_part_maximum() const;

  /// Right eigenvectors of T in T's order, real form: a pair at k, k+1 keeps the real part of
  /// the +i eigenvector in column k and its imaginary part in column k + 1. Columns scaled so
  /// that every complex eigenvector has unit 2-norm (a real column: norm 1; a pair's two
  /// columns: squared norms summing to 1). Block upper triangular with T's pattern.
  [[nodiscard]] const Eigen::MatrixXd& triangular_eigenvectors() const;
  /// Left eigenvectors of T in T's order (`u^* T = lambda u^*`), dtrevc3 'L' storage: a pair at
  /// k, k + 1 keeps the real and imaginary parts of the +i eigenvalue's u in columns k, k + 1;
  /// columns as dtrevc3 scales them. Kept.
  [[nodiscard]] const Eigen::MatrixXd& triangular_left_eigenvectors() const;
  /// Unit right eigenvectors of W in netdyn's order, largest entry real and positive:
  /// `Q V_T`, one product. \throws std::logic_error built without Schur vectors
  [[nodiscard]] Eigen::MatrixXcd eigenvectors() const;
  /// kappa(V) = ||V||_2 ||V^-1||_2 of the unit-column eigenvectors (1 for normal W), +inf when V
  /// is numerically singular (sigma_min <= n eps sigma_max: W numerically defective).
  [[nodiscard]] double eigenvector_condition() const;
  /// Condition number `1 / |y_i^* x_i|` of each eigenvalue (unit right and left eigenvectors
  /// x_i, y_i; Wilkinson's 1/s_i: to first order a perturbation E of W moves lambda_i by at most
  /// `||E||_2 / s_i`), in netdyn's order (as eigenvalues()); 1 for every eigenvalue of a normal
  /// W, the same value for both members of a conjugate pair, +inf when s_i = 0. Invariant under
  /// Q, so T suffices: left eigenvectors of T (dtrevc3 'L'), the kept right ones
  /// (triangular_eigenvectors()) and LAPACK dtrsna; O(n^3) for the eigenvectors, O(n^2) after.
  /// Not part of analyse_network.
  [[nodiscard]] const Eigen::VectorXd& eigenvalue_conditions() const;

  /// Complex Schur form of T, unordered: `T = G C G^*` with C upper triangular and G the block
  /// diagonal of the 2x2 rotations that split the pairs (MATLAB's rsf2csf), O(n^2). Then
  /// `W = (Q G) C (Q G)^*`.
  [[nodiscard]] const Eigen::MatrixXcd& complex_t() const;

 private:
  struct Cache;
  std::unique_ptr<Cache> cache_;
};

}  // namespace netdyn
