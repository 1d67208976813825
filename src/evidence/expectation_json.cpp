#include "evidence/expectation_json.h"

#include "core/json_read.h"

namespace jobfit {

using nlohmann::json;

json toJson(const Expectation& e) {
  json j = {{"id", e.id}, {"activity", e.activity}, {"date", formatDate(e.date)}};
  for (const auto& item : kRatingItems) {
    const auto& v = e.ratings.*item.member;
    j[std::string(item.name)] = v ? json(*v) : json(nullptr);
  }
  return j;
}

Expectation expectationFromJson(const json& j, const std::string& path) {
  JsonReader r(j, path);
  Expectation e;
  e.id = r.optionalInt("id").value_or(0);
  e.activity = r.requiredString("activity");
  e.date = parseDateField(r.requiredString("date"), r.path("date"));
  for (const auto& item : kRatingItems)
    if (auto v = r.optionalInt(item.name)) e.ratings.*item.member = static_cast<int>(*v);
  return e;
}

}  // namespace jobfit
