#pragma once
/// \file sde.hpp
/// Stochastic simulation of the linear rate network and its empirical covariance, the
/// Monte-Carlo check of the Lyapunov covariance (science.md 3.1, ../docs/conventions.md):
///
///   unit noise  `tau dx = (-x + W x + h) dt + sigma sqrt(2 tau) dB`  (W = 0: variance sigma^2)
///   raw noise   `tau dx = (-x + W x + h) dt + sigma dB`             (W = 0: sigma^2/(2 tau))
///
/// i.e. `dx = (A x + b) dt + c dB` with `A = (W - I)/tau`, `b = h/tau` and
/// `c = sigma sqrt(2/tau)` (unit) or `sigma/tau` (raw).
///
/// Methods: Euler-Maruyama `x += dt (A x + b) + c sqrt(dt) xi` (stationary covariance biased by
/// O(dt ||A||): use 3-5 % tolerances), and the exact discretisation of the Ornstein-Uhlenbeck
/// process `x_{k+1} = F x_k + g + L xi`, `F = e^{dt A}`, `g = int_0^dt e^{sA} b ds`,
/// `L L^T = c^2 int_0^dt e^{sA} e^{sA^T} ds` (Van Loan's block exponential), unbiased for every
/// dt. Normals come from netdyn::RandomSource (portable, seeded).
///
/// The total variance carries a batch-means standard error: the run after burn-in is cut into
/// `batches` consecutive batches, and the spread of their per-batch variances estimates the
/// Monte-Carlo error (valid when a batch is much longer than the slowest timescale).

#include <Eigen/Core>
#include <cstdint>
#include <string>

namespace netdyn {

enum class SdeMethod { kEulerMaruyama, kExactOu };
enum class NoiseConvention { kUnit, kRaw };
/// "euler-maruyama", "exact".
[[nodiscard]] std::string to_string(SdeMethod method);
/// Inverse of to_string(). \throws std::invalid_argument any other name (the message lists both)
[[nodiscard]] SdeMethod parse_sde_method(const std::string& name);

struct SdeOptions {
  double tau = 1.0;    ///< time constant (> 0)
  double sigma = 1.0;  ///< noise amplitude (>= 0)
  NoiseConvention noise = NoiseConvention::kUnit;
  SdeMethod method = SdeMethod::kExactOu;
  double dt = 0.01;               ///< time step, in the unit of tau (> 0)
  double duration = 1000.0;       ///< sampled time after burn-in (> 0)
  double burn_in = -1.0;          ///< discarded time; < 0: 10 slowest timescales (0 if W unstable)
  Eigen::Index batches = 20;      ///< batch means for the standard error (>= 2)
  Eigen::Index sample_every = 1;  ///< accumulate the covariance every k-th step (>= 1)
  std::uint64_t seed = 1;
  Eigen::VectorXd input;  ///< constant h (empty = 0)
  Eigen::VectorXd x0;     ///< initial state (empty = 0)
};

struct SdeRun {
  Eigen::VectorXd mean;                        ///< empirical mean
  Eigen::MatrixXd covariance;                  ///< empirical covariance (1/M normalisation)
  double total_variance = 0.0;                 ///< trace of covariance
  double total_variance_standard_error = 0.0;  ///< batch-means estimate
  Eigen::Index steps = 0;                      ///< time steps taken, burn-in included
  Eigen::Index samples = 0;                    ///< samples in the covariance
  Eigen::VectorXd final_state;
};

/// Simulate the linear network with noise and return the empirical covariance.
/// \throws std::invalid_argument W not square/finite, options out of range, sizes of input/x0
/// \throws NumericalError the state became non-finite (e.g. unstable W), message names the time
[[nodiscard]] SdeRun simulate_sde(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                  const SdeOptions& options = {});

/// Covariance of the columns of `samples` (n x M) about their mean, 1/M normalisation.
/// \throws std::invalid_argument fewer than 1 sample
[[nodiscard]] Eigen::MatrixXd empirical_covariance(
    const Eigen::Ref<const Eigen::MatrixXd>& samples);

}  // namespace netdyn
