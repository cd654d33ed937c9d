#include "netdyn/io/output_directory.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include <stdlib.h>

namespace netdyn {
namespace fs = std::filesystem;

OutputDirectory::OutputDirectory(const std::string& dir) : dir_(dir) {
  if (dir.empty()) throw std::invalid_argument("output directory: empty path");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    const std::string why = ec ? ec.message()
                               : (fs::exists(dir) ? std::string("a file of that name is in the way")
                                                  : std::string("not a directory"));
    throw std::invalid_argument(dir + ": cannot create output directory: " + why);
  }
  absolute_dir_ = fs::absolute(dir).lexically_normal().string();
  if (absolute_dir_.size() > 1 && absolute_dir_.back() == '/') absolute_dir_.pop_back();
  std::string pattern = (fs::path(absolute_dir_) / ".netdyn-staging-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::invalid_argument(dir +
                                ": cannot write in output directory: " + std::strerror(errno));
  }
  staging_ = pattern;
}

OutputDirectory::~OutputDirectory() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);  // best effort: nothing to report from a destructor
}

std::string OutputDirectory::stage(const std::string& name) const {
  return (fs::path(staging_) / name).string();
}

std::string OutputDirectory::stage_subfolder(const std::string& name) const {
  const fs::path p = fs::path(staging_) / name;
  std::error_code ec;
  fs::create_directories(p, ec);
  if (ec) {
    throw std::invalid_argument(final_path(name) + ": cannot create folder: " + ec.message());
  }
  return p.string();
}

std::string OutputDirectory::final_path(const std::string& name) const {
  return (fs::path(dir_) / name).string();
}

std::vector<std::string> OutputDirectory::commit() {
  if (committed_) throw std::logic_error("OutputDirectory::commit called twice");
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(staging_)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> written;
  for (const fs::path& f : files) {
    const fs::path rel = f.lexically_relative(staging_);
    const fs::path target = fs::path(absolute_dir_) / rel;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
      throw std::invalid_argument(final_path(rel.parent_path().string()) +
                                  ": cannot create folder: " + ec.message());
    }
    if (std::rename(f.c_str(), target.c_str()) != 0) {
      throw std::invalid_argument(final_path(rel.string()) +
                                  ": cannot move the new file into place: " + std::strerror(errno));
    }
    written.push_back(final_path(rel.string()));
  }
  std::error_code ec;
  fs::remove_all(staging_, ec);
  committed_ = true;
  return written;
}

}  // namespace netdyn
