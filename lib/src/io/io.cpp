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

std::string choose_candidate(const std::string& path,
                             const std::string& name,
                             const std::vector<MatrixCandidate>& candidates,
                             const char* what) {
  const auto listing = [&](bool usable_only) {
    std::string out;
    for (const MatrixCandidate& c : candidates) {
      if (usable_only && !c.usable) continue;
      out += (out.empty() ? "" : ", ") + c.name + " (" + c.shape + " " + c.type + ")";
    }
    return out.empty() ? std::string("nothing") : out;
  };
  if (!name.empty()) {
    for (const MatrixCandidate& c : candidates) {
      if (c.name == name) return c.name;
    }
    input_error(path, std::string("no ") + what + " '" + name + "'; it holds " + listing(false));
  }
  std::vector<const MatrixCandidate*> usable;
  for (const MatrixCandidate& c : candidates) {
    if (c.usable) usable.push_back(&c);
  }
  if (usable.size() == 1) return usable.front()->name;
  // One candidate that cannot be used: let the format's reader say exactly why (complex, 3-D, ...).
  if (candidates.size() == 1) return candidates.front().name;
  if (candidates.empty()) {
    input_error(path, std::string("no ") + what + " found (an empty, truncated or corrupt file?)");
  }
  if (usable.empty()) {
    input_error(path, std::string("holds no real numeric 2-D matrix; it holds ") + listing(false));
  }
  input_error(path,
              "holds " + std::to_string(usable.size()) + " matrices; name one as " + path +
                  ":NAME: " + listing(true));
}

std::string extension_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return ext;
}

}  // namespace detail

const char* to_string(Convention convention) {
  return convention == Convention::kPrePost ? "pre-post" : "post-pre";
}

Convention parse_convention(const std::string& text) {
  if (text == "post-pre") return Convention::kPostPre;
  if (text == "pre-post") return Convention::kPrePost;
  throw std::invalid_argument("convention '" + text + "': expected post-pre or pre-post");
}

std::string MatrixSpec::label() const {
  return variable.empty() ? path : path + ":" + variable;
}

MatrixSpec parse_matrix_spec(const std::string& spec) {
  std::error_code ec;
  if (std::filesystem::exists(spec, ec)) return {spec, ""};
  for (std::size_t colon = spec.rfind(':'); colon != std::string::npos && colon > 0;
       colon = spec.rfind(':', colon - 1)) {
    const std::string prefix = spec.substr(0, colon);
    if (std::filesystem::is_regular_file(prefix, ec)) return {prefix, spec.substr(colon + 1)};
  }
  return {spec, ""};
}

namespace {

using detail::extension_of;

[[noreturn]] void unknown_extension(const std::string& path,
                                    const std::string& ext,
                                    const char* allowed) {
  detail::input_error(path, "unknown extension '" + ext + "'; expected one of " + allowed);
}

}  // namespace

namespace {

constexpr const char* kReadable = ".npy, .npz, .mat, .h5, .hdf5, .csv, .txt, .dat, .mtx";

bool is_text(const std::string& ext) {
  return ext == ".csv" || ext == ".txt" || ext == ".dat";
}

bool is_container(const std::string& ext) {
  return ext == ".mat" || ext == ".h5" || ext == ".hdf5" || ext == ".npz";
}

// Refuses FILE:NAME for formats that hold one matrix.
void single_matrix_format(const MatrixSpec& spec, const std::string& ext) {
  if (!spec.variable.empty() && !is_container(ext)) {
    detail::input_error(spec.path,
                        "holds one matrix; a name (':" + spec.variable +
                            "') applies to .mat, .h5, .hdf5 and .npz files");
  }
}

bool is_edge_list(const std::string& path, const std::string& ext, const MatrixSpec& spec) {
  if (is_text(ext)) return detail::is_text_edge_list(path);
  if (ext == ".npz" && spec.variable.empty()) return detail::is_npz_edge_list(path);
  return false;
}

// The dense reader of each format (edge lists excluded); fills info's format, variable, dtype.
Eigen::MatrixXd read_dense(const MatrixSpec& spec, const std::string& ext, MatrixFileInfo& info) {
  if (ext == ".npy") {
    info.format = "npy";
    return detail::read_npy(spec.path);
  }
  if (is_text(ext)) {
    info.format = ext.substr(1);
    return detail::read_text(spec.path);
  }
  if (ext == ".mtx") {
    info.format = "mtx";
    return detail::read_mtx_dense(spec.path);
  }
  if (ext == ".mat") return detail::read_mat(spec, info);
  if (ext == ".h5" || ext == ".hdf5") return detail::read_hdf5(spec, info);
  if (ext == ".npz") return detail::read_npz(spec, info);
  unknown_extension(spec.path, ext, kReadable);
}

// What every reader starts from: the spec split, the file checked to exist, its extension, and
// the record of what is being read.
struct Input {
  MatrixSpec spec;
  std::string ext;
  MatrixFileInfo info;
};

Input open_input(const std::string& spec_text, const ReadOptions& options) {
  Input in;
  in.spec = parse_matrix_spec(spec_text);
  (void)detail::checked_file_size(in.spec.path);  // missing file / directory first
  in.ext = extension_of(in.spec.path);
  single_matrix_format(in.spec, in.ext);
  in.info.path = in.spec.path;
  in.info.variable = in.spec.variable;
  in.info.convention = options.convention.value_or(Convention::kPostPre);
  return in;
}

}  // namespace

