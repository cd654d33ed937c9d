#include "amplification/transient_gain_search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "amplification/envelope_norm.hpp"
#include "core/first_touch.hpp"
#include "core/lanczos.hpp"
#include "core/matrix_exponential.hpp"
#include "core/matrix_pool.hpp"
#include "factorization/schur_blocks.hpp"
#include "netdyn/core/error.hpp"

namespace netdyn::detail {
namespace {

constexpr double kUnitRoundoff = std::numeric_limits<double>::epsilon() / 2.0;
// The search's norms: Lanczos until the Ritz residual is 1e-10 of the value, so that the upper
// bound sqrt(value + residual) exceeds the lower sqrt(value) by ~5e-11 relative (of 1e-8).
constexpr double kLanczosTolerance = 1e-10;
// The search's budget of norms (each a product and a Lanczos): 2000 up to n = 300, which
// certifies every matrix of the tests and benchmarks there to 1e-8 (flat Gaussian envelopes need
// a few hundred), then ~4e9 flops' worth of products and at least 40, so that at n >= 500 the
// search costs about what the envelope's grid does. An envelope it cannot certify in budget (a
// long plateau, a nearly critical W) keeps a valid but wider interval: tolerance_met = false.
Index max_evaluations(Index n) {
  if (n <= 300) return 2000;
  const double nd = static_cast<double>(n);
  return static_cast<Index>(std::clamp(4e9 / (nd * nd * nd), 40.0, 2000.0));
}

// sqrt(||m||_1 ||m||_inf) >= || |m| ||_2 >= ||m||_2 (Hoelder), in O(n^2).
double abs_norm_bound(const Eigen::MatrixXd& m) {
  const double one = m.cwiseAbs().colwise().sum().maxCoeff();
  const double inf = m.cwiseAbs().rowwise().sum().maxCoeff();
  return std::sqrt(one) * std::sqrt(inf);
}

// Rounding of the numerical abscissa lambda_max((T + T^T)/2) by dsyevr: at most a small multiple
// of n eps ||T||_2 (LAPACK Users' Guide 4.7); sqrt(||T||_1 ||T||_inf) >= ||T||_2.
double abscissa_rounding(const Eigen::MatrixXd& t) {
  return 4.0 * static_cast<double>(t.rows()) * std::numeric_limits<double>::epsilon() *
         abs_norm_bound(t);
}

// The second-order bound's shift mu and an upper bound on ||(T + mu I)^2||_2
// (transient_gain_search.hpp): mu = 0 or the spectrum's centre -tr(T)/n, whichever gives the
// smaller curvature mu^2 + ||(T + mu I)^2||. Each candidate is one quasi-triangular product and a
// Lanczos on it (value + residual, the search's model), plus the product's rounding.
std::pair<double, double> curvature_constants(const Eigen::MatrixXd& t,
                                              const QuasiTriangularAlgebra& algebra) {
  const Index n = t.rows();
  TopEigenLanczos<double> lanczos(n, std::min<Index>(n, 60));
  Eigen::VectorXd tmp(n);
  Eigen::MatrixXd shifted = populated_matrix(n, n);
  Eigen::MatrixXd square;
  const auto square_norm = [&](double mu) {
    shifted = t;
    shifted.diagonal().array() += mu;
    algebra.multiply(shifted, shifted, square);
    const auto apply = [&](const auto& x, Eigen::VectorXd& y) {
      algebra.apply(square, x, tmp);
      algebra.apply_transpose(square, tmp, y);
    };
    const auto r = lanczos.run(apply, Eigen::VectorXd::LinSpaced(n, 1.0, 2.0), 1e-8);
    const double abs_norm = abs_norm_bound(shifted);
    const double rounding =
        2.0 * static_cast<double>(n) * std::numeric_limits<double>::epsilon() * abs_norm * abs_norm;
    return std::sqrt(std::max(r.value, 0.0) + r.residual) * (1.0 + 1e-6) + rounding;
  };
  const double centre = -t.trace() / static_cast<double>(n);
  if (centre == 0.0) return {0.0, square_norm(0.0)};
  const double centred = square_norm(centre);
  // ||T^2||_2 >= rho(T)^2: when the centred constants beat that, they beat the plain ones, whose
  // product and Lanczos are then not needed (a Gaussian W's case: the spectrum's centre is near
  // -1, its radius near 1.9).
  const double radius_squared = real_schur_eigenvalues(t).cwiseAbs2().maxCoeff();
  if (centre * centre + centred < radius_squared * (1.0 - 1e-12)) return {centre, centred};
  const double plain = square_norm(0.0);
  if (centre * centre + centred < plain) return {centre, centred};
  return {0.0, plain};
}

double power_of_two_near(double x) {
  if (!(x > 0.0) || !std::isfinite(x)) return 1.0;
  int e = 0;
  (void)std::frexp(x, &e);
  return std::ldexp(1.0, e - 1);
}

}  // namespace

// Named, not anonymous: TransientGainSearch::Impl (external linkage) holds these types, which
// GCC rejects for types of internal linkage outside the main file (-Wsubobject-linkage, as in a
// unity batch).
namespace gain_search {

// A computed matrix standing for e^{sT}: `m` (null: exactly I); `depth`, the products and
// polynomial steps it took (the rounding model: docs/decisions/certified-transient-gain.md); and
// upper bounds on ||m||_2: `norm` (sharpened when Lanczos evaluates it) and `abs_norm` >=
// || |m| ||_2.
// A short step e^{hT} is kept as m = e^{hT} - I (`shifted`): stored whole, its entries 1 + O(h)
// would lose the digits of the O(h) part, and squaring up from a fine level would amplify that
// loss 2^levels-fold; in the expm1 form (I + F)^2 = I + (2F + F^2) loses nothing.
struct Exponential {
  std::shared_ptr<const Eigen::MatrixXd> m;
  bool shifted = false;
  int depth = 0;
  double norm = 1.0;
  double abs_norm = 1.0;
  [[nodiscard]] bool identity() const { return !m; }
};

// Bounds on ||e^{tT}||_2 at one time, and the log-derivative of the computed norm.
struct Node {
  double t = 0.0;
  double lower = 1.0;
  double upper = 1.0;
  double slope = 0.0;
  double value = 1.0;  // the Lanczos value itself (EnvelopePoint::norm), before the rounding terms
};

// [a, a + first_step 2^level] with upper bounds on the end values and the matrix at a.
struct Interval {
  double a = 0.0;
  int level = 0;
  double g_a = 1.0;
  double g_b = 1.0;
  double bound = 0.0;
  double key = 0.0;  // bound plus its rounding allowance (run()): the queue's order
  Exponential e_a;
};

struct ByBound {
  bool operator()(const Interval& x, const Interval& y) const { return x.key < y.key; }
};

}  // namespace gain_search

using gain_search::ByBound;
using gain_search::Exponential;
using gain_search::Interval;
using gain_search::Node;

namespace {

// Products formed after an interval is pruned deepen the longest chain (the rounding model's
// depth) by about one per level split; pruning assumes this many more than so far, and the final
// bound uses the final depth.
constexpr int kDepthSlack = 8;

// The stationary point of the cubic Hermite interpolant of g on [t0, t1] from values and
// derivatives with d0 > 0 > d1 (so there is one): t* to O(h^4) of the true maximiser.
double hermite_maximiser(double t0, double g0, double d0, double t1, double g1, double d1) {
  const double h = t1 - t0;
  const double slope = (g1 - g0) / h;
  const double c2 = (3.0 * slope - 2.0 * d0 - d1) / h;
  const double c3 = (d0 + d1 - 2.0 * slope) / (h * h);
  // p'(x) = d0 + 2 c2 x + 3 c3 x^2 on (0, h).
  double x = d0 * h / (d0 - d1);  // the secant root, the fallback
  const double qa = 3.0 * c3;
  const double qb = 2.0 * c2;
  if (qa != 0.0) {
    const double disc = qb * qb - 4.0 * qa * d0;
    if (disc >= 0.0) {
      // The root of p' where it falls from d0 > 0 through 0, by the stable quadratic formula.
      const double q = -0.5 * (qb + std::copysign(std::sqrt(disc), qb));
      for (const double r : {q / qa, q != 0.0 ? d0 / q : -1.0}) {
        if (r > 0.0 && r < h) {
          x = r;
          break;
        }
      }
    }
  }
  return t0 + std::clamp(x, 0.0, h);
}

}  // namespace

class TransientGainSearch::Impl {
 public:
  // The search runs on T / scale, scale a power of two near || |T| ||_2 (exact), in time units
  // of 1/scale: the curvature constants and the Taylor degrees then neither underflow nor
  // overflow however tau scales A.
  Impl(const Eigen::MatrixXd& t, const QuasiTriangularAlgebra& algebra, const GainSearchSettings& s)
      : pool_(t.rows(), t.cols()),
        scale_(power_of_two_near(abs_norm_bound(t))),
        t_(t / scale_),
        algebra_(algebra),
        s_(s),
        evaluator_(t_, algebra),
        gamma_(static_cast<double>(t.rows()) * kUnitRoundoff /
               (1.0 - static_cast<double>(t.rows()) * kUnitRoundoff)),
        t_abs_norm_(abs_norm_bound(t_)) {
    s_.omega = s.omega / scale_ + abscissa_rounding(t_);
    s_.first_step = s.first_step * scale_;
    s_.t_max = s.t_max * scale_;
    s_.time_tolerance = s.time_tolerance * scale_;
    if (s_.certify) std::tie(s_.shift, s_.second_derivative) = curvature_constants(t_, algebra);
  }

