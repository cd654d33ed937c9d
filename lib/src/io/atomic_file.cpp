#include "netdyn/io/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace netdyn {
namespace {

std::string directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// Removes the temporary file unless it was renamed into place.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string name) : name_(std::move(name)) {}
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (!committed_) std::remove(name_.c_str());
  }
  const std::string& name() const { return name_; }
  void commit() { committed_ = true; }

 private:
  std::string name_;
  bool committed_ = false;
};

}  // namespace

void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write,
                           bool binary) {
  const std::string dir = directory_of(path);
  const auto slash = path.find_last_of('/');
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string pattern = dir + "/." + base + ".tmp.XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  const int fd = ::mkstemp(buffer.data());
  if (fd < 0) {
    throw std::invalid_argument(path + ": cannot create a file in directory '" + dir +
                                "': " + std::strerror(errno));
  }
  // mkstemp creates mode 0600; give the result the permissions an ordinary new file would get.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  (void)::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  TemporaryFile temp(buffer.data());
  {
    std::ofstream out(temp.name(), binary ? std::ios::binary | std::ios::trunc : std::ios::trunc);
    if (!out) {
      throw std::invalid_argument(
          path + ": cannot open temporary file for writing: " + std::strerror(errno));
    }
    write(out);
    out.flush();
    if (!out) {
      throw std::invalid_argument(
          path + ": write failed (disk full or I/O error): " + std::strerror(errno));
    }
    out.close();
    if (out.fail()) {
      throw std::invalid_argument(
          path + ": closing the file failed (disk full?): " + std::strerror(errno));
    }
  }
  if (std::rename(temp.name().c_str(), path.c_str()) != 0) {
    throw std::invalid_argument(
        path + ": cannot rename temporary file into place: " + std::strerror(errno));
  }
  temp.commit();
}

}  // namespace netdyn
