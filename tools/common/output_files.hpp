#pragma once
// Committing a command's output files with their provenance.
#include <string>
#include <vector>

#include "netdyn/io/output_directory.hpp"

namespace netdyn::cli {

/// Stages `provenance.json` (provenance_json() plus the SHA-256 and size of every staged file) and
/// commits the folder; returns the final paths (as OutputDirectory::commit).
std::vector<std::string> commit_with_provenance(OutputDirectory& out);

/// commit_with_provenance(), then the files written on stderr.
void commit_outputs(OutputDirectory& out);

/// For a single-file output (`-o FILE`): writes FILE.provenance.json next to it (atomically).
void write_provenance_sidecar(const std::string& file);

}  // namespace netdyn::cli