  [[nodiscard]] double scale() const { return scale_; }
  [[nodiscard]] const std::vector<Node>& doubling_nodes() const { return doubling_; }
  [[nodiscard]] double range() const { return range_end_; }

  // The steps e^{first_step 2^i T}, i = 0..top, and the doubling nodes; returns the range's end
  // (scaled units). The fine steps (i < 0) come when the search first reaches them (step()).
  double prepare() {
    range_end_ = doubling();
    return range_end_;
  }

  double doubling() {
    const double h0 = s_.first_step;
    const double curvature = s_.shift * s_.shift + s_.second_derivative;
    if (s_.certify && curvature > 0.0) {
      // The finest width h has h^2 (mu^2 + ||(T + mu I)^2||) / 8 <= tolerance / 4 (the bound's
      // excess over the end values, bound()); one level more for slack.
      const double finest = std::sqrt(2.0 * s_.tolerance / curvature);
      fine_ = std::clamp(static_cast<int>(std::ceil(std::log2(h0 / finest))) + 1, 0, 60);
    }
    // Level 0 from a Taylor step at the level b <= 0 that needs the fewest products, (degree -
    // 1) + (-b) squarings in the expm1 form, which keeps its 1 + O(h) entries exact to rounding
    // for the doubling's squarings of the whole matrices (2^top-fold amplification otherwise).
    // Squared up from the finest level, as before, it took fine_ more products.
    fine_steps_.reserve(static_cast<std::size_t>(fine_));
    int bottom = 0;
    for (int b = 0; b >= -fine_; --b) {
      if (taylor_degree(std::ldexp(h0, b) * t_abs_norm_) - b <=
          taylor_degree(std::ldexp(h0, bottom) * t_abs_norm_) - bottom) {
        bottom = b;
      }
    }
    std::vector<Exponential> up = ladder(bottom, 0);
    coarse_.push_back(whole(up.back()));
    up.pop_back();
    for (auto it = up.rbegin(); it != up.rend(); ++it) fine_steps_.push_back(*it);
    const bool automatic = s_.t_max == 0.0;
    for (int j = 0;; ++j) {
      const double time = std::ldexp(h0, j);
      if (!automatic && time >= s_.t_max) {
        // The root [0, first_step 2^j] reaches past t_max: no norm beyond it is needed.
        top_ = j;
        return s_.t_max;
      }
      Node node = evaluate(time, coarse_.back());
      if (!std::isfinite(node.upper)) {
        if (!automatic) {
          overflow_ = true;  // the caller's grid reports it
          top_ = j;
          return s_.t_max;
        }
        throw NumericalError("transient_envelope: envelope is not finite at t = " +
                             std::to_string(time) + ", n = " + std::to_string(t_.rows()));
      }
      doubling_.push_back(node);
      if (automatic && node.lower <= 0.1) {
        top_ = j;
        return time;
      }
      if (automatic && j > 80) {
        throw NumericalError(
            "transient_envelope: envelope did not decay below 0.1 by t = " + std::to_string(time) +
            " (spectral abscissa too close to 0?), n = " + std::to_string(t_.rows()));
      }
      if (!automatic && std::ldexp(h0, j + 1) >= s_.t_max) {
        top_ = j + 1;
        return s_.t_max;
      }
      coarse_.push_back(square(coarse_.back(), j + 1));
    }
  }

