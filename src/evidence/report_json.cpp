#include "evidence/report_json.h"

#include "evidence/insights_json.h"

namespace jobfit {

using nlohmann::json;

json toJson(const WeeklyReport& r) {
  json trend = json::array();
  for (const auto& w : r.trend.weeks) {
    json row = {{"week", formatDate(w.week)}};
    row.update(toJson(w.stats));
    row.erase("share");
    trend.push_back(std::move(row));
  }
  json burnout = json::array();
  for (const auto& p : r.burnout) burnout.push_back(toJson(p));
  return json{{"week_start", formatDate(r.weekStart)},
              {"week_end", formatDate(r.weekEnd)},
              {"evidence_weeks", r.options.evidenceWeeks},
              {"week", toJson(r.week)},
              {"evidence", toJson(r.evidence)},
              {"trend", trend},
              {"burnout", burnout},
              {"early_warning", toJson(r.warning)}};
}

}  // namespace jobfit
