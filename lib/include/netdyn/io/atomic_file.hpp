#pragma once
/// \file atomic_file.hpp
/// Write a file so that readers see either the old file or the complete new one, never a
/// partial write: the content goes to a unique temporary name in the same directory, is flushed
/// and closed, and is then renamed over the target. On any failure the temporary is removed and
/// the target is untouched.

#include <functional>
#include <ostream>
#include <string>

namespace netdyn {

/// Call `write(stream)` on a temporary file next to `path`, then rename it to `path`.
/// `binary` opens the stream in binary mode.
/// \throws std::invalid_argument when the directory is missing or not writable, or when writing
///         or renaming fails (e.g. disk full); the message names `path` and the system error.
/// Exceptions thrown by `write` propagate after the temporary has been removed.
void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write,
                           bool binary = false);

}  // namespace netdyn
