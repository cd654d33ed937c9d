#pragma once
/// \file random.hpp
/// A portable seeded random source: the same seed gives the same numbers on every machine and
/// standard library (std::normal_distribution and friends are implementation-defined, so netdyn
/// never uses them). Engine: xoshiro256** (Blackman & Vigna 2018) seeded through splitmix64;
/// normals by the Marsaglia polar method in plain double arithmetic.

#include <Eigen/Core>
#include <array>
#include <cstdint>

namespace netdyn {

class RandomSource {
 public:
  /// Seed the four 64-bit state words with splitmix64(seed), as recommended by the authors.
  explicit RandomSource(std::uint64_t seed);
  /// Next raw 64-bit output.
  std::uint64_t next_u64();
  /// Uniform on the open interval (0, 1), 53 random bits.
  double uniform();
  /// Standard normal N(0, 1) (Marsaglia polar method; caches the second variate).
  double normal();
  /// Bernoulli(p).
  bool bernoulli(double p) { return uniform() < p; }
  /// Uniform integer in [0, bound) without modulo bias (bound > 0).
  std::uint64_t below(std::uint64_t bound);
  /// A matrix of independent N(0, 1) entries, filled column by column.
  Eigen::MatrixXd normal_matrix(Eigen::Index rows, Eigen::Index cols);

 private:
  std::array<std::uint64_t, 4> s_{};
  bool has_spare_ = false;
  double spare_ = 0.0;
};

}  // namespace netdyn
