#include "netdyn/amplification/stability_radius.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "amplification/resolvent.hpp"
#include "amplification/shifted_stability_radius.hpp"
#include "amplification/stability_requirement.hpp"
#include "core/checks.hpp"
#include "core/golden_section.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/core/error.hpp"
#include "netdyn/factorization/schur_factorization.hpp"

namespace netdyn {
namespace {

using Index = Eigen::Index;

using detail::kEps;
constexpr Index kMaxIterations = 100;
// Eigenvalues of A nearest the imaginary axis whose frequencies |Im lambda| seed the level.
constexpr Index kSeedFrequencies = 8;
// Ritz residual of the inverse Lanczos: the top eigenvalue 1/sigma_min^2 to ~1e-13 relative or
// better (its error is quadratic in the residual once the Ritz vector has found its eigenvector).
constexpr double kLanczosTolerance = 1e-13;
// A polish moves omega only for a decrease of sigma_min above this relative size: smaller ones
// are rounding in the Lanczos value (and far below any tolerance), and would only blur omega* = 0
// at a real eigenvalue into 1e-9.
constexpr double kSignificantDecrease = 1e-13;

// f(omega) = sigma_min(A - i omega I) = sigma_min(i omega I - C_A), C_A the complex triangular
// factor of A (unitarily similar). A Ritz value never exceeds the eigenvalue it approximates, so
// every value is an upper bound on the true sigma_min, up to rounding: the level only ever
// descends to values that are attained.
class SigmaMin {
 public:
  explicit SigmaMin(const Eigen::MatrixXcd& c_a) : resolvent_(c_a, 99) {}
  double operator()(double omega) {
    ++evaluations_;
    return resolvent_.sigma_min({0.0, omega}, kLanczosTolerance).sigma_min;
  }
  [[nodiscard]] Index evaluations() const { return evaluations_; }

