// Delimited text reader (.csv/.txt/.dat) and CSV writer.
#include <cmath>
#include <iomanip>
#include <limits>
#include <vector>

#include "io/io_formats.hpp"

namespace netdyn::detail {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// Fields of one line: comma separated if the line has a comma, else whitespace separated.
std::vector<std::string_view> split_fields(std::string_view line, bool& empty_field) {
  std::vector<std::string_view> fields;
  empty_field = false;
  if (line.find(',') != std::string_view::npos) {
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = line.find(',', start);
      const std::string_view field =
          trim(line.substr(start, comma == std::string_view::npos ? line.npos : comma - start));
      if (field.empty()) empty_field = true;
      fields.push_back(field);
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    // A single trailing comma ("1,2,3,") is common in exported files; tolerate it.
    if (fields.size() > 1 && fields.back().empty()) {
      fields.pop_back();
      empty_field = false;
      for (const auto& f : fields) empty_field = empty_field || f.empty();
    }
    return fields;
  }
  std::size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && is_blank(line[pos])) ++pos;
    std::size_t end = pos;
    while (end < line.size() && !is_blank(line[end])) ++end;
    if (end > pos) fields.push_back(line.substr(pos, end - pos));
    pos = end;
  }
  return fields;
}

// The token as printable ASCII: other bytes (a non-breaking space, a zero-width space, any
// non-ASCII character) as \xNN, so that an offending token is never invisible in the message.
std::string visible(std::string_view token) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (const char c : token) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F) {
      out.push_back(c);
    } else {
      out += "\\x";
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0xF]);
    }
  }
  return out;
}

Eigen::MatrixXd read_text(const std::string& path) {
  std::string text = read_file_bytes(path);
  // A UTF-8 byte-order mark (spreadsheet exports write one) is not part of the first token.
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  if (text.find('\0') != std::string::npos) {
    input_error(path, "contains binary data (NUL byte); is it a .npy file with a text extension?");
  }
  LineScanner lines(text);
  std::string_view line;
  std::vector<double> values;
  Eigen::Index cols = -1;
  Eigen::Index rows = 0;
  while (lines.next(line)) {
    const std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    if (trim(line).empty()) continue;
    bool empty_field = false;
    const std::vector<std::string_view> fields = split_fields(line, empty_field);
    const std::string where = std::to_string(lines.line_number());
    if (empty_field) input_error(path + ":" + where, "empty field between commas");
    if (cols < 0) {
      cols = static_cast<Eigen::Index>(fields.size());
    } else if (static_cast<Eigen::Index>(fields.size()) != cols) {
      input_error(path + ":" + where,
                  "row has " + std::to_string(fields.size()) + " entries but earlier rows have " +
                      std::to_string(cols) + " (ragged rows)");
    }
    checked_dense_entries(path, rows + 1, cols);
    for (std::size_t k = 0; k < fields.size(); ++k) {
      double v = 0.0;
      if (!parse_double(fields[k], v)) {
        input_error(path + ":" + where + ":" + std::to_string(k + 1),
                    "non-numeric token '" + visible(fields[k]) + "'");
      }
      if (!std::isfinite(v)) {
        input_error(path + ":" + where + ":" + std::to_string(k + 1),
                    "entry '" + std::string(fields[k]) + "' is not finite; inputs must be finite");
      }
      values.push_back(v);
    }
    ++rows;
  }
  if (rows == 0)
    input_error(path,
                text.empty() ? "file is empty" : "no numbers found (only comments or blank lines)");
  return Eigen::Map<const Eigen::Matrix<double, -1, -1, Eigen::RowMajor>>(
      values.data(), rows, cols);
}

void write_csv(std::ostream& out, const Eigen::Ref<const Eigen::MatrixXd>& m) {
  out << std::setprecision(std::numeric_limits<double>::max_digits10);
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    for (Eigen::Index j = 0; j < m.cols(); ++j) {
      if (j > 0) out << ',';
      out << m(i, j);
    }
    out << '\n';
  }
}

}  // namespace netdyn::detail
