// The JSON form of the weekly report (`jobfit report --format json`, the HTTP API).
#pragma once

#include <nlohmann/json.hpp>

#include "evidence/report.h"

namespace jobfit {

nlohmann::json toJson(const WeeklyReport& report);

}  // namespace jobfit