  void seed(double value, double time) {
    if (value > seed_value_) {
      seed_value_ = value;
      seed_time_ = time;
    }
  }

  GainBounds run(double range) {
    if (overflow_) {
      throw NumericalError("transient_envelope: envelope is not finite before t_max = " +
                           std::to_string(s_.t_max));
    }
    range_ = range;
    const double tol = s_.tolerance;
    double cut = std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < doubling_.size(); ++j) {
      const Node& node = doubling_[j];
      nodes_.push_back(node);
      if (node.upper < 1.0) cut = std::min(cut, node.t);
      offer_best(node, step(static_cast<int>(j)));
    }
    // Prune at 3/4 of the tolerance, rounding allowance included (the rest is slack for the
    // final depth). The allowance of [a, b]: the computed exponentials are those of T + dT,
    // ||dT||_2 <= delta = depth gamma_n || |T| ||_2, and ||e^{tT} - e^{t(T + dT)}|| <= t delta G^2
    // for every t (the integral form of the difference, G the supremum of both envelopes), so
    // the true envelope on [a, b] is at most bound + b delta G^2; b is capped at the range and at
    // the cut, beyond which no t holds the supremum. Far intervals have large b but small
    // bounds; the ones near the maximum, small b.
    const auto threshold = [&] { return std::max(best_.lower, seed_value_) * (1.0 + 0.75 * tol); };
    const auto end_of = [&](const Interval& iv) {
      return std::min({iv.a + width(iv.level), range, cut});
    };
    const auto allowance = [&](double end, int depth, double g) {
      return end * static_cast<double>(depth) * gamma_ * t_abs_norm_ * g * g;
    };
    std::priority_queue<Interval, std::vector<Interval>, ByBound> queue;
    std::vector<std::pair<double, double>> settled;  // (bound, end) of every pruned interval
    bool met = true;
    const auto settle = [&](const Interval& iv) { settled.emplace_back(iv.bound, end_of(iv)); };
    const auto consider = [&](Interval iv) {
      if (iv.a >= cut || iv.a >= range) return;
      if (iv.a + width(iv.level) > range) reach_end(iv);
      iv.bound = bound(iv);
      const double t_end = end_of(iv);
      iv.key = iv.bound + allowance(t_end, max_depth_ + kDepthSlack, threshold());
      if (iv.key <= threshold()) {
        settle(iv);
      } else {
        queue.push(std::move(iv));
      }
    };
    Interval root;
    root.level = top_;
    const auto top = static_cast<std::size_t>(top_);
    root.g_b =
        top < doubling_.size() ? doubling_[top].upper : std::numeric_limits<double>::infinity();
    consider(root);
    while (!queue.empty()) {
      if (queue.top().a >= cut) {
        queue.pop();
        continue;
      }
      if (queue.top().key <= threshold()) break;
      Interval iv = queue.top();
      queue.pop();
      if (iv.level <= -fine_ || evaluations_ >= max_evaluations(t_.rows())) {
        // Cannot split further (rounding, or the safeguard): its bound stands.
        settle(iv);
        met = false;
        continue;
      }
      const int child = iv.level - 1;
      const double m = iv.a + width(child);
      if (m > range) {
        // Only the left half meets [0, range]; its end value stays unknown.
        consider(Interval{iv.a, child, iv.g_a, iv.g_b, 0.0, 0.0, iv.e_a});
        continue;
      }
      Exponential e_m;
      Node node;
      if (iv.e_a.identity() && child >= 0) {
        e_m = step(child);
        node = doubling_[static_cast<std::size_t>(child)];
      } else if (iv.e_a.identity()) {
        e_m = whole(step(child));
        node = evaluate(m, e_m);
        nodes_.push_back(node);
        if (node.upper < 1.0) cut = std::min(cut, m);
        offer_best(node, e_m);
      } else {
        e_m = product(iv.e_a, step(child));
        node = evaluate(m, e_m);
        if (!std::isfinite(node.upper)) {
          throw NumericalError("transient_envelope: envelope is not finite at t = " +
                               std::to_string(m));
        }
        nodes_.push_back(node);
        if (node.upper < 1.0) cut = std::min(cut, m);
        offer_best(node, e_m);
      }
      consider(Interval{iv.a, child, iv.g_a, node.upper, 0.0, 0.0, iv.e_a});
      consider(Interval{m, child, node.upper, iv.g_b, 0.0, 0.0, e_m});
    }
    for (; !queue.empty(); queue.pop()) {
      if (queue.top().a < cut) settle(queue.top());  // below the threshold (the loop's break)
    }
    // The upper bound: the largest bound plus allowance, with the final depth and cut, and
    // G = the upper bound itself (the smallest fixed point of G = max(bound + end delta G^2),
    // reached from below in a few steps since delta G is ~1e-9 or less).
    double upper = 0.0;
    for (const auto& [b, end] : settled) upper = std::max(upper, b);
    for (int iteration = 0; iteration < 4; ++iteration) {
      double next = upper;
      for (const auto& [b, end] : settled) {
        next = std::max(next, b + allowance(std::min(end, cut), max_depth_, upper));
      }
      upper = next;
    }
    polish();
    GainBounds out;
    out.lower = best_.lower;
    out.time = best_.t;
    if (seed_value_ > out.lower) {
      out.lower = seed_value_;
      out.time = seed_time_;
    }
    out.upper = std::max(upper, out.lower);
    out.evaluations = evaluations_;
    out.products = products_;
    out.tolerance_met = met && out.upper - out.lower <= tol * out.lower;
    return out;
  }

