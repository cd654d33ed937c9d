#pragma once
// Private: the per-format readers and writers behind io.hpp, and the position-naming error helper.
#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "netdyn/io/io.hpp"

namespace netdyn::detail {

/// The error every reader throws: "<file>: <what>" (callers put the position into `what`).
[[noreturn]] inline void input_error(const std::string& file, const std::string& what) {
  throw std::invalid_argument(file + ": " + what);
}

/// The file's extension, lower-case, with its dot (".npz"); "" if none.
std::string extension_of(const std::string& path);

/// Size of a file in bytes, or an error naming it (missing, unreadable, a directory).
std::uintmax_t checked_file_size(const std::string& path);

/// rows * cols, rejecting negative sizes and anything over kMaxDenseEntries (no allocation).
Eigen::Index checked_dense_entries(const std::string& path, std::int64_t rows, std::int64_t cols);

Eigen::MatrixXd read_npy(const std::string& path);
/// The .npy content of `in` (`size` bytes), messages under `label` (an .npz member).
Eigen::MatrixXd read_npy(const std::string& label, std::istream& in, std::uintmax_t size);
Eigen::MatrixXd read_text(const std::string& path);
Eigen::MatrixXd read_mtx_dense(const std::string& path);
Eigen::SparseMatrix<double> read_mtx_sparse(const std::string& path);

/// One matrix inside a container file, for choosing and for the error that lists them.
struct MatrixCandidate {
  std::string name;
  std::string shape;    ///< "200x200"
  std::string type;     ///< "double", "int32", "sparse", "cell", ...
  bool usable = false;  ///< numeric, real, 1-D or 2-D
};
/// The name to read: `name` if given and present (else an error listing what is there), or the
/// only usable candidate (else an error listing them). `what` is "variable", "dataset", "member".
std::string choose_candidate(const std::string& path,
                             const std::string& name,
                             const std::vector<MatrixCandidate>& candidates,
                             const char* what);

/// MATLAB .mat (libmatio): the named or only numeric variable; sparse ones densified.
Eigen::MatrixXd read_mat(const MatrixSpec& spec, MatrixFileInfo& info);
/// As read_mat(), keeping a MATLAB sparse variable sparse.
Eigen::SparseMatrix<double> read_mat_sparse(const MatrixSpec& spec, MatrixFileInfo& info);
/// HDF5 (.h5/.hdf5): the named or only numeric 1-D/2-D dataset, in h5py's (row-major) layout.
Eigen::MatrixXd read_hdf5(const MatrixSpec& spec, MatrixFileInfo& info);
/// .npz: the member's names without ".npy", in archive order.
std::vector<std::string> npz_members(const std::string& path);
/// .npz: one member (name without ".npy") read as a .npy.
Eigen::MatrixXd read_npz_member(const std::string& path, const std::string& member);
/// .npz: the named or only member.
Eigen::MatrixXd read_npz(const MatrixSpec& spec, MatrixFileInfo& info);
/// Writes an .npz archive (stored, not compressed): member names (without ".npy") and their
/// .npy bytes; atomic.
void write_npz(const std::string& path,
               const std::vector<std::pair<std::string, std::string>>& members);

/// True if the text file's first data line is an edge-list header (source,target,weight ...).
bool is_text_edge_list(const std::string& path);
/// True if the .npz has source, target and weight members.
bool is_npz_edge_list(const std::string& path);
/// An edge list as W (post x pre), duplicates summed; `convention` must be set (error otherwise).
Eigen::SparseMatrix<double> read_edge_list(const MatrixSpec& spec,
                                           const std::optional<Convention>& convention,
                                           MatrixFileInfo& info);

void write_npy(std::ostream& out, const Eigen::Ref<const Eigen::MatrixXd>& m);
void write_npy(std::ostream& out, const Eigen::Ref<const Eigen::MatrixXcd>& m);
/// int64 vector as a 1-D .npy (an edge list's indices).
void write_npy(std::ostream& out, const Eigen::Ref<const Eigen::Matrix<std::int64_t, -1, 1>>& v);
/// float64 vector as a 1-D .npy (an edge list's weights).
void write_npy_vector(std::ostream& out, const Eigen::Ref<const Eigen::VectorXd>& v);
void write_csv(std::ostream& out, const Eigen::Ref<const Eigen::MatrixXd>& m);
void write_mtx(std::ostream& out, const Eigen::SparseMatrix<double>& m);

}  // namespace netdyn::detail

namespace netdyn::detail {

/// The whole file as a string (after checked_file_size()).
std::string read_file_bytes(const std::string& path);

/// Splits a buffer into lines, counting them from 1 for error messages.
class LineScanner {
 public:
  explicit LineScanner(const std::string& text) : text_(text) {}
  /// Next line without its terminator ('\r' stripped); false at the end of the buffer.
  bool next(std::string_view& line);
  /// 1-based number of the line last returned.
  std::size_t line_number() const { return line_; }

 private:
  const std::string& text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 0;
};

/// Parse one whole token as a double (std::from_chars; a leading '+' is allowed). Returns false
/// if the token is not entirely a number. NaN/Inf parse successfully; callers reject them.
bool parse_double(std::string_view token, double& value);
/// Parse a whole token as a non-negative integer; false if it is not one or overflows.
bool parse_index(std::string_view token, std::int64_t& value);

/// `s` without leading and trailing blanks (space, tab, vertical tab, form feed).
std::string_view trim(std::string_view s);
/// Fields of one text line: comma separated if it has a comma (one trailing comma tolerated),
/// else whitespace separated; `empty_field` reports ",," or a leading comma.
std::vector<std::string_view> split_fields(std::string_view line, bool& empty_field);
/// The token as printable ASCII, other bytes as \xNN (so an offending token is never invisible).
std::string visible(std::string_view token);

/// First non-finite entry of m as an error "<file>: entry <where> is <value>; ...".
void require_finite(const std::string& path, const Eigen::Ref<const Eigen::MatrixXd>& m);

}  // namespace netdyn::detail
