#pragma once
/// \file io.hpp
/// Matrix I/O: the file formats of docs/tools.md, chosen by extension.
///
/// Reading: `.npy` (NumPy format v1-v3, float64 or float32, either byte order, C or Fortran
/// order, 2-D), `.csv` / `.txt` / `.dat` (comma or whitespace separated, `#` comments, blank lines
/// ignored), `.mtx` (Matrix Market `matrix coordinate|array real|integer general|symmetric|
/// skew-symmetric`; duplicate coordinate entries are summed). Writing: `.npy` (float64 or
/// complex128, Fortran order) and `.csv` (17 significant digits), always to a temporary name in
/// the target directory that is renamed into place, so a failure never leaves a partial file.
///
/// Every reader error is a `std::invalid_argument` whose message starts with the file name and
/// names the position (`W.csv:3:2: ...`, `W.npy: header: ...`, `W.mtx:7: ...`). Sizes are checked
/// against the file length before anything is allocated, so a header claiming 10^6 x 10^6 costs
/// nothing.

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <string>

namespace netdyn {

/// Largest dense matrix a reader will allocate (entries); 2^28 doubles = 2 GiB, n = 16384.
inline constexpr Eigen::Index kMaxDenseEntries = Eigen::Index{1} << 28;

/// Read a dense real matrix of any shape from `path` (format by extension).
/// \throws std::invalid_argument unreadable file, unknown extension, malformed content, NaN/Inf
///         entry (position named), empty matrix, or more than kMaxDenseEntries entries.
[[nodiscard]] Eigen::MatrixXd read_matrix(const std::string& path);

/// read_matrix() plus the checks every connectivity input needs: square and non-empty.
/// \throws std::invalid_argument as read_matrix(), or "W.csv: matrix is 3x4; need a square ...".
[[nodiscard]] Eigen::MatrixXd read_connectivity(const std::string& path);

/// Read a sparse real matrix (CSC, duplicates summed). `.mtx` coordinate files are read without
/// ever forming the dense matrix; other formats are read densely and converted.
[[nodiscard]] Eigen::SparseMatrix<double> read_sparse_matrix(const std::string& path);

/// Write `.npy` (float64, Fortran order) or `.csv`, chosen by extension; atomic (temp + rename).
void write_matrix(const std::string& path, const Eigen::Ref<const Eigen::MatrixXd>& m);
/// Write a complex matrix as `.npy` complex128 (Fortran order); atomic.
void write_matrix(const std::string& path, const Eigen::Ref<const Eigen::MatrixXcd>& m);
/// Write a sparse matrix as Matrix Market `coordinate real general` (1-based); atomic.
void write_sparse_matrix(const std::string& path, const Eigen::SparseMatrix<double>& m);

}  // namespace netdyn
