// NumPy .npy reader and writer (format spec: numpy/lib/format.py, versions 1.0, 2.0 and 3.0).
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <istream>
#include <sstream>

#include "core/first_touch.hpp"
#include "io/io_formats.hpp"

namespace netdyn::detail {
namespace {

constexpr std::array<char, 6> kMagic = {'\x93', 'N', 'U', 'M', 'P', 'Y'};

struct NpyHeader {
  char byte_order = '<';
  char kind = 'f';  // f (float), i (signed), u (unsigned) or b (bool)
  int item_size = 8;
  bool fortran_order = false;
  std::vector<std::int64_t> shape;
};

// Position of the last "'key':" (or "\"key\":") in the header dict, npos if none. The header is a
// Python dict literal, which NumPy evaluates: a repeated key takes its last value.
std::size_t last_key(const std::string& dict, const std::string& key) {
  std::size_t found = std::string::npos;
  for (const std::string& quoted : {"'" + key + "'", "\"" + key + "\""}) {
    for (std::size_t pos = dict.find(quoted); pos != std::string::npos;
         pos = dict.find(quoted, pos + 1)) {
      std::size_t after = pos + quoted.size();
      while (after < dict.size() && dict[after] == ' ') ++after;
      if (after < dict.size() && dict[after] == ':' && (found == std::string::npos || pos > found))
        found = pos;
    }
  }
  return found;
}

// Value text after the last "'key':" in the header dict, up to the next top-level ',' or '}'.
std::string dict_value(const std::string& path, const std::string& dict, const std::string& key) {
  std::size_t pos = last_key(dict, key);
  if (pos == std::string::npos) input_error(path, "header: key '" + key + "' missing");
  pos = dict.find(':', pos);
  if (pos == std::string::npos) input_error(path, "header: no value for '" + key + "'");
  ++pos;
  while (pos < dict.size() && dict[pos] == ' ') ++pos;
  std::size_t end = pos;
  if (end < dict.size() && dict[end] == '(') {
    end = dict.find(')', end);
    if (end == std::string::npos) input_error(path, "header: unterminated shape tuple");
    ++end;
  } else {
    while (end < dict.size() && dict[end] != ',' && dict[end] != '}') ++end;
  }
  std::string value = dict.substr(pos, end - pos);
  while (!value.empty() && value.back() == ' ') value.pop_back();
  return value;
}

NpyHeader parse_header(const std::string& path, const std::string& dict) {
  NpyHeader h;
  std::string descr = dict_value(path, dict, "descr");
  if (descr.size() >= 2 && (descr.front() == '\'' || descr.front() == '"')) {
    descr = descr.substr(1, descr.size() - 2);
  }
  // float64/float32 (the matrices), and the integer and boolean kinds NumPy writes for index
  // arrays (an edge list's source and target) and for 0/1 adjacency matrices; all become doubles.
  const bool known = descr.size() == 3 && std::string("<>|=").find(descr[0]) != std::string::npos &&
                     ((descr[1] == 'f' && (descr[2] == '8' || descr[2] == '4')) ||
                      ((descr[1] == 'i' || descr[1] == 'u') &&
                       std::string("1248").find(descr[2]) != std::string::npos) ||
                      (descr[1] == 'b' && descr[2] == '1'));
  if (!known) {
    input_error(path,
                "header: unsupported dtype '" + descr +
                    "'; need float64 ('<f8'), float32 ('<f4'), an integer or a boolean type");
  }
  h.byte_order = descr[0] == '>' ? '>' : '<';
  h.kind = descr[1];
  h.item_size = descr[2] - '0';

  const std::string fortran = dict_value(path, dict, "fortran_order");
  if (fortran == "True") {
    h.fortran_order = true;
  } else if (fortran != "False") {
    input_error(path, "header: fortran_order is '" + fortran + "', expected True or False");
  }

  const std::string shape = dict_value(path, dict, "shape");
  if (shape.size() < 2 || shape.front() != '(' || shape.back() != ')') {
    input_error(path, "header: shape '" + shape + "' is not a tuple");
  }
  std::string inner = shape.substr(1, shape.size() - 2);
  std::replace(inner.begin(), inner.end(), ',', ' ');
  std::istringstream tokens(inner);
  std::string token;
  while (tokens >> token) {
    if (!token.empty() && token.back() == 'L') token.pop_back();  // Python 2 longs
    std::int64_t dim = 0;
    if (!parse_index(token, dim)) input_error(path, "header: bad dimension '" + token + "'");
    h.shape.push_back(dim);
  }
  if (h.shape.empty()) h.shape.push_back(1);  // a 0-d array (numpy.savez of a Python scalar)
  if (h.shape.size() > 2) {
    input_error(path,
                "header: shape " + shape + " has " + std::to_string(h.shape.size()) +
                    " dimensions; need a 2-D matrix (or a 1-D vector)");
  }
  return h;
}

std::uint32_t little_endian(const unsigned char* bytes, int count) {
  std::uint32_t v = 0;
  for (int i = count - 1; i >= 0; --i) v = (v << 8) | bytes[i];
  return v;
}

template <typename Scalar, int Cols>
void write_npy_impl(std::ostream& out,
                    const Eigen::Ref<const Eigen::Matrix<Scalar, -1, Cols>>& m,
                    const char* descr) {
  std::ostringstream dict;
  dict << "{'descr': '" << descr << "', 'fortran_order': True, 'shape': (" << m.rows() << ", ";
  if (Cols != 1) dict << m.cols();
  dict << "), }";
  std::string header = dict.str();
  // Pad with spaces so that magic + version + length + header (ending in '\n') is a multiple of 64.
  const std::size_t unpadded = kMagic.size() + 2 + 2 + header.size() + 1;
  header.append((64 - unpadded % 64) % 64, ' ');
  header.push_back('\n');
  out.write(kMagic.data(), kMagic.size());
  const char version[2] = {1, 0};
  out.write(version, 2);
  const auto len = static_cast<std::uint16_t>(header.size());
  const char len_bytes[2] = {static_cast<char>(len & 0xff), static_cast<char>(len >> 8)};
  out.write(len_bytes, 2);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  for (Eigen::Index j = 0; j < m.cols(); ++j) {  // column by column: Fortran order
    const Eigen::Matrix<Scalar, -1, 1> col = m.col(j);
    out.write(reinterpret_cast<const char*>(col.data()),
              static_cast<std::streamsize>(sizeof(Scalar) * static_cast<std::size_t>(col.size())));
  }
}

}  // namespace

namespace {

// One element of the raw buffer as a double (after any byte swap).
template <typename T>
double element(const char* p) {
  T v{};
  std::memcpy(&v, p, sizeof(T));
  return static_cast<double>(v);
}

double convert(const NpyHeader& h, const char* p) {
  switch (h.kind) {
    case 'f': return h.item_size == 8 ? element<double>(p) : element<float>(p);
    case 'i':
      switch (h.item_size) {
        case 1: return element<std::int8_t>(p);
        case 2: return element<std::int16_t>(p);
        case 4: return element<std::int32_t>(p);
        default: return element<std::int64_t>(p);
      }
    case 'u':
      switch (h.item_size) {
        case 1: return element<std::uint8_t>(p);
        case 2: return element<std::uint16_t>(p);
        case 4: return element<std::uint32_t>(p);
        default: return element<std::uint64_t>(p);
      }
    default: return *p != 0 ? 1.0 : 0.0;  // bool
  }
}

std::string dtype_name(const NpyHeader& h) {
  switch (h.kind) {
    case 'f': return "float" + std::to_string(8 * h.item_size);
    case 'i': return "int" + std::to_string(8 * h.item_size);
    case 'u': return "uint" + std::to_string(8 * h.item_size);
    default: return "bool";
  }
}

}  // namespace

Eigen::MatrixXd read_npy(const std::string& path) {
  const std::uintmax_t size = checked_file_size(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) input_error(path, "cannot open for reading");
  return read_npy(path, in, size);
}

Eigen::MatrixXd read_npy(const std::string& path, std::istream& in, std::uintmax_t size) {
  unsigned char prefix[12] = {};
  in.read(reinterpret_cast<char*>(prefix), 10);
  if (in.gcount() < 10 || std::memcmp(prefix, kMagic.data(), kMagic.size()) != 0) {
    input_error(path, size == 0 ? "file is empty" : "not a NumPy .npy file (wrong magic bytes)");
  }
  const int major = prefix[6];
  std::size_t header_len = 0;
  std::size_t prefix_len = 10;
  if (major == 1) {
    header_len = little_endian(prefix + 8, 2);
  } else if (major == 2 || major == 3) {
    in.read(reinterpret_cast<char*>(prefix + 10), 2);
    if (in.gcount() < 2) input_error(path, "truncated header");
    header_len = little_endian(prefix + 8, 4);
    prefix_len = 12;
  } else {
    input_error(path,
                "unsupported .npy format version " + std::to_string(major) + "." +
                    std::to_string(prefix[7]));
  }
  if (prefix_len + header_len > size) {
    input_error(path,
                "truncated header: it claims " + std::to_string(header_len) +
                    " bytes but the file has " + std::to_string(size));
  }
  std::string dict(header_len, '\0');
  in.read(dict.data(), static_cast<std::streamsize>(header_len));
  const NpyHeader h = parse_header(path, dict);
  const std::int64_t rows = h.shape[0];
  const std::int64_t cols = h.shape.size() == 2 ? h.shape[1] : 1;
  const Eigen::Index entries = checked_dense_entries(path, rows, cols);
  const std::uintmax_t data_bytes = size - prefix_len - header_len;
  const std::uintmax_t expected = static_cast<std::uintmax_t>(entries) * h.item_size;
  if (data_bytes < expected) {
    input_error(path,
                "truncated data: the header promises " + std::to_string(rows) + "x" +
                    std::to_string(cols) + " " + dtype_name(h) + " (" + std::to_string(expected) +
                    " bytes) but only " + std::to_string(data_bytes) + " bytes follow");
  }
  if (data_bytes > expected) {
    input_error(
        path,
        std::to_string(data_bytes - expected) + " unexpected bytes after the data (corrupt file?)");
  }
  const auto r = static_cast<Eigen::Index>(rows);
  const auto c = static_cast<Eigen::Index>(cols);
  const bool column_major = h.fortran_order || h.shape.size() == 1;
  const auto read_into = [&](char* data) {
    in.read(data, static_cast<std::streamsize>(expected));
    if (static_cast<std::uintmax_t>(in.gcount()) != expected) input_error(path, "read error");
  };
  if (h.kind == 'f' && h.item_size == 8 && h.byte_order != '>') {
    // float64 little-endian (NumPy's default): the file's bytes go straight into the matrix in
    // Fortran order, or into one row-major buffer that a blocked transpose copies (C order). No
    // zero-filled staging buffer: at n = 2000 the old three copies took 0.45 s, mostly page
    // faults and a strided transpose.
    Eigen::MatrixXd m = populated_matrix(r, c);
    if (column_major) {
      if (expected > 0) read_into(reinterpret_cast<char*>(m.data()));
      return m;
    }
    // C order is the transpose's column-major layout.
    Eigen::MatrixXd transposed = populated_matrix(c, r);
    if (expected > 0) read_into(reinterpret_cast<char*>(transposed.data()));
    constexpr Eigen::Index kTile = 64;
    for (Eigen::Index j0 = 0; j0 < c; j0 += kTile) {
      for (Eigen::Index i0 = 0; i0 < r; i0 += kTile) {
        const Eigen::Index tr = std::min(kTile, r - i0);
        const Eigen::Index tc = std::min(kTile, c - j0);
        m.block(i0, j0, tr, tc) = transposed.block(j0, i0, tc, tr).transpose();
      }
    }
    return m;
  }
  std::vector<char> raw(static_cast<std::size_t>(expected));
  if (expected > 0) read_into(raw.data());
  if (h.byte_order == '>' && h.item_size > 1) {
    for (std::size_t k = 0; k < raw.size(); k += h.item_size) {
      std::reverse(raw.begin() + static_cast<std::ptrdiff_t>(k),
                   raw.begin() + static_cast<std::ptrdiff_t>(k + h.item_size));
    }
  }
  Eigen::VectorXd values(entries);
  for (Eigen::Index k = 0; k < entries; ++k) values(k) = convert(h, raw.data() + h.item_size * k);
  if (column_major) return Eigen::Map<const Eigen::MatrixXd>(values.data(), r, c);
  return Eigen::Map<const Eigen::Matrix<double, -1, -1, Eigen::RowMajor>>(values.data(), r, c);
}

void write_npy(std::ostream& out, const Eigen::Ref<const Eigen::MatrixXd>& m) {
  write_npy_impl<double, -1>(out, m, "<f8");
}

void write_npy(std::ostream& out, const Eigen::Ref<const Eigen::MatrixXcd>& m) {
  write_npy_impl<std::complex<double>, -1>(out, m, "<c16");
}

void write_npy_vector(std::ostream& out, const Eigen::Ref<const Eigen::VectorXd>& v) {
  write_npy_impl<double, 1>(out, v, "<f8");
}

void write_npy(std::ostream& out, const Eigen::Ref<const Eigen::Matrix<std::int64_t, -1, 1>>& v) {
  write_npy_impl<std::int64_t, 1>(out, v, "<i8");
}

}  // namespace netdyn::detail
