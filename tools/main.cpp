// netdyn: one executable, one subcommand per file (docs/tools.md). Exit codes: 0 success (an
// unstable W is a result), 1 bad input or numerical failure, 2 bad usage.
#include <iostream>

#include "common/cli.hpp"

namespace {

// "netdyn check" etc. for messages: the subcommand that was running.
std::string command_name(const CLI::App& app) {
  const auto subs = app.get_subcommands();
  return subs.empty() ? std::string("netdyn") : "netdyn " + subs.front()->get_name();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "netdyn: stability, nonnormality and amplification of rate networks\n"
      "  tau dr/dt = -r + W r + h(t),  A = (W - I)/tau\n\n"
      "Examples:\n"
      "  netdyn check data/mm09_balanced.npy\n"
      "  netdyn check data/gaussian_n200_rho1.5.npy --tau 10 --json\n",
      "netdyn"};
  app.set_version_flag("--version", std::string("netdyn ") + NETDYN_VERSION);
  app.require_subcommand(1);
  netdyn::cli::add_check_command(app);
  netdyn::cli::add_spectrum_command(app);
  netdyn::cli::add_generate_sparse_command(app);
  netdyn::cli::add_schur_command(app);
  netdyn::cli::add_ei2_command(app);
  netdyn::cli::add_generate_command(app);
  netdyn::cli::add_reproduce_command(app);
  netdyn::cli::add_demo_command(app);
  netdyn::cli::add_simulate_command(app);
  netdyn::cli::add_jacobian_command(app);
  netdyn::cli::add_fixedpoint_command(app);
  netdyn::cli::add_amplify_command(app);
  netdyn::cli::add_covariance_command(app);
  netdyn::cli::add_pseudospectra_command(app);
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
  } catch (const netdyn::cli::UsageError& e) {
    std::cerr << command_name(app) << ": " << e.what() << "\nRun with --help for usage.\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << command_name(app) << ": error: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
