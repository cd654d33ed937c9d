#pragma once
// The JSON form of netdyn::NetworkReport: the keys of cli.md's `netdyn check` table, from
// netdyn::report_fields (lib/), the list the Python module's dict is built from too.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "netdyn/report/report.hpp"

namespace netdyn::cli {

/// Every key of `netdyn check --json`; absent quantities are null, infinite ones "inf".
nlohmann::json report_json(const NetworkReport& r);

/// `[{"code": ..., "message": ...}, ...]`, an empty array when there are none.
nlohmann::json warnings_json(const std::vector<ReportWarning>& warnings);

/// One line per warning on stderr, `netdyn COMMAND: warning: CODE: MESSAGE` (cli.md: warnings go
/// to stderr, so stdout keeps exactly the report or the one JSON object).
void print_warnings(const std::string& command, const std::vector<ReportWarning>& warnings);

}  // namespace netdyn::cli
