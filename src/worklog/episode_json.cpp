#include "worklog/episode_json.h"

#include <algorithm>
#include <charconv>

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

void appendString(std::string& out, std::string_view s) {
  bool plain = true;
  for (unsigned char c : s) plain = plain && c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
  if (!plain) {
    out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  out += '"';
  out += s;
  out += '"';
}

void appendInt(std::string& out, int64_t v) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
  out.append(digits, end);
}

void appendOptional(std::string& out, const std::optional<int>& v) {
  if (v)
    appendInt(out, *v);
  else
    out += "null";
}

using FieldWriter = void (*)(std::string&, const Episode&);
struct Field {
  std::string name;
  FieldWriter write;
  const std::optional<int> Ratings::*rating = nullptr;
  std::string key = {};  // ,"name": as written before the value
};

// Every key of the episode form in the order nlohmann::json writes them (sorted).
const std::vector<Field>& episodeFields() {
  static const std::vector<Field> fields = [] {
    std::vector<Field> f{
        {"id", [](std::string& o, const Episode& e) { appendInt(o, e.id); }},
        {"start",
         [](std::string& o, const Episode& e) {
           if (!e.start) {
             o += "null";
             return;
           }
           o += '"';
           appendInstant(o, *e.start);
           o += '"';
         }},
        {"date",
         [](std::string& o, const Episode& e) {
           o += '"';
           appendDate(o, e.date);
           o += '"';
         }},
        {"minutes", [](std::string& o, const Episode& e) { appendInt(o, e.minutes); }},
        {"activities",
         [](std::string& o, const Episode& e) {
           o += '[';
           for (size_t i = 0; i < e.activities.size(); ++i) {
             if (i) o += ',';
             appendString(o, e.activities[i]);
           }
           o += ']';
         }},
        {"with",
         [](std::string& o, const Episode& e) {
           if (e.with.empty()) o += "null";
           else appendString(o, e.with);
         }},
        {"note",
         [](std::string& o, const Episode& e) {
           if (e.note.empty()) o += "null";
           else appendString(o, e.note);
         }},
    };
    for (const auto& item : kRatingItems) f.push_back({std::string(item.name), nullptr, item.member});
    std::sort(f.begin(), f.end(), [](const Field& a, const Field& b) { return a.name < b.name; });
    for (auto& field : f) field.key = ",\"" + field.name + "\":";
    f.front().key.front() = '{';
    return f;
  }();
  return fields;
}

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

void appendJson(std::string& out, const Episode& e) {
  for (const auto& field : episodeFields()) {
    out += field.key;
    if (field.write)
      field.write(out, e);
    else
      appendOptional(out, e.ratings.*field.rating);
  }
  out += '}';
}

std::string toJsonText(const std::vector<Episode>& episodes) {
  std::string out;
  out.reserve(episodes.size() * 260 + 2);
  out += '[';
  for (size_t i = 0; i < episodes.size(); ++i) {
    if (i) out += ',';
    appendJson(out, episodes[i]);
  }
  out += ']';
  return out;
}

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
