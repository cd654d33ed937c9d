#pragma once
/// \file report_fields.hpp
/// The `netdyn check` report as named fields: the keys of `netdyn check --json` (docs/tools.md)
/// and of Python's `netdyn.check()`, in one list, so the command line and the Python module
/// cannot drift apart. Each front end turns the values into its own types (JSON, Python objects).
#include <Eigen/Core>
#include <string>
#include <variant>
#include <vector>

#include "netdyn/report/report.hpp"

namespace netdyn {

struct ReportField {
  /// A quantity that does not exist for this W (null in JSON, None in Python), a flag, a count,
  /// a number (possibly infinite), a name, the eigenvalues, or the warnings.
  using Value = std::variant<std::monostate,
                             bool,
                             Eigen::Index,
                             double,
                             std::string,
                             Eigen::VectorXcd,
                             std::vector<ReportWarning>>;
  const char* key;
  Value value;
};

/// Every key of the report, in the order of docs/tools.md's `netdyn check` table.
[[nodiscard]] std::vector<ReportField> report_fields(const NetworkReport& r);

}  // namespace netdyn
