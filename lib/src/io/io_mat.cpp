// MATLAB .mat reader (v4, v5 and v7.3) through libmatio (Debian libmatio-dev; v7.3 is HDF5 inside).
// Dense real double/single/integer/logical variables and MATLAB sparse ones; cells, structs,
// strings, complex and N-D variables are named and refused.
#include <matio.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <sstream>
#include <vector>

#include "io/io_formats.hpp"

namespace netdyn::detail {
namespace {

// matio reports problems through a log function; its default one prints to stderr and aborts on
// errors. Ours keeps the last message so that it can end up in the exception instead.
thread_local std::string last_matio_message;

void matio_log(int /*level*/, char* message) {
  last_matio_message = message ? message : "";
}

void install_matio_log() {
  static std::once_flag once;
  std::call_once(once, [] { Mat_LogInitFunc("netdyn", matio_log); });
}

struct MatCloser {
  void operator()(mat_t* m) const { Mat_Close(m); }
};
struct VarFreer {
  void operator()(matvar_t* v) const { Mat_VarFree(v); }
};
using MatFile = std::unique_ptr<mat_t, MatCloser>;
using MatVar = std::unique_ptr<matvar_t, VarFreer>;

const char* class_name(const matvar_t& v) {
  if (v.isLogical) return "logical";
  switch (v.class_type) {
    case MAT_C_DOUBLE: return "double";
    case MAT_C_SINGLE: return "single";
    case MAT_C_INT8: return "int8";
    case MAT_C_UINT8: return "uint8";
    case MAT_C_INT16: return "int16";
    case MAT_C_UINT16: return "uint16";
    case MAT_C_INT32: return "int32";
    case MAT_C_UINT32: return "uint32";
    case MAT_C_INT64: return "int64";
    case MAT_C_UINT64: return "uint64";
    case MAT_C_SPARSE: return "sparse";
    case MAT_C_CELL: return "cell";
    case MAT_C_STRUCT: return "struct";
    case MAT_C_CHAR: return "char";
    case MAT_C_OBJECT: return "object";
    case MAT_C_FUNCTION: return "function";
    case MAT_C_OPAQUE: return "opaque";
    default: return "unknown";
  }
}

bool numeric_class(matio_classes c) {
  switch (c) {
    case MAT_C_DOUBLE:
    case MAT_C_SINGLE:
    case MAT_C_INT8:
    case MAT_C_UINT8:
    case MAT_C_INT16:
    case MAT_C_UINT16:
    case MAT_C_INT32:
    case MAT_C_UINT32:
    case MAT_C_INT64:
    case MAT_C_UINT64:
    case MAT_C_SPARSE: return true;
    default: return false;
  }
}

std::string shape_of(const matvar_t& v) {
  std::string s;
  for (int k = 0; k < v.rank; ++k) s += (k ? "x" : "") + std::to_string(v.dims[k]);
  return s.empty() ? "0x0" : s;
}

// "W (200x200 double)".
MatrixCandidate candidate_of(const matvar_t& v) {
  std::string type = std::string(v.isComplex ? "complex " : "") + class_name(v);
  return {v.name ? v.name : "",
          shape_of(v),
          type,
          numeric_class(v.class_type) && !v.isComplex && v.rank == 2};
}

void check_v5_elements(const std::string& path);

MatFile open_mat(const std::string& path) {
  install_matio_log();
  (void)checked_file_size(path);
  last_matio_message.clear();
  MatFile mat(Mat_Open(path.c_str(), MAT_ACC_RDONLY));
  if (!mat) {
    input_error(path,
                "not a MATLAB .mat file that libmatio can open (v4, v5 or v7.3)" +
                    (last_matio_message.empty() ? std::string() : ": " + last_matio_message));
  }
  if (Mat_GetVersion(mat.get()) == MAT_FT_MAT5) check_v5_elements(path);
  return mat;
}

// A v5 file is a 128-byte header and a sequence of top-level data elements, each an 8-byte tag
// (type, byte count) and its bytes. libmatio reads a short element without complaint (the missing
// bytes come back as whatever was in memory), so the element chain is checked against the file
// size before any data is read.
void check_v5_elements(const std::string& path) {
  const std::string bytes = read_file_bytes(path);
  if (bytes.size() < 128)
    input_error(path, "truncated header (" + std::to_string(bytes.size()) + " bytes)");
  const bool little = bytes[126] == 'I' && bytes[127] == 'M';
  const auto u32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const auto b = static_cast<unsigned char>(bytes[at + (little ? 3 - k : k)]);
      v = (v << 8) | b;
    }
    return v;
  };
  std::size_t offset = 128;
  while (offset < bytes.size()) {
    if (offset + 8 > bytes.size()) {
      input_error(path,
                  "truncated: a data element's tag at byte " + std::to_string(offset) +
                      " is cut off (the file ends at " + std::to_string(bytes.size()) + ")");
    }
    const std::uint32_t type = u32(offset);
    const std::uint64_t count = u32(offset + 4);
    std::uint64_t next = offset + 8 + count;
    if (type != 15) next = (next + 7) / 8 * 8;  // uncompressed elements are padded to 8 bytes
    if (offset + 8 + count > bytes.size()) {
      input_error(path,
                  "truncated: the data element at byte " + std::to_string(offset) + " claims " +
                      std::to_string(count) + " bytes but the file ends at " +
                      std::to_string(bytes.size()) + " (an incomplete download or copy?)");
    }
    offset = static_cast<std::size_t>(std::min<std::uint64_t>(next, bytes.size()));
  }
}

