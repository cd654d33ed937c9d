#pragma once
/// \file io.hpp
/// Matrix I/O: the file formats of docs/tools.md, chosen by extension.
///
/// Reading: `.npy` (NumPy format v1-v3, float64/float32/integer/bool, either byte order, C or
/// Fortran order, 2-D), `.csv` / `.txt` / `.dat` (comma or whitespace separated, `#` comments,
/// blank lines ignored), `.mtx` (Matrix Market `matrix coordinate|array real|integer general|
/// symmetric|skew-symmetric`; duplicate coordinate entries are summed), `.mat` (MATLAB v4, v5 and
/// v7.3 through libmatio: real double, single, integer or logical matrices, and sparse ones),
/// `.h5` / `.hdf5` (a numeric 2-D dataset, HDF5 C library; read as h5py shows it) and `.npz`
/// (NumPy archives, stored or deflated, through libzip). Edge lists (`source,target,weight`
/// columns in a .csv, or `source`, `target`, `weight` members of an .npz) are read and written by
/// edge_list.hpp; read_matrix() recognises them and builds W in netdyn's post x pre layout.
///
/// A file that holds several matrices (.mat, .h5, .npz) is named as `FILE:NAME` (an HDF5 path
/// such as `runs.h5:/run3/W` for a dataset in a group). With exactly one numeric 2-D candidate the
/// name may be left out; with several, the error lists them with their shapes and types.
///
/// Writing: `.npy` (float64 or complex128, Fortran order) and `.csv` (17 significant digits),
/// always to a temporary name in the target directory that is renamed into place, so a failure
/// never leaves a partial file.
///
/// Every reader error is a `std::invalid_argument` whose message starts with the file name (and
/// variable) and names the position (`W.csv:3:2: ...`, `W.npy: header: ...`, `W.mtx:7: ...`,
/// `net.mat:W: ...`). Sizes are checked before anything is allocated, so a header claiming
/// 10^6 x 10^6 costs nothing.

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <optional>
#include <string>

namespace netdyn {

/// Which index of a matrix file is the postsynaptic neuron. netdyn's W is post x pre (W_ij is the
/// weight from j to i), as in the rate equations; NEST's connection tables and Brian2's synapse
/// arrays run pre -> post, so a matrix exported from them is W^T in netdyn's layout.
enum class Convention {
  kPostPre,  ///< rows are postsynaptic (netdyn's layout; the default for matrix files)
  kPrePost,  ///< rows are presynaptic: the file holds W^T, and reading transposes it
};
/// "post-pre" or "pre-post".
[[nodiscard]] const char* to_string(Convention convention);
/// Parses "post-pre" / "pre-post"; \throws std::invalid_argument naming the text otherwise.
[[nodiscard]] Convention parse_convention(const std::string& text);

/// A matrix argument split into its file and, for container formats, the name inside it.
struct MatrixSpec {
  std::string path;      ///< the file
  std::string variable;  ///< variable, dataset or member name; empty when not given
  /// "path" or "path:variable", for messages.
  [[nodiscard]] std::string label() const;
};
/// Splits `FILE:NAME`. A spec that names an existing file is a path, whatever colons it holds;
/// otherwise the text after the last ':' whose prefix is an existing file is the name.
[[nodiscard]] MatrixSpec parse_matrix_spec(const std::string& spec);

/// How read_matrix() reads a file.
struct ReadOptions {
  /// Layout of the file. Unset: post-pre for matrix files; an edge list must say which (its first
  /// column is otherwise ambiguous), and reading one without it is an error.
  std::optional<Convention> convention;
};

/// What a reader read: enough to trace a result to its input (provenance.hpp adds the hash).
struct MatrixFileInfo {
  std::string path;        ///< as given
  std::string variable;    ///< the variable read (the only candidate when none was named), or ""
  std::string format;      ///< "npy", "csv", "mtx", "mat-v5", "mat-v7.3", "hdf5", "npz", ...
  std::string dtype;       ///< stored element type ("float64", "int32", "sparse double", ...)
  bool edge_list = false;  ///< read from source/target/weight columns
  Convention convention = Convention::kPostPre;  ///< the layout used
  Eigen::Index rows = 0;                         ///< shape of the matrix returned
  Eigen::Index cols = 0;
};

/// Largest dense matrix a reader will allocate (entries); 2^28 doubles = 2 GiB, n = 16384.
inline constexpr Eigen::Index kMaxDenseEntries = Eigen::Index{1} << 28;

/// Read a dense real matrix of any shape from `path` (format by extension).
/// \throws std::invalid_argument unreadable file, unknown extension, malformed content, NaN/Inf
///         entry (position named), empty matrix, or more than kMaxDenseEntries entries.
/// `spec` is `FILE` or `FILE:NAME`; `info`, when given, receives what was read.
[[nodiscard]] Eigen::MatrixXd read_matrix(const std::string& spec,
                                          const ReadOptions& options = {},
                                          MatrixFileInfo* info = nullptr);

/// read_matrix() plus the checks every connectivity input needs: square and non-empty.
/// \throws std::invalid_argument as read_matrix(), or "W.csv: matrix is 3x4; need a square ...".
[[nodiscard]] Eigen::MatrixXd read_connectivity(const std::string& spec,
                                                const ReadOptions& options = {},
                                                MatrixFileInfo* info = nullptr);

/// Read a sparse real matrix (CSC, duplicates summed). `.mtx` coordinate files, MATLAB sparse
/// variables and edge lists are read without ever forming the dense matrix; other formats are read
/// densely and converted.
[[nodiscard]] Eigen::SparseMatrix<double> read_sparse_matrix(const std::string& spec,
                                                             const ReadOptions& options = {},
                                                             MatrixFileInfo* info = nullptr);

/// Write `.npy` (float64, Fortran order) or `.csv`, chosen by extension; atomic (temp + rename).
void write_matrix(const std::string& path, const Eigen::Ref<const Eigen::MatrixXd>& m);
/// Write a complex matrix as `.npy` complex128 (Fortran order); atomic.
void write_matrix(const std::string& path, const Eigen::Ref<const Eigen::MatrixXcd>& m);
/// Write a sparse matrix as Matrix Market `coordinate real general` (1-based); atomic.
void write_sparse_matrix(const std::string& path, const Eigen::SparseMatrix<double>& m);

}  // namespace netdyn
