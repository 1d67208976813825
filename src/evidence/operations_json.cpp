#include "evidence/operations_json.h"

#include "evidence/draft_json.h"
#include "evidence/insights_json.h"

namespace jobfit {

using nlohmann::json;

json toJson(const CheckinHistory& history) {
  json checkins = json::array();
  for (const auto& p : history.checkins) checkins.push_back(toJson(p));
  return json{{"checkins", std::move(checkins)}, {"early_warning", toJson(history.warning)}};
}

json toJson(const CalendarImport& import) {
  json out;
  out["from"] = formatDate(import.from);
  out["to"] = formatDate(import.to);
  out["added"] = json::array();
  for (const auto& d : import.added) out["added"].push_back(toJson(d));
  out["already_imported"] = import.alreadyImported;
  out["events"] = import.read.events;
  out["skipped_all_day"] = import.read.allDay;
  out["skipped_cancelled"] = import.read.cancelled;
  out["skipped_without_duration"] = import.read.withoutDuration;
  out["skipped_longer_than_a_day"] = import.read.longerThanADay;
  return out;
}

}  // namespace jobfit
