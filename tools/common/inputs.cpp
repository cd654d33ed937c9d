#include "common/inputs.hpp"

#include <charconv>
#include <filesystem>
#include <optional>
#include <vector>

#include "common/cli.hpp"
#include "netdyn/io/atomic_file.hpp"
#include "netdyn/io/provenance.hpp"

namespace netdyn::cli {
namespace {

// One command per process (and per run_app call in the fuzz target): its settings and inputs.
struct CommandState {
  const CLI::App* app = nullptr;
  std::string convention;  // as typed; empty when not given
  std::vector<MatrixFileInfo> inputs;
};

CommandState& state() {
  static CommandState s;
  return s;
}

ReadOptions read_options() {
  ReadOptions options;
  if (!state().convention.empty()) options.convention = parse_convention(state().convention);
  return options;
}

void record(const MatrixFileInfo& info) {
  state().inputs.push_back(info);
}

// The subcommand that is running (innermost selected one), or the app.
const CLI::App* running(const CLI::App* app) {
  while (app != nullptr) {
    const auto subs = app->get_subcommands();
    if (subs.empty()) break;
    app = subs.front();
  }
  return app;
}

nlohmann::json option_value(const CLI::Option& opt) {
  std::vector<std::string> values = opt.count() > 0 ? opt.results() : std::vector<std::string>{};
  if (opt.count() == 0) {
    if (opt.get_type_size() == 0) return false;  // a flag not given
    const std::string def = opt.get_default_str();
    if (def.empty()) return nullptr;
    values = {def};
  }
  if (opt.get_type_size() == 0 && opt.count() > 0) return true;
  const auto scalar = [](const std::string& text) -> nlohmann::json {
    if (text == "true") return true;
    if (text == "false") return false;
    double v = 0.0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec == std::errc() && ptr == text.data() + text.size()) return v;
    return text;
  };
  if (values.size() == 1) return scalar(values.front());
  nlohmann::json list = nlohmann::json::array();
  for (const std::string& v : values) list.push_back(scalar(v));
  return list;
}

}  // namespace

CLI::Option* add_convention_option(CLI::App& sub) {
  return sub
      .add_option("--convention",
                  state().convention,
                  "layout of the input: post-pre (rows are postsynaptic, netdyn's W; the default "
                  "for matrices) or pre-post (rows presynaptic, as NEST and Brian2 export; the "
                  "matrix is transposed). Edge lists must state it")
      ->check(CLI::IsMember({"post-pre", "pre-post"}));
}

Eigen::MatrixXd read_matrix(const std::string& spec) {
  // Auxiliary matrices (a readout C, a drive, initial rates) are read as they are: --convention
  // describes the connectivity only.
  MatrixFileInfo info;
  Eigen::MatrixXd m = netdyn::read_matrix(spec, ReadOptions{}, &info);
  record(info);
  return m;
}

Eigen::MatrixXd read_connectivity(const std::string& spec) {
  MatrixFileInfo info;
  Eigen::MatrixXd m = netdyn::read_connectivity(spec, read_options(), &info);
  record(info);
  return m;
}

Eigen::SparseMatrix<double> read_sparse_matrix(const std::string& spec) {
  MatrixFileInfo info;
  Eigen::SparseMatrix<double> m = netdyn::read_sparse_matrix(spec, read_options(), &info);
  record(info);
  return m;
}

std::string last_input_note() {
  if (state().inputs.empty()) return {};
  const MatrixFileInfo& in = state().inputs.back();
  std::string note;
  if (!in.variable.empty()) note += "variable " + in.variable + " of a " + in.format + " file";
  if (in.edge_list) {
    note += std::string(note.empty() ? "" : ", ") + "edge list, convention " +
            to_string(in.convention) +
            (in.convention == Convention::kPrePost ? ": first column presynaptic"
                                                   : ": first column postsynaptic") +
            "; W is post x pre";
  } else if (in.convention == Convention::kPrePost) {
    note += std::string(note.empty() ? "" : ", ") +
            "convention pre-post: the file is transposed to W post x pre";
  }
  return note.empty() ? note : "  (" + note + ")";
}

void begin_command(const CLI::App& app) {
  state() = CommandState{};
  state().app = &app;
}

nlohmann::json provenance_json() {
  nlohmann::json j;
  j["netdyn_version"] = netdyn_version();
  const CLI::App* sub = running(state().app);
  std::string command = "netdyn";
  for (const CLI::App* a = state().app; a != nullptr;) {
    const auto subs = a->get_subcommands();
    if (subs.empty()) break;
    a = subs.front();
    command += " " + a->get_name();
  }
  j["command"] = command;
  nlohmann::json options = nlohmann::json::object();
  if (sub != nullptr && sub != state().app) {
    for (const CLI::Option* opt : sub->get_options()) {
      const std::string name = opt->get_name();
      if (name == "--help" || name == "-h" || name.empty()) continue;
      options[name] = option_value(*opt);
    }
  }
  j["options"] = options;
  nlohmann::json inputs = nlohmann::json::array();
  for (const MatrixFileInfo& in : state().inputs) {
    inputs.push_back(
        {{"path", in.path},
         {"variable", in.variable.empty() ? nlohmann::json() : nlohmann::json(in.variable)},
         {"format", in.format},
         {"dtype", in.dtype.empty() ? nlohmann::json() : nlohmann::json(in.dtype)},
         {"shape", {in.rows, in.cols}},
         {"sha256", sha256_file(in.path)},
         {"convention", to_string(in.convention)},
         {"edge_list", in.edge_list}});
  }
  j["inputs"] = inputs;
  return j;
}

std::vector<std::string> commit_with_provenance(OutputDirectory& out) {
  nlohmann::json j = provenance_json();
  nlohmann::json files = nlohmann::json::object();
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(out.staging(), ec);
       !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const std::string relative =
        std::filesystem::relative(it->path(), out.staging()).generic_string();
    files[relative] = {{"sha256", sha256_file(it->path().string())},
                       {"bytes", std::filesystem::file_size(it->path())}};
  }
  j["files"] = files;
  write_file_atomically(out.stage("provenance.json"),
                        [&](std::ostream& o) { o << j.dump(2) << '\n'; });
  return out.commit();
}

void commit_outputs(OutputDirectory& out) {
  report_written(commit_with_provenance(out));
}

void write_provenance_sidecar(const std::string& file) {
  nlohmann::json j = provenance_json();
  j["files"] = {{std::filesystem::path(file).filename().string(),
                 {{"sha256", sha256_file(file)}, {"bytes", std::filesystem::file_size(file)}}}};
  write_file_atomically(file + ".provenance.json",
                        [&](std::ostream& o) { o << j.dump(2) << '\n'; });
}

}  // namespace netdyn::cli
