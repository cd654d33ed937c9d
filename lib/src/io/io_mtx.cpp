// Matrix Market reader (dense and sparse) and coordinate writer.
// Format: https://math.nist.gov/MatrixMarket/formats.html (banner, % comments, size line, entries).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>
#include <vector>

#include "core/checks.hpp"
#include "io/io_formats.hpp"

namespace netdyn::detail {
namespace {

enum class Symmetry { kGeneral, kSymmetric, kSkew };

struct MtxHeader {
  bool coordinate = true;
  Symmetry symmetry = Symmetry::kGeneral;
  std::int64_t rows = 0;
  std::int64_t cols = 0;
  std::int64_t entries = 0;  // declared entries (coordinate) or values (array)
};

std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && std::isspace(static_cast<unsigned char>(line[pos]))) ++pos;
    std::size_t end = pos;
    while (end < line.size() && !std::isspace(static_cast<unsigned char>(line[end]))) ++end;
    if (end > pos) out.push_back(line.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return out;
}

MtxHeader parse_header(const std::string& path, std::uintmax_t file_size, LineScanner& lines) {
  std::string_view line;
  if (!lines.next(line)) input_error(path, "file is empty");
  const auto banner = words(line);
  if (banner.size() != 5 || lower(banner[0]) != "%%matrixmarket" || lower(banner[1]) != "matrix") {
    input_error(path + ":1",
                "not a Matrix Market file (expected '%%MatrixMarket matrix "
                "coordinate|array real|integer general|symmetric|skew-symmetric')");
  }
  MtxHeader h;
  const std::string format = lower(banner[2]);
  const std::string field = lower(banner[3]);
  const std::string symmetry = lower(banner[4]);
  if (format == "array") {
    h.coordinate = false;
  } else if (format != "coordinate") {
    input_error(path + ":1", "unknown format '" + format + "'; expected coordinate or array");
  }
  if (field != "real" && field != "integer" && field != "double") {
    input_error(path + ":1", "field '" + field + "' is not supported; W must be real or integer");
  }
  if (symmetry == "symmetric" || symmetry == "hermitian") {
    h.symmetry = Symmetry::kSymmetric;
  } else if (symmetry == "skew-symmetric") {
    h.symmetry = Symmetry::kSkew;
  } else if (symmetry != "general") {
    input_error(path + ":1", "unknown symmetry '" + symmetry + "'");
  }
  while (lines.next(line)) {
    if (!line.empty() && line.front() == '%') continue;
    const auto size = words(line);
    if (size.empty()) continue;
    const std::string where = path + ":" + std::to_string(lines.line_number());
    const std::size_t expected = h.coordinate ? 3 : 2;
    if (size.size() != expected || !parse_index(size[0], h.rows) || !parse_index(size[1], h.cols) ||
        (h.coordinate && !parse_index(size[2], h.entries))) {
      input_error(where,
                  std::string("bad size line; expected '") +
                      (h.coordinate ? "rows cols entries'" : "rows cols'"));
    }
    if (h.symmetry != Symmetry::kGeneral && h.rows != h.cols) {
      input_error(where,
                  "a symmetric matrix must be square, size line says " + std::to_string(h.rows) +
                      "x" + std::to_string(h.cols));
    }
    if (!h.coordinate) {
      const std::int64_t n = h.rows;
      h.entries = h.symmetry == Symmetry::kGeneral
                      ? (n == 0 ? 0 : checked_dense_entries(path, h.rows, h.cols))
                  : h.symmetry == Symmetry::kSymmetric ? n * (n + 1) / 2
                                                       : n * (n - 1) / 2;
    }
    // Every entry needs at least two bytes ("0\n"), three numbers need six: refuse impossible
    // claims before anything is allocated.
    const std::uintmax_t min_bytes =
        static_cast<std::uintmax_t>(h.entries) * (h.coordinate ? 6 : 2);
    if (h.entries < 0 || min_bytes > file_size) {
      input_error(where,
                  "size line claims " + std::to_string(h.entries) +
                      " entries but the file has only " + std::to_string(file_size) +
                      " bytes (truncated or corrupt)");
    }
    return h;
  }
  input_error(path, "no size line (truncated file?)");
}

// Calls add(i, j, v) (0-based) for every stored entry and its mirror image.
template <typename Add>
void for_each_entry(const std::string& path, LineScanner& lines, const MtxHeader& h, Add add) {
  std::string_view line;
  std::int64_t seen = 0;
  std::int64_t array_index = 0;
  while (lines.next(line)) {
    if (!line.empty() && line.front() == '%') continue;
    const auto tokens = words(line);
    if (tokens.empty()) continue;
    const std::string where = path + ":" + std::to_string(lines.line_number());
    if (seen == h.entries)
      input_error(where,
                  "more entries than the " + std::to_string(h.entries) + " the size line declares");
    std::int64_t i = 0;
    std::int64_t j = 0;
    double v = 0.0;
    if (h.coordinate) {
      if (tokens.size() != 3) {
        input_error(
            where,
            "expected 'row column value', found " + std::to_string(tokens.size()) + " fields");
      }
      if (!parse_index(tokens[0], i) || !parse_index(tokens[1], j)) {
        input_error(where,
                    "bad index '" + std::string(tokens[0]) + " " + std::string(tokens[1]) + "'");
      }
      if (i < 1 || i > h.rows) {
        input_error(
            where, "row index " + std::to_string(i) + " out of range 1.." + std::to_string(h.rows));
      }
      if (j < 1 || j > h.cols) {
        input_error(
            where,
            "column index " + std::to_string(j) + " out of range 1.." + std::to_string(h.cols));
      }
      --i;
      --j;
    } else {
      if (tokens.size() != 1) input_error(where, "expected one value per line in array format");
      // Column-major; symmetric storage holds the lower triangle (skew: strictly lower).
      if (h.symmetry == Symmetry::kGeneral) {
        i = array_index % h.rows;
        j = array_index / h.rows;
      } else {
        std::int64_t k = array_index;
        j = 0;
        std::int64_t len = h.symmetry == Symmetry::kSymmetric ? h.rows : h.rows - 1;
        while (k >= len) {
          k -= len;
          --len;
          ++j;
        }
        i = j + k + (h.symmetry == Symmetry::kSymmetric ? 0 : 1);
      }
      ++array_index;
    }
    const std::string_view value = tokens.back();
    if (!parse_double(value, v))
      input_error(where, "non-numeric value '" + std::string(value) + "'");
    if (!std::isfinite(v)) {
      input_error(where, "value '" + std::string(value) + "' is not finite; inputs must be finite");
    }
    add(i, j, v);
    if (h.symmetry != Symmetry::kGeneral && i != j)
      add(j, i, h.symmetry == Symmetry::kSkew ? -v : v);
    ++seen;
  }
  if (seen < h.entries) {
    input_error(path,
                "expected " + std::to_string(h.entries) + " entries, found " +
                    std::to_string(seen) + " (truncated file?)");
  }
}

// A sparse W costs O(n) memory however few its entries (index arrays, and every Krylov vector
// has n entries), so a size line can ask for gigabytes in three lines of text. Refuse, before
// allocating, dimensions that leave most rows empty at scale (n > 2^20 and n > 64 x entries: a
// network of isolated units, in practice a typo or a hostile file) or whose index arrays alone
// exceed the machine's memory.
void check_sparse_size(const std::string& path, const MtxHeader& h) {
  const std::int64_t n = std::max(h.rows, h.cols);
  const std::int64_t stored = h.entries * (h.symmetry == Symmetry::kGeneral ? 1 : 2);
  constexpr std::int64_t kSmall = std::int64_t{1} << 20;
  // Triplets (16 bytes) and the compressed matrix (12 bytes) per entry; the outer index arrays
  // of the matrix and of setFromTriplets' transposed copy (4 bytes each) per row and column.
  const double bytes =
      28.0 * static_cast<double>(stored) + 8.0 * static_cast<double>(h.rows + h.cols);
  const double memory = static_cast<double>(detail::physical_memory_bytes());
  const std::string size = std::to_string(h.rows) + "x" + std::to_string(h.cols);
  if (n > kSmall && n > 64 * stored) {
    input_error(path,
                "size line declares a " + size + " matrix with only " + std::to_string(h.entries) +
                    " entries: at least " + std::to_string(n - stored) +
                    " rows or columns would be empty; refusing dimensions above max(2^20, 64 x "
                    "entries), which cost O(n) memory for nothing");
  }
  if (memory > 0.0 && bytes > memory) {
    std::ostringstream m;
    m << std::setprecision(3) << "size line declares a " << size << " matrix with " << h.entries
      << " entries, which needs about " << bytes / 1e9 << " GB to read; this machine has "
      << memory / 1e9 << " GB";
    input_error(path, m.str());
  }
}

}  // namespace

