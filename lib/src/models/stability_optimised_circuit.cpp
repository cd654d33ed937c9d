#include "netdyn/models/stability_optimised_circuit.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/checks.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/amplification/smoothed_spectral_abscissa.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/models/generators.hpp"

namespace netdyn {
namespace {

using Eigen::Index;

void require_in_range(const char* name, double value, double lo, double hi, const char* what) {
  if (!(value >= lo && value <= hi)) {
    std::ostringstream msg;
    msg << "optimise_stability: " << name << " = " << value << "; need " << what;
    throw std::invalid_argument(msg.str());
  }
}

void require_dale(const Eigen::Ref<const Eigen::MatrixXd>& w, Index ne) {
  for (Index j = 0; j < w.cols(); ++j) {
    for (Index i = 0; i < w.rows(); ++i) {
      const bool excitatory = j < ne;
      if (excitatory ? w(i, j) < 0.0 : w(i, j) > 0.0) {
        std::ostringstream msg;
        msg.precision(17);
        msg << "optimise_stability: W(" << i << "," << j << ") = " << w(i, j) << " in "
            << (excitatory ? "excitatory" : "inhibitory") << " column " << j
            << " violates Dale's law (the first " << ne
            << " columns must be >= 0, the others <= 0)";
        throw std::invalid_argument(msg.str());
      }
    }
  }
}

// The ports' E/I ratio: the I-to-E block's mean becomes -gamma times the E-to-E block's, the
// I-to-I block's -gamma times the E-to-I block's (blocks as rows x columns: post x pre).
void renormalise_ei_ratio(Eigen::MatrixXd& w, Index ne, double gamma) {
  const Index n = w.rows();
  const Index ni = n - ne;
  if (ne == 0 || ni == 0) return;
  const auto scale_block = [&](Index row0, Index rows) {
    const double mean_e = w.block(row0, 0, rows, ne).mean();
    const double mean_i = w.block(row0, ne, rows, ni).mean();
    if (mean_i < 0.0) w.block(row0, ne, rows, ni) *= -gamma * mean_e / mean_i;
  };
  scale_block(0, ne);   // rows of E neurons
  scale_block(ne, ni);  // rows of I neurons
}

void renormalise_row_sums(Eigen::MatrixXd& w, Index ne, const Eigen::VectorXd& row_sums) {
  const Index ni = w.cols() - ne;
  for (Index i = 0; i < w.rows(); ++i) {
    const double e = w.row(i).head(ne).sum();
    const double inh = w.row(i).tail(ni).sum();
    if (inh < 0.0) w.row(i).tail(ni) *= std::max(0.0, (row_sums(i) - e) / inh);
  }
}

// Keep the `keep` inhibitory weights of largest magnitude (ties: all of the threshold's value).
void cap_density(Eigen::MatrixXd& w, Index ne, Index keep) {
  auto block = w.rightCols(w.cols() - ne);
  std::vector<double> magnitudes;
  magnitudes.reserve(static_cast<std::size_t>(block.size()));
  for (Index j = 0; j < block.cols(); ++j) {
    for (Index i = 0; i < block.rows(); ++i) {
      if (block(i, j) != 0.0) magnitudes.push_back(-block(i, j));
    }
  }
  if (static_cast<Index>(magnitudes.size()) <= keep) return;
  if (keep == 0) {
    block.setZero();
    return;
  }
  const auto kth = magnitudes.begin() + (keep - 1);
  std::nth_element(magnitudes.begin(), kth, magnitudes.end(), std::greater<>());
  const double threshold = *kth;
  block = (block.array() <= -threshold).select(block, 0.0);
}

double published_shift(double alpha) {
  return std::max(1.5 * alpha, alpha + 0.2);
}

}  // namespace

Eigen::MatrixXd soc_initial_network(const SocNetworkOptions& options) {
  constexpr const char* kFn = "soc_initial_network";
  if (options.n < 2) {
    throw std::invalid_argument(std::string(kFn) + ": n = " + std::to_string(options.n) +
                                "; need n >= 2");
  }
  if (!(options.density > 0.0 && options.density < 1.0)) {
    throw std::invalid_argument(std::string(kFn) + ": density = " +
                                std::to_string(options.density) + "; need 0 < density < 1");
  }
  if (!(options.excitatory_fraction >= 0.0 && options.excitatory_fraction <= 1.0)) {
    throw std::invalid_argument(std::string(kFn) + ": excitatory_fraction = " +
                                std::to_string(options.excitatory_fraction) + "; need [0, 1]");
  }
  detail::require_positive(kFn, "radius", options.radius);
  detail::require_positive(kFn, "gamma", options.gamma);
  const double p = options.density;
  const double f = options.excitatory_fraction;
  const double g = options.gamma;
  // Bulk radius^2 = n Var W_ij = p (1 - p) w0^2 (f + (1 - f) gamma^2) (science.md 4.5).
  const double w0 = options.radius / std::sqrt(p * (1.0 - p) * (f + (1.0 - f) * g * g));
  DaleOptions d;
  d.n = options.n;
  d.excitatory_fraction = f;
  d.mean_e = w0 / std::sqrt(static_cast<double>(options.n));
  d.mean_i = -g * d.mean_e;
  d.connection_probability = p;
  d.seed = options.seed;
  Eigen::MatrixXd w = dale_connectivity(d);
  w.diagonal().setZero();
  return w;
}

SocResult optimise_stability(const Eigen::Ref<const Eigen::MatrixXd>& w0,
                             const SocOptions& options) {
  constexpr const char* kFn = "optimise_stability";
  detail::require_connectivity(kFn, "W", w0);
  const Index n = w0.rows();
  const Index ne = options.excitatory < 0
                       ? static_cast<Index>(std::llround(0.5 * static_cast<double>(n)))
                       : options.excitatory;
  if (ne > n) {
    throw std::invalid_argument(std::string(kFn) + ": excitatory = " + std::to_string(ne) +
                                " columns of a " + std::to_string(n) + " x " + std::to_string(n) +
                                " W");
  }
  if (ne == n) {
    throw std::invalid_argument(std::string(kFn) +
                                ": W has no inhibitory columns (excitatory = n); nothing to "
                                "optimise");
  }
  require_dale(w0, ne);
  detail::require_positive(kFn, "learning_rate", options.learning_rate);
  if (!std::isfinite(options.target_abscissa)) {
    throw std::invalid_argument(std::string(kFn) + ": target_abscissa must be finite");
  }
  require_in_range("max_steps", options.max_steps, 0, 1e9, "0 <= max_steps");
  require_in_range("stall_window", options.stall_window, 1, 1e9, "stall_window >= 1");
  require_in_range("stall_tolerance", options.stall_tolerance, 0.0, 1e300, "a finite value >= 0");
  if (options.shift == SocShift::kSmoothedAbscissa) {
    detail::require_positive(kFn, "epsilon", options.epsilon);
  }
  if (options.mask == SocInhibitoryMask::kDensityCap) {
    require_in_range("density_cap", options.density_cap, 1e-300, 1.0, "0 < density_cap <= 1");
  }
  if (options.renormalisation == SocRenormalisation::kEIRatio) {
    detail::require_positive(kFn, "gamma", options.gamma);
  }

  const Index ni = n - ne;
  SocResult out;
  out.w = w0;
  Eigen::MatrixXd& w = out.w;
  const Eigen::MatrixXd initial_mask = (w0.rightCols(ni).array() != 0.0).cast<double>().matrix();
  const Eigen::VectorXd row_sums = w0.rowwise().sum();
  const auto keep = static_cast<Index>(
      std::llround(options.density_cap * static_cast<double>(n) * static_cast<double>(ni)));
  std::vector<double> history;
  // Below n = 500 OpenBLAS's threads slow every call of the step down on this 2-core machine
  // (dgees with vectors: 12 ms on one thread against 21 ms on two at n = 200, 59 against 92 ms
  // at n = 400; bench/soc_step.cpp), so the whole optimisation runs on the calling thread.
  std::optional<lapack::SingleThreadedBlas> one_thread;
  if (n < 500) one_thread.emplace();
  for (int step = 0;; ++step) {
    const SchurFactorization f(w);
    const double alpha = spectral_abscissa(f.eigenvalues());
    history.push_back(alpha);
    const bool reached = alpha < options.target_abscissa;
    // The exact-SSA shift: Newton's last iterate already holds P and Q at s.
    const ShiftedGramians g = options.shift == SocShift::kSmoothedAbscissa
                                  ? smoothed_spectral_abscissa(f, options.epsilon).gramians
                                  : shifted_gramians(f, published_shift(alpha));
    const double s = g.shift;
    SocStep line;
    line.step = step;
    line.spectral_abscissa = alpha;
    line.shift = s;
    line.epsilon = 1.0 / g.trace_p;
    line.inhibitory_norm = w.rightCols(ni).norm();
    out.trace.push_back(line);
    if (options.on_step) options.on_step(line);
    if (reached) {
      out.converged = true;
      out.stop_reason = "target";
      break;
    }
    if (step >= options.max_steps) {
      out.stop_reason = "max_steps";
      break;
    }
    const auto window = static_cast<std::size_t>(options.stall_window);
    if (history.size() > window &&
        history[history.size() - 1 - window] - alpha < options.stall_tolerance) {
      out.stop_reason = "stalled";
      break;
    }
    const Eigen::MatrixXd gradient = smoothed_abscissa_gradient(f, g, ni);
    auto inhibitory = w.rightCols(ni);
    inhibitory -= options.learning_rate * gradient;
    inhibitory = inhibitory.cwiseMin(0.0);
    switch (options.renormalisation) {
      case SocRenormalisation::kNone: break;
      case SocRenormalisation::kEIRatio: renormalise_ei_ratio(w, ne, options.gamma); break;
      case SocRenormalisation::kRowSum: renormalise_row_sums(w, ne, row_sums); break;
    }
    switch (options.mask) {
      case SocInhibitoryMask::kFree: break;
      case SocInhibitoryMask::kFixed: inhibitory.array() *= initial_mask.array(); break;
      case SocInhibitoryMask::kDensityCap: cap_density(w, ne, keep); break;
    }
    if (options.zero_diagonal) w.diagonal().setZero();
    detail::ensure_finite_result(kFn, "W", w);
    out.steps = step + 1;
  }
  return out;
}

std::string to_string(SocShift shift) {
  return shift == SocShift::kPublished ? "published" : "smoothed-abscissa";
}

std::string to_string(SocInhibitoryMask mask) {
  switch (mask) {
    case SocInhibitoryMask::kFree: return "free";
    case SocInhibitoryMask::kFixed: return "fixed";
    case SocInhibitoryMask::kDensityCap: return "density-cap";
  }
  throw std::logic_error("to_string: invalid SocInhibitoryMask");
}

std::string to_string(SocRenormalisation renormalisation) {
  switch (renormalisation) {
    case SocRenormalisation::kNone: return "none";
    case SocRenormalisation::kEIRatio: return "ei-ratio";
    case SocRenormalisation::kRowSum: return "row-sum";
  }
  throw std::logic_error("to_string: invalid SocRenormalisation");
}

SocShift parse_soc_shift(const std::string& text) {
  if (text == "published") return SocShift::kPublished;
  if (text == "smoothed-abscissa") return SocShift::kSmoothedAbscissa;
  throw std::invalid_argument("parse_soc_shift: \"" + text +
                              "\"; need published or smoothed-abscissa");
}

SocInhibitoryMask parse_soc_mask(const std::string& text) {
  if (text == "free") return SocInhibitoryMask::kFree;
  if (text == "fixed") return SocInhibitoryMask::kFixed;
  if (text == "density-cap") return SocInhibitoryMask::kDensityCap;
  throw std::invalid_argument("parse_soc_mask: \"" + text + "\"; need free, fixed or density-cap");
}

SocRenormalisation parse_soc_renormalisation(const std::string& text) {
  if (text == "none") return SocRenormalisation::kNone;
  if (text == "ei-ratio") return SocRenormalisation::kEIRatio;
  if (text == "row-sum") return SocRenormalisation::kRowSum;
  throw std::invalid_argument("parse_soc_renormalisation: \"" + text +
                              "\"; need none, ei-ratio or row-sum");
}

}  // namespace netdyn
