#pragma once
/// \file edge_list.hpp
/// Edge lists, the simulators' hand-off format: one connection per row, (first, second, weight).
///
/// netdyn's W is post x pre (W_ij is the weight from j to i). NEST's connection tables and
/// Brian2's synapse arrays list (source, target) = (pre, post). Which of the first two columns is
/// presynaptic is never guessed: reading or writing an edge list needs a Convention, and
/// `Convention::kPrePost` means the first column is presynaptic (the simulators' order).
///
/// - `.csv`: optional `# nodes: N` comment (otherwise N = largest index + 1), then a header row of
///   three names, then rows of `index,index,weight` with 0-based integer indices. A header that
///   names the roles (`source`/`pre`/`from` against `target`/`post`/`to`) must agree with the
///   convention; `i,j,weight` leaves it to the convention alone.
/// - `.npz`: members `source`, `target` (integer, 1-D), `weight` (float, 1-D) and optionally
///   `nodes` (a scalar). The member names fix the roles, so only `Convention::kPrePost` fits.
///
/// read_matrix(), read_connectivity() and read_sparse_matrix() recognise both (the header row, or
/// the three members) and return W in post x pre layout; duplicate edges are summed.

#include <Eigen/SparseCore>
#include <string>

#include "netdyn/io/io.hpp"

namespace netdyn {

/// Write W (post x pre) as an edge list, `.csv` (17 significant digits) or `.npz`, one row per
/// nonzero in column-major order; atomic (temp + rename).
/// \throws std::invalid_argument for another extension, a non-square W, or `.npz` with
///         Convention::kPostPre.
void write_edge_list(const std::string& path,
                     const Eigen::SparseMatrix<double>& w,
                     Convention convention);

}  // namespace netdyn
