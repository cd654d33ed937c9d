// NumPy .npz archives (a zip of .npy members, stored or deflated) through libzip (Debian
// libzip-dev): listing, reading one member, and writing stored archives.
#include <zip.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "io/io_formats.hpp"
#include "netdyn/io/atomic_file.hpp"

namespace netdyn::detail {
namespace {

// Largest member we inflate: the dense limit in float64 plus a generous header.
constexpr zip_uint64_t kMaxMemberBytes =
    static_cast<zip_uint64_t>(kMaxDenseEntries) * 8 + (zip_uint64_t{1} << 20);

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Archive = std::unique_ptr<zip_t, ZipCloser>;

Archive open_archive(const std::string& path) {
  const std::uintmax_t size = checked_file_size(path);
  if (size == 0) input_error(path, "file is empty");
  int code = 0;
  Archive z(zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code));
  if (!z) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string what = zip_error_strerror(&error);
    zip_error_fini(&error);
    input_error(path, "not a readable .npz (zip) archive: " + what);
  }
  return z;
}

std::string strip_npy(std::string name) {
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".npy") == 0)
    name.resize(name.size() - 4);
  return name;
}

// Index of member `name` (with or without ".npy"), or -1.
zip_int64_t member_index(zip_t* z, const std::string& name) {
  zip_int64_t index = zip_name_locate(z, (name + ".npy").c_str(), 0);
  if (index < 0) index = zip_name_locate(z, name.c_str(), 0);
  return index;
}

Eigen::MatrixXd read_member(const std::string& path,
                            zip_t* z,
                            zip_int64_t index,
                            const std::string& name) {
  const std::string label = path + ":" + name;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE)) {
    input_error(label, std::string("cannot read the member's size: ") + zip_strerror(z));
  }
  if (st.size > kMaxMemberBytes) {
    input_error(label,
                "member of " + std::to_string(st.size) +
                    " bytes exceeds the dense limit (use a sparse .mtx path for large networks)");
  }
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
      zip_fopen_index(z, static_cast<zip_uint64_t>(index), 0), zip_fclose);
  if (!file) input_error(label, std::string("cannot open the member: ") + zip_strerror(z));
  std::string bytes(static_cast<std::size_t>(st.size), '\0');
  zip_uint64_t done = 0;
  while (done < st.size) {
    const zip_int64_t got = zip_fread(file.get(), bytes.data() + done, st.size - done);
    if (got < 0) {
      input_error(label,
                  std::string("truncated or corrupt member: ") + zip_file_strerror(file.get()));
    }
    if (got == 0) break;
    done += static_cast<zip_uint64_t>(got);
  }
  if (done != st.size) {
    input_error(
        label,
        "truncated member: " + std::to_string(done) + " of " + std::to_string(st.size) + " bytes");
  }
  // libzip checks the member's CRC-32 when a read reaches its end, so read once more.
  char extra = 0;
  if (zip_fread(file.get(), &extra, 1) != 0) {
    input_error(label,
                std::string("corrupt member (") + zip_file_strerror(file.get()) +
                    "): its bytes do not match the archive's CRC-32");
  }
  std::istringstream in(bytes);
  return read_npy(label, in, bytes.size());
}

// A member's header only: shape and dtype for the candidate list (reads at most 4 KiB).
MatrixCandidate peek_member(zip_t* z, zip_uint64_t index, const std::string& name) {
  MatrixCandidate c{name, "?", "?", false};
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(z, index, 0), zip_fclose);
  if (!file) return c;
  std::string head(4096, '\0');
  const zip_int64_t got = zip_fread(file.get(), head.data(), head.size());
  if (got < 10) return c;
  head.resize(static_cast<std::size_t>(got));
  const auto field = [&](const char* key) -> std::string {
    const std::size_t pos = head.find(key);
    if (pos == std::string::npos) return "";
    std::size_t start = head.find(':', pos);
    if (start == std::string::npos) return "";
    ++start;
    while (start < head.size() && head[start] == ' ') ++start;
    const char close = head[start] == '(' ? ')' : ',';
    const std::size_t end = head.find(close, start);
    if (end == std::string::npos) return "";
    return head.substr(start, end - start + (close == ')' ? 1 : 0));
  };
  std::string descr = field("'descr'");
  std::string shape = field("'shape'");
  descr.erase(std::remove(descr.begin(), descr.end(), '\''), descr.end());
  c.type = descr.empty() ? "?" : descr;
  c.shape = shape.empty() ? "?" : shape;
  const bool numeric = descr.size() == 3 && std::string("fiub").find(descr[1]) != std::string::npos;
  const std::size_t commas = static_cast<std::size_t>(std::count(shape.begin(), shape.end(), ','));
  // NumPy writes "(n,)" and "(r, c)": one comma means 1-D or 2-D ("(r, c,)" has a trailing one).
  const bool trailing = shape.size() > 2 && shape[shape.size() - 2] == ',';
  const bool low_rank = shape.size() > 2 && (commas == 1 || (commas == 2 && trailing));
  c.usable = numeric && low_rank;
  return c;
}

}  // namespace