 private:
  // The step of width first_step 2^level. The fine ones (level < 0, down to -fine_) are built
  // in chunks as the search descends: a Taylor step at the chunk's bottom, in the expm1 form,
  // squared up to the level above the previous bottom. A search that stops early (the budget at
  // large n) never builds the levels it does not reach; one that descends far builds them in
  // chunks of growing size, a few products more than one ladder from the finest.
  [[nodiscard]] const Exponential& step(int level) {
    if (level >= 0) return coarse_[static_cast<std::size_t>(level)];
    const auto built = static_cast<int>(fine_steps_.size());  // levels -1..-built
    if (-level > built) {
      const int top = -built - 1;  // the highest level still missing
      const int bottom = std::max(-fine_, std::min(level, top - std::max(3, built - 1)));
      const std::vector<Exponential> chunk = ladder(bottom, top);
      for (auto it = chunk.rbegin(); it != chunk.rend(); ++it) fine_steps_.push_back(*it);
    }
    return fine_steps_[static_cast<std::size_t>(-level - 1)];
  }

  [[nodiscard]] double width(int level) const { return std::ldexp(s_.first_step, level); }

  // sup of ||e^{tT}||_2 over the interval's part in [0, range]. First order: e^{(a+s)T} =
  // e^{aT} e^{sT} with ||e^{sT}|| <= e^{omega s}. Second order: phi(s) = e^{mu s} e^{(a+s)T} =
  // e^{aT} e^{s(T + mu I)} has a convex norm and phi'' = phi (T + mu I)^2, so linear
  // interpolation between the ends is off by at most h^2/8 ||(T + mu I)^2|| max ||phi||, and
  //   g(a+s) <= e^{-mu s} ((1 - s/h) g(a) + (s/h) e^{mu h} g(b)) + that remainder;
  // with G the interval's supremum, G <= C / (1 - R), C the maximum of the first term over s,
  // R = h^2/8 ||(T + mu I)^2|| e^{|mu| h}. The shift mu (the spectrum's centre) makes R small
  // where T is close to a multiple of I plus a nilpotent part; the first term's excess over
  // max(g(a), g(b)) is only ~ mu^2 h^2 / 8. An interval past the range's end uses [a, range]
  // and the norm there.
  [[nodiscard]] double bound(const Interval& iv) const {
    double h = width(iv.level);
    double g_b = iv.g_b;
    if (iv.a + h > range_) {
      h = range_ - iv.a;
      g_b = end_upper_;
    }
    double b = iv.g_a * std::exp(std::max(s_.omega, 0.0) * h);
    const double mu = s_.shift;
    const double r = h * h * s_.second_derivative / 8.0 * std::exp(std::abs(mu) * h);
    if (r < 1.0 && std::isfinite(g_b)) b = std::min(b, chord_maximum(iv.g_a, g_b, h) / (1.0 - r));
    return b;
  }

