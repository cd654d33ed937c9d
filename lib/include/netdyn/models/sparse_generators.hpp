#pragma once
/// \file sparse_generators.hpp
/// Sparse random excitatory-inhibitory connectivity for large networks (n up to 10^7), built in
/// O(nnz) without a dense intermediate and written as Matrix Market by write_sparse_matrix().
///
/// Model (science.md section 5.2, Rajan & Abbott 2006; Harris et al. 2023 for sparse Dale
/// matrices): column j is presynaptic neuron j; the first `n_E = round(f n)` columns are
/// excitatory, the rest inhibitory, and **Dale's law** holds: every nonzero of an excitatory
/// column is > 0, of an inhibitory column < 0. Each row i (postsynaptic neuron) receives either
/// exactly K distinct inputs (**fixed in-degree**, partners uniform without replacement) or each
/// input independently with probability p (Erdős–Rényi). Magnitudes are w_E and
/// w_I = gamma w_E, optionally log-normal with coefficient of variation `weight_cv` (the sign,
/// hence Dale's law, is kept). **Balanced rows**: each row's inhibitory weights are rescaled so
/// that the row sums to zero (W 1 = 0), the construction of ../shared/bench/peer_scipy.py.
///
/// Dense generators (Gaussian, dense E-I) are in generators.hpp. All randomness comes from
/// RandomSource, so a seed gives the same matrix on every platform.

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <cstdint>

namespace netdyn {

struct SparseEIOptions {
  Eigen::Index n = 1000;             ///< neurons (matrix size), >= 1
  double excitatory_fraction = 0.8;  ///< f in [0, 1]; columns [0, round(f n)) are excitatory
  /// K: inputs per row (distinct partners), 0 <= K <= n (n - 1 without self-connections).
  /// Set to -1 to draw each entry with `connection_probability` instead.
  Eigen::Index in_degree = 100;
  double connection_probability = 0.1;  ///< p in [0, 1], used only when in_degree == -1
  double excitatory_weight = 0.08;      ///< w_E >= 0 (0.08 = 0.8 / sqrt(100), the peer's value)
  double inhibition_ratio = 4.0;        ///< gamma >= 0: w_I = -gamma w_E (4 balances f = 0.8)
  double weight_cv = 0.0;  ///< >= 0: magnitudes log-normal with this CV (mean kept); 0 = constant
  bool balance_rows = false;     ///< rescale inhibition so that every row sums to zero
  bool self_connections = true;  ///< allow W_ii != 0
  std::uint64_t seed = 1;        ///< RandomSource seed
};

struct SparseNetwork {
  Eigen::SparseMatrix<double> w;  ///< n x n, compressed, Dale's law by columns
  Eigen::Index n_excitatory = 0;  ///< excitatory columns are [0, n_excitatory)
  /// Rows that balance_rows could not balance (inputs of one sign only); such a row keeps its
  /// one-signed sum. 0 when balance_rows is off.
  Eigen::Index unbalanced_rows = 0;
};

/// Random sparse E-I matrix as described in the file comment. Cost O(nnz) time and memory.
/// \throws std::invalid_argument an option out of range (the message names it and the range)
[[nodiscard]] SparseNetwork sparse_ei_network(const SparseEIOptions& options = {});

/// Random-matrix predictions for sparse_ei_network() without row balancing, from the
/// per-element means and variances (Harris et al. 2023 as restated in science.md 5.2):
/// `mu_k = alpha E|w_k|` (signed), `sigma_k^2 = alpha E[w_k^2] - mu_k^2`, alpha = K / n or p.
struct SparseEIPrediction {
  double outlier = 0.0;      ///< `n [f mu_E + (1 - f) mu_I]`: eigenvalue from the mean (1 W 1 / n)
  double bulk_radius = 0.0;  ///< `sqrt(n [f sigma_E^2 + (1 - f) sigma_I^2])`
};
/// \throws std::invalid_argument as sparse_ei_network()
[[nodiscard]] SparseEIPrediction predict_sparse_ei_spectrum(const SparseEIOptions& options);

/// True when every nonzero in columns [0, n_excitatory) is > 0 and in the others < 0.
[[nodiscard]] bool satisfies_dale(const Eigen::SparseMatrix<double>& w, Eigen::Index n_excitatory);

}  // namespace netdyn
