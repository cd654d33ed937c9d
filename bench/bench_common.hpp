#pragma once
// Shared by the bench mains: the input matrices written by bench/make_inputs.py (the exact
// matrices of ../shared/bench/peer_scipy.py, saved as .npy), the timing loop, and the output line.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "netdyn/io/io.hpp"

namespace netdyn::bench {

/// bench/data/<name>.npy (BENCH_DATA_DIR overrides the folder).
inline Eigen::MatrixXd input(const std::string& name) {
  const char* dir = std::getenv("BENCH_DATA_DIR");
  return read_matrix(std::string(dir ? dir : "bench/data") + "/" + name + ".npy");
}

/// Median wall time of `repeat` runs, in seconds (as peer_scipy.py's timeit). Every run's time,
/// in order, goes to stderr: the first pays one-off costs (first touches of fresh heap pages,
/// OpenBLAS's worker spinning for ~0.1 s after process start) that a job of seconds amortises.
inline double time_median(const std::function<void()>& job, int repeat = 3) {
  std::vector<double> times;
  std::fprintf(stderr, "runs (s):");
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    job();
    times.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    std::fprintf(stderr, " %.4f", times.back());
  }
  std::fprintf(stderr, "\n");
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

/// `job N seconds`, the format of peer_scipy.py.
inline void report(const std::string& job, long n, double seconds) {
  std::printf("%s %ld %.4f\n", job.c_str(), n, seconds);
  std::fflush(stdout);
}

/// Sizes from argv (default: the peer's list; --quick: the first).
inline std::vector<long> sizes(int argc, char** argv, std::vector<long> defaults) {
  std::vector<long> out;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quick") return {defaults.front()};
    out.push_back(std::stol(a));
  }
  return out.empty() ? defaults : out;
}

}  // namespace netdyn::bench
