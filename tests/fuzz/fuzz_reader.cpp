// libFuzzer target for the matrix readers: the input bytes become a file with the extension
// NETDYN_FUZZ_EXTENSION (".npy", ".csv" or ".mtx") and go through read_matrix (and, for .mtx,
// read_sparse_matrix, for declared dimensions up to 10^6). Any exception other than
// std::invalid_argument (the documented bad-input error), any crash, sanitizer report, hang or huge
// allocation is a finding.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
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

// The dimensions on the size line of a Matrix Market text (0 if there is none).
std::int64_t mtx_dimension(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t first = line.find_first_not_of(" \t\r\v\f");
    if (first == std::string::npos || line[first] == '%') continue;  // blank, banner, comment
    std::istringstream fields(line);
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    fields >> rows >> cols;
    return std::max(rows, cols);
  }
  return 0;
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
  // The sparse reader's O(rows + cols + entries) work is intended (networks of 10^7 units), but
  // a one-entry file declaring 8e7 rows then takes seconds under ASan: a timeout, not a defect.
  // Dimensions above 10^6 are left to the tests (tests/io_test.cpp, MtxSparse*).
  if (std::string(NETDYN_FUZZ_EXTENSION) == ".mtx" && mtx_dimension(data, size) <= 1'000'000) {
    try {
      (void)netdyn::read_sparse_matrix(path);
    } catch (const std::invalid_argument&) {
    }
  }
  return 0;
}