 private:
  detail::ResolventNorm resolvent_;
  Index evaluations_ = 0;
};

// The frequencies omega >= 0, ascending, at which gamma is a singular value of A - i omega I:
// the imaginary eigenvalues i omega of H(gamma) = [[T_A, -gamma I], [gamma I, -T_A^T]] (Byers
// 1988), T_A orthogonally similar to A, so H(gamma) to the Hamiltonian of A.
//
// "Imaginary" tolerance. The QR algorithm is backward stable but not structure preserving: it
// returns the eigenvalues of H + E, ||E|| ~ eps ||H||, so an eigenvalue on the axis moves off it by
// about kappa eps ||H|| (kappa its condition number), and a double one -- the two crossings merging
// as gamma approaches beta -- by up to sqrt(eps) ||H||. Accepting |Re mu| <= sqrt(eps) ||H|| keeps
// both (and simple ones with kappa up to 1/sqrt(eps)). It also accepts eigenvalues that are
// genuinely that close to the axis without being on it; that is harmless, because no crossing is
// trusted: every interval's midpoint is verified by a sigma_min evaluation, and the iteration
// stops when none of them lies below the level. ||H||_2 <= ||A||_2 + gamma.
std::vector<double> crossing_frequencies(const Eigen::MatrixXd& t_a, double gamma, double norm_a) {
  const Index n = t_a.rows();
  Eigen::MatrixXd h = Eigen::MatrixXd::Zero(2 * n, 2 * n);
  h.topLeftCorner(n, n) = t_a;
  h.bottomRightCorner(n, n) = -t_a.transpose();
  h.topRightCorner(n, n).diagonal().setConstant(-gamma);
  h.bottomLeftCorner(n, n).diagonal().setConstant(gamma);
  const Eigen::VectorXcd mu = lapack::eigenvalues_in_place(std::move(h));
  const double tolerance = std::sqrt(kEps) * (norm_a + gamma);
  std::vector<double> omegas;
  for (Index k = 0; k < mu.size(); ++k) {
    if (std::abs(mu(k).real()) <= tolerance) omegas.push_back(std::abs(mu(k).imag()));
  }
  std::sort(omegas.begin(), omegas.end());
  omegas.erase(std::unique(omegas.begin(), omegas.end()), omegas.end());
  return omegas;
}

void validate_options(const char* fn,
                      const Eigen::Ref<const Eigen::MatrixXd>& w,
                      const StabilityRadiusOptions& o) {
  detail::require_time_constant(fn, w, o.tau);
  if (!(o.tolerance > 0.0 && o.tolerance <= 0.1)) {
    std::ostringstream msg;
    msg << fn << ": options.tolerance = " << o.tolerance << "; need 0 < tolerance <= 0.1";
    throw std::invalid_argument(msg.str());
  }
}

}  // namespace

StabilityRadius distance_to_instability(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                        const StabilityRadiusOptions& options) {
  detail::require_connectivity("distance_to_instability", "W", w);
  validate_options("distance_to_instability", w, options);
  return distance_to_instability(SchurFactorization(w, kWithoutSchurVectors), options);
}

StabilityRadius distance_to_instability(const SchurFactorization& factorization,
                                        const StabilityRadiusOptions& options) {
  constexpr const char* kFn = "distance_to_instability";
  validate_options(kFn, factorization.matrix(), options);
  detail::require_stable(kFn,
                         factorization,
                         "A = (W - I)/tau has an eigenvalue on or right of the imaginary axis and "
                         "its distance to instability is 0");
  return detail::shifted_distance_to_instability(factorization, 1.0, options, {});
}

namespace detail {

StabilityRadius shifted_distance_to_instability(const SchurFactorization& factorization,
                                                double shift,
                                                const StabilityRadiusOptions& options,
                                                const std::vector<FrequencySeed>& extra_seeds) {
  constexpr const char* kFn = "distance_to_instability";
  const double tau = options.tau;
  const Eigen::VectorXcd& values = factorization.eigenvalues();  // values(0): largest real part
  // The iteration runs on A_s = (W - c I)/s, s = ||W - c I||_F (c = shift, 1 for A itself),
  // and scales back at the end: beta(A) = beta(A_s) s/tau, omega*(A) = omega*(A_s) s/tau. With
  // ||A_s||_2 <= 1 neither the Lanczos values 1/sigma_min^2 nor the Hamiltonian overflow or
  // underflow for any tau or scale of W that A itself can be represented in. T_s = (T - cI)/s
  // (real, for the Hamiltonian) and C_s = (C - cI)/s (complex triangular, for sigma_min) are
  // A_s's Schur factors.
  Eigen::MatrixXd t_a = factorization.t();
  t_a.diagonal().array() -= shift;
  const double scale = t_a.stableNorm();  // ||W - c I||_F > 0 (W = cI is unstable)
  t_a /= scale;
  Eigen::MatrixXcd c_a = factorization.complex_t();
  c_a.diagonal().array() -= shift;
  c_a /= scale;
  const double norm_a = 1.0;  // >= ||A_s||_2
  const double unscale = scale / tau;
  SigmaMin f(c_a);

  // Starting level: sigma_min at omega = 0 and at |Im lambda| of the eigenvalues nearest the
  // axis. sigma_min(A - i Im(lambda) I) <= |Re lambda|, so it starts at or below the normal
  // value min |Re lambda|, and for normal A is already beta.
  double gamma = std::numeric_limits<double>::infinity();
  double omega_best = 0.0;
  double seed_width = 0.0;  // |Re lambda(A)| of the best seed: the width of its dip, roughly
  const auto try_frequency = [&](double omega) {
    const double s = f(omega);
    if (s < gamma) {
      gamma = s;
      omega_best = omega;
    }
    return s;
  };
  const auto seed = [&](double omega, double width) {
    const double before = gamma;
    try_frequency(omega);
    if (gamma < before) seed_width = width;
  };
  seed(0.0, (shift - values(0).real()) / scale);
  for (Index k = 0; k < std::min<Index>(kSeedFrequencies, values.size()); ++k) {
    if (values(k).imag() != 0.0)
      seed(std::abs(values(k).imag()) / scale, (shift - values(k).real()) / scale);
  }
  for (const FrequencySeed& s : extra_seeds) seed(s.frequency * tau / scale, s.width * tau / scale);
  // Each Hamiltonian eigenvalue problem costs as much as a hundred or more sigma_min evaluations
  // (n = 1000: 2-6 s against 10-30 ms), so first descend to the bottom of the best seed's dip
  // (golden section over its width, ~35 evaluations): when that is the global minimum, as it
  // usually is, the first eigenvalue problem only certifies it.
  {
    const auto local = detail::golden_section_minimum(
        f, std::max(0.0, omega_best - seed_width), omega_best + seed_width, 1e-7 * seed_width);
    if (local.value < gamma * (1.0 - kSignificantDecrease)) {
      gamma = local.value;
      omega_best = local.x;
    }
  }

  // Boyd-Balakrishnan: the crossings at a level just below gamma bound the intervals where
  // sigma_min < level; jump to the lowest of their midpoints. f is even, so the crossings come
  // in pairs +-omega_j and the innermost interval (-omega_1, omega_1) has midpoint 0.
  StabilityRadius out;
  double bracket_lo = 0.0;
  double bracket_hi = 0.0;  // the last interval whose midpoint lowered gamma (empty: none)
  for (;;) {
    if (out.iterations >= kMaxIterations) {
      std::ostringstream msg;
      msg.precision(17);
      msg << kFn << ": the level iteration did not converge in " << kMaxIterations
          << " Hamiltonian eigenvalue problems (level " << gamma * unscale
          << " at omega = " << omega_best * unscale << "), n = " << factorization.size();
      throw NumericalError(msg.str());
    }
    const double level = gamma * (1.0 - 2.0 * options.tolerance);
    const std::vector<double> crossings = crossing_frequencies(t_a, level, norm_a);
    ++out.iterations;
    if (crossings.empty()) break;
    double best = level;
    double best_omega = 0.0;
    double best_lo = 0.0;
    double best_hi = 0.0;
    for (std::size_t j = 0; j < crossings.size(); ++j) {
      const double lo = j == 0 ? 0.0 : crossings[j - 1];
      const double hi = crossings[j];
      const double mid = j == 0 ? 0.0 : 0.5 * (lo + hi);
      const double s = try_frequency(mid);
      if (s < best) {
        best = s;
        best_omega = mid;
        best_lo = lo;
        best_hi = hi;
      }
    }
    if (!(best < level)) break;  // no verified frequency below the level: beta >= level
    gamma = best;
    omega_best = best_omega;
    bracket_lo = best_lo;
    bracket_hi = best_hi;
  }

  // omega*: gamma is within the tolerance of beta, but sigma_min is flat at its minimum, so the
  // midpoint that attained it may lie sqrt(tolerance) away from the minimiser. Polish in the last
  // interval where sigma_min was below the level (no effect on gamma beyond the tolerance, except
  // that it can only decrease).
  if (bracket_hi > bracket_lo) {
    const auto polished =
        detail::golden_section_minimum(f, bracket_lo, bracket_hi, 1e-7 * (bracket_hi - bracket_lo));
    if (polished.value < gamma * (1.0 - kSignificantDecrease)) {
      gamma = polished.value;
      omega_best = polished.x;
    }
  }
  out.radius = gamma * unscale;
  out.frequency = omega_best * unscale;
  out.evaluations = f.evaluations();
  detail::ensure_finite_result(kFn, "distance_to_instability", out.radius);
  detail::ensure_finite_result(kFn, "distance_to_instability_frequency", out.frequency);
  if (!(out.radius > 0.0)) {
    throw NumericalError(
        std::string(kFn) + ": sigma_min vanished on the imaginary axis for a " +
        "stable W (A within rounding of instability), n = " + std::to_string(factorization.size()));
  }
  return out;
}

}  // namespace detail
}  // namespace netdyn
