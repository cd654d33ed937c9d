#include "netdyn/io/edge_list.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <limits>
#include <sstream>
#include <vector>

#include "io/io_formats.hpp"
#include "netdyn/io/atomic_file.hpp"

namespace netdyn {
namespace detail {
namespace {

enum class Role { kUnknown, kPre, kPost };

Role role_of(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  if (n == "source" || n == "pre" || n == "presynaptic" || n == "from" || n == "src")
    return Role::kPre;
  if (n == "target" || n == "post" || n == "postsynaptic" || n == "to" || n == "tgt")
    return Role::kPost;
  return Role::kUnknown;
}

bool is_name(std::string_view field) {
  double v = 0.0;
  return !field.empty() && !parse_double(field, v);
}

// First line of the file that is neither blank nor a comment; also collects "# nodes: N".
struct TextHead {
  std::vector<std::string_view> header;
  std::int64_t nodes = -1;
};

// Whether `line` (a comment) is "# nodes: N"; sets nodes.
void parse_directive(const std::string& path,
                     std::size_t line_number,
                     std::string_view comment,
                     std::int64_t& nodes) {
  comment = trim(comment);
  constexpr std::string_view kKey = "nodes:";
  if (comment.substr(0, kKey.size()) != kKey) return;
  const std::string_view value = trim(comment.substr(kKey.size()));
  if (!parse_index(value, nodes)) {
    input_error(path + ":" + std::to_string(line_number),
                "'# nodes:' needs a non-negative integer, got '" + visible(value) + "'");
  }
}

[[noreturn]] void need_convention(const std::string& label) {
  input_error(label,
              "is an edge list; say which column is presynaptic with --convention pre-post "
              "(first column = source, as NEST and Brian2 write them) or --convention post-pre "
              "(first column = target)");
}

void check_roles(const std::string& label,
                 Role first,
                 Role second,
                 Convention convention,
                 std::string_view first_name,
                 std::string_view second_name) {
  const bool says_pre_first = first == Role::kPre || second == Role::kPost;
  const bool says_post_first = first == Role::kPost || second == Role::kPre;
  if (says_pre_first && says_post_first) {
    input_error(label,
                "header '" + std::string(first_name) + "," + std::string(second_name) +
                    "' names the same role twice");
  }
  if ((says_pre_first && convention == Convention::kPostPre) ||
      (says_post_first && convention == Convention::kPrePost)) {
    input_error(label,
                std::string("the header says the first column '") + std::string(first_name) +
                    "' is " + (says_pre_first ? "presynaptic" : "postsynaptic") +
                    ", but --convention " + to_string(convention) + " says it is " +
                    (says_pre_first ? "postsynaptic" : "presynaptic") +
                    "; fix one of them (netdyn does not transpose silently)");
  }
}

struct Edge {
  std::int64_t first;
  std::int64_t second;
  double weight;
};

Eigen::SparseMatrix<double> assemble(const std::string& label,
                                     const std::vector<Edge>& edges,
                                     std::int64_t nodes,
                                     Convention convention) {
  std::int64_t largest = -1;
  for (const Edge& e : edges) largest = std::max({largest, e.first, e.second});
  if (nodes < 0) nodes = largest + 1;
  if (largest >= nodes) {
    input_error(label,
                "index " + std::to_string(largest) + " is out of range for '# nodes: " +
                    std::to_string(nodes) + "' (indices are 0-based)");
  }
  if (nodes == 0) input_error(label, "edge list is empty (no edges and no '# nodes:')");
  constexpr std::int64_t kMaxNodes = std::int64_t{1} << 31;
  if (nodes >= kMaxNodes)
    input_error(label, "edge list claims " + std::to_string(nodes) + " nodes");
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(edges.size());
  for (const Edge& e : edges) {
    const std::int64_t post = convention == Convention::kPrePost ? e.second : e.first;
    const std::int64_t pre = convention == Convention::kPrePost ? e.first : e.second;
    triplets.emplace_back(
        static_cast<Eigen::Index>(post), static_cast<Eigen::Index>(pre), e.weight);
  }
  const auto n = static_cast<Eigen::Index>(nodes);
  Eigen::SparseMatrix<double> w(n, n);
  w.setFromTriplets(triplets.begin(), triplets.end());
  return w;
}

std::int64_t as_index(const std::string& where, double v, const char* what) {
  if (!(v >= 0) || v != std::floor(v) || v > 9.0e15) {
    std::ostringstream msg;
    msg << what << " index " << v << " is not a non-negative integer (indices are 0-based)";
    input_error(where, msg.str());
  }
  return static_cast<std::int64_t>(v);
}

Eigen::SparseMatrix<double> read_text_edges(const std::string& path,
                                            Convention convention,
                                            MatrixFileInfo& info) {
  std::string text = read_file_bytes(path);
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  LineScanner lines(text);
  std::string_view line;
  std::int64_t nodes = -1;
  bool have_header = false;
  std::vector<Edge> edges;
  while (lines.next(line)) {
    const std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) {
      if (!have_header) parse_directive(path, lines.line_number(), line.substr(hash + 1), nodes);
      line = line.substr(0, hash);
    }
    if (trim(line).empty()) continue;
    bool empty_field = false;
    const std::vector<std::string_view> fields = split_fields(line, empty_field);
    const std::string where = path + ":" + std::to_string(lines.line_number());
    if (empty_field) input_error(where, "empty field between commas");
    if (fields.size() != 3) {
      input_error(where,
                  "edge list rows have 3 fields (source, target, weight); this one has " +
                      std::to_string(fields.size()));
    }
    if (!have_header) {
      have_header = true;
      check_roles(path, role_of(fields[0]), role_of(fields[1]), convention, fields[0], fields[1]);
      continue;
    }
    double v[3] = {0, 0, 0};
    for (std::size_t k = 0; k < 3; ++k) {
      if (!parse_double(fields[k], v[k])) {
        input_error(where + ":" + std::to_string(k + 1),
                    "non-numeric token '" + visible(fields[k]) + "'");
      }
    }
    if (!std::isfinite(v[2])) {
      input_error(where + ":3",
                  "weight '" + std::string(fields[2]) + "' is not finite; inputs must be finite");
    }
    edges.push_back(
        {as_index(where + ":1", v[0], "first"), as_index(where + ":2", v[1], "second"), v[2]});
  }
  info.format = "csv edge list";
  info.dtype = "edges";
  return assemble(path, edges, nodes, convention);
}

Eigen::SparseMatrix<double> read_npz_edges(const std::string& path,
                                           Convention convention,
                                           MatrixFileInfo& info) {
  if (convention != Convention::kPrePost) {
    input_error(path,
                "is an edge list whose members 'source' and 'target' fix the roles (source = "
                "presynaptic); that is --convention pre-post, not post-pre");
  }
  const Eigen::MatrixXd source = read_npz_member(path, "source");
  const Eigen::MatrixXd target = read_npz_member(path, "target");
  const Eigen::MatrixXd weight = read_npz_member(path, "weight");
  const auto is_vector = [](const Eigen::MatrixXd& m) { return m.cols() == 1; };
  if (!is_vector(source) || !is_vector(target) || !is_vector(weight) ||
      source.rows() != target.rows() || source.rows() != weight.rows()) {
    input_error(path,
                "edge list members must be 1-D of one length; source has " +
                    std::to_string(source.size()) + ", target " + std::to_string(target.size()) +
                    ", weight " + std::to_string(weight.size()) + " entries");
  }
  std::int64_t nodes = -1;
  const std::vector<std::string> members = npz_members(path);
  if (std::find(members.begin(), members.end(), "nodes") != members.end()) {
    const Eigen::MatrixXd n = read_npz_member(path, "nodes");
    if (n.size() != 1) input_error(path + ":nodes", "must be a scalar");
    nodes = as_index(path + ":nodes", n(0, 0), "node count");
  }
  std::vector<Edge> edges;
  edges.reserve(static_cast<std::size_t>(source.rows()));
  for (Eigen::Index k = 0; k < source.rows(); ++k) {
    const std::string where = path + ": edge " + std::to_string(k);
    if (!std::isfinite(weight(k, 0))) {
      std::ostringstream msg;
      msg << "weight is " << weight(k, 0) << "; inputs must be finite";
      input_error(where, msg.str());
    }
    edges.push_back({as_index(where, source(k, 0), "source"),
                     as_index(where, target(k, 0), "target"),
                     weight(k, 0)});
  }
  info.format = "npz edge list";
  info.dtype = "edges";
  return assemble(path, edges, nodes, convention);
}

}  // namespace

bool is_text_edge_list(const std::string& path) {
  // Only up to the first data line: a dense .csv is then read once, by read_text.
  std::ifstream in(path, std::ios::binary);
  std::string text;
  bool first = true;
  while (std::getline(in, text)) {
    std::string_view line(text);
    if (first && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    first = false;
    const std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) continue;
    bool empty_field = false;
    const std::vector<std::string_view> fields = split_fields(line, empty_field);
    return fields.size() == 3 && is_name(fields[0]) && is_name(fields[1]) && is_name(fields[2]);
  }
  return false;
}

bool is_npz_edge_list(const std::string& path) {
  const std::vector<std::string> members = npz_members(path);
  const auto has = [&](const char* name) {
    return std::find(members.begin(), members.end(), name) != members.end();
  };
  return has("source") && has("target") && has("weight");
}

Eigen::SparseMatrix<double> read_edge_list(const MatrixSpec& spec,
                                           const std::optional<Convention>& convention,
                                           MatrixFileInfo& info) {
  if (!spec.variable.empty()) {
    input_error(spec.label(),
                "is an edge list; it holds one network, so drop ':" + spec.variable + "'");
  }
  if (!convention) need_convention(spec.path);
  info.edge_list = true;
  info.convention = *convention;
  const bool npz = extension_of(spec.path) == ".npz";
  return npz ? read_npz_edges(spec.path, *convention, info)
             : read_text_edges(spec.path, *convention, info);
}

}  // namespace detail

