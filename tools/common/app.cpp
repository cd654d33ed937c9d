#include "common/app.hpp"

#include <iostream>

#include "common/cli.hpp"

namespace netdyn::cli {
namespace {

// "netdyn check" etc. for messages: the subcommand that was running.
std::string command_name(const CLI::App& app) {
  const auto subs = app.get_subcommands();
  return subs.empty() ? std::string("netdyn") : "netdyn " + subs.front()->get_name();
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
  return app;
}

int run_app(CLI::App& app, int argc, const char* const* argv) {
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
