#pragma once
// The netdyn command line as an object: every subcommand registered on one CLI::App, and the
// mapping of exceptions to exit codes (0 success, 1 bad input or numerical failure, 2 bad usage).
// main.cpp and the argument fuzz target (tests/fuzz/fuzz_cli.cpp) share it.
#include <CLI/CLI.hpp>
#include <memory>

namespace netdyn::cli {

/// `netdyn` with its description, --version and every subcommand.
[[nodiscard]] std::unique_ptr<CLI::App> make_app();

/// Parse argv (argv[0] is the program name), run the chosen subcommand and return the exit code;
/// messages go to stderr, --help/--version text to stdout.
[[nodiscard]] int run_app(CLI::App& app, int argc, const char* const* argv);

}  // namespace netdyn::cli
