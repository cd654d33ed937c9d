#pragma once
/// \file generators.hpp
/// Seeded random connectivity matrices. Every draw comes from netdyn::RandomSource
/// (xoshiro256** + Marsaglia polar normals, random.hpp), consumed in a documented order, so the
/// same options and seed give the same matrix on every machine and standard library.
///
/// Conventions (docs/conventions.md): `W[i][j]` is the weight from column j (presynaptic) to row
/// i; with Dale's law the first `n_E = round(f n)` columns are excitatory (>= 0 in the mean) and
/// the rest inhibitory (<= 0). Random-matrix facts: science.md section 5 (circular law radius
/// `sqrt(n var(W_ij))`; Rajan & Abbott 2006 for E/I columns).

#include <Eigen/Core>
#include <cstdint>
#include <string>

namespace netdyn {

struct GaussianOptions {
  Eigen::Index n = 0;      ///< size, >= 1
  double rho = 1.0;        ///< circular-law radius, >= 0: entries N(0, rho^2/n)
  std::uint64_t seed = 0;  ///< RandomSource seed
};

/// `W = rho * randn(n, n) / sqrt(n)`, drawn column by column (the seeds' convention, science.md
/// 5.1: eigenvalues fill the disk of radius rho as n grows).
/// \throws std::invalid_argument n < 1 or n^2 > kMaxDenseEntries, rho negative or not finite
[[nodiscard]] Eigen::MatrixXd gaussian_connectivity(const GaussianOptions& options);

/// Distribution of a connected weight given its population's mean and standard deviation.
enum class WeightDistribution {
  kGaussian,   ///< N(mean, sd^2), as Rajan & Abbott; single weights may cross zero when sd > 0
  kLognormal,  ///< sign(mean) * lognormal with that mean and sd: Dale's law holds entry by entry
};

struct DaleOptions {
  Eigen::Index n = 0;                   ///< size, >= 1
  double excitatory_fraction = 0.8;     ///< f in [0, 1]; columns 0..round(f n)-1 are excitatory
  double mean_e = 0.0;                  ///< mean of a connected E weight, >= 0
  double sd_e = 0.0;                    ///< its standard deviation, >= 0
  double mean_i = 0.0;                  ///< mean of a connected I weight, <= 0
  double sd_i = 0.0;                    ///< its standard deviation, >= 0
  double connection_probability = 1.0;  ///< p in (0, 1]: each weight present with probability p
  /// Subtract from the connected weights of each row a constant so that the row's random part
  /// sums to zero: every row of W then sums to `p n (f mean_e + (1 - f) mean_i)` exactly
  /// (0 for balanced means). Rajan & Abbott's fix for the local outliers of balanced networks;
  /// with p < 1 it keeps the sparsity pattern (Harris et al. 2023's partial form). It may flip
  /// the sign of single small weights.
  bool zero_row_sums = false;
  WeightDistribution distribution = WeightDistribution::kGaussian;
  std::uint64_t seed = 0;  ///< RandomSource seed
};

/// E-I matrix with Dale's law. Entry statistics (per entry, connected or not):
/// `E W_ij = p mean_k`, `Var W_ij = p sd_k^2 + p (1 - p) mean_k^2` (k = population of column j),
/// so the bulk radius is `sqrt(n [f Var_E + (1 - f) Var_I])` and the mean part adds an outlier
/// near `n p (f mean_e + (1 - f) mean_i)` (science.md 5.2).
/// Draw order: column by column, top to bottom; per entry one uniform (only if p < 1) and, if
/// connected, one normal.
/// \throws std::invalid_argument n < 1 or too large, f outside [0, 1], p outside (0, 1],
///         mean_e < 0, mean_i > 0, negative sd, a non-finite value, or a lognormal population
///         with mean 0 and sd > 0
[[nodiscard]] Eigen::MatrixXd dale_connectivity(const DaleOptions& options);

/// "gaussian", "lognormal". \throws std::invalid_argument (parse) for any other text
[[nodiscard]] std::string to_string(WeightDistribution distribution);
[[nodiscard]] WeightDistribution parse_weight_distribution(const std::string& text);

}  // namespace netdyn
