#include "netdyn/amplification/transient_envelope.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <optional>
#include <sstream>
#include <vector>

#include "amplification/envelope_norm.hpp"
#include "amplification/stability_requirement.hpp"
#include "amplification/transient_gain_search.hpp"
#include "core/checks.hpp"
#include "core/lanczos.hpp"
#include "core/matrix_exponential.hpp"
#include "core/matrix_ring.hpp"
#include "factorization/quasi_triangular.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/amplification/nonnormality.hpp"
#include "netdyn/factorization/schur_factorization.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace netdyn {
namespace {

using Index = Eigen::Index;
using detail::EnvelopePoint;
using detail::NormEvaluator;
using detail::QuasiTriangularAlgebra;

// An upper bound on ||A||_2 = ||(W - I)/tau||_2 (= ||T||_2 for its Schur factor T).
double estimate_norm2(const Eigen::Ref<const Eigen::MatrixXd>& w, double tau) {
  const Index n = w.rows();
  detail::TopEigenLanczos<double> lanczos(n, std::min<Index>(n, 30));
  Eigen::VectorXd tmp(n);
  const auto apply = [&](const auto& x, Eigen::VectorXd& y) {
    tmp.noalias() = w * x;
    tmp -= x;
    y.noalias() = w.transpose() * tmp;
    y -= tmp;
  };
  // ||W - I||_2 first, then / tau: (W - I)^T (W - I) / tau^2 would overflow tau^2 for tau above
  // 1e154 and underflow the operator's entries long before A itself does.
  const auto r = lanczos.run(apply, Eigen::VectorXd::LinSpaced(n, 1.0, 2.0), 1e-4);
  // Lanczos approaches from below; the factor covers the 1e-4 residual test generously.
  return 1.1 * std::sqrt(std::max(r.value, 0.0)) / tau;
}

// Threads for one envelope (decided once per call: the Schur form beside the numerical
// abscissa, the doubling products, the grid): below n ~ 100 a product takes tens of
// microseconds and forking costs more than it saves.
int grid_threads(Index n, Index points) {
#ifdef _OPENMP
  if (n < 100) return 1;
  return static_cast<int>(std::max<Index>(1, std::min<Index>(omp_get_max_threads(), points / 8)));
#else
  (void)n;
  (void)points;
  return 1;
#endif
}

// The grid's formed matrices are E_m = e^{S m dt T}, one product apart (stride S); the points
// between them are evaluated as ||e^{r dt T} E_m||, r = 1..S-1, without forming the product:
// from gram_r = e^{r dt T}^T e^{r dt T}, each Lanczos step on E_m^T gram_r E_m is three passes
// over a triangle instead of two, while forming the product would cost a matrix product (at
// n = 500 ~1.7 ms single-threaded, against ~20 extra passes of ~18 us). S = 3 balances the two
// threads at n = 500, 50 points: the producer forms 16 matrices and evaluates the 17 points on
// them, the reader the other 33.
constexpr Index kStride = 3;

// step[r] = e^{r dt T} for r = 1..S (step[0] unused), gram[r] = upper triangle of
// step[r]^T step[r] for r = 1..S-1.
struct GridSteps {
  std::vector<Eigen::MatrixXd> step;
  std::vector<Eigen::MatrixXd> gram;
  std::vector<Eigen::MatrixXd> spare;  // the exponential's unused buffers, for the grid's matrices
};

// Grid point k from e = E_m, m = k / S (I for m = 0).
EnvelopePoint evaluate_point(NormEvaluator& evaluator,
                             const Eigen::VectorXd& times,
                             Index k,
                             const Eigen::MatrixXd& e,
                             const GridSteps& steps,
                             double tol) {
  const auto r = static_cast<std::size_t>(k % kStride);
  if (r == 0) return evaluator.evaluate(times(k), e, tol);
  if (k < kStride) return evaluator.evaluate(times(k), steps.step[r], tol);
  return evaluator.evaluate(times(k), steps.step[r], steps.gram[r], e, tol);
}

struct GridPlan {
  const Eigen::MatrixXd& t;
  const QuasiTriangularAlgebra& algebra;
  const Eigen::VectorXd& times;
  double tol;
  int threads;  // grid_threads
  [[nodiscard]] Index points() const { return times.size(); }
  [[nodiscard]] Index formed() const { return (points() + kStride - 1) / kStride; }
  // Grid points that read E_m.
  [[nodiscard]] int reads(Index m) const {
    return static_cast<int>(std::min(kStride, points() - kStride * m));
  }
  // The buffers move on from the exponential's workspace: every fresh n x n buffer costs its
  // first touch, here ~1 ms per 2 MB.
  [[nodiscard]] GridSteps make_steps(int step_threads = 1) const {
    detail::ExponentialWorkspace ws;
    std::vector<Eigen::MatrixXd> pool;
    GridSteps s;
    s.step.resize(kStride + 1);
    s.gram.resize(kStride);
    algebra.exp(t, times(1) - times(0), s.step[1], ws, step_threads);
    for (Eigen::MatrixXd* m : {&ws.b1, &ws.b2, &ws.b3, &ws.b6, &ws.x, &ws.q91}) {
      pool.push_back(std::move(*m));
    }
    const auto take = [&] {
      Eigen::MatrixXd m;
      if (!pool.empty()) {
        m = std::move(pool.back());
        pool.pop_back();
      }
      return m;
    };
    for (Index r = 2; r <= kStride; ++r) {
      const auto ru = static_cast<std::size_t>(r);
      s.step[ru] = take();
      algebra.multiply(s.step[1], s.step[ru - 1], s.step[ru], step_threads);
    }
    if (points() > kStride) {
      for (std::size_t r = 1; r < static_cast<std::size_t>(kStride); ++r) {
        s.gram[r] = take();
        algebra.gram(s.step[r], s.gram[r], step_threads);
      }
    }
    s.spare = std::move(pool);
    return s;
  }
};

void evaluate_grid_serial(const GridPlan& plan,
                          GridSteps& steps,
                          std::vector<EnvelopePoint>& grid) {
  const Index n = plan.t.rows();
  NormEvaluator evaluator(plan.t, plan.algebra);
  steps.spare.resize(2);
  Eigen::MatrixXd& e = steps.spare[0];
  Eigen::MatrixXd& next = steps.spare[1];
  e.setIdentity(n, n);
  next.resize(n, n);
  for (Index m = 0; m < plan.formed(); ++m) {
    if (m > 0) {
      plan.algebra.multiply(steps.step[kStride], e, next);
      e.swap(next);
    }
    for (Index k = kStride * m; k < std::min(plan.points(), kStride * (m + 1)); ++k) {
      grid[static_cast<std::size_t>(k)] =
          evaluate_point(evaluator, plan.times, k, e, steps, plan.tol);
    }
  }
}

// The envelope on the uniform grid `times` (times(k) = k dt). With several threads: the step
// matrices first, each product's column blocks shared by the threads; then one thread (the
// producer) forms the matrices E_m, a sequential chain of products, and evaluates the points
// k = S m on them, while the others (the readers) evaluate the points in between as the
// matrices appear, in a fixed assignment (so the Lanczos warm starts, and the results to the
// last bit, depend on the thread count only). Two threads each with single-threaded BLAS beat
// one chain split over both cores: dtrmm on these corners gains ~1.6x from a second core, the
// memory-bound matrix-vector products ~1.2x.
std::vector<EnvelopePoint> evaluate_grid(const GridPlan& plan) {
  const Index n = plan.t.rows();
  std::vector<EnvelopePoint> grid(static_cast<std::size_t>(plan.points()));
  const int threads = plan.threads;
  if (threads == 1) {
    GridSteps steps = plan.make_steps();
    evaluate_grid_serial(plan, steps, grid);
    return grid;
  }
#ifdef _OPENMP
  const lapack::SingleThreadedBlas single;
  // The step exponentials first, their products' column blocks shared by the threads: otherwise
  // the readers would wait for them (~20 ms at n = 500).
  GridSteps steps = plan.make_steps(threads);
  // Three slots: the producer may form E_{m+1} and E_{m+2} while E_m is being read.
  detail::MatrixRing ring(n, n, std::move(steps.spare), 3);
  std::exception_ptr error;
#pragma omp parallel num_threads(threads)
  {
    const int team = omp_get_num_threads();
    const int id = omp_get_thread_num();
    try {
      if (team == 1) {
        evaluate_grid_serial(plan, steps, grid);
      } else if (id == 0) {
        NormEvaluator evaluator(plan.t, plan.algebra);
        const Eigen::MatrixXd* previous = nullptr;
        for (Index m = 0; m < plan.formed(); ++m) {
          Eigen::MatrixXd& e = ring.slot_for(m);
          if (m == 0) {
            e.setIdentity();
          } else {
            plan.algebra.multiply(steps.step[kStride], *previous, e);
          }
          ring.publish(m, plan.reads(m));
          previous = &e;
          grid[static_cast<std::size_t>(kStride * m)] =
              evaluate_point(evaluator, plan.times, kStride * m, e, steps, plan.tol);
          ring.done(m);
        }
      } else {
        const int readers = team - 1;
        NormEvaluator evaluator(plan.t, plan.algebra);
        Index mine = 0;  // index among the points readers evaluate
        for (Index k = 0; k < plan.points(); ++k) {
          if (k % kStride == 0 || mine++ % readers != id - 1) continue;
          const Eigen::MatrixXd& e = ring.wait_for(k / kStride);
          grid[static_cast<std::size_t>(k)] =
              evaluate_point(evaluator, plan.times, k, e, steps, plan.tol);
          ring.done(k / kStride);
        }
      }
    } catch (const detail::MatrixRing::Aborted&) {
      // another thread failed; its exception is reported
    } catch (...) {
#pragma omp critical(netdyn_envelope_error)
      if (!error) error = std::current_exception();
      ring.abort();
    }
  }
  if (error) std::rethrow_exception(error);
#endif
  return grid;
}

void validate(const char* fn,
              const Eigen::Ref<const Eigen::MatrixXd>& w,
              const TransientEnvelopeOptions& o) {
  detail::require_connectivity(fn, "W", w);
  detail::require_time_constant(fn, w, o.tau);
  detail::require_positive(fn, "time_tolerance", o.time_tolerance);
  if (!(o.gain_tolerance >= 1e-13 && o.gain_tolerance < 1.0)) {
    std::ostringstream msg;
    msg << fn << ": options.gain_tolerance = " << o.gain_tolerance
        << "; need a relative width in [1e-13, 1) (rounding limits it below 1e-13)";
    throw std::invalid_argument(msg.str());
  }
  if (!(o.t_max >= 0.0) || !std::isfinite(o.t_max)) {
    std::ostringstream msg;
    msg << fn << ": options.t_max = " << o.t_max << "; need a finite value >= 0 (0 = automatic)";
    throw std::invalid_argument(msg.str());
  }
  if (o.points < 2) {
    throw std::invalid_argument(std::string(fn) + ": options.points = " + std::to_string(o.points) +
                                "; need at least 2 grid points");
  }
  // Every e^{tA} on [0, t_max] is formed from tA (scaled and squared): ||t_max A|| must be a
  // double. ||A||_2 <= ||A||_F <= n max|W - I|_ij / tau.
  const double a_bound =
      static_cast<double>(w.rows()) *
      ((w - Eigen::MatrixXd::Identity(w.rows(), w.cols())).cwiseAbs().maxCoeff() / o.tau);
  if (a_bound > 0.0 && !(o.t_max * a_bound < std::numeric_limits<double>::max())) {
    std::ostringstream why;
    why.precision(3);
    why << "the exponentials e^{tA} up to t_max are formed from t A, and t_max n max|A_ij| = "
        << o.t_max * a_bound << " exceeds the double range; for this W and tau t_max must be < "
        << std::numeric_limits<double>::max() / a_bound;
    throw ParameterRangeError(fn, "t_max", o.t_max, why.str());
  }
}

}  // namespace

