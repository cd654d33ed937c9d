// netdyn: one executable, one subcommand per file (docs/tools.md). Exit codes: 0 success (an
// unstable W is a result), 1 bad input or numerical failure, 2 bad usage (common/app.cpp).
#include <csignal>

#include "common/app.hpp"

int main(int argc, char** argv) {
  // Under a file-size limit (`ulimit -f`, quota'd clusters) a write past it would kill netdyn with
  // SIGXFSZ, leaving its temporary files behind. Ignored, the write fails with EFBIG instead, and
  // the writer reports it with the file's path and removes the temporary (atomic_file.cpp).
  std::signal(SIGXFSZ, SIG_IGN);
  const auto app = netdyn::cli::make_app();
  return netdyn::cli::run_app(*app, argc, argv);
}