void write_edge_list(const std::string& path,
                     const Eigen::SparseMatrix<double>& w,
                     Convention convention) {
  if (w.rows() != w.cols()) {
    detail::input_error(path,
                        "W is " + std::to_string(w.rows()) + "x" + std::to_string(w.cols()) +
                            "; an edge list needs a square W");
  }
  const std::string ext = detail::extension_of(path);
  Eigen::Matrix<std::int64_t, -1, 1> pre(w.nonZeros()), post(w.nonZeros());
  Eigen::VectorXd weight(w.nonZeros());
  Eigen::Index k = 0;
  for (Eigen::Index j = 0; j < w.outerSize(); ++j) {
    for (Eigen::SparseMatrix<double>::InnerIterator it(w, j); it; ++it, ++k) {
      post(k) = it.row();
      pre(k) = it.col();
      weight(k) = it.value();
    }
  }
  const bool pre_first = convention == Convention::kPrePost;
  if (ext == ".csv") {
    write_file_atomically(path, [&](std::ostream& out) {
      out << "# netdyn edge list, convention " << to_string(convention)
          << (pre_first ? " (first column presynaptic)" : " (first column postsynaptic)")
          << ", 0-based indices\n# nodes: " << w.rows() << '\n'
          << (pre_first ? "source,target,weight\n" : "target,source,weight\n");
      out << std::setprecision(std::numeric_limits<double>::max_digits10);
      for (Eigen::Index e = 0; e < k; ++e) {
        out << (pre_first ? pre(e) : post(e)) << ',' << (pre_first ? post(e) : pre(e)) << ','
            << weight(e) << '\n';
      }
    });
    return;
  }
  if (ext == ".npz") {
    if (!pre_first) {
      detail::input_error(path,
                          "an .npz edge list names its members source and target (source = "
                          "presynaptic), which is --convention pre-post");
    }
    const auto npy = [](const auto& array) {
      std::ostringstream out;
      detail::write_npy(out, array);
      return out.str();
    };
    std::ostringstream weight_npy;
    detail::write_npy_vector(weight_npy, weight);
    Eigen::Matrix<std::int64_t, -1, 1> nodes(1);
    nodes(0) = w.rows();
    std::ostringstream nodes_npy;
    // A 0-d array, as numpy.savez writes a Python int: shape ().
    {
      std::ostringstream one;
      detail::write_npy(one, nodes);
      std::string bytes = one.str();
      const std::size_t shape = bytes.find("(1, )");
      if (shape != std::string::npos) bytes.replace(shape, 5, "()   ");
      nodes_npy << bytes;
    }
    detail::write_npz(path,
                      {{"source", npy(pre)},
                       {"target", npy(post)},
                       {"weight", weight_npy.str()},
                       {"nodes", nodes_npy.str()}});
    return;
  }
  detail::input_error(path, "unknown extension for an edge list; expected .csv or .npz");
}

}  // namespace netdyn
