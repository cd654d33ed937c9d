#include "netdyn/amplification/kreiss_constant.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
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
#include "factorization/triangular_condition.hpp"
#include "netdyn/amplification/stability_radius.hpp"
#include "netdyn/amplification/transient_envelope.hpp"
#include "netdyn/core/error.hpp"
#include "netdyn/factorization/schur_factorization.hpp"

namespace netdyn {
namespace {

using Index = Eigen::Index;

constexpr double kInf = std::numeric_limits<double>::infinity();
// Lanczos residual tolerances (relative, on 1/sigma_min^2). Every value is a lower bound on the
// ratio whatever the tolerance, so the tolerance only decides how close to the true ratio it is
// (the error goes as the square of the residual once the Ritz vector has found its
// eigenvector). The scan and the seeds only rank points; the local search needs singular
// vectors good enough for its gradients; the best point is evaluated once more at the
// resolvent's full accuracy.
constexpr double kScanTolerance = 1e-3;
constexpr double kSearchTolerance = 1e-7;
constexpr double kPolishTolerance = 1e-11;  // the local search's last steps
constexpr double kPolishFrom = 1e-8;        // ... from this predicted relative gain
constexpr double kFinalTolerance = 1e-13;
// Weight of the resolvent's fixed generic vector in a warm start: a cold jump (scan, seeds)
// keeps the pseudospectra's 5%; the local search's steps are small, and 0.1% saves a quarter of
// the Lanczos steps there (measured 12 -> 9 per evaluation at n = 500, residual 1e-7).
constexpr double kJumpFresh = 0.05;
constexpr double kLocalFresh = 1e-3;
// Real-axis scan: log-spaced x, two points per decade (a peak of x / sigma_min(xI - A) in log x is
// about a decade wide or more: for the Jordan-like 2 x 2 it is x w / (1 + x)^2, down by 20% a
// factor e away).
constexpr double kScanPerDecade = 2.0;
// Golden section in log x to this width (about 9 evaluations across the two scan steps); the
// Newton iteration from its result then converges on the axis in a few steps.
constexpr double kGoldenWidth = 3e-2;
// Off-axis seeds: Im z at the eigenvalues nearest the axis, and local searches from the best
// (those that are neither on a hill already climbed nor below half the best value's excess
// over 1).
constexpr Index kSeedEigenvalues = 6;
constexpr Index kIllConditionedSeeds = 2;
constexpr Index kConditionPool = 8;  // eigenvalues whose exact condition is computed
constexpr Index kOffAxisSearches = 2;
// Local search: trust-region Newton iteration.
constexpr int kMaxNewtonIterations = 30;
constexpr int kMaxBacktracks = 8;
constexpr double kDifferenceStep = 1e-4;  // finite-difference step for the curvature, relative to x
// Hamiltonian certificates at most (each finding a better Im z restarts the local search).
constexpr int kMaxCertificates = 3;
constexpr double kCertificateTolerance = 1e-10;  // StabilityRadiusOptions::tolerance

// f(x, y) = x / sigma_min((x + iy) I - C_s) on the scaled complex Schur factor C_s of A, with
// its gradient from the singular vectors. Remembers the best value (every evaluation is a lower
// bound on K) and the best on the real axis.
class ResolventRatio {
 public:
  struct Sample {
    double value = 0.0;
    double x = 0.0;
    double y = 0.0;
    Eigen::Vector2d gradient = Eigen::Vector2d::Zero();
  };

  explicit ResolventRatio(Eigen::MatrixXcd&& c_s) : resolvent_(std::move(c_s), 99) {}

  // sigma_min((x + iy) I - C_s) (at least the true value: a Ritz value of the inverse's Gram
  // matrix never exceeds its top eigenvalue).
  double sigma_min(double x, double y, double tol, double fresh) {
    ++evaluations_;
    const double s = resolvent_.sigma_min({x, y}, tol, fresh).sigma_min;
    if (!(s > 0.0) || !std::isfinite(s)) {
      throw NumericalError("kreiss_constant: sigma_min(zI - A) = " + std::to_string(s) +
                           " at Re z = " + std::to_string(x) +
                           " >= 0 for a stable W (A within rounding of instability)");
    }
    return s;
  }

