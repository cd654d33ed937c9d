// libFuzzer target for the matrix readers: the input bytes become a file with the extension
// NETDYN_FUZZ_EXTENSION (".npy", ".csv", ".mtx", ".mat", ".h5" or ".npz") and go through
// read_matrix (and, for .mtx and .mat, read_sparse_matrix; declared .mtx shapes are capped, see
// below; csv and npz also go through the edge-list reader with a convention). Any exception other
// than std::invalid_argument (the documented bad-input error), any crash, sanitizer report, hang or
// huge allocation is a finding.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "netdyn/io/io.hpp"

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

// The declared shape on the size line of a Matrix Market text ({0, 0} if there is none).
std::pair<std::int64_t, std::int64_t> mtx_shape(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t first = line.find_first_not_of(" \t\r\v\f");
    if (first == std::string::npos || line[first] == '%') continue;  // blank, banner, comment
    std::istringstream fields(line);
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    fields >> rows >> cols;
    return {rows, cols};
  }
  return {0, 0};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string& path = scratch_path();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
  // A .mtx file declares its shape before its entries, so a few bytes can legitimately ask for
  // the readers' whole budget: up to kMaxDenseEntries (2^28, 2 GiB) dense, and O(rows + cols +
  // entries) sparse (networks of 10^7 units). Under ASan that takes 10-50 s: a timeout or an
  // out-of-memory report, not a defect. The fuzzer covers declared shapes up to 2^24 entries
  // dense and 10^6 rows sparse; the refusals above the limits are unit tests
  // (tests/io_test.cpp: MtxHugeSizeLine*).
  const bool mtx = std::string(NETDYN_FUZZ_EXTENSION) == ".mtx";
  const auto [rows, cols] = mtx ? mtx_shape(data, size) : std::pair<std::int64_t, std::int64_t>{};
  const bool dense_ok = !mtx || rows <= 0 || cols <= 0 || cols <= (std::int64_t{1} << 24) / rows;
  if (dense_ok) {
    try {
      const Eigen::MatrixXd m = netdyn::read_matrix(path);
      if (m.size() == 0 || !m.allFinite()) std::abort();  // the reader promises neither
    } catch (const std::invalid_argument&) {
    }
  }
  const std::string ext = NETDYN_FUZZ_EXTENSION;
  if (ext == ".csv" || ext == ".npz") {
    netdyn::ReadOptions options;
    options.convention = netdyn::Convention::kPrePost;
    try {
      const Eigen::MatrixXd m = netdyn::read_matrix(path, options);
      if (m.size() == 0 || !m.allFinite()) std::abort();
    } catch (const std::invalid_argument&) {
    }
  }
  if (ext == ".mat") {
    try {
      (void)netdyn::read_sparse_matrix(path);
    } catch (const std::invalid_argument&) {
    }
  }
  if (mtx && std::max(rows, cols) <= 1'000'000) {
    try {
      (void)netdyn::read_sparse_matrix(path);
    } catch (const std::invalid_argument&) {
    }
  }
  return 0;
}
