// The JSON forms of the evidence results (insights, check-in history, the early warning),
// shared by `--json`, the weekly report and the HTTP API. Keys are snake_case; a figure that
// is not defined (no rated episode, n < 2 for an interval) is null.
#pragma once

#include <nlohmann/json.hpp>

#include "evidence/burnout.h"
#include "evidence/insights.h"
#include "evidence/warning.h"

namespace jobfit {

nlohmann::json toJson(const AffectStats& s);
nlohmann::json toJson(const ActivityInsight& a);
nlohmann::json toJson(const ExpectationGap& g);
nlohmann::json toJson(const Insights& insights);
nlohmann::json toJson(const CheckinTrendPoint& p);
nlohmann::json toJson(const EarlyWarning& w);

}  // namespace jobfit
