#include "netdyn/models/sparse_generators.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "netdyn/core/random.hpp"
#include "netdyn/io/io.hpp"

namespace netdyn {
namespace {

[[noreturn]] void bad_option(const std::string& name, double value, const std::string& range) {
  std::ostringstream msg;
  msg << "sparse_ei_network: options." << name << " = " << value << "; need " << range;
  throw std::invalid_argument(msg.str());
}

void validate(const SparseEIOptions& o) {
  if (o.n < 1) bad_option("n", static_cast<double>(o.n), ">= 1");
  if (!(o.excitatory_fraction >= 0.0 && o.excitatory_fraction <= 1.0)) {
    bad_option("excitatory_fraction", o.excitatory_fraction, "0 <= f <= 1");
  }
  const Eigen::Index max_degree = o.self_connections ? o.n : o.n - 1;
  if (o.in_degree != -1 && (o.in_degree < 0 || o.in_degree > max_degree)) {
    bad_option("in_degree",
               static_cast<double>(o.in_degree),
               "0 <= K <= " + std::to_string(max_degree) +
                   (o.self_connections ? " (n)" : " (n - 1 without self-connections)") +
                   ", or -1 to use connection_probability");
  }
  if (o.in_degree == -1 && !(o.connection_probability >= 0.0 && o.connection_probability <= 1.0)) {
    bad_option("connection_probability", o.connection_probability, "0 <= p <= 1");
  }
  if (!(o.excitatory_weight >= 0.0) || !std::isfinite(o.excitatory_weight)) {
    bad_option("excitatory_weight", o.excitatory_weight, "a finite value >= 0");
  }
  if (!(o.inhibition_ratio >= 0.0) || !std::isfinite(o.inhibition_ratio)) {
    bad_option("inhibition_ratio", o.inhibition_ratio, "a finite value >= 0");
  }
  if (!(o.weight_cv >= 0.0) || !std::isfinite(o.weight_cv)) {
    bad_option("weight_cv", o.weight_cv, "a finite value >= 0");
  }
  // Before anything is allocated: Eigen indexes the nonzeros with int, and 2^28 triplets already
  // take 4 GB; the cap is a dense matrix's (kMaxDenseEntries).
  const double nd = static_cast<double>(o.n);
  const double nonzeros = o.in_degree == -1 ? o.connection_probability * nd * nd
                                            : static_cast<double>(o.in_degree) * nd;
  if (nonzeros > static_cast<double>(kMaxDenseEntries)) {
    std::ostringstream msg;
    msg << "sparse_ei_network: options.n = " << o.n << " gives about " << nonzeros
        << " nonzeros; the limit is " << kMaxDenseEntries;
    throw std::invalid_argument(msg.str());
  }
}

Eigen::Index excitatory_count(const SparseEIOptions& o) {
  return static_cast<Eigen::Index>(std::llround(o.excitatory_fraction * static_cast<double>(o.n)));
}

// Connection probability alpha seen by one entry.
double connection_density(const SparseEIOptions& o) {
  if (o.in_degree == -1) return o.connection_probability;
  const Eigen::Index candidates = o.self_connections ? o.n : o.n - 1;
  return candidates > 0 ? static_cast<double>(o.in_degree) / static_cast<double>(o.n) : 0.0;
}

}  // namespace

SparseNetwork sparse_ei_network(const SparseEIOptions& options) {
  validate(options);
  const Eigen::Index n = options.n;
  const Eigen::Index n_e = excitatory_count(options);
  RandomSource random(options.seed);
  // Log-normal magnitude factor exp(s z - s^2 / 2): mean 1, CV weight_cv.
  const double s = std::sqrt(std::log1p(options.weight_cv * options.weight_cv));
  auto magnitude = [&](double mean) {
    if (s == 0.0) return mean;
    return mean * std::exp(s * random.normal() - 0.5 * s * s);
  };
  const double w_e = options.excitatory_weight;
  const double w_i = options.inhibition_ratio * options.excitatory_weight;

  std::vector<Eigen::Triplet<double>> entries;
  const double expected_nnz =
      options.in_degree == -1
          ? options.connection_probability * static_cast<double>(n) * static_cast<double>(n)
          : static_cast<double>(options.in_degree) * static_cast<double>(n);
  entries.reserve(static_cast<std::size_t>(expected_nnz * 1.05) + 16);

  std::vector<char> taken(static_cast<std::size_t>(n), 0);  // partners of the current row
  std::vector<Eigen::Index> row;                            // its columns
  SparseNetwork out;
  out.n_excitatory = n_e;
  for (Eigen::Index i = 0; i < n; ++i) {
    row.clear();
    if (options.in_degree >= 0) {
      // Floyd's algorithm: K distinct values of [0, m) in O(K) draws, m = candidates; without
      // self-connections candidate c maps to column c + (c >= i).
      const Eigen::Index m = options.self_connections ? n : n - 1;
      for (Eigen::Index j = m - options.in_degree; j < m; ++j) {
        Eigen::Index c = static_cast<Eigen::Index>(random.below(static_cast<std::uint64_t>(j + 1)));
        if (taken[static_cast<std::size_t>(c)]) c = j;
        taken[static_cast<std::size_t>(c)] = 1;
        row.push_back(c);
      }
      for (Eigen::Index& c : row) {
        taken[static_cast<std::size_t>(c)] = 0;
        if (!options.self_connections && c >= i) ++c;
      }
    } else if (options.connection_probability > 0.0) {
      // Geometric skips: O(entries), not O(n), per row.
      const double p = options.connection_probability;
      const double log_q = std::log1p(-p);
      Eigen::Index j = -1;
      for (;;) {
        const double skip = p >= 1.0 ? 0.0 : std::floor(std::log(random.uniform()) / log_q);
        if (skip >= static_cast<double>(n)) break;
        j += 1 + static_cast<Eigen::Index>(skip);
        if (j >= n) break;
        if (options.self_connections || j != i) row.push_back(j);
      }
    }
    double excitation = 0.0;
    double inhibition = 0.0;
    const std::size_t first = entries.size();
    for (const Eigen::Index c : row) {
      const bool excitatory = c < n_e;
      const double v = excitatory ? magnitude(w_e) : -magnitude(w_i);
      if (!std::isfinite(v)) {
        std::ostringstream msg;
        msg << "sparse_ei_network: weight (" << i << "," << c << ") = " << v
            << " overflows; options.weight_cv = " << options.weight_cv
            << ", excitatory_weight = " << options.excitatory_weight
            << ", inhibition_ratio = " << options.inhibition_ratio << " are too large";
        throw std::invalid_argument(msg.str());
      }
      (excitatory ? excitation : inhibition) += v;
      entries.emplace_back(i, c, v);
    }
    if (options.balance_rows && (excitation != 0.0 || inhibition != 0.0)) {
      if (inhibition == 0.0 || excitation == 0.0) {
        ++out.unbalanced_rows;
      } else {
        const double scale = -excitation / inhibition;
        for (std::size_t k = first; k < entries.size(); ++k) {
          if (entries[k].col() >= n_e) {
            entries[k] = Eigen::Triplet<double>(
                entries[k].row(), entries[k].col(), entries[k].value() * scale);
          }
        }
      }
    }
  }
  out.w.resize(n, n);
  out.w.setFromTriplets(entries.begin(), entries.end());
  out.w.makeCompressed();
  return out;
}

SparseEIPrediction predict_sparse_ei_spectrum(const SparseEIOptions& options) {
  validate(options);
  const double n = static_cast<double>(options.n);
  const double f = static_cast<double>(excitatory_count(options)) / n;
  const double alpha = connection_density(options);
  const double second_moment = 1.0 + options.weight_cv * options.weight_cv;  // E[m^2] / mean^2
  const double w_e = options.excitatory_weight;
  const double w_i = -options.inhibition_ratio * options.excitatory_weight;
  const double mu_e = alpha * w_e;
  const double mu_i = alpha * w_i;
  const double var_e = alpha * second_moment * w_e * w_e - mu_e * mu_e;
  const double var_i = alpha * second_moment * w_i * w_i - mu_i * mu_i;
  SparseEIPrediction p;
  p.outlier = n * (f * mu_e + (1.0 - f) * mu_i);
  p.bulk_radius = std::sqrt(std::max(0.0, n * (f * var_e + (1.0 - f) * var_i)));
  return p;
}

bool satisfies_dale(const Eigen::SparseMatrix<double>& w, Eigen::Index n_excitatory) {
  for (Eigen::Index j = 0; j < w.outerSize(); ++j) {
    for (Eigen::SparseMatrix<double>::InnerIterator it(w, j); it; ++it) {
      const bool excitatory = it.col() < n_excitatory;
      if (excitatory ? !(it.value() > 0.0) : !(it.value() < 0.0)) return false;
    }
  }
  return true;
}

}  // namespace netdyn
