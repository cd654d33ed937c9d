#include "netdyn/models/generators.hpp"

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/checks.hpp"
#include "netdyn/core/random.hpp"
#include "netdyn/io/io.hpp"

namespace netdyn {
namespace {

[[noreturn]] void reject(const char* function, const char* name, double value, const char* need) {
  std::ostringstream msg;
  msg << function << ": " << name << " = " << value << "; need " << need;
  throw std::invalid_argument(msg.str());
}

void require_size(const char* function, Eigen::Index n) {
  if (n < 1) reject(function, "options.n", static_cast<double>(n), "n >= 1");
  if (n > kMaxDenseEntries / n) {
    reject(function, "options.n", static_cast<double>(n), "n^2 <= kMaxDenseEntries (n <= 16384)");
  }
}

void require_in(
    const char* function, const char* name, double value, double lo, double hi, const char* need) {
  if (!(value >= lo && value <= hi)) reject(function, name, value, need);
}

// One connected weight of a population (mean, sd) from `source`.
class WeightSampler {
 public:
  WeightSampler(double mean, double sd, WeightDistribution distribution)
      : mean_(mean), sd_(sd), lognormal_(distribution == WeightDistribution::kLognormal) {
    if (lognormal_ && sd > 0.0) {
      // X = exp(m + s Z) has mean exp(m + s^2/2) and variance mean^2 (exp(s^2) - 1).
      const double magnitude = std::abs(mean);
      const double s2 = std::log1p((sd / magnitude) * (sd / magnitude));
      s_ = std::sqrt(s2);
      m_ = std::log(magnitude) - 0.5 * s2;
    }
  }
  double draw(RandomSource& source) const {
    if (sd_ == 0.0) return mean_;
    const double z = source.normal();
    if (!lognormal_) return mean_ + sd_ * z;
    return std::copysign(std::exp(m_ + s_ * z), mean_);
  }

 private:
  double mean_;
  double sd_;
  bool lognormal_;
  double m_ = 0.0;
  double s_ = 0.0;
};

}  // namespace

Eigen::MatrixXd gaussian_connectivity(const GaussianOptions& options) {
  const char* f = "gaussian_connectivity";
  require_size(f, options.n);
  if (!(options.rho >= 0.0) || !std::isfinite(options.rho)) {
    reject(f, "options.rho", options.rho, "a finite value >= 0");
  }
  RandomSource source(options.seed);
  const double scale = options.rho / std::sqrt(static_cast<double>(options.n));
  return scale * source.normal_matrix(options.n, options.n);
}

Eigen::MatrixXd dale_connectivity(const DaleOptions& o) {
  const char* f = "dale_connectivity";
  require_size(f, o.n);
  require_in(f, "options.excitatory_fraction", o.excitatory_fraction, 0.0, 1.0, "0 <= f <= 1");
  if (!(o.connection_probability > 0.0 && o.connection_probability <= 1.0)) {
    reject(f, "options.connection_probability", o.connection_probability, "0 < p <= 1");
  }
  const double big = std::numeric_limits<double>::max();
  require_in(f, "options.mean_e", o.mean_e, 0.0, big, "a finite value >= 0 (Dale's law)");
  require_in(f, "options.mean_i", o.mean_i, -big, 0.0, "a finite value <= 0 (Dale's law)");
  require_in(f, "options.sd_e", o.sd_e, 0.0, big, "a finite value >= 0");
  require_in(f, "options.sd_i", o.sd_i, 0.0, big, "a finite value >= 0");
  if (o.distribution == WeightDistribution::kLognormal) {
    if (o.sd_e > 0.0 && o.mean_e == 0.0) {
      reject(f, "options.mean_e", o.mean_e, "mean_e > 0 for a lognormal population with sd_e > 0");
    }
    if (o.sd_i > 0.0 && o.mean_i == 0.0) {
      reject(f, "options.mean_i", o.mean_i, "mean_i < 0 for a lognormal population with sd_i > 0");
    }
  }

  const Eigen::Index n = o.n;
  const double p = o.connection_probability;
  // round(f n) without relying on the rounding mode; f in [0, 1] keeps it in [0, n].
  const auto n_e =
      static_cast<Eigen::Index>(std::floor(o.excitatory_fraction * static_cast<double>(n) + 0.5));
  const WeightSampler excitatory(o.mean_e, o.sd_e, o.distribution);
  const WeightSampler inhibitory(o.mean_i, o.sd_i, o.distribution);
  RandomSource source(o.seed);
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  // Connection mask, needed for the row-sum correction.
  Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic> connected;
  if (o.zero_row_sums) connected.setConstant(n, n, false);
  for (Eigen::Index j = 0; j < n; ++j) {
    const WeightSampler& population = j < n_e ? excitatory : inhibitory;
    for (Eigen::Index i = 0; i < n; ++i) {
      if (p < 1.0 && !source.bernoulli(p)) continue;
      w(i, j) = population.draw(source);
      if (o.zero_row_sums) connected(i, j) = true;
    }
  }
  if (o.zero_row_sums) {
    // Row sum of the mean part E W = p (n_e mean_e + (n - n_e) mean_i); the connected weights of
    // row i share the excess equally.
    const double target =
        p * (static_cast<double>(n_e) * o.mean_e + static_cast<double>(n - n_e) * o.mean_i);
    for (Eigen::Index i = 0; i < n; ++i) {
      const Eigen::Index count = connected.row(i).count();
      if (count == 0) continue;
      const double shift = (w.row(i).sum() - target) / static_cast<double>(count);
      for (Eigen::Index j = 0; j < n; ++j) {
        if (connected(i, j)) w(i, j) -= shift;
      }
    }
  }
  detail::ensure_finite_result(f, "W", w);
  return w;
}

std::string to_string(WeightDistribution distribution) {
  switch (distribution) {
    case WeightDistribution::kGaussian: return "gaussian";
    case WeightDistribution::kLognormal: return "lognormal";
  }
  throw std::logic_error("to_string: invalid WeightDistribution");
}

WeightDistribution parse_weight_distribution(const std::string& text) {
  if (text == "gaussian") return WeightDistribution::kGaussian;
  if (text == "lognormal") return WeightDistribution::kLognormal;
  throw std::invalid_argument("parse_weight_distribution: distribution = \"" + text +
                              "\"; need gaussian or lognormal");
}

}  // namespace netdyn