std::string version_name(mat_t* mat) {
  switch (Mat_GetVersion(mat)) {
    case MAT_FT_MAT73: return "mat-v7.3";
    case MAT_FT_MAT5: return "mat-v5";
    case MAT_FT_MAT4: return "mat-v4";
    default: return "mat";
  }
}

// The variable's header (no data): the named one, or the only candidate.
MatVar choose_variable(const std::string& path, mat_t* mat, const std::string& name) {
  std::vector<MatrixCandidate> all;
  while (true) {
    MatVar info(Mat_VarReadNextInfo(mat));
    if (!info) break;
    if (!info->name) continue;
    MatrixCandidate c = candidate_of(*info);
    if (!name.empty() && c.name == name) return info;
    all.push_back(std::move(c));
  }
  const std::string chosen = choose_candidate(path, name, all, "variable");
  Mat_Rewind(mat);
  MatVar info(Mat_VarReadInfo(mat, chosen.c_str()));
  if (!info) input_error(path + ":" + chosen, "cannot read the variable's header (corrupt file?)");
  return info;
}

// The variable's class, shape and type checked; returns rows x cols.
std::pair<Eigen::Index, Eigen::Index> checked_shape(const std::string& label, const matvar_t& v) {
  if (v.class_type == MAT_C_CELL || v.class_type == MAT_C_STRUCT || v.class_type == MAT_C_CHAR ||
      !numeric_class(v.class_type)) {
    input_error(label,
                std::string("is a MATLAB ") + class_name(v) + " (" + shape_of(v) +
                    "); need a real numeric matrix");
  }
  if (v.isComplex) input_error(label, "is complex (" + shape_of(v) + "); need a real matrix");
  if (v.rank != 2) {
    input_error(
        label,
        "has " + std::to_string(v.rank) + " dimensions (" + shape_of(v) + "); need a 2-D matrix");
  }
  const auto rows = static_cast<std::int64_t>(v.dims[0]);
  const auto cols = static_cast<std::int64_t>(v.dims[1]);
  if (v.class_type != MAT_C_SPARSE) (void)checked_dense_entries(label, rows, cols);
  return {static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols)};
}

template <typename T>
void copy_as_double(const void* data, Eigen::Index count, double* out) {
  const T* in = static_cast<const T*>(data);
  for (Eigen::Index k = 0; k < count; ++k) out[k] = static_cast<double>(in[k]);
}

// `count` values of matio type `type` at `data` as doubles.
void to_doubles(
    const std::string& label, matio_types type, const void* data, Eigen::Index count, double* out) {
  switch (type) {
    case MAT_T_DOUBLE: copy_as_double<double>(data, count, out); break;
    case MAT_T_SINGLE: copy_as_double<float>(data, count, out); break;
    case MAT_T_INT8: copy_as_double<std::int8_t>(data, count, out); break;
    case MAT_T_UINT8: copy_as_double<std::uint8_t>(data, count, out); break;
    case MAT_T_INT16: copy_as_double<std::int16_t>(data, count, out); break;
    case MAT_T_UINT16: copy_as_double<std::uint16_t>(data, count, out); break;
    case MAT_T_INT32: copy_as_double<std::int32_t>(data, count, out); break;
    case MAT_T_UINT32: copy_as_double<std::uint32_t>(data, count, out); break;
    case MAT_T_INT64: copy_as_double<std::int64_t>(data, count, out); break;
    case MAT_T_UINT64: copy_as_double<std::uint64_t>(data, count, out); break;
    default: input_error(label, "unsupported element type " + std::to_string(type));
  }
}

// Reads the data of the chosen variable (matio allocates it from the header's dims, which
// checked_shape() has bounded).
MatVar read_data(const std::string& label, mat_t* mat, const std::string& name) {
  Mat_Rewind(mat);
  last_matio_message.clear();
  MatVar var(Mat_VarRead(mat, name.c_str()));
  if (!var || (var->data == nullptr && var->dims[0] * var->dims[1] != 0)) {
    input_error(label,
                "cannot read the data (truncated or corrupt file?)" +
                    (last_matio_message.empty() ? std::string() : ": " + last_matio_message));
  }
  return var;
}

