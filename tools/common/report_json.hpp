#pragma once
// The JSON form of netdyn::NetworkReport: the keys of cli.md's `netdyn check` table. Shared by the
// command line and the Python module (python/), so both speak the same contract.
#include <nlohmann/json.hpp>

#include "netdyn/report.hpp"

namespace netdyn::cli {

/// Every key of `netdyn check --json`; absent quantities are null, infinite ones "inf".
nlohmann::json report_json(const NetworkReport& r);

}  // namespace netdyn::cli
