#pragma once
// Test matrices with known properties. Seeded std::mt19937_64 + Box-Muller in double arithmetic:
// identical on every platform (std::normal_distribution is not).
#include <Eigen/Core>
#include <Eigen/QR>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

namespace netdyn::testing {

/// Machine epsilon and pi, shared so that the test files can be compiled as one unity TU.
constexpr double kEps = std::numeric_limits<double>::epsilon();
const double kPi = std::acos(-1.0);

/// rho * N(0,1) / sqrt(n) entries (circular law radius rho), deterministic for a seed.
inline Eigen::MatrixXd gaussian(Eigen::Index n, double rho, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const double two_pi = 2.0 * std::acos(-1.0);
  auto uniform = [&rng] { return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53; };
  Eigen::MatrixXd w(n, n);
  for (Eigen::Index k = 0; k < w.size(); k += 2) {
    const double r = std::sqrt(-2.0 * std::log(uniform()));
    const double t = two_pi * uniform();
    w.data()[k] = r * std::cos(t);
    if (k + 1 < w.size()) w.data()[k + 1] = r * std::sin(t);
  }
  return rho * w / std::sqrt(static_cast<double>(n));
}

/// Orthogonal Q of the QR of an n x n Gaussian matrix (Haar-like), deterministic for a seed.
inline Eigen::MatrixXd random_orthogonal(Eigen::Index n, std::uint64_t seed) {
  return Eigen::HouseholderQR<Eigen::MatrixXd>(gaussian(n, 1.0, seed)).householderQ();
}

/// The 3 x 3 matrix the readable test files hold (tests/data/good, tests/data/formats).
inline Eigen::MatrixXd reference_matrix() {
  Eigen::MatrixXd m(3, 3);
  m << 1.0, 2.0, 3.0, 4.0, 5.5, -6.0, 7.0, 8.0, 9.25;
  return m;
}

inline Eigen::MatrixXd symmetric(Eigen::Index n, std::uint64_t seed) {
  const Eigen::MatrixXd g = gaussian(n, 1.0, seed);
  return 0.5 * (g + g.transpose());
}

inline Eigen::MatrixXd tridiagonal_toeplitz(Eigen::Index n, double a, double b, double c) {
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  w.diagonal().setConstant(a);
  w.diagonal(-1).setConstant(b);
  w.diagonal(1).setConstant(c);
  return w;
}

/// W = I + Q T Q^T, T with n/2 nonnormal 2 x 2 blocks [[-0.5, 2 omega], [-omega/2, -0.5]]
/// (eigenvalues -0.5 +- i omega, omega evenly in [5, 30]; -0.5 last for odd n) and a random
/// strictly upper coupling of scale 3/sqrt(n) above them, Q orthogonal from the QR of a Gaussian
/// matrix: an oscillatory network with a peaked envelope (bench/verify_gain.py's third case,
/// other draws).
inline Eigen::MatrixXd oscillatory_network(Eigen::Index n, std::uint64_t seed) {
  Eigen::MatrixXd t = gaussian(n, 3.0, seed).triangularView<Eigen::StrictlyUpper>();
  const Eigen::Index blocks = n / 2;
  for (Eigen::Index b = 0; b < blocks; ++b) {
    const double omega =
        blocks > 1 ? 5.0 + 25.0 * static_cast<double>(b) / static_cast<double>(blocks - 1) : 5.0;
    const Eigen::Index i = 2 * b;
    t(i, i) = t(i + 1, i + 1) = -0.5;
    t(i, i + 1) = 2.0 * omega;
    t(i + 1, i) = -0.5 * omega;
  }
  if (n % 2 != 0) t(n - 1, n - 1) = -0.5;
  const Eigen::MatrixXd q =
      Eigen::HouseholderQR<Eigen::MatrixXd>(gaussian(n, 1.0, seed + 1)).householderQ();
  return Eigen::MatrixXd::Identity(n, n) + q * t * q.transpose();
}

/// Jordan-like W = [[0, w], [0, 0]], A = W - I = [[-1, w], [0, -1]] (science.md 2.1).
inline Eigen::MatrixXd jordan_like(double w) {
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(2, 2);
  m(0, 1) = w;
  return m;
}

/// Murphy & Miller 2009: W = [[w, -k w], [w, -k w]].
inline Eigen::MatrixXd balanced_ei(double w, double k) {
  Eigen::MatrixXd m(2, 2);
  m << w, -k * w, w, -k * w;
  return m;
}

// A 7 x 7 stable A (W = A + I) with strongly oscillating transients (eigenvalues -1 +- 25i,
// -1 +- 20i, -1 +- 10i, -1, coupled in a block upper triangle and rotated by a fixed orthogonal
// Q): the envelope has many local maxima, narrower than a coarse grid's step; the Kreiss
// constant is attained off the real axis. (std::normal_distribution: the matrix the
// transient-envelope tests were written against, with this standard library.)
inline Eigen::MatrixXd oscillatory_7x7() {
  Eigen::MatrixXd t = Eigen::MatrixXd::Zero(7, 7);
  const double omegas[] = {25.0, 20.0, 10.0};
  for (int b = 0; b < 3; ++b) {
    t(2 * b, 2 * b) = -1.0;
    t(2 * b + 1, 2 * b + 1) = -1.0;
    t(2 * b, 2 * b + 1) = omegas[b];
    t(2 * b + 1, 2 * b) = -omegas[b];
  }
  t(6, 6) = -1.0;
  std::mt19937_64 rng(2017);
  std::normal_distribution<double> normal(0.0, 1.0);
  for (int j = 0; j < 7; ++j) {
    for (int i = 0; i < j; ++i) {
      if (i / 2 != j / 2) t(i, j) = 6.0 * normal(rng);
    }
  }
  Eigen::MatrixXd g(7, 7);
  for (Eigen::Index k = 0; k < g.size(); ++k) g(k) = normal(rng);
  const Eigen::MatrixXd q = Eigen::HouseholderQR<Eigen::MatrixXd>(g).householderQ();
  return q * t * q.transpose();
}

}  // namespace netdyn::testing