// Checks a MATLAB sparse variable's index arrays (a corrupt file must not index out of bounds).
void check_sparse(const std::string& label,
                  const matvar_t& v,
                  Eigen::Index rows,
                  Eigen::Index cols) {
  const auto* s = static_cast<const mat_sparse_t*>(v.data);
  if (s == nullptr) input_error(label, "sparse variable without data (corrupt file?)");
  const bool jc_ok = s->jc != nullptr && static_cast<Eigen::Index>(s->njc) == cols + 1;
  if (!jc_ok) input_error(label, "sparse column pointers do not match the column count");
  const mat_uint32_t nnz = s->jc[cols];
  if (s->jc[0] != 0 || nnz > s->nir || nnz > s->ndata || (nnz > 0 && s->ir == nullptr)) {
    input_error(label, "sparse index arrays are inconsistent (corrupt file?)");
  }
  for (Eigen::Index j = 0; j < cols; ++j) {
    if (s->jc[j] > s->jc[j + 1])
      input_error(label, "sparse column pointers decrease (corrupt file?)");
  }
  for (mat_uint32_t k = 0; k < nnz; ++k) {
    if (static_cast<Eigen::Index>(s->ir[k]) >= rows) {
      input_error(label,
                  "sparse row index " + std::to_string(s->ir[k] + 1) + " exceeds the " +
                      std::to_string(rows) + " rows (corrupt file?)");
    }
  }
}

Eigen::SparseMatrix<double> sparse_from(const std::string& label,
                                        const matvar_t& v,
                                        Eigen::Index rows,
                                        Eigen::Index cols) {
  check_sparse(label, v, rows, cols);
  const auto* s = static_cast<const mat_sparse_t*>(v.data);
  const mat_uint32_t nnz = s->jc[cols];
  Eigen::VectorXd values(nnz);
  if (nnz > 0) to_doubles(label, v.data_type, s->data, nnz, values.data());
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(nnz);
  for (Eigen::Index j = 0; j < cols; ++j) {
    for (mat_uint32_t k = s->jc[j]; k < s->jc[j + 1]; ++k) {
      if (!std::isfinite(values(k))) {
        std::ostringstream msg;
        msg << "entry (row " << s->ir[k] + 1 << ", column " << j + 1 << ") is " << values(k)
            << "; inputs must be finite";
        input_error(label, msg.str());
      }
      triplets.emplace_back(static_cast<Eigen::Index>(s->ir[k]), j, values(k));
    }
  }
  Eigen::SparseMatrix<double> m(rows, cols);
  m.setFromTriplets(triplets.begin(), triplets.end());
  return m;
}

}  // namespace

Eigen::MatrixXd read_mat(const MatrixSpec& spec, MatrixFileInfo& info) {
  MatFile mat = open_mat(spec.path);
  info.format = version_name(mat.get());
  MatVar header = choose_variable(spec.path, mat.get(), spec.variable);
  info.variable = header->name;
  const std::string label = spec.path + ":" + info.variable;
  const auto [rows, cols] = checked_shape(label, *header);
  info.dtype = class_name(*header);
  if (header->class_type == MAT_C_SPARSE) {
    (void)checked_dense_entries(label, rows, cols);
    const MatVar var = read_data(label, mat.get(), info.variable);
    info.dtype = "sparse " + std::string(var->isLogical ? "logical" : "double");
    return Eigen::MatrixXd(sparse_from(label, *var, rows, cols));
  }
  const MatVar var = read_data(label, mat.get(), info.variable);
  Eigen::MatrixXd m(rows, cols);  // MATLAB stores column-major, as Eigen does
  if (m.size() > 0) to_doubles(label, var->data_type, var->data, m.size(), m.data());
  return m;
}

Eigen::SparseMatrix<double> read_mat_sparse(const MatrixSpec& spec, MatrixFileInfo& info) {
  MatFile mat = open_mat(spec.path);
  info.format = version_name(mat.get());
  MatVar header = choose_variable(spec.path, mat.get(), spec.variable);
  info.variable = header->name;
  if (header->class_type != MAT_C_SPARSE) {
    mat.reset();
    MatrixSpec named{spec.path, info.variable};
    const Eigen::MatrixXd dense = read_mat(named, info);
    require_finite(named.label(), dense);
    return dense.sparseView();
  }
  const std::string label = spec.path + ":" + info.variable;
  const auto [rows, cols] = checked_shape(label, *header);
  const MatVar var = read_data(label, mat.get(), info.variable);
  info.dtype = "sparse " + std::string(var->isLogical ? "logical" : "double");
  return sparse_from(label, *var, rows, cols);
}

}  // namespace netdyn::detail
