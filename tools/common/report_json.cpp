#include "common/report_json.hpp"

#include <iostream>
#include <type_traits>
#include <variant>

#include "common/cli.hpp"
#include "netdyn/report/report_fields.hpp"

namespace netdyn::cli {

nlohmann::json report_json(const NetworkReport& r) {
  nlohmann::json j;
  for (const ReportField& field : report_fields(r)) {
    j[field.key] = std::visit(
        [](const auto& v) -> nlohmann::json {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::monostate>) {
            return nullptr;
          } else if constexpr (std::is_same_v<V, double>) {
            return number(v);
          } else if constexpr (std::is_same_v<V, Eigen::VectorXcd>) {
            return to_json(v);
          } else if constexpr (std::is_same_v<V, std::vector<ReportWarning>>) {
            return warnings_json(v);
          } else {
            return v;  // bool, Eigen::Index, std::string
          }
        },
        field.value);
  }
  return j;
}

nlohmann::json warnings_json(const std::vector<ReportWarning>& warnings) {
  nlohmann::json list = nlohmann::json::array();
  for (const ReportWarning& w : warnings)
    list.push_back({{"code", w.code}, {"message", w.message}});
  return list;
}

void print_warnings(const std::string& command, const std::vector<ReportWarning>& warnings) {
  for (const ReportWarning& w : warnings) {
    std::cerr << "netdyn " << command << ": warning: " << w.code << ": " << w.message << "\n";
  }
}

}  // namespace netdyn::cli