  // max over s in [0, h] of e^{-mu s} ((1 - s/h) g_a + (s/h) e^{mu h} g_b) = e^{-mu s} (g_a + beta
  // s).
  [[nodiscard]] double chord_maximum(double g_a, double g_b, double h) const {
    const double mu = s_.shift;
    double c = std::max(g_a, g_b);
    if (mu == 0.0 || h <= 0.0) return c;
    const double beta = (std::exp(mu * h) * g_b - g_a) / h;
    if (beta != 0.0) {
      const double s = 1.0 / mu - g_a / beta;  // the stationary point of e^{-mu s} (g_a + beta s)
      if (s > 0.0 && s < h) c = std::max(c, std::exp(-mu * s) * (g_a + beta * s));
    }
    return c;
  }

  // The norm at the range's end, once an interval reaching past it starts within a short step.
  void reach_end(const Interval& iv) {
    const double reach = range_ - iv.a;
    if (std::isfinite(end_upper_) || reach * t_abs_norm_ > 0.5) return;
    Exponential e = product(iv.e_a, short_step(reach));
    const Node node = evaluate(range_, e);
    if (!std::isfinite(node.upper)) return;
    end_upper_ = node.upper;
    nodes_.push_back(node);
    offer_best(node, e);
  }

  void offer_best(const Node& node, const Exponential& e) {
    if (node.t <= range_ && node.lower > best_.lower) {
      best_ = node;
      best_e_ = e;
    }
  }

