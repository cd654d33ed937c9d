#pragma once
// Private: large work matrices whose pages are faulted in by one system call. On a virtual
// machine every first touch of a 4 KiB page traps to the hypervisor: measured here, ~4 ms to
// touch a fresh 8 MB matrix (n = 1000) against ~0.2 ms when madvise(MADV_POPULATE_WRITE) maps
// it at once, and the certified transient gain at n = 1000 spent a third of its time in those
// faults (~120000 of them). Eigen allocates through malloc, which hands out fresh pages for
// large blocks; the hot loops size their outputs through these calls before writing them.
#include <Eigen/Core>

namespace netdyn::detail {

/// m.resize(rows, cols), keeping the buffer when the size is unchanged; a new buffer of 1 MiB or
/// more is populated (and huge pages requested) before it is returned. The entries are
/// unspecified, as after resize.
void resize_populated(Eigen::MatrixXd& m, Eigen::Index rows, Eigen::Index cols);

/// A rows x cols matrix with unspecified entries, populated as by resize_populated.
[[nodiscard]] Eigen::MatrixXd populated_matrix(Eigen::Index rows, Eigen::Index cols);

}  // namespace netdyn::detail
