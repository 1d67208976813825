#include "worklog/episode_json.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/json_read.h"

namespace jobfit {

using nlohmann::json;

json toJson(const Episode& e) {
  json j;
  j["id"] = e.id;
  j["start"] = e.start ? json(formatInstant(*e.start)) : json(nullptr);
  j["date"] = formatDate(e.date);
  j["minutes"] = e.minutes;
  j["activities"] = e.activities;
  j["with"] = e.with.empty() ? json(nullptr) : json(e.with);
  j["note"] = e.note.empty() ? json(nullptr) : json(e.note);
  for (const auto& item : kRatingItems) {
    const auto& v = e.ratings.*item.member;
    j[std::string(item.name)] = v ? json(*v) : json(nullptr);
  }
  return j;
}

namespace {
Episode readEpisode(const JsonReader& r, bool requireDate) {
  Episode e;
  e.id = r.optionalInt("id").value_or(0);
  if (auto start = r.optionalString("start")) e.start = parseInstantField(*start, r.path("start"));
  if (requireDate || r.has("date")) e.date = parseDateField(r.requiredString("date"), r.path("date"));
  e.minutes = static_cast<int>(r.requiredInt("minutes"));
  e.activities = r.stringList("activities");
  e.with = r.optionalString("with").value_or("");
  e.note = r.optionalString("note").value_or("");
  for (const auto& item : kRatingItems)
    if (auto v = r.optionalInt(item.name)) e.ratings.*item.member = static_cast<int>(*v);
  return e;
}
}  // namespace

Episode episodeFromJson(const json& j, const std::string& path) {
  JsonReader r(j, path);
  return readEpisode(r, true);
}

Episode episodeInputFromJson(const json& j, const Clock& clock) {
  JsonReader r(j, "");
  Episode e = readEpisode(r, false);
  e.id = 0;
  if (!r.has("date")) {
    if (e.start)
      e.date = clock.dateOf(*e.start);
    else
      endNow(e, clock);
  }
  return e;
}

json toJson(const WeekSummary& w) {
  json byActivity = json::array();
  for (const auto& a : w.byActivity)
    byActivity.push_back({{"activity", a.activity}, {"minutes", a.minutes}, {"episodes", a.episodes}});
  return json{{"from", formatDate(w.from)},
              {"to", formatDate(w.to)},
              {"minutes", w.minutes},
              {"episodes", w.episodes},
              {"minutes_by_day", w.minutesByDay},
              {"by_activity", std::move(byActivity)}};
}

json toJson(const Activity& a) {
  return json{{"id", a.id},
              {"label", a.label},
              {"description", a.description},
              {"onet", a.onet},
              {"custom", a.custom}};
}

Activity activityFromJson(const json& j, const std::string& path) {
  JsonReader r(j, path);
  Activity a;
  a.id = r.requiredString("id");
  a.label = r.requiredString("label");
  a.description = r.optionalString("description").value_or("");
  if (j.contains("onet")) a.onet = r.stringList("onet");
  a.custom = true;
  return a;
}

}  // namespace jobfit