  double value(double x, double y, double tol, double fresh) {
    const double s = sigma_min(x, y, tol, fresh);
    last_sigma_ = s;
    const double v = x / s;
    if (v > best_.value) best_ = {v, x, y, Eigen::Vector2d::Zero()};
    if (y == 0.0 && v > best_real_.value) best_real_ = {v, x, y, Eigen::Vector2d::Zero()};
    return v;
  }

  // The local search's evaluation: value and gradient of f = x / s,
  // f_x = 1/s - x s_x / s^2, f_y = -x s_y / s^2.
  Sample sample(double x, double y, double tol, double fresh = kLocalFresh) {
    Sample out;
    out.x = x;
    out.y = y;
    out.value = value(x, y, tol, fresh);
    const std::complex<double> ds = resolvent_.sigma_min_gradient();
    const double s = last_sigma_;
    out.gradient << 1.0 / s - x * ds.real() / (s * s), -x * ds.imag() / (s * s);
    return out;
  }

  [[nodiscard]] const Sample& best() const { return best_; }
  [[nodiscard]] const Sample& best_real() const { return best_real_; }
  [[nodiscard]] Index evaluations() const { return evaluations_; }

 private:
  detail::ResolventNorm resolvent_;
  Sample best_;
  Sample best_real_;
  double last_sigma_ = 0.0;
  Index evaluations_ = 0;
};

// Local maximum of f from (x, y): a trust-region Newton iteration in (x, y). The gradient is
// analytic; the Hessian is a forward difference of gradients (two more evaluations, close to
// the current point, so their Lanczos runs start warm). A step follows the Newton direction
// along each negative-curvature eigenvector of the Hessian and the gradient's sign (to the
// trust radius) along a positive-curvature one, so a saddle (the real axis when the maximum is
// off it: f is even in y, so its gradient vanishes there) is left uphill. A step that does not
// increase f is quartered; the search stops when the model's predicted gain is below
// tolerance * f. Every evaluated point is a lower bound, so an early stop only loses accuracy.
// Returns the last accepted point.
ResolventRatio::Sample local_maximum(ResolventRatio& f, double x, double y, double tolerance) {
  double lanczos = kSearchTolerance;
  ResolventRatio::Sample c = f.sample(x, y, lanczos, kJumpFresh);  // a jump from the last search
  double radius = 0.25 * x;
  // Near the maximum f_x = 1/s - x s_x/s^2 is a difference of nearly equal terms, so the
  // gradient's error (the Ritz vector's, ~ Lanczos residual / gap) limits how close the
  // iteration gets: below a predicted gain of kPolishFrom the singular vectors are refined.
  const auto refine = [&] {
    if (lanczos == kPolishTolerance) return false;
    lanczos = kPolishTolerance;
    c = f.sample(c.x, c.y, lanczos);
    return true;
  };
  for (int it = 0; it < kMaxNewtonIterations; ++it) {
    const double h = kDifferenceStep * c.x;
    const ResolventRatio::Sample sx = f.sample(c.x + h, c.y, lanczos);
    const ResolventRatio::Sample sy = f.sample(c.x, c.y + h, lanczos);
    Eigen::Matrix2d hessian;
    hessian.col(0) = (sx.gradient - c.gradient) / h;
    hessian.col(1) = (sy.gradient - c.gradient) / h;
    hessian = (0.5 * (hessian + hessian.transpose())).eval();
    if (c.y == 0.0) {
      // On the real axis f is even in y: f_y = 0 and f_xy = 0 exactly (the computed ones are
      // rounding and the forward difference's O(h)). With them zeroed the step stays on the
      // axis unless the axis is a saddle (f_yy > 0), and then it leaves along +y.
      c.gradient(1) = 0.0;
      hessian(0, 1) = hessian(1, 0) = 0.0;
    }
    const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> curvature(hessian);
    Eigen::Vector2d step = Eigen::Vector2d::Zero();
    for (int k = 0; k < 2; ++k) {
      Eigen::Vector2d e = curvature.eigenvectors().col(k);
      if (e(1) < 0.0 || (e(1) == 0.0 && e(0) < 0.0)) e = -e;  // a saddle on the axis: to y > 0
      const double g = e.dot(c.gradient);
      const double mu = curvature.eigenvalues()(k);
      step += (mu < 0.0 ? -g / mu : (g < 0.0 ? -radius : radius)) * e;
    }
    if (step.norm() > radius) step *= radius / step.norm();
    const auto model = [&] { return c.gradient.dot(step) + 0.5 * step.dot(hessian * step); };
    if (model() < kPolishFrom * c.value && refine()) continue;
    bool accepted = false;
    for (int b = 0; b < kMaxBacktracks && !accepted; ++b) {
      const double predicted = model();
      if (!(predicted > tolerance * c.value)) break;  // converged (or no uphill model step)
      // Keep Re z > 0: at most a factor 4 towards the axis per step.
      if (c.x + step(0) < 0.25 * c.x) step *= 0.75 * c.x / -step(0);
      const ResolventRatio::Sample t = f.sample(c.x + step(0), std::abs(c.y + step(1)), lanczos);
      if (t.value > c.value) {
        if (t.value - c.value > 0.75 * predicted && step.norm() >= 0.99 * radius) radius *= 2.0;
        c = t;
        accepted = true;
      } else {
        step *= 0.25;
        radius = step.norm();
      }
    }
    if (!accepted && !refine()) return c;
  }
  return c;
}

// Diagonal positions j (Im c(j, j) > 0) of the `count` most ill-conditioned eigenvalues of the
// upper triangular c, without the O(n^3) of all the left and right eigenvectors
// (SchurFactorization::eigenvalue_conditions, 0.3-0.4 dgees at n = 500). A first-order proxy
// ranks every eigenvalue in O(n^2) in all: ||x1|| ~ ||c(0:j, j)|| / sep_j and ||y2|| ~
// ||c(j, j+1:)|| / sep_j, sep_j the distance to the nearest other eigenvalue; the
// kConditionPool best by the proxy then get their exact condition
// (detail::triangular_eigenvalue_condition), and
// the best `count` of those are returned. A heuristic choice of seeds, nothing more: a
// condition that builds up along a long chain of couplings can escape the proxy.
std::vector<Index> most_ill_conditioned(const Eigen::MatrixXcd& c, Index count) {
  const Index n = c.rows();
  const Eigen::VectorXcd lambda = c.diagonal();
  std::vector<std::pair<double, Index>> proxy;
  for (Index j = 0; j < n; ++j) {
    if (!(lambda(j).imag() > 0.0)) continue;
    double sep = kInf;
    for (Index i = 0; i < n; ++i) {
      if (i != j) sep = std::min(sep, std::abs(lambda(i) - lambda(j)));
    }
    const double col = c.col(j).head(j).norm();
    const double row = c.row(j).tail(n - j - 1).norm();
    const double p = sep > 0.0 ? std::hypot(1.0, col / sep) * std::hypot(1.0, row / sep) : kInf;
    proxy.emplace_back(p, j);
  }
  const auto by_first_descending = [](const auto& p, const auto& q) { return p.first > q.first; };
  const std::size_t pool = std::min(proxy.size(), static_cast<std::size_t>(kConditionPool));
  std::partial_sort(proxy.begin(),
                    proxy.begin() + static_cast<std::ptrdiff_t>(pool),
                    proxy.end(),
                    by_first_descending);
  proxy.resize(pool);
  for (auto& [kappa, j] : proxy) kappa = detail::triangular_eigenvalue_condition(c, j);
  std::sort(proxy.begin(), proxy.end(), by_first_descending);
  std::vector<Index> out;
  for (std::size_t k = 0; k < proxy.size() && static_cast<Index>(k) < count; ++k) {
    out.push_back(proxy[k].second);
  }
  return out;
}

void validate(const char* fn,
              const Eigen::Ref<const Eigen::MatrixXd>& w,
              const KreissOptions& options) {
  detail::require_time_constant(fn, w, options.tau);
  if (!(options.tolerance >= 1e-14 && options.tolerance <= 1e-2)) {
    std::ostringstream msg;
    msg << fn << ": options.tolerance = " << options.tolerance
        << "; need 1e-14 <= tolerance <= 1e-2";
    throw std::invalid_argument(msg.str());
  }
  if (options.certify_max_n < 0) {
    throw std::invalid_argument(std::string(fn) + ": options.certify_max_n = " +
                                std::to_string(options.certify_max_n) + "; need >= 0");
  }
}

void require_stable(const char* fn, const SchurFactorization& factorization) {
  detail::require_stable(fn, factorization, "the resolvent is unbounded on Re z > 0");
}

// The envelope's upper bound holds for every t >= 0 if its horizon was automatic or the
// envelope had fallen to <= 0.999 at its end t_e: then g(t) <= g(t_e) g(t - t_e) for t > t_e.
double global_gain_upper_bound(const TransientEnvelope& envelope) {
  const Index m = envelope.norms.size();
  if (m == 0 || !(envelope.norms(m - 1) <= 0.999)) return kInf;
  return envelope.max_gain_upper_bound;
}

}  // namespace

std::string to_string(KreissLowerBoundSource source) {
  switch (source) {
    case KreissLowerBoundSource::kResolvent: return "resolvent";
    case KreissLowerBoundSource::kLimit: return "limit";
    case KreissLowerBoundSource::kTransientGain: return "transient_gain";
  }
  throw std::logic_error("to_string: unknown KreissLowerBoundSource (internal error in netdyn)");
}

KreissConstant kreiss_constant(const Eigen::Ref<const Eigen::MatrixXd>& w,
                               const KreissOptions& options) {
  constexpr const char* kFn = "kreiss_constant";
  detail::require_connectivity(kFn, "W", w);
  validate(kFn, w, options);
  return kreiss_constant(SchurFactorization(w, kWithoutSchurVectors), options);
}

KreissConstant kreiss_constant(const SchurFactorization& factorization,
                               const KreissOptions& options) {
  constexpr const char* kFn = "kreiss_constant";
  validate(kFn, factorization.matrix(), options);
  require_stable(kFn, factorization);
  TransientEnvelopeOptions eo;
  eo.tau = options.tau;
  eo.points = 2;
  return kreiss_constant(factorization, transient_envelope(factorization, eo), options);
}

KreissConstant kreiss_constant(const SchurFactorization& factorization,
                               const TransientEnvelope& envelope,
                               const KreissOptions& options) {
  constexpr const char* kFn = "kreiss_constant";
  validate(kFn, factorization.matrix(), options);
  require_stable(kFn, factorization);
  const Index n = factorization.size();
  const double tau = options.tau;
  KreissConstant out;
  out.upper_bound = global_gain_upper_bound(envelope);
  out.gain_lower_bound = envelope.max_gain / (std::exp(1.0) * static_cast<double>(n));
  if (out.upper_bound <= 1.0) {
    // The envelope certifies ||e^{tA}|| <= 1 (numerical abscissa <= 0): K = 1, the supremum of
    // x / sigma_min as x -> inf, not attained.
    out.lower_bound = 1.0;
    out.upper_bound = 1.0;
    out.lower_bound_source = KreissLowerBoundSource::kLimit;
    out.point = {kInf, 0.0};
    out.real_axis_point = kInf;
    out.line_upper_bound = kInf;
    return out;
  }

  // Scaled problem: A_s = (W - I)/s, s = ||W - I||_F, so ||A_s||_2 <= 1 and neither sigma_min
  // nor 1/sigma_min^2 over- or underflows for any tau; K is scale invariant, and a point z_s of
  // A_s is z_s s / tau for A. C_s = (C - I)/s is A_s's complex triangular factor.
  Eigen::MatrixXcd c_s = factorization.complex_t();
  c_s.diagonal().array() -= 1.0;
  // ||W - I||_F > 0 (W = I is unstable), without overflow: by the largest entry first (Eigen's
  // stableNorm costs 3 ms at n = 500, this 1 ms).
  const double largest = c_s.cwiseAbs().maxCoeff();
  c_s /= largest;
  const double frobenius = c_s.norm();
  c_s /= frobenius;
  const double scale = largest * frobenius;
  const double unscale = scale / tau;
  const Eigen::VectorXcd& values = factorization.eigenvalues();
  // The seeds' most ill-conditioned eigenvalues (O(n^2)), before C_s moves into the resolvent.
  std::vector<std::complex<double>> ill_conditioned;
  for (const Index j : most_ill_conditioned(c_s, kIllConditionedSeeds)) {
    ill_conditioned.push_back(c_s(j, j));
  }
  ResolventRatio f(std::move(c_s));

  // 1. The positive real axis: log-scan, then golden section around the best scan point. For
  // 0 < x < s0/2, s0 = sigma_min(A), sigma_min(xI - A) >= s0 - x > x, so the ratio is below 1
  // <= K: the scan starts at 0.4 s0 (a computed s0 is at least the true one). It ends at
  // 10 >= 10 ||A_s||_2, beyond which the ratio is at most 1 / (1 - omega/x) <= 1.11.
  const double lx0 = std::log(0.4 * f.sigma_min(0.0, 0.0, kScanTolerance, kJumpFresh));
  const double lx1 = std::log(10.0);
  const Index scan = std::max<Index>(
      3, static_cast<Index>(std::ceil((lx1 - lx0) / std::log(10.0) * kScanPerDecade)) + 1);
  const double dlx = (lx1 - lx0) / static_cast<double>(scan - 1);
  Index best_k = 0;
  double best_scan = -1.0;
  for (Index k = 0; k < scan; ++k) {
    const double v =
        f.value(std::exp(lx0 + dlx * static_cast<double>(k)), 0.0, kScanTolerance, kJumpFresh);
    if (v > best_scan) {
      best_scan = v;
      best_k = k;
    }
  }
  const auto negative_ratio = [&f](double log_x) {
    return -f.value(std::exp(log_x), 0.0, kScanTolerance, kLocalFresh);
  };
  const detail::GoldenSectionMinimum axis = detail::golden_section_minimum(
      negative_ratio,
      lx0 + dlx * static_cast<double>(std::max<Index>(0, best_k - 1)),
      lx0 + dlx * static_cast<double>(std::min<Index>(scan - 1, best_k + 1)),
      kGoldenWidth);
  const double x_axis = std::exp(axis.x);

  // 2. Off-axis seeds: Im z = Im lambda (upper half plane) of the eigenvalues nearest the axis
  // (at Re z = x_axis) and of the most ill-conditioned ones (near lambda_i, ||(zI - A)^{-1}|| ~
  // kappa_i / |z - lambda_i|, however far from the axis it is; at Re z = |Re lambda_i|, the
  // eigenvalue's own distance to the axis, where that model gives kappa_i / 2).
  struct Seed {
    double value;
    double x;
    double y;
  };
  // Eigenvalues of A_s = (lambda(W) - 1)/s: the nearest the axis at x_axis, then the most
  // ill-conditioned at their own distance to the axis.
  std::vector<std::pair<std::complex<double>, bool>> candidates;  // (lambda, at x_axis)
  for (Index k = 0; k < values.size() && static_cast<Index>(candidates.size()) < kSeedEigenvalues;
       ++k) {
    if (values(k).imag() > 0.0) candidates.emplace_back((values(k) - 1.0) / scale, true);
  }
  for (const std::complex<double>& lambda : ill_conditioned) candidates.emplace_back(lambda, false);
  std::vector<Seed> seeds;
  for (const auto& [lambda, at_axis] : candidates) {
    const double y = lambda.imag();
    const double a = -lambda.real();
    // A multiple eigenvalue (a defective one is the most ill-conditioned) is one seed (its
    // computed copies differ by ~sqrt(eps)), as is an ill-conditioned one among those nearest
    // the axis: seeds closer than 1e-3 of the dip width are one.
    if (std::any_of(seeds.begin(), seeds.end(), [&](const Seed& s) {
          return std::abs(s.y - y) < 1e-3 * a;
        })) {
      continue;
    }
    const double x = at_axis ? x_axis : a;
    seeds.push_back({f.value(x, y, kScanTolerance, kJumpFresh), x, y});
  }
  std::sort(
      seeds.begin(), seeds.end(), [](const Seed& p, const Seed& q) { return p.value > q.value; });
  // 3. Local maximisation from the real-axis maximum (polishes x on the axis, and leaves it if
  // it is a saddle there) and from the best seeds. A seed within Re z of a maximum already found
  // (in Im z, and within a factor 4 in Re z) is skipped: the resolvent norm varies on the scale
  // of the distance to the spectrum, which is at least Re z, so it lies on the same hill (for a
  // Gaussian W almost every seed does, and leads back to the real axis).
  std::vector<ResolventRatio::Sample> maxima;
  const auto search_from = [&](double x, double y) {
    maxima.push_back(local_maximum(f, x, y, options.tolerance));
  };
  search_from(x_axis, 0.0);
  Index searches = 0;
  for (const Seed& seed : seeds) {
    if (searches >= kOffAxisSearches) break;
    const bool known = std::any_of(maxima.begin(), maxima.end(), [&](const auto& m) {
      return std::abs(seed.y - m.y) < m.x && seed.x < 4.0 * m.x && seed.x > 0.25 * m.x;
    });
    // A seed below half the best's excess over 1 (the value far out, K >= 1) is no hill top.
    if (known || seed.value < 1.0 + 0.5 * (f.best().value - 1.0)) continue;
    search_from(seed.x, seed.y);
    ++searches;
  }

  // 4. Certificate of the inner maximum at the final Re z (small n): beta(A - xI) globally over
  // Im z by Boyd-Balakrishnan, seeded with the local maximiser. If it finds a smaller sigma_min
  // elsewhere on the line, that point is better: search locally from it and certify again.
  if (n <= options.certify_max_n) {
    StabilityRadiusOptions ro;
    ro.tau = tau;
    ro.tolerance = kCertificateTolerance;
    for (int round = 0; round < kMaxCertificates; ++round) {
      const ResolventRatio::Sample best = f.best();
      // A - xI = (W - (1 + x tau) I)/tau. The shift is rounded: the line certified is at
      // x' = (fl(1 + x tau) - 1)/tau (exact subtraction), within eps/(x tau) of x relatively.
      const double shift = 1.0 + best.x * scale;
      const double x = (shift - 1.0) / tau;
      const StabilityRadius line = detail::shifted_distance_to_instability(
          factorization, shift, ro, {{best.y * unscale, best.x * unscale}});
      out.hamiltonian_iterations += line.iterations;
      out.evaluations += line.evaluations;
      // sup_y x / sigma_min((x + iy) I - A) = x / beta(A - xI) <= x / (radius (1 - 2 tol)).
      out.line_upper_bound = x / (line.radius * (1.0 - 2.0 * kCertificateTolerance));
      out.line_certified = true;
      const double own = best.x * unscale / best.value;  // our sigma_min there (1/tau units)
      if (!(line.radius < own * (1.0 - 1e-9))) break;
      // A better Im z on this line: start from there (an attained value: radius is a computed
      // sigma_min, an upper bound on the true one).
      out.line_certified = false;
      (void)local_maximum(f, best.x, line.frequency / unscale, options.tolerance);
    }
  } else {
    out.line_upper_bound = kInf;
  }

  // The best point once more at the resolvent's full accuracy (a warm, fresh-mixed start).
  const ResolventRatio::Sample best = f.best();
  (void)f.value(best.x, best.y, kFinalTolerance, kJumpFresh);
  const ResolventRatio::Sample final_best = f.best();
  out.resolvent_value = final_best.value;
  out.point = {final_best.x * unscale, final_best.y * unscale};
  out.real_axis_value = f.best_real().value;
  out.real_axis_point = f.best_real().x * unscale;
  out.evaluations += f.evaluations();

  out.lower_bound = out.resolvent_value;
  out.lower_bound_source = KreissLowerBoundSource::kResolvent;
  if (out.lower_bound < 1.0) {
    out.lower_bound = 1.0;
    out.lower_bound_source = KreissLowerBoundSource::kLimit;
  }
  if (out.gain_lower_bound > out.lower_bound) {
    out.lower_bound = out.gain_lower_bound;
    out.lower_bound_source = KreissLowerBoundSource::kTransientGain;
  }
  detail::ensure_finite_result(kFn, "lower_bound", out.lower_bound);
  detail::ensure_finite_result(kFn, "point", std::abs(out.point));
  // K <= sup_t ||e^{tA}||: a resolvent value above the certified gain means the envelope is not
  // W's or one of the two computations failed (the 1e-8 covers the envelope's own rounding).
  if (out.lower_bound > out.upper_bound * (1.0 + 1e-8)) {
    std::ostringstream msg;
    msg.precision(17);
    msg << kFn << ": lower bound " << out.lower_bound << " (" << to_string(out.lower_bound_source)
        << ") exceeds the certified transient-gain bound " << out.upper_bound
        << "; the envelope passed is not W's, or a computation failed (n = " << n << ")";
    throw NumericalError(msg.str());
  }
  return out;
}

}  // namespace netdyn
