// netdyn convert IN OUT [--convention C] [--to-edges C] [--json]: a matrix from any readable format
// (including .mat, .h5, .npz and edge lists) to .npy, .csv or .mtx, or W to an edge list for a
// simulator. Thin shell over netdyn/io (io.hpp, edge_list.hpp).
#include <iostream>

#include "common/cli.hpp"
#include "netdyn/io/edge_list.hpp"
#include "netdyn/io/io.hpp"

namespace netdyn::cli {
namespace {

struct ConvertArgs {
  std::string input;
  std::string output;
  std::string to_edges;
  bool json = false;
};

std::string output_extension(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  return dot == std::string::npos ? "" : path.substr(dot);
}

}  // namespace

void add_convert_command(CLI::App& app) {
  auto args = std::make_shared<ConvertArgs>();
  CLI::App* sub =
      app.add_subcommand("convert",
                         "Copy a matrix between formats, or W to and from a simulator's edge list\n"
                         "Examples:\n"
                         "  netdyn convert data/mm09_balanced.mat W.npy\n"
                         "  netdyn convert runs.h5:/run3/W W.mtx\n"
                         "  netdyn convert nest_connections.csv W.npy --convention pre-post\n"
                         "  netdyn convert W.npy for_brian2.npz --to-edges pre-post");
  sub->add_option("IN", args->input, kConnectivityFileHelp)->required();
  sub->add_option("OUT",
                  args->output,
                  "output: .npy, .csv, .mtx (a matrix in netdyn's post x pre layout), or with "
                  "--to-edges an edge list .csv or .npz; written atomically, with "
                  "OUT.provenance.json next to it")
      ->required();
  add_convention_option(*sub);
  sub->add_option("--to-edges",
                  args->to_edges,
                  "write OUT as an edge list whose first column is presynaptic (pre-post: source, "
                  "target, weight, as NEST and Brian2 read them) or postsynaptic (post-pre)")
      ->check(CLI::IsMember({"post-pre", "pre-post"}));
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->callback([args, sub]() {
    const bool as_connectivity =
        sub->get_option("--convention")->count() > 0 || !args->to_edges.empty();
    const std::string ext = output_extension(args->output);
    ensure_parent_dir(args->output);
    Eigen::Index rows = 0;
    Eigen::Index cols = 0;
    Eigen::Index nonzeros = 0;
    if (!args->to_edges.empty() || ext == ".mtx") {
      const Eigen::SparseMatrix<double> w = read_sparse_matrix(args->input);
      rows = w.rows();
      cols = w.cols();
      nonzeros = w.nonZeros();
      if (!args->to_edges.empty()) {
        write_edge_list(args->output, w, parse_convention(args->to_edges));
      } else {
        write_sparse_matrix(args->output, w);
      }
    } else {
      const Eigen::MatrixXd w =
          as_connectivity ? read_connectivity(args->input) : read_matrix(args->input);
      rows = w.rows();
      cols = w.cols();
      nonzeros = (w.array() != 0.0).count();
      write_matrix(args->output, w);
    }
    write_provenance_sidecar(args->output);
    if (args->json) {
      nlohmann::json j;
      j["output"] = args->output;
      j["shape"] = {rows, cols};
      j["nonzeros"] = nonzeros;
      j["edge_list"] = !args->to_edges.empty();
      j["output_convention"] = args->to_edges.empty() ? "post-pre" : args->to_edges;
      print_json(j);
    } else {
      std::cout << "wrote " << args->output << " (" << rows << "x" << cols << ", " << nonzeros
                << " nonzeros"
                << (args->to_edges.empty() ? ", post x pre" : ", edge list " + args->to_edges)
                << ") and " << args->output << ".provenance.json\n";
    }
  });
}

}  // namespace netdyn::cli
