#pragma once
// Private: the per-format readers and writers behind io.hpp, and the position-naming error helper.
#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace netdyn::detail {

/// The error every reader throws: "<file>: <what>" (callers put the position into `what`).
[[noreturn]] inline void input_error(const std::string& file, const std::string& what) {
  throw std::invalid_argument(file + ": " + what);
}

/// Size of a file in bytes, or an error naming it (missing, unreadable, a directory).
std::uintmax_t checked_file_size(const std::string& path);

/// rows * cols, rejecting negative sizes and anything over kMaxDenseEntries (no allocation).
Eigen::Index checked_dense_entries(const std::string& path, std::int64_t rows, std::int64_t cols);

Eigen::MatrixXd read_npy(const std::string& path);
Eigen::MatrixXd read_text(const std::string& path);
Eigen::MatrixXd read_mtx_dense(const std::string& path);
Eigen::SparseMatrix<double> read_mtx_sparse(const std::string& path);

void write_npy(std::ostream& out, const Eigen::Ref<const Eigen::MatrixXd>& m);
void write_npy(std::ostream& out, const Eigen::Ref<const Eigen::MatrixXcd>& m);
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

/// First non-finite entry of m as an error "<file>: entry <where> is <value>; ...".
void require_finite(const std::string& path, const Eigen::Ref<const Eigen::MatrixXd>& m);

}  // namespace netdyn::detail
