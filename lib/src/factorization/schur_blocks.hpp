#pragma once
// Private: the diagonal blocks of a real Schur factor T (1x1 entries and 2x2 blocks for complex
// pairs) and the split of each 2x2 block into complex triangular form (MATLAB's rsf2csf). Shared
// by schur.cpp (the ordered forms) and the Schur factorisation.
#include <Eigen/Core>
#include <complex>
#include <vector>

namespace netdyn::detail {

/// Size (1 or 2) of the diagonal block of quasi-triangular t starting at row k.
[[nodiscard]] Eigen::Index block_size(const Eigen::MatrixXd& t, Eigen::Index k);
/// The eigenvalue with positive imaginary part of [[a, b], [c, d]] (the larger one if real).
[[nodiscard]] std::complex<double> block_eigenvalue(double a, double b, double c, double d);
/// The leading eigenvalue of the block at k (its +i member for a pair).
[[nodiscard]] std::complex<double> leading_eigenvalue(const Eigen::MatrixXd& t, Eigen::Index k);
/// Eigenvalues of quasi-triangular t in diagonal order, pairs +i first.
[[nodiscard]] Eigen::VectorXcd real_schur_eigenvalues(const Eigen::MatrixXd& t);
/// The rotation G = [[x1, -conj(x2)], [x2, conj(x1)]] on rows/columns k, k+1 of one split block.
struct BlockRotation {
  Eigen::Index k = 0;
  std::complex<double> x1;
  std::complex<double> x2;
};
/// Split each 2x2 block of t (already complex, with t's real pattern) by the unitary rotation G_k
/// with G_k^* B G_k = [[mu, *], [0, conj(mu)]], Im mu > 0, applying it to t's rows and columns
/// and, when u is non-empty, to u's columns. O(n) per block. `rotations`, if given, receives
/// every G_k (G = their block diagonal: t on exit is G^* t G).
void split_schur_blocks(Eigen::MatrixXcd& t,
                        Eigen::MatrixXcd& u,
                        std::vector<BlockRotation>* rotations = nullptr);
/// ||t_real - G c G^*||_F for the rotations of a split (c: the complex form it produced), O(n^2):
/// how far the computed split is from a unitary similarity of t_real.
[[nodiscard]] double split_residual(const Eigen::MatrixXd& t_real,
                                    const Eigen::MatrixXcd& c,
                                    const std::vector<BlockRotation>& rotations);
/// ||G^* G - I||_F of the rotations (their off-diagonal products cancel exactly).
[[nodiscard]] double rotation_orthogonality(const std::vector<BlockRotation>& rotations);

}  // namespace netdyn::detail
