#pragma once
/// \file spectrum.hpp
/// Eigenvalues of the connectivity W, in netdyn's order (docs/conventions.md): decreasing real
/// part, then decreasing imaginary part. Dense spectra go through LAPACK `dgeev`.
///
/// Model: `tau dr/dt = -r + W r + h`, `A = (W - I)/tau`; the network is stable iff every
/// eigenvalue of W has real part < 1, i.e. `spectral_abscissa(W) < 1`.

#include <Eigen/Core>
#include <string>

namespace netdyn {

class SchurFactorization;  // schur_factorization.hpp

struct SpectrumOptions {
  /// eigenvalues wanted, largest real part first; 0 = all. A conjugate pair cut by the count is
  /// kept whole (count + 1 values; see complete_conjugate_pair()).
  Eigen::Index count = 0;
  bool compute_eigenvectors = false;  ///< also return right eigenvectors (dense path)
  /// also return each eigenvalue's condition number (SchurFactorization::eigenvalue_conditions:
  /// left and right eigenvectors of T, each O(n^3) but about 0.1-0.2x dgees at n = 1000)
  bool compute_eigenvalue_conditions = false;
};

struct Spectrum {
  Eigen::VectorXcd eigenvalues;  ///< sorted by decreasing real part, then decreasing imaginary part
  Eigen::MatrixXcd eigenvectors;  ///< unit 2-norm columns in the same order; empty unless requested
  /// `1 / |y_i^* x_i|` (unit right and left eigenvectors) in the same order, +inf for a
  /// numerically defective eigenvalue; empty unless requested
  Eigen::VectorXd eigenvalue_conditions;
  std::string method = "dense";  ///< "dense" (the real Schur form, LAPACK dgees) or "krylov"
};

/// All (or the `count` rightmost) eigenvalues of W from its Schur factorisation (eigenvectors:
/// `Q V_T`, which needs the Schur vectors). No decomposition beyond the factorisation's.
/// \throws std::invalid_argument options.count outside [0, n]
/// \throws std::logic_error eigenvectors asked of a factorisation without Schur vectors
[[nodiscard]] Spectrum compute_spectrum(const SchurFactorization& factorization,
                                        const SpectrumOptions& options = {});
/// The same for a dense square W: one SchurFactorization (LAPACK dgees, with Schur vectors only
/// when eigenvectors are asked for). Cost O(n^3) (about 10 n^3 flops without vectors, 25 n^3
/// with).
/// \throws std::invalid_argument W empty, non-square or not finite; options.count outside [0, n]
/// \throws NumericalError the QR algorithm did not converge
[[nodiscard]] Spectrum compute_spectrum(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                        const SpectrumOptions& options = {});

/// Sort eigenvalues in netdyn's order (decreasing real part, then decreasing imaginary part);
/// returns the permutation applied (`sorted(k) = values(order(k))`).
Eigen::VectorXi sort_eigenvalues(Eigen::VectorXcd& values);

/// How many of `ordered` (netdyn order, conjugate pairs adjacent with the +imag member first) to
/// keep so that the first `count` are not cut inside a conjugate pair: `count`, or `count + 1`
/// when `ordered(count - 1)` has positive imaginary part and `ordered(count)` is its conjugate
/// (to a relative 1e-12: computed pairs of a real matrix are exact conjugates). The conjugate of
/// a real W's eigenvalue is an eigenvalue too, so a cut pair would report half of one mode.
[[nodiscard]] Eigen::Index complete_conjugate_pair(
    const Eigen::Ref<const Eigen::VectorXcd>& ordered, Eigen::Index count);

/// `max_i Re lambda_i` (-inf for an empty vector).
[[nodiscard]] double spectral_abscissa(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues);
/// `max_i |lambda_i|` (0 for an empty vector).
[[nodiscard]] double spectral_radius(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues);
/// Stability of `tau dr/dt = -r + W r`: `spectral_abscissa(W) < 1`.
[[nodiscard]] bool is_stable(const Eigen::Ref<const Eigen::VectorXcd>& eigenvalues_of_w);

/// Circular-law radius `sqrt(n var(W_ij))` of a dense n x n W, the variance taken over all n^2
/// entries: the radius of the eigenvalue disk of an i.i.d. random W (Girko; science.md 5.1).
/// The sparse overload lives in sparse_spectrum.hpp. \throws std::invalid_argument W empty,
/// non-square or not finite
[[nodiscard]] double circular_law_radius(const Eigen::Ref<const Eigen::MatrixXd>& w);

/// 2-norm condition number `kappa(V) = ||V|| ||V^-1||` of an eigenvector matrix with unit columns
/// (EigTool's `cond(V)`), 1 for a normal matrix. Returns +infinity when V is numerically singular
/// (`sigma_min <= n eps sigma_max`), i.e. W is (numerically) defective.
[[nodiscard]] double eigenvector_condition(const Eigen::Ref<const Eigen::MatrixXcd>& eigenvectors);
/// kappa(V) of W from its factorisation: kappa(V_T) of the eigenvectors of T, by Lanczos on the
/// block-triangular V_T (no dense SVD above n = 100); SchurFactorization::eigenvector_condition.
[[nodiscard]] double eigenvector_condition(const SchurFactorization& factorization);

/// Fixed-point type of a planar linear system `x' = J x` from `T = tr J`, `D = det J`
/// (Rosenbaum App. A.9, with the errata of docs/conventions.md): D < 0 saddle; D > 0 and T^2 >= 4D
/// node, T^2 < 4D spiral, stable iff T < 0; T = 0 < D centre; D = 0 degenerate (a line of fixed
/// points or a zero eigenvalue).
enum class FixedPointType {
  kStableNode,
  kUnstableNode,
  kStableSpiral,
  kUnstableSpiral,
  kSaddle,
  kCentre,
  kDegenerate,
};
/// Classify by trace and determinant; |T| and |D| below `tolerance` count as zero.
[[nodiscard]] FixedPointType classify_planar(double trace,
                                             double determinant,
                                             double tolerance = 0.0);
/// Classify the Jacobian J of a 2x2 system; zero tests use 8 eps ||J||_F (and its square for D).
/// \throws std::invalid_argument J not 2x2 or not finite
[[nodiscard]] FixedPointType classify_planar(const Eigen::Ref<const Eigen::MatrixXd>& jacobian);
/// "stable node", "unstable node", "stable spiral", "unstable spiral", "saddle", "centre",
/// "degenerate".
[[nodiscard]] std::string to_string(FixedPointType type);

}  // namespace netdyn
