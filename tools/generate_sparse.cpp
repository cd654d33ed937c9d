// netdyn generate-sparse --n N [--k K | --p P] [options] -o FILE.mtx [--json]: a seeded sparse
// E-I matrix obeying Dale's law (lib: sparse_generators.hpp), written as Matrix Market.
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "common/cli.hpp"
#include "common/validators.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/models/sparse_generators.hpp"

namespace netdyn::cli {
namespace {

struct GenerateSparseArgs {
  SparseEIOptions options;
  std::string output;
  bool json = false;
  bool no_self = false;
};

// --k against --n, and the size of the result, before anything is allocated. The nonzeros are
// capped like a dense matrix's entries (kMaxDenseEntries): an Eigen sparse matrix indexes them
// with int, and 2^28 triplets already take 4 GB.
void check_size(const SparseEIOptions& o, bool k_given) {
  const Eigen::Index max_k = o.self_connections ? o.n : o.n - 1;
  const std::string k_text =
      "--k " + std::to_string(o.in_degree) + (k_given ? "" : " (the default)");
  if (o.in_degree > max_k) {
    throw UsageError(k_text + " is more than " + (o.self_connections ? "n" : "n - 1") + " = " +
                     std::to_string(max_k) + (o.self_connections ? "" : " (--no-self)") +
                     "; give a smaller --k or a larger --n");
  }
  const double nonzeros =
      o.in_degree == -1
          ? o.connection_probability * static_cast<double>(o.n) * static_cast<double>(o.n)
          : static_cast<double>(o.in_degree) * static_cast<double>(o.n);
  if (nonzeros > static_cast<double>(kMaxDenseEntries)) {
    std::ostringstream msg;
    msg << "--n " << o.n << " with ";
    if (o.in_degree == -1) {
      msg << "--p " << o.connection_probability;
    } else {
      msg << k_text;
    }
    msg << " gives about " << nonzeros << " nonzeros; the limit is " << kMaxDenseEntries;
    throw UsageError(msg.str());
  }
}

}  // namespace

void add_generate_sparse_command(CLI::App& app) {
  auto a = std::make_shared<GenerateSparseArgs>();
  CLI::App* sub = app.add_subcommand(
      "generate-sparse",
      "Sparse E-I connectivity with Dale's law (column signs), fixed in-degree K or connection\n"
      "probability p, optionally balanced rows (W 1 = 0); written as Matrix Market (.mtx)\n"
      "Examples:\n"
      "  netdyn generate-sparse --n 100000 --k 100 --balance-rows -o W.mtx\n"
      "  netdyn generate-sparse --n 5000 --p 0.02 --gamma 3 --cv 0.5 --seed 7 -o W.mtx --json");
  SparseEIOptions& o = a->options;
  sub->add_option("--n", o.n, "neurons (matrix size)")->required()->check(integer_in(1));
  auto* k = sub->add_option("--k", o.in_degree, "fixed in-degree: inputs per row (default 100)")
                ->check(integer_in(0));
  auto* p = sub->add_option("--p", o.connection_probability, "connection probability instead of K")
                ->check(number_in(0.0, 1.0));
  k->excludes(p);
  sub->add_option("--f", o.excitatory_fraction, "excitatory fraction (first round(f n) columns)")
      ->check(number_in(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("--we", o.excitatory_weight, "excitatory weight w_E >= 0")
      ->check(number_at_least(0.0))
      ->capture_default_str();
  sub->add_option("--gamma", o.inhibition_ratio, "inhibition ratio: w_I = -gamma w_E")
      ->check(number_at_least(0.0))
      ->capture_default_str();
  sub->add_option("--cv", o.weight_cv, "coefficient of variation of log-normal magnitudes")
      ->check(number_at_least(0.0))
      ->capture_default_str();
  sub->add_flag("--balance-rows", o.balance_rows, "rescale inhibition so each row sums to zero");
  sub->add_flag("--no-self", a->no_self, "no self-connections (W_ii = 0)");
  sub->add_option("--seed", o.seed, "random seed")->check(seed_number())->capture_default_str();
  sub->add_option("-o,--output", a->output, "output file, .mtx (written atomically)")->required();
  sub->add_flag("--json", a->json, "print one JSON object on stdout");
  sub->callback([a, k, p]() {
    SparseEIOptions options = a->options;
    if (p->count() > 0) options.in_degree = -1;
    options.self_connections = !a->no_self;
    check_size(options, k->count() > 0);
    // Predictions hold for unbalanced rows; balancing removes the outlier.
    const SparseEIPrediction pred = predict_sparse_ei_spectrum(options);
    if (!std::isfinite(pred.bulk_radius) || !std::isfinite(pred.outlier)) {
      // The second moment (1 + cv^2) w^2 of the weights overflows: nothing meaningful to write.
      std::ostringstream msg;
      msg << "--cv " << options.weight_cv << " with --we " << options.excitatory_weight
          << " and --gamma " << options.inhibition_ratio
          << ": the weights' second moment (1 + cv^2) w^2 overflows double precision; use "
             "smaller values";
      throw std::invalid_argument(msg.str());
    }
    const SparseNetwork net = sparse_ei_network(options);
    ensure_parent_dir(a->output);
    write_sparse_matrix(a->output, net.w);
    write_provenance_sidecar(a->output);
    if (a->json) {
      nlohmann::json j;
      j["output"] = a->output;
      j["n"] = options.n;
      j["nonzeros"] = net.w.nonZeros();
      j["n_excitatory"] = net.n_excitatory;
      j["unbalanced_rows"] = net.unbalanced_rows;
      j["predicted_bulk_radius"] = number(pred.bulk_radius);
      j["predicted_outlier"] =
          options.balance_rows ? nlohmann::json(nullptr) : number(pred.outlier);
      print_json(j);
      return;
    }
    std::ostringstream out;
    out << std::setprecision(6) << "netdyn generate-sparse: wrote " << a->output
        << "  (n = " << options.n << ", " << net.w.nonZeros() << " nonzeros, " << net.n_excitatory
        << " excitatory columns)\n"
        << "  predicted bulk radius " << pred.bulk_radius;
    if (!options.balance_rows) out << ", outlier " << pred.outlier;
    if (options.balance_rows)
      out << "; rows balanced (W 1 = 0), " << net.unbalanced_rows << " could not be";
    out << "\n";
    std::cout << out.str();
  });
}

}  // namespace netdyn::cli