std::vector<std::string> npz_members(const std::string& path) {
  const Archive z = open_archive(path);
  std::vector<std::string> names;
  const zip_int64_t count = zip_get_num_entries(z.get(), 0);
  for (zip_int64_t k = 0; k < count; ++k) {
    const char* name = zip_get_name(z.get(), static_cast<zip_uint64_t>(k), 0);
    if (name != nullptr) names.push_back(strip_npy(name));
  }
  return names;
}

Eigen::MatrixXd read_npz_member(const std::string& path, const std::string& member) {
  const Archive z = open_archive(path);
  const zip_int64_t index = member_index(z.get(), member);
  if (index < 0) input_error(path, "no member '" + member + "'");
  return read_member(path, z.get(), index, member);
}

Eigen::MatrixXd read_npz(const MatrixSpec& spec, MatrixFileInfo& info) {
  const Archive z = open_archive(spec.path);
  info.format = "npz";
  std::vector<MatrixCandidate> candidates;
  const zip_int64_t count = zip_get_num_entries(z.get(), 0);
  for (zip_int64_t k = 0; k < count; ++k) {
    const char* name = zip_get_name(z.get(), static_cast<zip_uint64_t>(k), 0);
    if (name == nullptr) continue;
    const std::string member = strip_npy(name);
    if (!spec.variable.empty() && member == spec.variable) {
      candidates.push_back({member, "", "", true});
      continue;
    }
    candidates.push_back(peek_member(z.get(), static_cast<zip_uint64_t>(k), member));
  }
  const std::string chosen = choose_candidate(spec.path, spec.variable, candidates, "member");
  info.variable = chosen;
  return read_member(spec.path, z.get(), member_index(z.get(), chosen), chosen);
}

void write_npz(const std::string& path,
               const std::vector<std::pair<std::string, std::string>>& members) {
  write_file_atomically(
      path,
      [&](std::ostream& out) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
        if (buffer == nullptr) throw std::runtime_error(path + ": libzip: cannot create a buffer");
        zip_source_keep(buffer);  // survives zip_close, which writes the archive into it
        const auto fail = [&](const std::string& what) {
          zip_source_free(buffer);
          zip_error_fini(&error);
          throw std::runtime_error(path + ": libzip: " + what);
        };
        zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
        if (z == nullptr) fail(zip_error_strerror(&error));
        for (const auto& [name, bytes] : members) {
          zip_source_t* data = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
          const zip_int64_t index =
              data ? zip_file_add(z, (name + ".npy").c_str(), data, ZIP_FL_ENC_UTF_8) : -1;
          if (index < 0) {
            if (data) zip_source_free(data);
            const std::string what = zip_strerror(z);
            zip_discard(z);
            fail(what);
          }
          zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
        }
        if (zip_close(z) != 0) {
          const std::string what = zip_strerror(z);
          zip_discard(z);
          fail(what);
        }
        zip_stat_t st;
        if (zip_source_stat(buffer, &st) != 0 || zip_source_open(buffer) != 0)
          fail("cannot read back");
        std::string bytes(static_cast<std::size_t>(st.size), '\0');
        const zip_int64_t got = zip_source_read(buffer, bytes.data(), st.size);
        zip_source_close(buffer);
        if (got != static_cast<zip_int64_t>(st.size)) fail("short read back");
        zip_source_free(buffer);
        zip_error_fini(&error);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      },
      true);
}

}  // namespace netdyn::detail