  // |fl(XY) - XY| <= gamma_n |X||Y| (Higham, Accuracy and Stability, 3.5), and || |X||Y| ||_2 <=
  // || |X| ||_2 || |Y| ||_2: the product's norm bound.
  Exponential product(const Exponential& x, const Exponential& y) {
    if (x.identity()) return y;
    if (y.identity()) return x;
    auto out = pool_.shared();
    algebra_.multiply(*x.m, *y.m, *out, s_.threads);
    ++products_;
    Exponential r;
    // (I + F)(I + G) = I + (F G + F + G); X (I + G) = X G + X; (I + F) Y = F Y + Y.
    if (x.shifted) *out += *y.m;
    if (y.shifted) *out += *x.m;
    r.shifted = x.shifted && y.shifted;
    const double rounding = gamma_ * x.abs_norm * y.abs_norm;
    r.depth = std::max(x.depth, y.depth) + 1;
    max_depth_ = std::max(max_depth_, r.depth);
    r.abs_norm = abs_norm_bound(*out);
    r.norm = std::min(r.abs_norm, x.norm * y.norm + rounding);
    r.m = std::move(out);
    return r;
  }

  // e^{2w T} from e^{w T}, and the abscissa's bound ||e^{s T}||_2 <= e^{omega s}.
  Exponential square(const Exponential& d, int level) {
    Exponential r = product(d, d);
    if (level >= 0) r = whole(r);
    cap_by_abscissa(r, std::ldexp(s_.first_step, level));
    return r;
  }

  // e^{hT} itself from its expm1 form.
  Exponential whole(const Exponential& e) const {
    if (!e.shifted) return e;
    auto out = pool_.shared();
    *out = *e.m;
    out->diagonal().array() += 1.0;
    Exponential r = e;
    r.shifted = false;
    r.m = std::move(out);
    return r;
  }

  void cap_by_abscissa(Exponential& e, double s) const {
    e.norm = std::min(
        e.norm, std::exp(std::max(s_.omega, 0.0) * s) * (1.0 + e.depth * gamma_ * e.abs_norm));
  }

