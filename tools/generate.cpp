// netdyn generate KIND [options] [--seed S] -o FILE: seeded connectivity matrices
// (lib: generators.hpp, ei_network.hpp). KIND: gaussian, dale, ei2, hebbian2.
#include <iostream>
#include <map>
#include <set>

#include "common/cli.hpp"
#include "common/validators.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/models/ei_network.hpp"
#include "netdyn/models/generators.hpp"

namespace netdyn::cli {
namespace {

struct GenerateArgs {
  std::string kind;
  std::string output;
  std::uint64_t seed = 0;
  Eigen::Index n = 0;
  double rho = 1.0;
  DaleOptions dale;
  std::string distribution = "gaussian";
  double w = 0.0;
  double k = 0.0;
  double we = 0.0;
  double wi = 0.0;
};

// Which options each kind reads; any other given option is a usage error, so a typo such as
// `generate gaussian --p 0.1` does not silently produce a dense matrix.
const std::map<std::string, std::set<std::string>>& kind_options() {
  static const std::map<std::string, std::set<std::string>> table = {
      {"gaussian", {"--n", "--rho", "--seed"}},
      {"dale",
       {"--n",
        "--seed",
        "--f",
        "--mean-e",
        "--sd-e",
        "--mean-i",
        "--sd-i",
        "--p",
        "--zero-row-sums",
        "--distribution"}},
      {"ei2", {"--w", "--k", "--we", "--wi"}},
      {"hebbian2", {"--w"}},
  };
  return table;
}

void check_options(const CLI::App& sub, const std::string& kind) {
  const std::set<std::string>& allowed = kind_options().at(kind);
  for (const CLI::Option* opt : sub.get_options()) {
    const std::string name = opt->get_name();
    if (name.rfind("--", 0) != 0 || name == "--help" || name == "--output") continue;
    if (opt->count() > 0 && allowed.count(name) == 0) {
      throw UsageError(name + " does not apply to KIND " + kind);
    }
  }
  const bool needs_n = kind == "gaussian" || kind == "dale";
  if (needs_n && sub.get_option("--n")->count() == 0) {
    throw UsageError("KIND " + kind + " needs --n N");
  }
}

// A dale matrix is defined by its two column populations; left at their zero defaults it is
// silently the zero matrix. The means carry Dale's law (their signs), so each population that
// exists needs its mean given (0 is allowed: Rajan & Abbott's zero-mean case, science.md 5.2).
void check_dale_populations(const CLI::App& sub, const DaleOptions& d, const std::string& dist) {
  const auto given = [&sub](const char* name) { return sub.get_option(name)->count() > 0; };
  if (d.excitatory_fraction > 0.0 && !given("--mean-e")) {
    throw UsageError(
        "KIND dale needs --mean-e (mean of a connected E weight, >= 0; 0 for zero-mean E columns)");
  }
  if (d.excitatory_fraction < 1.0 && !given("--mean-i")) {
    throw UsageError(
        "KIND dale needs --mean-i (mean of a connected I weight, <= 0; 0 for zero-mean I columns)");
  }
  if (d.mean_e == 0.0 && d.mean_i == 0.0 && d.sd_e == 0.0 && d.sd_i == 0.0) {
    throw UsageError(
        "KIND dale: --mean-e, --mean-i, --sd-e and --sd-i are all 0, so every weight "
        "would be 0; give --sd-e/--sd-i for zero-mean populations");
  }
  if (dist == "lognormal") {
    // A lognormal weight keeps its sign, so a population with spread needs a non-zero mean.
    if (d.sd_e > 0.0 && d.mean_e == 0.0) {
      throw UsageError("--distribution lognormal with --sd-e > 0 needs --mean-e > 0");
    }
    if (d.sd_i > 0.0 && d.mean_i == 0.0) {
      throw UsageError("--distribution lognormal with --sd-i > 0 needs --mean-i < 0");
    }
  }
}

Eigen::MatrixXd generate(const GenerateArgs& a, const CLI::App& sub) {
  if (a.kind == "gaussian") {
    GaussianOptions o;
    o.n = a.n;
    o.rho = a.rho;
    o.seed = a.seed;
    return gaussian_connectivity(o);
  }
  if (a.kind == "dale") {
    DaleOptions o = a.dale;
    o.n = a.n;
    o.seed = a.seed;
    o.distribution = parse_weight_distribution(a.distribution);
    return dale_connectivity(o);
  }
  if (a.kind == "ei2") {
    const bool mm09 = sub.get_option("--w")->count() > 0;
    if (!mm09 && sub.get_option("--we")->count() == 0) {
      throw UsageError("KIND ei2 needs --w W --k K, or --we WE --wi WI");
    }
    return ei_connectivity(mm09 ? EiNetwork::from_gain(a.w, a.k) : EiNetwork{a.we, a.wi, 1.0});
  }
  if (sub.get_option("--w")->count() == 0) throw UsageError("KIND hebbian2 needs --w W");
  return hebbian_connectivity(a.w);
}

}  // namespace

void add_generate_command(CLI::App& app) {
  auto a = std::make_shared<GenerateArgs>();
  CLI::App* sub = app.add_subcommand(
      "generate",
      "Seeded connectivity matrices (same seed, same matrix on every machine)\n"
      "  gaussian  rho * randn(n, n) / sqrt(n)                       --n --rho --seed\n"
      "  dale      E-I columns with Dale's law (Rajan & Abbott 2006)  --n --f --mean-e --sd-e\n"
      "            --mean-i --sd-i --p --zero-row-sums --distribution --seed\n"
      "  ei2       [[wE, -wI], [wE, -wI]] (Murphy & Miller 2009)      --w --k | --we --wi\n"
      "  hebbian2  (w/2) [[1, 1], [1, 1]] (normal, eigenvalues w, 0)  --w\n"
      "Examples:\n"
      "  netdyn generate gaussian --n 200 --rho 1.5 --seed 7 -o W.npy\n"
      "  netdyn generate dale --n 500 --f 0.8 --mean-e 0.0447 --mean-i -0.1789 --sd-e 0.02\n"
      "         --sd-i 0.07 --p 0.1 --zero-row-sums --seed 3 -o W.mtx");
  sub->add_option("KIND", a->kind, "gaussian, dale, ei2 or hebbian2")
      ->required()
      ->check(CLI::IsMember({"gaussian", "dale", "ei2", "hebbian2"}));
  sub->add_option("-o,--output", a->output, "output file: .npy, .csv or .mtx (written atomically)")
      ->required();
  sub->add_option("--seed", a->seed, "random seed (unsigned 64-bit)")
      ->check(seed_number())
      ->capture_default_str();
  sub->add_option("--n", a->n, "size n")->check(integer_in(1, 16384));
  const CLI::Validator non_negative = number_at_least(0.0);
  sub->add_option("--rho", a->rho, "gaussian: circular-law radius")
      ->check(non_negative)
      ->capture_default_str();
  a->dale.excitatory_fraction = 0.8;
  sub->add_option("--f", a->dale.excitatory_fraction, "dale: excitatory fraction of columns")
      ->check(number_in(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("--mean-e", a->dale.mean_e, "dale: mean of a connected E weight (>= 0)")
      ->check(non_negative);
  sub->add_option("--sd-e", a->dale.sd_e, "dale: its standard deviation")->check(non_negative);
  sub->add_option("--mean-i", a->dale.mean_i, "dale: mean of a connected I weight (<= 0)")
      ->check(number_at_most(0.0));
  sub->add_option("--sd-i", a->dale.sd_i, "dale: its standard deviation")->check(non_negative);
  sub->add_option("--p", a->dale.connection_probability, "dale: connection probability (0, 1]")
      ->check(number_in(0.0, 1.0, true))
      ->capture_default_str();
  sub->add_flag("--zero-row-sums",
                a->dale.zero_row_sums,
                "dale: random part of every row sums to zero (Rajan & Abbott)");
  sub->add_option("--distribution", a->distribution, "dale: gaussian or lognormal weights")
      ->check(CLI::IsMember({"gaussian", "lognormal"}))
      ->capture_default_str();
  sub->add_option("--w", a->w, "ei2: MM09 weight (wE = w); hebbian2: self-weight")
      ->check(finite_number());
  sub->add_option("--k", a->k, "ei2: inhibition ratio (wI = k w)")->check(non_negative);
  sub->add_option("--we", a->we, "ei2: excitatory weight magnitude")->check(non_negative);
  sub->add_option("--wi", a->wi, "ei2: inhibitory weight magnitude")->check(non_negative);
  sub->callback([a, sub]() {
    check_options(*sub, a->kind);
    if (a->kind == "dale") check_dale_populations(*sub, a->dale, a->distribution);
    if (sub->get_option("--w")->count() + sub->get_option("--k")->count() == 1 &&
        a->kind == "ei2") {
      throw UsageError("--w and --k go together");
    }
    if (sub->get_option("--we")->count() != sub->get_option("--wi")->count()) {
      throw UsageError("--we and --wi go together");
    }
    const Eigen::MatrixXd w = generate(*a, *sub);
    const std::string& path = a->output;
    const std::string ext = path.size() >= 4 ? path.substr(path.size() - 4) : "";
    ensure_parent_dir(path);
    if (ext == ".mtx") {
      write_sparse_matrix(path, w.sparseView());
    } else {
      write_matrix(path, w);
    }
    write_provenance_sidecar(path);
    std::cout << "wrote " << path << " (" << a->kind << ", " << w.rows() << "x" << w.cols()
              << ", seed " << a->seed << ")\n";
  });
}

}  // namespace netdyn::cli
