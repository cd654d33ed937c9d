#pragma once
// Private: the diagonal blocks of a real Schur factor T (1x1 entries and 2x2 blocks for complex
// pairs) and the split of each 2x2 block into complex triangular form (MATLAB's rsf2csf). Shared
// by schur.cpp (the ordered forms) and the Schur factorisation.
#include <Eigen/Core>
#include <complex>

namespace netdyn::detail {

/// Size (1 or 2) of the diagonal block of quasi-triangular t starting at row k.
[[nodiscard]] Eigen::Index block_size(const Eigen::MatrixXd& t, Eigen::Index k);
/// The eigenvalue with positive imaginary part of [[a, b], [c, d]] (the larger one if real).
[[nodiscard]] std::complex<double> block_eigenvalue(double a, double b, double c, double d);
/// The leading eigenvalue of the block at k (its +i member for a pair).
[[nodiscard]] std::complex<double> leading_eigenvalue(const Eigen::MatrixXd& t, Eigen::Index k);
/// Eigenvalues of quasi-triangular t in diagonal order, pairs +i first.
[[nodiscard]] Eigen::VectorXcd real_schur_eigenvalues(const Eigen::MatrixXd& t);
/// Split each 2x2 block of t (already complex, with t's real pattern) by the unitary rotation G_k
/// with G_k^* B G_k = [[mu, *], [0, conj(mu)]], Im mu > 0, applying it to t's rows and columns
/// and, when u is non-empty, to u's columns. O(n) per block.
void split_schur_blocks(Eigen::MatrixXcd& t, Eigen::MatrixXcd& u);

}  // namespace netdyn::detail
