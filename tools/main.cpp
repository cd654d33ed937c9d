// netdyn: one executable, one subcommand per file (docs/tools.md). Exit codes: 0 success (an
// unstable W is a result), 1 bad input or numerical failure, 2 bad usage (common/app.cpp).
#include <malloc.h>

#include <csignal>

#include "common/app.hpp"

int main(int argc, char** argv) {
  // Under a file-size limit (`ulimit -f`, quota'd clusters) a write past it would kill netdyn with
  // SIGXFSZ, leaving its temporary files behind. Ignored, the write fails with EFBIG instead, and
  // the writer reports it with the file's path and removes the temporary (atomic_file.cpp).
  std::signal(SIGXFSZ, SIG_IGN);
  // The dense analyses allocate and free n x n buffers by the dozen (the envelope's
  // exponentials and products). glibc serves each from a fresh mmap and unmaps it on free, so
  // every buffer's first touch page-faults again: a third of `netdyn check`'s time at n = 1000 on
  // this 2-core VM (bench/check_ratio.sh; docs/decisions/one-factorization.md). Serve them from
  // the heap and keep what is freed for reuse; a short-lived process returns it all at exit.
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, -1);
  const auto app = netdyn::cli::make_app();
  return netdyn::cli::run_app(*app, argc, argv);
}
