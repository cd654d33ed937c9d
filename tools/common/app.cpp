#include "common/app.hpp"

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "common/cli.hpp"

namespace netdyn::cli {
namespace {

// "netdyn check" etc. for messages: the subcommand that was running.
std::string command_name(const CLI::App& app) {
  const auto subs = app.get_subcommands();
  return subs.empty() ? std::string("netdyn") : "netdyn " + subs.front()->get_name();
}

// Levenshtein distance, for "did you mean" on a mistyped subcommand.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// netdyn itself takes only --help and --version, so its first non-option argument names the
// subcommand. CLI11 reports an unknown one as "A subcommand is required"; this names it, lists
// the subcommands and suggests the nearest. Returns the message, or empty if argv is fine.
std::string unknown_subcommand_message(const CLI::App& app, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word.empty() || word[0] == '-') continue;
    const auto subs = app.get_subcommands([](const CLI::App*) { return true; });
    std::string names, nearest;
    std::size_t best = std::string::npos;
    for (const CLI::App* sub : subs) {
      if (sub->get_name() == word) return {};
      names += (names.empty() ? "" : ", ") + sub->get_name();
      const std::size_t d = edit_distance(word, sub->get_name());
      if (d < best) {
        best = d;
        nearest = sub->get_name();
      }
    }
    std::string msg = "netdyn: unknown subcommand '" + word + "'";
    if (best <= 2) msg += "; did you mean '" + nearest + "'?";
    return msg + "\nsubcommands: " + names + "\nRun netdyn --help for usage.";
  }
  return {};
}

}  // namespace

std::unique_ptr<CLI::App> make_app() {
  auto app = std::make_unique<CLI::App>(
      "netdyn: stability, nonnormality and amplification of rate networks\n"
      "  tau dr/dt = -r + W r + h(t),  A = (W - I)/tau\n\n"
      "Examples:\n"
      "  netdyn check data/mm09_balanced.npy\n"
      "  netdyn check data/gaussian_n200_rho1.5.npy --tau 10 --json\n",
      "netdyn");
  app->set_version_flag("--version", std::string("netdyn ") + NETDYN_VERSION);
  app->require_subcommand(1);
  add_check_command(*app);
  add_spectrum_command(*app);
  add_generate_sparse_command(*app);
  add_schur_command(*app);
  add_ei2_command(*app);
  add_generate_command(*app);
  add_reproduce_command(*app);
  add_demo_command(*app);
  add_simulate_command(*app);
  add_jacobian_command(*app);
  add_fixedpoint_command(*app);
  add_amplify_command(*app);
  add_covariance_command(*app);
  add_pseudospectra_command(*app);
  add_soc_command(*app);
  add_modes_command(*app);
  add_sweep_command(*app);
  add_convert_command(*app);
  return app;
}

int run_app(CLI::App& app, int argc, const char* const* argv) {
  if (const std::string msg = unknown_subcommand_message(app, argc, argv); !msg.empty()) {
    std::cerr << msg << '\n';
    return 2;
  }
  begin_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const UsageError& e) {
    std::cerr << command_name(app) << ": " << e.what() << "\nRun with --help for usage.\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << command_name(app) << ": error: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace netdyn::cli
