// netdyn: one executable, one subcommand per file (docs/tools.md). Exit codes: 0 success (an
// unstable W is a result), 1 bad input or numerical failure, 2 bad usage (common/app.cpp).
#include "common/app.hpp"

int main(int argc, char** argv) {
  const auto app = netdyn::cli::make_app();
  return netdyn::cli::run_app(*app, argc, argv);
}