TransientEnvelope transient_envelope(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                     const TransientEnvelopeOptions& options) {
  validate("transient_envelope", w, options);
  return transient_envelope(SchurFactorization(w, kWithoutSchurVectors), options);
}

TransientEnvelope transient_envelope(const SchurFactorization& factorization,
                                     const TransientEnvelopeOptions& options) {
  constexpr const char* kFn = "transient_envelope";
  const Eigen::MatrixXd& w = factorization.matrix();
  validate(kFn, w, options);
  const Index n = w.rows();
  const double tau = options.tau;
  TransientEnvelope out;
  const int threads = grid_threads(n, options.points);
  out.numerical_abscissa = numerical_abscissa(factorization, tau);
  // A = (W - I)/tau = Q ((T - I)/tau) Q^T: the envelope is that of T_A = (T - I)/tau.
  Eigen::MatrixXd t = factorization.t();
  t.diagonal().array() -= 1.0;
  t /= tau;
  if (options.t_max == 0.0) {
    detail::require_stable(
        kFn, factorization, "||exp(tA)|| grows without bound; give options.t_max");
  }
  const QuasiTriangularAlgebra algebra(t);
  // Grid norms: Ritz residual 1e-9 gives the value to ~1e-9 even with clustered top singular
  // values (and ~1e-18 otherwise); the certified search asks for more.
  const double tol = 1e-9;
  const bool automatic = options.t_max == 0.0;
  const bool growth = out.numerical_abscissa > 0.0;
  const bool certify = growth && options.refine_maximum;

  // Horizon and maximum: the doubling sequence from a short step, then the branch and bound of
  // transient_gain_search.hpp. Automatic horizon: the first doubling time with ||e^{tA}|| <= 0.1
  // (the supremum is attained before any time where the norm is below 1).
  std::optional<detail::TransientGainSearch> search;
  if (automatic || certify) {
    // With the grid's threads, these products share their column blocks among them too, on
    // single-threaded BLAS: a woken OpenBLAS worker would spin on the grid's cores (~0.1 s).
    std::optional<lapack::SingleThreadedBlas> single;
    if (threads > 1) single.emplace();
    detail::GainSearchSettings settings;
    const double norm2 = estimate_norm2(w, tau);
    settings.first_step = norm2 > 0.0 ? 0.125 / norm2 : 1.0;
    settings.omega = out.numerical_abscissa;
    settings.tolerance = options.gain_tolerance;
    settings.t_max = options.t_max;
    settings.time_tolerance = options.time_tolerance;
    settings.certify = certify;
    settings.threads = threads;
    search.emplace(t, algebra, settings);
  }
  const double t_end = automatic ? search->horizon() : options.t_max;

  // Uniform grid, for the plot (evaluate_grid: one short-step exponential, then one product per
  // kStride points).
  const Index points = options.points;
  out.times = Eigen::VectorXd::LinSpaced(points, 0.0, t_end);
  // Two points on the automatic horizon (the report's case): the ends are I and the doubling
  // sequence's last node, which the search has evaluated; the grid would form e^{t_end T} again
  // by a general exponential (about a dozen products).
  std::optional<EnvelopePoint> horizon_point;
  if (points == 2 && automatic) horizon_point = search->horizon_point();
  std::vector<EnvelopePoint> grid =
      horizon_point ? std::vector<EnvelopePoint>{EnvelopePoint{}, *horizon_point}
                    : evaluate_grid(GridPlan{t, algebra, out.times, tol, threads});
  out.norms.resize(points);
  for (Index k = 0; k < points; ++k) out.norms(k) = grid[static_cast<std::size_t>(k)].norm;
  detail::ensure_finite_result(kFn, "envelope", out.norms);
  if (!growth) {
    // ||e^{tA}|| <= e^{omega t} is non-increasing: the maximum is exactly 1 at t = 0.
    out.max_gain = 1.0;
    out.max_gain_upper_bound = 1.0;
    out.max_time = 0.0;
    return out;
  }
  // At t = 0, E = I: the Lanczos value there is 1 up to rounding; the envelope rises from it
  // at rate omega > 0, so the maximum lies at some t > 0.
  out.norms(0) = 1.0;
  Index best = 0;
  for (Index k = 1; k < points; ++k) {
    if (out.norms(k) > out.norms(best)) best = k;
  }
  out.max_gain = out.norms(best);
  out.max_time = out.times(best);
  out.max_gain_upper_bound = std::numeric_limits<double>::infinity();
  if (!certify) return out;
  std::optional<lapack::SingleThreadedBlas> single;
  if (threads > 1) single.emplace();
  search->seed(out.max_gain, out.max_time);
  const detail::GainBounds bounds = search->run();
  out.max_gain = bounds.lower;
  out.max_time = bounds.time;
  out.max_gain_upper_bound = bounds.upper;
  out.gain_tolerance_met = bounds.tolerance_met;
  out.refinement_evaluations = bounds.evaluations;
  // An upper bound may be +inf (no certificate within the search's budget: a nearly critical
  // W's plateau); the attained value is always finite.
  if (!std::isfinite(out.max_gain)) {
    throw NumericalError(std::string(kFn) + ": maximum is not finite, n = " + std::to_string(n));
  }
  return out;
}

}  // namespace netdyn
