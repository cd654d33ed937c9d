// HDF5 reader (.h5/.hdf5) through the HDF5 C library (Debian libhdf5-dev): one numeric 1-D or
// 2-D dataset, anywhere in the file's groups, read in the row-major layout h5py and NumPy show.
#include <hdf5.h>

#include <mutex>
#include <string>
#include <vector>

#include "io/io_formats.hpp"

namespace netdyn::detail {
namespace {

// An hid_t that closes itself with the right H5?close.
class Handle {
 public:
  Handle(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() {
    if (id_ >= 0) close_(id_);
  }
  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

void silence_hdf5() {
  static std::once_flag once;
  std::call_once(once, [] { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); });
}

struct DatasetShape {
  std::vector<hsize_t> dims;
  std::string type;  // "float64", "int32", "compound", ...
  bool numeric = false;
};

std::string type_name(hid_t type) {
  const H5T_class_t cls = H5Tget_class(type);
  const std::size_t bits = 8 * H5Tget_size(type);
  switch (cls) {
    case H5T_FLOAT: return "float" + std::to_string(bits);
    case H5T_INTEGER:
      return (H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") + std::to_string(bits);
    case H5T_ENUM: return "enum";  // h5py's bool
    case H5T_COMPOUND: return "compound (complex?)";
    case H5T_STRING: return "string";
    case H5T_REFERENCE: return "reference";
    case H5T_OPAQUE: return "opaque";
    case H5T_ARRAY: return "array";
    case H5T_VLEN: return "variable-length";
    default: return "unknown";
  }
}

DatasetShape describe(hid_t dataset) {
  DatasetShape shape;
  const Handle space(H5Dget_space(dataset), H5Sclose);
  const Handle type(H5Dget_type(dataset), H5Tclose);
  if (!space.valid() || !type.valid()) return shape;
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank > 0) {
    shape.dims.resize(static_cast<std::size_t>(rank));
    H5Sget_simple_extent_dims(space.get(), shape.dims.data(), nullptr);
  }
  shape.type = type_name(type.get());
  const H5T_class_t cls = H5Tget_class(type.get());
  shape.numeric = cls == H5T_FLOAT || cls == H5T_INTEGER;
  return shape;
}

std::string shape_text(const DatasetShape& s) {
  if (s.dims.empty()) return "scalar";
  std::string out;
  for (std::size_t k = 0; k < s.dims.size(); ++k) out += (k ? "x" : "") + std::to_string(s.dims[k]);
  return out;
}

struct VisitState {
  hid_t file;
  std::vector<MatrixCandidate> candidates;
};

herr_t visit_object(hid_t /*object*/, const char* name, const H5O_info_t* info, void* data) {
  auto* state = static_cast<VisitState*>(data);
  if (info->type != H5O_TYPE_DATASET) return 0;
  const Handle dataset(H5Dopen2(state->file, name, H5P_DEFAULT), H5Dclose);
  if (!dataset.valid()) return 0;
  const DatasetShape s = describe(dataset.get());
  state->candidates.push_back(
      {name, shape_text(s), s.type, s.numeric && (s.dims.size() == 1 || s.dims.size() == 2)});
  return 0;
}

}  // namespace

Eigen::MatrixXd read_hdf5(const MatrixSpec& spec, MatrixFileInfo& info) {
  silence_hdf5();
  const std::string& path = spec.path;
  const std::uintmax_t size = checked_file_size(path);
  if (size == 0) input_error(path, "file is empty");
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    input_error(path, "not an HDF5 file (no HDF5 signature; truncated or another format?)");
  }
  const Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!file.valid()) input_error(path, "HDF5 cannot open the file (truncated or corrupt?)");
  info.format = "hdf5";

  VisitState state{file.get(), {}};
  if (H5Ovisit2(file.get(), H5_INDEX_NAME, H5_ITER_INC, visit_object, &state, H5O_INFO_BASIC) < 0) {
    input_error(path, "HDF5 cannot list the file's datasets (truncated or corrupt?)");
  }
  std::string wanted = spec.variable;
  while (wanted.size() > 1 && wanted.front() == '/') wanted.erase(0, 1);
  const std::string name = choose_candidate(path, wanted, state.candidates, "dataset");
  info.variable = name;
  const std::string label = path + ":" + name;

  const Handle dataset(H5Dopen2(file.get(), name.c_str(), H5P_DEFAULT), H5Dclose);
  if (!dataset.valid()) input_error(label, "HDF5 cannot open the dataset (corrupt file?)");
  const DatasetShape s = describe(dataset.get());
  info.dtype = s.type;
  if (!s.numeric) input_error(label, "holds " + s.type + " data; need a real numeric matrix");
  if (s.dims.size() != 1 && s.dims.size() != 2) {
    input_error(label,
                "is " + shape_text(s) + " (" + std::to_string(s.dims.size()) +
                    " dimensions); need a 2-D matrix (or a 1-D vector)");
  }
  const auto rows = static_cast<std::int64_t>(s.dims[0]);
  const auto cols = s.dims.size() == 2 ? static_cast<std::int64_t>(s.dims[1]) : 1;
  const Eigen::Index entries = checked_dense_entries(label, rows, cols);
  // Row-major buffer (HDF5's and h5py's order), converted to double by HDF5 itself.
  Eigen::Matrix<double, -1, -1, Eigen::RowMajor> m(rows, cols);
  if (entries > 0 &&
      H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, m.data()) < 0) {
    input_error(label, "HDF5 cannot read the data (truncated or corrupt file?)");
  }
  return m;
}

}  // namespace netdyn::detail
