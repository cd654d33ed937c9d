#include "netdyn/dynamics/sde.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>
#include <sstream>
#include <unsupported/Eigen/MatrixFunctions>
#include <vector>

#include "core/checks.hpp"
#include "netdyn/core/random.hpp"
#include "netdyn/factorization/spectrum.hpp"

namespace netdyn {

std::string to_string(SdeMethod method) {
  return method == SdeMethod::kEulerMaruyama ? "euler-maruyama" : "exact";
}

SdeMethod parse_sde_method(const std::string& name) {
  if (name == "exact") return SdeMethod::kExactOu;
  if (name == "euler-maruyama") return SdeMethod::kEulerMaruyama;
  throw std::invalid_argument("SDE method '" + name +
                              "' is unknown; use 'exact' or 'euler-maruyama'");
}

Eigen::MatrixXd empirical_covariance(const Eigen::Ref<const Eigen::MatrixXd>& samples) {
  if (samples.cols() < 1) throw std::invalid_argument("empirical_covariance: no samples");
  const Eigen::VectorXd mean = samples.rowwise().mean();
  const Eigen::MatrixXd centred = samples.colwise() - mean;
  return centred * centred.transpose() / static_cast<double>(samples.cols());
}

namespace {

// A square root L of a symmetric positive semidefinite S (L L^T = S): Cholesky, or a clipped
// eigen-decomposition when rounding makes S slightly indefinite.
Eigen::MatrixXd psd_sqrt(const Eigen::MatrixXd& s) {
  const Eigen::MatrixXd sym = 0.5 * (s + s.transpose());
  const Eigen::LLT<Eigen::MatrixXd> llt(sym);
  if (llt.info() == Eigen::Success) return llt.matrixL();
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(sym);
  const Eigen::VectorXd root = eig.eigenvalues().cwiseMax(0.0).cwiseSqrt();
  return eig.eigenvectors() * root.asDiagonal();
}

}  // namespace

SdeRun simulate_sde(const Eigen::Ref<const Eigen::MatrixXd>& w, const SdeOptions& options) {
  const char* fn = "simulate_sde";
  detail::require_connectivity(fn, "W", w);
  detail::require_time_constant(fn, w, options.tau);
  detail::require_positive(fn, "options.dt", options.dt);
  detail::require_positive(fn, "options.duration", options.duration);
  if (!(options.sigma >= 0.0) || !std::isfinite(options.sigma)) {
    throw std::invalid_argument("simulate_sde: options.sigma = " + std::to_string(options.sigma) +
                                "; need a finite value >= 0");
  }
  if (options.batches < 2 || options.sample_every < 1) {
    throw std::invalid_argument("simulate_sde: need options.batches >= 2 and sample_every >= 1");
  }
  const Eigen::Index n = w.rows();
  for (const auto* v : {&options.input, &options.x0}) {
    if (v->size() != 0 && v->size() != n) {
      throw std::invalid_argument("simulate_sde: input/x0 has " + std::to_string(v->size()) +
                                  " entries but W is " + std::to_string(n) + "x" +
                                  std::to_string(n) + "; sizes must match");
    }
    detail::require_finite(fn, "input/x0", *v);
  }
  const double tau = options.tau;
  const double dt = options.dt;
  const Eigen::MatrixXd a = (w - Eigen::MatrixXd::Identity(n, n)) / tau;
  const Eigen::VectorXd b =
      options.input.size() == 0 ? Eigen::VectorXd::Zero(n) : Eigen::VectorXd(options.input / tau);
  const double c = options.noise == NoiseConvention::kUnit ? options.sigma * std::sqrt(2.0 / tau)
                                                           : options.sigma / tau;
  double burn_in = options.burn_in;
  if (burn_in < 0.0) {
    const double alpha = spectral_abscissa(compute_spectrum(w).eigenvalues);
    burn_in = alpha < 1.0 ? 10.0 * tau / (1.0 - alpha) : 0.0;
  }

  // Step matrices. Exact: F = e^{dt A}, g from [[A, b], [0, 0]], noise from Van Loan's
  // exp(dt [[-A, Q], [0, A^T]]) = [[., G12], [0, F22]], Sigma = F22^T G12.
  Eigen::MatrixXd f, l;
  Eigen::VectorXd g;
  if (options.method == SdeMethod::kExactOu) {
    Eigen::MatrixXd aug = Eigen::MatrixXd::Zero(n + 1, n + 1);
    aug.topLeftCorner(n, n) = dt * a;
    aug.topRightCorner(n, 1) = dt * b;
    const Eigen::MatrixXd e = aug.exp();
    f = e.topLeftCorner(n, n);
    g = e.topRightCorner(n, 1);
    Eigen::MatrixXd vl = Eigen::MatrixXd::Zero(2 * n, 2 * n);
    vl.topLeftCorner(n, n) = -dt * a;
    vl.topRightCorner(n, n) = dt * c * c * Eigen::MatrixXd::Identity(n, n);
    vl.bottomRightCorner(n, n) = dt * a.transpose();
    const Eigen::MatrixXd ev = vl.exp();
    const Eigen::MatrixXd sigma = ev.bottomRightCorner(n, n).transpose() * ev.topRightCorner(n, n);
    l = psd_sqrt(sigma);
  } else {
    f = Eigen::MatrixXd::Identity(n, n) + dt * a;
    g = dt * b;
    l = c * std::sqrt(dt) * Eigen::MatrixXd::Identity(n, n);
  }
  const bool diagonal_noise = options.method == SdeMethod::kEulerMaruyama;
  const double noise_scale = c * std::sqrt(dt);

  // The run is one pass in O(n^2) memory, so its length is limited by counting: the steps must
  // fit in Eigen::Index (a longer run could not be done anyway, at ~1e8 steps per second).
  const double step_count = std::ceil(burn_in / dt) + std::ceil(options.duration / dt);
  constexpr auto kMaxSteps = static_cast<double>(std::numeric_limits<Eigen::Index>::max());
  if (!(step_count < kMaxSteps)) {
    std::ostringstream why;
    why.precision(3);
    why << "the run would take duration/dt = " << options.duration << "/" << dt
        << " time steps (and " << burn_in << "/" << dt << " of burn-in); at most " << kMaxSteps
        << " can be counted, and at 1e8 steps per second that many would take "
        << kMaxSteps / 1e8 / 3.15e7 << " years";
    throw ParameterRangeError(fn, "duration", options.duration, why.str());
  }
  const auto burn_steps = static_cast<Eigen::Index>(std::ceil(burn_in / dt));
  const auto total_samples =
      static_cast<Eigen::Index>(std::ceil(options.duration / dt)) / options.sample_every;
  const Eigen::Index per_batch = std::max<Eigen::Index>(1, total_samples / options.batches);
  const Eigen::Index batches = std::min(options.batches, total_samples);
  const Eigen::Index used = per_batch * batches;

  RandomSource rng(options.seed);
  Eigen::VectorXd x = options.x0.size() == 0 ? Eigen::VectorXd::Zero(n) : options.x0;
  Eigen::VectorXd xi(n), next(n);
  SdeRun out;
  const auto step = [&]() {
    for (Eigen::Index i = 0; i < n; ++i) xi(i) = rng.normal();
    next.noalias() = f * x;
    next += g;
    if (diagonal_noise) {
      next += noise_scale * xi;
    } else {
      next.noalias() += l * xi;
    }
    x.swap(next);
    ++out.steps;
  };
  const auto check = [&]() {
    if (!x.allFinite()) {
      std::ostringstream msg;
      msg << "simulate_sde: the state became non-finite at t = "
          << static_cast<double>(out.steps) * dt << " (is W stable? spectral abscissa must be < 1)";
      throw NumericalError(msg.str());
    }
  };
  for (Eigen::Index k = 0; k < burn_steps; ++k) {
    step();
    if (k % 1024 == 0) check();
  }
  check();
  // Accumulate about a shift (the first sample) for a stable one-pass covariance.
  Eigen::VectorXd shift = x;
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(n);
  Eigen::MatrixXd sum2 = Eigen::MatrixXd::Zero(n, n);
  std::vector<Eigen::VectorXd> batch_sum(batches, Eigen::VectorXd::Zero(n));
  std::vector<double> batch_sq(batches, 0.0);
  Eigen::VectorXd d(n);
  for (Eigen::Index s = 0; s < used; ++s) {
    for (Eigen::Index k = 0; k < options.sample_every; ++k) step();
    if (s % 1024 == 0) check();
    d = x - shift;
    sum += d;
    sum2.selfadjointView<Eigen::Lower>().rankUpdate(d);
    const Eigen::Index bi = s / per_batch;
    batch_sum[bi] += d;
    batch_sq[bi] += d.squaredNorm();
  }
  check();
  const double m = static_cast<double>(used);
  const Eigen::VectorXd mean_d = sum / m;
  Eigen::MatrixXd cov = sum2.selfadjointView<Eigen::Lower>();
  cov = cov / m - mean_d * mean_d.transpose();
  out.mean = shift + mean_d;
  out.covariance = cov;
  out.total_variance = cov.trace();
  out.samples = used;
  // Batch b's variance about the global mean: (sum ||d||^2 - 2 mu.sum d + m_b ||mu||^2) / m_b.
  const double mb = static_cast<double>(per_batch);
  double mean_v = 0.0, sq_v = 0.0;
  for (Eigen::Index bi = 0; bi < batches; ++bi) {
    const double v = (batch_sq[bi] - 2.0 * mean_d.dot(batch_sum[bi])) / mb + mean_d.squaredNorm();
    mean_v += v;
    sq_v += v * v;
  }
  const auto nb = static_cast<double>(batches);
  mean_v /= nb;
  const double var_v = std::max(0.0, (sq_v / nb - mean_v * mean_v) * nb / (nb - 1.0));
  out.total_variance_standard_error = std::sqrt(var_v / nb);
  out.final_state = x;
  detail::ensure_finite_result(fn, "covariance", out.covariance);
  return out;
}

}  // namespace netdyn