Eigen::MatrixXd read_matrix(const std::string& spec_text,
                            const ReadOptions& options,
                            MatrixFileInfo* info) {
  Input in = open_input(spec_text, options);
  const MatrixSpec& spec = in.spec;
  const std::string& ext = in.ext;
  MatrixFileInfo& local = in.info;
  Eigen::MatrixXd m;
  if (is_edge_list(spec.path, ext, spec)) {
    const Eigen::SparseMatrix<double> w = detail::read_edge_list(spec, options.convention, local);
    (void)detail::checked_dense_entries(spec.path, w.rows(), w.cols());
    m = Eigen::MatrixXd(w);
  } else {
    m = read_dense(spec, ext, local);
    const std::string label = MatrixSpec{spec.path, local.variable}.label();
    if (m.size() == 0) detail::input_error(label, "matrix is empty (no entries)");
    detail::require_finite(label, m);
    if (local.convention == Convention::kPrePost) m.transposeInPlace();
  }
  local.rows = m.rows();
  local.cols = m.cols();
  if (info) *info = local;
  return m;
}

Eigen::MatrixXd read_connectivity(const std::string& spec,
                                  const ReadOptions& options,
                                  MatrixFileInfo* info) {
  MatrixFileInfo local;
  Eigen::MatrixXd w = read_matrix(spec, options, &local);
  if (w.rows() != w.cols()) {
    detail::input_error(MatrixSpec{local.path, local.variable}.label(),
                        "matrix is " + std::to_string(w.rows()) + "x" + std::to_string(w.cols()) +
                            "; a connectivity matrix W must be square");
  }
  if (info) *info = local;
  return w;
}

Eigen::SparseMatrix<double> read_sparse_matrix(const std::string& spec_text,
                                               const ReadOptions& options,
                                               MatrixFileInfo* info) {
  Input in = open_input(spec_text, options);
  const MatrixSpec& spec = in.spec;
  const std::string& ext = in.ext;
  MatrixFileInfo& local = in.info;
  Eigen::SparseMatrix<double> m;
  if (is_edge_list(spec.path, ext, spec)) {
    m = detail::read_edge_list(spec, options.convention, local);
  } else if (ext == ".mtx" || ext == ".mat") {
    if (ext == ".mtx") {
      local.format = "mtx";
      m = detail::read_mtx_sparse(spec.path);
    } else {
      m = detail::read_mat_sparse(spec, local);
    }
    if (m.nonZeros() == 0 && m.size() == 0) {
      detail::input_error(spec.label(), "matrix is empty (no entries)");
    }
    if (local.convention == Convention::kPrePost) m = Eigen::SparseMatrix<double>(m.transpose());
  } else {
    return read_matrix(spec_text, options, info).sparseView();
  }
  local.rows = m.rows();
  local.cols = m.cols();
  if (info) *info = local;
  return m;
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
    unknown_extension(path, ext, ".npy, .csv, .txt, .dat, .mtx (edge lists: write_edge_list)");
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