  // The steps of levels bottom..top (top <= 0), in the expm1 form: a Taylor step at the bottom,
  // squared up.
  std::vector<Exponential> ladder(int bottom, int top) {
    std::vector<Exponential> out{short_step(width(bottom))};
    for (int i = bottom + 1; i <= top; ++i) out.push_back(square(out.back(), i));
    return out;
  }

  // The lowest degree d whose Taylor remainder (x^(d+1)/(d+1)!) e^x is below the unit roundoff
  // relative to x.
  static int taylor_degree(double x) {
    int d = 1;
    double term = x;  // x^d / d!
    while (term * x / (d + 1) * std::exp(x) > kUnitRoundoff * x && d < 30) {
      ++d;
      term *= x / d;
    }
    return d;
  }

  // e^{delta T} for a short step: the Taylor polynomial of degree taylor_degree(x), x = |delta|
  // ||T||, by Horner, in the expm1 form; the general exponential (five products and squarings)
  // beyond x = 1/2.
  Exponential short_step(double delta) {
    const double x = std::abs(delta) * t_abs_norm_;
    const int d = taylor_degree(x);
    auto out = pool_.shared();
    Exponential e;
    if (x > 0.5) {
      algebra_.exp(t_, delta, *out, exp_workspace_, s_.threads);
      products_ += 5;
      e.abs_norm = abs_norm_bound(*out);
      e.depth = 12;  // the degree-18 scheme's five products and its squarings, about a dozen
    } else {
      // e^{delta T} - I = delta T (I + delta T/2 (I + delta T/3 (... (I + delta T/d)))).
      if (d == 1) {
        *out = delta * t_;
      } else {
        Eigen::MatrixXd p = pool_.take();
        p = (delta / d) * t_;
        p.diagonal().array() += 1.0;
        Eigen::MatrixXd next = pool_.take();
        for (int k = d - 1; k >= 2; --k) {
          algebra_.multiply(t_, p, next, s_.threads);
          ++products_;
          p = (delta / k) * next;
          p.diagonal().array() += 1.0;
        }
        algebra_.multiply(t_, p, next, s_.threads);
        ++products_;
        *out = delta * next;
        pool_.give(std::move(p));
        pool_.give(std::move(next));
      }
      e.shifted = true;
      e.abs_norm = 1.0 + abs_norm_bound(*out);
      e.depth = d;  // the remainder is below the unit roundoff: rounding only
    }
    e.norm = e.abs_norm;
    cap_by_abscissa(e, std::abs(delta));
    e.m = std::move(out);
    return e;
  }

  Node evaluate(double time, Exponential& e) {
    Node node;
    node.t = time;
    if (e.identity()) {
      node.slope = s_.omega;
      return node;
    }
    const EnvelopePoint p = evaluator_.evaluate(time, *e.m, kLanczosTolerance);
    ++evaluations_;
    // Each application of E^T E rounds by at most 2 gamma_n || |E| ||_2^2 (Weyl for the
    // eigenvalue of the computed operator).
    const double shift = 2.0 * gamma_ * e.abs_norm * e.abs_norm;
    const double computed_upper = std::sqrt(p.norm_upper * p.norm_upper + shift);
    const double computed_lower = std::sqrt(std::max(0.0, p.norm * p.norm - shift));
    e.norm = std::min(e.norm, computed_upper);
    node.upper = computed_upper;
    node.lower = computed_lower;
    node.slope = p.slope;
    node.value = p.norm;
    if (!std::isfinite(p.norm)) node.upper = p.norm;
    return node;
  }