Eigen::MatrixXd read_mtx_dense(const std::string& path) {
  const std::string text = read_file_bytes(path);
  LineScanner lines(text);
  const MtxHeader h = parse_header(path, text.size(), lines);
  checked_dense_entries(path, h.rows, h.cols);
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(h.rows, h.cols);
  for_each_entry(path, lines, h, [&](std::int64_t i, std::int64_t j, double v) { m(i, j) += v; });
  return m;
}

Eigen::SparseMatrix<double> read_mtx_sparse(const std::string& path) {
  const std::string text = read_file_bytes(path);
  LineScanner lines(text);
  const MtxHeader h = parse_header(path, text.size(), lines);
  constexpr std::int64_t kMaxIndex = std::numeric_limits<int>::max();
  if (h.rows > kMaxIndex || h.cols > kMaxIndex) {
    input_error(path,
                "dimension " + std::to_string(std::max(h.rows, h.cols)) +
                    " exceeds the 32-bit index range of the sparse reader");
  }
  check_sparse_size(path, h);
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(static_cast<std::size_t>(h.entries) *
                   (h.symmetry == Symmetry::kGeneral ? 1 : 2));
  for_each_entry(path, lines, h, [&](std::int64_t i, std::int64_t j, double v) {
    triplets.emplace_back(static_cast<int>(i), static_cast<int>(j), v);
  });
  Eigen::SparseMatrix<double> m(static_cast<Eigen::Index>(h.rows),
                                static_cast<Eigen::Index>(h.cols));
  m.setFromTriplets(triplets.begin(), triplets.end());  // duplicates are summed
  return m;
}

void write_mtx(std::ostream& out, const Eigen::SparseMatrix<double>& m) {
  out << "%%MatrixMarket matrix coordinate real general\n";
  out << "% written by netdyn\n";
  out << m.rows() << ' ' << m.cols() << ' ' << m.nonZeros() << '\n';
  out << std::setprecision(std::numeric_limits<double>::max_digits10);
  for (Eigen::Index j = 0; j < m.outerSize(); ++j) {
    for (Eigen::SparseMatrix<double>::InnerIterator it(m, j); it; ++it) {
      out << it.row() + 1 << ' ' << it.col() + 1 << ' ' << it.value() << '\n';
    }
  }
}

}  // namespace netdyn::detail
