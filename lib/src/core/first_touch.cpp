#include "core/first_touch.hpp"

#include <cstdint>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace netdyn::detail {
namespace {

constexpr std::size_t kPopulateFrom = std::size_t{1} << 20;

// Advice only: a kernel without MADV_POPULATE_WRITE (before Linux 5.14) or without transparent
// huge pages returns EINVAL, and the pages are then faulted in on first touch as before.
void populate(double* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  constexpr std::uintptr_t kPage = 4096;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kPage - 1) & ~(kPage - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kPage - 1);
  if (end <= begin) return;
  void* const p = reinterpret_cast<void*>(begin);  // NOLINT(performance-no-int-to-ptr)
#ifdef MADV_HUGEPAGE
  (void)madvise(p, end - begin, MADV_HUGEPAGE);
#endif
  (void)madvise(p, end - begin, MADV_POPULATE_WRITE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace

void resize_populated(Eigen::MatrixXd& m, Eigen::Index rows, Eigen::Index cols) {
  if (m.rows() == rows && m.cols() == cols) return;
  const bool reallocates = m.size() != rows * cols;
  m.resize(rows, cols);
  const auto bytes = static_cast<std::size_t>(m.size()) * sizeof(double);
  if (reallocates && bytes >= kPopulateFrom) populate(m.data(), bytes);
}

Eigen::MatrixXd populated_matrix(Eigen::Index rows, Eigen::Index cols) {
  Eigen::MatrixXd m;
  resize_populated(m, rows, cols);
  return m;
}

}  // namespace netdyn::detail
