// libFuzzer target for the matrix readers: the input bytes become a file with the extension
// NETDYN_FUZZ_EXTENSION (".npy", ".csv" or ".mtx") and go through read_matrix (and, for .mtx,
// read_sparse_matrix). Any exception other than std::invalid_argument (the documented bad-input
// error), any crash, sanitizer report, hang or huge allocation is a finding.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "netdyn/io.hpp"

#ifndef NETDYN_FUZZ_EXTENSION
#define NETDYN_FUZZ_EXTENSION ".npy"
#endif

namespace {

const std::string& scratch_path() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir ? dir : "/tmp") + "/netdyn_fuzz_" + std::to_string(::getpid()) +
           NETDYN_FUZZ_EXTENSION;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string& path = scratch_path();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
  try {
    const Eigen::MatrixXd m = netdyn::read_matrix(path);
    if (m.size() == 0 || !m.allFinite()) std::abort();  // the reader promises neither
  } catch (const std::invalid_argument&) {
  }
  if (std::string(NETDYN_FUZZ_EXTENSION) == ".mtx") {
    try {
      (void)netdyn::read_sparse_matrix(path);
    } catch (const std::invalid_argument&) {
    }
  }
  return 0;
}
