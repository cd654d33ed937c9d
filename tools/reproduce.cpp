// netdyn reproduce NAME --out DIR: one published figure, recomputed and redrawn (registry below).
#include <iomanip>
#include <iostream>

#include "common/cli.hpp"
#include "common/reproduction.hpp"
#include "netdyn/io/output_directory.hpp"

namespace netdyn::cli {

const std::vector<Reproduction>& reproductions() {
  static const std::vector<Reproduction> list = {
      {"murphy-miller-2009",
       "balanced vs Hebbian amplification in an E-I pair: integral ratio 4 without slowing",
       reproduce_murphy_miller_2009},
      {"rosenbaum-3.4",
       "E-I rate network: tau_e = 30/tau_i = 15 ms converges, swapped oscillates (trace, det)",
       reproduce_rosenbaum_3_4},
      {"rosenbaum-4.2",
       "Gaussian network N = 200, rho = 1.5: circular law and instability",
       reproduce_rosenbaum_4_2},
      {"random-rnn",
       "random network N = 500, g = 0.9 vs 1.1: spectra of -I + W, linear and tanh dynamics",
       reproduce_random_rnn},
      {"fitzhugh-nagumo",
       "FitzHugh-Nagumo: nullclines, fixed point, resting at I = 0.3, spiking at I = 0.4",
       reproduce_fitzhugh_nagumo},
      {"hennequin-2012",
       "random balanced E-I network: Schur feedforward and nonnormal variance amplification",
       reproduce_hennequin_2012},
      {"hennequin-2014",
       "stability-optimised circuit: inhibitory tuning stabilises W, top modes amplify strongly",
       reproduce_hennequin_2014},
  };
  return list;
}

namespace {

struct ReproduceArgs {
  std::string name;
  std::string out_dir = "netdyn-reproduce";
  std::string format = "png";
  bool json = false;
  bool list = false;
};

nlohmann::json result_json(const std::string& name,
                           const std::string& dir,
                           const ReproductionResult& r) {
  nlohmann::json j;
  j["name"] = name;
  j["title"] = r.title;
  j["directory"] = dir;
  j["figures"] = nlohmann::json::array();
  for (const auto& f : r.figures)
    j["figures"].push_back({{"file", f.file}, {"caption", f.caption}});
  j["numbers"] = nlohmann::json::array();
  for (const auto& k : r.numbers) {
    j["numbers"].push_back({{"name", k.name},
                            {"value", number(k.value)},
                            {"expected", number(k.expected)},
                            {"source", k.source}});
  }
  return j;
}

}  // namespace

void add_reproduce_command(CLI::App& app) {
  auto args = std::make_shared<ReproduceArgs>();
  std::string names;
  for (const auto& r : reproductions()) names += "\n  " + r.name + ": " + r.description;
  CLI::App* sub =
      app.add_subcommand("reproduce",
                         "Recompute and redraw a published figure\nAvailable:" + names +
                             "\nExamples:\n  netdyn reproduce rosenbaum-4.2 --out figs\n"
                             "  netdyn reproduce --list");
  sub->add_option("NAME", args->name, "which reproduction (see --list)");
  sub->add_option("--out", args->out_dir, "output directory (a NAME/ folder is created in it)")
      ->capture_default_str();
  sub->add_option("--format", args->format, "plot format")
      ->check(CLI::IsMember({"png", "svg", "pdf"}))
      ->capture_default_str();
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->add_flag("--list", args->list, "list the reproductions and exit");
  sub->callback([args]() {
    if (args->list) {
      for (const auto& r : reproductions()) std::cout << r.name << "\t" << r.description << "\n";
      return;
    }
    if (args->name.empty()) throw UsageError("reproduce: NAME is required (see --list)");
    const Reproduction* chosen = nullptr;
    for (const auto& r : reproductions()) {
      if (r.name == args->name) chosen = &r;
    }
    if (!chosen) throw UsageError("reproduce: unknown NAME '" + args->name + "' (see --list)");
    const PlotFormat format = parse_plot_format(args->format);
    OutputDirectory out(args->out_dir);
    const ReproductionResult result = chosen->run(out.stage_subfolder(chosen->name), format);
    commit_with_provenance(out);
    const std::string dir = out.final_path(chosen->name);
    if (args->json) {
      print_json(result_json(chosen->name, dir, result));
      return;
    }
    std::cout << result.title << "\n";
    for (const auto& f : result.figures) std::cout << "  figure " << dir << "/" << f.file << "\n";
    std::cout << std::setprecision(10);
    for (const auto& k : result.numbers) {
      std::cout << "  " << k.name << " = " << k.value;
      if (k.expected) std::cout << "  (reference " << *k.expected << ", " << k.source << ")";
      std::cout << "\n";
    }
  });
}

}  // namespace netdyn::cli
