#pragma once
// The matrix inputs of a command and its provenance. Every subcommand reads its files through the
// three readers below (they shadow lib's inside netdyn::cli): they apply `--convention`, accept
// `FILE:NAME`, and record what was read, so that each --json object and each --out folder can say
// which bytes, which variable and which options produced it (issue 21).
#include <CLI/CLI.hpp>
#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <nlohmann/json.hpp>
#include <string>

#include "common/output_files.hpp"
#include "netdyn/io/io.hpp"

namespace netdyn::cli {

/// `--convention post-pre|pre-post` on a subcommand that reads matrix files.
CLI::Option* add_convention_option(CLI::App& sub);

/// lib's readers, recording each input for provenance_json(). The connectivity readers apply the
/// command's --convention; read_matrix (readouts, drives, initial rates) reads files as they are.
Eigen::MatrixXd read_matrix(const std::string& spec);
Eigen::MatrixXd read_connectivity(const std::string& spec);
Eigen::SparseMatrix<double> read_sparse_matrix(const std::string& spec);

/// How the last matrix was read, for a report's first line: "" for a plain post x pre matrix
/// file, else e.g. "  (variable W of a mat-v7.3 file)" or "  (edge list, convention pre-post:
/// first column presynaptic; W is post x pre)".
std::string last_input_note();

/// Called by run_app before each parse: the command about to run, no inputs recorded yet.
void begin_command(const CLI::App& app);

/// {"netdyn_version", "command", "options": {name: value, ...}, "inputs": [{"path", "variable",
/// "format", "dtype", "shape", "sha256", "convention", "edge_list"}, ...]}. Options are every
/// option of the running subcommand with its value (given or default), numbers as numbers.
nlohmann::json provenance_json();

}  // namespace netdyn::cli
