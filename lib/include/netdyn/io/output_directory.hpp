#pragma once
/// \file output_directory.hpp
/// All-or-nothing output of one command: every file goes into a hidden staging folder inside the
/// target folder, and only `commit()` moves them into place (one rename each, replacing older files
/// of the same name). If the command fails before that, the destructor removes the staging folder,
/// so a failed run leaves neither partial files nor a half-updated set of outputs (a plot next to
/// the data of another run). The staging folder is in the target folder, so every rename stays on
/// one file system and is atomic.

#include <string>
#include <vector>

namespace netdyn {

class OutputDirectory {
 public:
  /// Creates `dir` and its parents if missing (relative paths are relative to the current working
  /// directory, resolved once here), then the staging folder `dir/.netdyn-staging-XXXXXX`.
  /// \throws std::invalid_argument naming `dir` and the system error when either is impossible
  ///         (a file in the way, no permission, read-only file system).
  explicit OutputDirectory(const std::string& dir);
  OutputDirectory(const OutputDirectory&) = delete;
  OutputDirectory& operator=(const OutputDirectory&) = delete;
  /// Removes the staging folder with everything in it unless commit() succeeded.
  ~OutputDirectory();

  /// The target folder as the user gave it (for messages).
  const std::string& dir() const { return dir_; }
  /// Absolute path of the staging folder: write the command's files here.
  const std::string& staging() const { return staging_; }
  /// staging()/name; `name` may contain '/' for files in subfolders (see stage_subfolder).
  std::string stage(const std::string& name) const;
  /// Creates staging()/name (and parents) and returns its absolute path.
  std::string stage_subfolder(const std::string& name) const;
  /// dir()/name: where a staged file ends up.
  std::string final_path(const std::string& name) const;

  /// Moves every staged file to the same relative path under dir() (creating subfolders), each by
  /// one rename that replaces a file of that name, then removes the staging folder. Returns the
  /// final paths, sorted.
  /// \throws std::invalid_argument naming the file when a rename fails.
  std::vector<std::string> commit();

 private:
  std::string dir_;
  std::string absolute_dir_;
  std::string staging_;
  bool committed_ = false;
};

}  // namespace netdyn
