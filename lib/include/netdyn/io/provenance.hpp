#pragma once
/// \file provenance.hpp
/// What traces a result to its input: the SHA-256 of the input's bytes and netdyn's version, next
/// to the MatrixFileInfo a reader fills (path, variable, format, shape, convention).

#include <string>

namespace netdyn {

/// SHA-256 of the file's bytes, 64 lower-case hex digits (OpenSSL's EVP interface).
/// \throws std::invalid_argument naming the file when it cannot be read.
[[nodiscard]] std::string sha256_file(const std::string& path);

/// SHA-256 of a byte string, 64 lower-case hex digits.
[[nodiscard]] std::string sha256_bytes(const std::string& bytes);

/// The library's version, e.g. "0.9.0" (the project version CMake was configured with).
[[nodiscard]] const char* netdyn_version();

}  // namespace netdyn