  // The time of the maximum: cubic Hermite interpolation of the norm and its derivative
  // (value times slope) on the evaluated points that bracket the best one, then the norm there
  // from the best matrix times a short step; repeated while the time moves by more than the
  // tolerance.
  void polish() {
    if (best_e_.identity()) return;
    std::sort(nodes_.begin(), nodes_.end(), [](const Node& x, const Node& y) { return x.t < y.t; });
    double previous = best_.t;
    for (int iteration = 0; iteration < 6; ++iteration) {
      const Node* lo = nullptr;
      const Node* hi = nullptr;
      for (const Node& node : nodes_) {
        if (node.t < best_.t && (!lo || node.t > lo->t)) lo = &node;
        if (node.t > best_.t && (!hi || node.t < hi->t)) hi = &node;
      }
      const Node* a = nullptr;
      const Node* b = nullptr;
      if (best_.slope > 0.0 && hi && hi->slope < 0.0) {
        a = &best_;
        b = hi;
      } else if (best_.slope < 0.0 && lo && lo->slope > 0.0) {
        a = lo;
        b = &best_;
      }
      if (!a || !b) return;
      const double ts =
          std::min(range_,
                   hermite_maximiser(
                       a->t, a->lower, a->lower * a->slope, b->t, b->lower, b->lower * b->slope));
      if (ts == a->t || ts == b->t) return;
      Exponential e = product(best_e_, short_step(ts - best_.t));
      const Node node = evaluate(ts, e);
      if (!std::isfinite(node.upper)) return;
      nodes_.push_back(node);
      // The interpolated maximiser has the larger norm up to rounding: it becomes the reported
      // point (its time is the better one) unless its norm is clearly lower.
      if (node.lower >= best_.lower * (1.0 - 1e-13)) {
        best_.lower = std::max(best_.lower, node.lower);
        best_.upper = node.upper;
        best_.slope = node.slope;
        best_.t = ts;
        best_e_ = std::move(e);
      } else {
        return;
      }
      if (std::abs(ts - previous) <= s_.time_tolerance) return;
      previous = ts;
    }
  }

  MatrixPool pool_;  // the nodes' and steps' matrices
  // The general exponential's buffers, kept for the search's lifetime (polish() may form
  // several): each fresh n x n buffer costs its first touch.
  ExponentialWorkspace exp_workspace_;
  double scale_;
  Eigen::MatrixXd t_;
  const QuasiTriangularAlgebra& algebra_;
  GainSearchSettings s_;
  NormEvaluator evaluator_;
  double gamma_;
  double t_abs_norm_;
  int fine_ = 0;
  int top_ = 0;
  bool overflow_ = false;
  std::vector<Exponential> coarse_;      // level i >= 0 at index i
  std::vector<Exponential> fine_steps_;  // level i < 0 at index -i - 1, built by step()
  std::vector<Node> doubling_;           // level j >= 0: the node at first_step 2^j
  std::vector<Node> nodes_;
  Node best_{0.0, 1.0, 1.0, 0.0};  // e^{0 T} = I: the value 1 is attained at t = 0
  Exponential best_e_;
  double seed_value_ = 0.0;
  double seed_time_ = 0.0;
  double range_ = 0.0;
  double range_end_ = 0.0;
  double end_upper_ = std::numeric_limits<double>::infinity();
  Index evaluations_ = 0;
  Index products_ = 0;
  int max_depth_ = 0;
};

TransientGainSearch::TransientGainSearch(const Eigen::MatrixXd& t,
                                         const QuasiTriangularAlgebra& algebra,
                                         const GainSearchSettings& settings)
    : impl_(std::make_unique<Impl>(t, algebra, settings)) {
  const double end = impl_->prepare();
  horizon_ = settings.t_max == 0.0 ? end / impl_->scale() : settings.t_max;
}

TransientGainSearch::~TransientGainSearch() = default;

std::optional<EnvelopePoint> TransientGainSearch::horizon_point() const {
  const std::vector<Node>& nodes = impl_->doubling_nodes();
  if (nodes.empty() || nodes.back().t / impl_->scale() != horizon_) return std::nullopt;
  const Node& node = nodes.back();
  EnvelopePoint p;
  p.t = horizon_;
  p.norm = node.value;
  p.norm_upper = node.upper;
  p.slope = node.slope * impl_->scale();  // d/dt in the caller's time unit
  return p;
}

void TransientGainSearch::seed(double value, double time) {
  impl_->seed(value, time * impl_->scale());
}

GainBounds TransientGainSearch::run() {
  GainBounds b = impl_->run(impl_->range());
  b.time /= impl_->scale();
  return b;
}

}  // namespace netdyn::detail
