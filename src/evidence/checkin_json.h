// The JSON form of a burnout check-in: {"id", "date", "answers": {"p1": "often", ...}} with
// every item present (null when skipped). Used by --json, the export and the HTTP API.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "evidence/burnout.h"

namespace jobfit {

nlohmann::json toJson(const Checkin& c);
// Throws Error(invalid) naming `path` and the field on a wrong shape or an unknown answer.
Checkin checkinFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace jobfit
