#include "netdyn/io/io.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/io_formats.hpp"
#include "netdyn/io/atomic_file.hpp"

namespace netdyn {
namespace detail {

std::uintmax_t checked_file_size(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) input_error(path, "no such file");
  if (std::filesystem::is_directory(status)) input_error(path, "is a directory, not a matrix file");
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) input_error(path, "cannot determine file size: " + ec.message());
  return size;
}

Eigen::Index checked_dense_entries(const std::string& path, std::int64_t rows, std::int64_t cols) {
  if (rows < 0 || cols < 0) {
    input_error(path, "negative dimension " + std::to_string(rows) + "x" + std::to_string(cols));
  }
  if (rows != 0 && cols > kMaxDenseEntries / rows) {
    input_error(path,
                "matrix of " + std::to_string(rows) + "x" + std::to_string(cols) +
                    " exceeds the dense limit of " + std::to_string(kMaxDenseEntries) +
                    " entries (use a sparse .mtx path for large networks)");
  }
  return static_cast<Eigen::Index>(rows * cols);
}

std::string read_file_bytes(const std::string& path) {
  const std::uintmax_t size = checked_file_size(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) input_error(path, "cannot open for reading");
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) input_error(path, "read error");
  return text;
}

bool LineScanner::next(std::string_view& line) {
  if (pos_ >= text_.size()) return false;
  std::size_t end = text_.find('\n', pos_);
  if (end == std::string::npos) end = text_.size();
  line = std::string_view(text_).substr(pos_, end - pos_);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos_ = end + 1;
  ++line_;
  return true;
}

bool parse_double(std::string_view token, double& value) {
  if (!token.empty() && token.front() == '+') token.remove_prefix(1);
  if (token.empty()) return false;
  const char* first = token.data();
  const char* last = token.data() + token.size();
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec == std::errc::result_out_of_range && ptr == last) {
    // Over- or underflow: strtod gives +-HUGE_VAL (rejected later as non-finite) or 0.
    value = std::strtod(std::string(token).c_str(), nullptr);
    return true;
  }
  return ec == std::errc() && ptr == last;
}

bool parse_index(std::string_view token, std::int64_t& value) {
  if (token.empty()) return false;
  const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  return ec == std::errc() && ptr == token.data() + token.size() && value >= 0;
}

void require_finite(const std::string& path, const Eigen::Ref<const Eigen::MatrixXd>& m) {
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
      if (!std::isfinite(m(i, j))) {
        std::ostringstream msg;
        msg << "entry (row " << i + 1 << ", column " << j + 1 << ") is " << m(i, j)
            << "; inputs must be finite";
        input_error(path, msg.str());
      }
    }
  }
}

}  // namespace detail

namespace {

std::string extension_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return ext;
}

[[noreturn]] void unknown_extension(const std::string& path,
                                    const std::string& ext,
                                    const char* allowed) {
  detail::input_error(path, "unknown extension '" + ext + "'; expected one of " + allowed);
}

}  // namespace

Eigen::MatrixXd read_matrix(const std::string& path) {
  (void)detail::checked_file_size(path);  // missing file / directory first, whatever the extension
  const std::string ext = extension_of(path);
  Eigen::MatrixXd m;
  if (ext == ".npy") {
    m = detail::read_npy(path);
  } else if (ext == ".csv" || ext == ".txt" || ext == ".dat") {
    m = detail::read_text(path);
  } else if (ext == ".mtx") {
    m = detail::read_mtx_dense(path);
  } else {
    unknown_extension(path, ext, ".npy, .csv, .txt, .dat, .mtx");
  }
  if (m.size() == 0) detail::input_error(path, "matrix is empty (no entries)");
  detail::require_finite(path, m);
  return m;
}

Eigen::MatrixXd read_connectivity(const std::string& path) {
  Eigen::MatrixXd w = read_matrix(path);
  if (w.rows() != w.cols()) {
    detail::input_error(path,
                        "matrix is " + std::to_string(w.rows()) + "x" + std::to_string(w.cols()) +
                            "; a connectivity matrix W must be square");
  }
  return w;
}

Eigen::SparseMatrix<double> read_sparse_matrix(const std::string& path) {
  if (extension_of(path) == ".mtx") return detail::read_mtx_sparse(path);
  return read_matrix(path).sparseView();
}

void write_matrix(const std::string& path, const Eigen::Ref<const Eigen::MatrixXd>& m) {
  const std::string ext = extension_of(path);
  if (ext == ".npy") {
    write_file_atomically(
        path, [&](std::ostream& out) { detail::write_npy(out, m); }, true);
  } else if (ext == ".csv" || ext == ".txt" || ext == ".dat") {
    write_file_atomically(path, [&](std::ostream& out) { detail::write_csv(out, m); });
  } else if (ext == ".mtx") {
    const Eigen::SparseMatrix<double> s = m.sparseView();
    write_sparse_matrix(path, s);
  } else {
    unknown_extension(path, ext, ".npy, .csv, .txt, .dat, .mtx");
  }
}

void write_matrix(const std::string& path, const Eigen::Ref<const Eigen::MatrixXcd>& m) {
  const std::string ext = extension_of(path);
  if (ext != ".npy") unknown_extension(path, ext, ".npy (complex matrices)");
  write_file_atomically(
      path, [&](std::ostream& out) { detail::write_npy(out, m); }, true);
}

void write_sparse_matrix(const std::string& path, const Eigen::SparseMatrix<double>& m) {
  const std::string ext = extension_of(path);
  if (ext != ".mtx") unknown_extension(path, ext, ".mtx (sparse matrices)");
  write_file_atomically(path, [&](std::ostream& out) { detail::write_mtx(out, m); });
}

}  // namespace netdyn
