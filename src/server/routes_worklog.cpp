// The work-day log over HTTP: episodes, activities and the week at a glance. Every handler
// uses the same engine functions and JSON forms as `jobfit log`, `episodes`, `episode` and
// `activities`.
#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "core/json_read.h"
#include "server/routes.h"
#include "worklog/episode_json.h"
#include "worklog/week.h"

namespace jobfit::server {

using nlohmann::json;

namespace {

json episodeSchema(bool input) {
  json props = {
      {"start",
       {{"type", {"string", "null"}},
        {"format", "date-time"},
        {"description", "UTC instant the episode started, or null when only the date is known"}}},
      {"date",
       {{"type", "string"},
        {"format", "date"},
        {"description", input ? "Local date; optional when start is given (then derived from "
                                "it). With neither, the episode ends now."
                              : "The local date the episode belongs to"}}},
      {"minutes", {{"type", "integer"}, {"minimum", 1}, {"maximum", 1440}}},
      {"activities",
       {{"type", "array"}, {"items", {{"type", "string"}}}, {"minItems", 1},
        {"description", "Activity ids from GET /api/activities"}}},
      {"with", {{"type", {"string", "null"}}, {"maxLength", 200}}},
      {"note", {{"type", {"string", "null"}}, {"maxLength", 10000}}},
  };
  for (const auto& item : kRatingItems)
    props[std::string(item.name)] = {{"type", {"integer", "null"}},
                                     {"minimum", item.min},
                                     {"maximum", item.max},
                                     {"description", item.question}};
  json required = input ? json::array({"minutes", "activities"})
                        : json::array({"id", "date", "minutes", "activities"});
  if (!input) props["id"] = {{"type", "integer"}, {"minimum", 1}};
  return {{"type", "object"}, {"required", required}, {"properties", props}};
}

Episode requireEpisode(Store& store, int64_t id) {
  auto e = store.episodes().find(id);
  if (!e) throw Error(ErrorCode::not_found, fmt::format("no episode with id {}", id), "id");
  return *e;
}

json episodesJson(const std::vector<Episode>& episodes) {
  json out = json::array();
  for (const auto& e : episodes) out.push_back(toJson(e));
  return out;
}

}  // namespace

void addWorklogRoutes(RouteTable& t) {
  t.schema("Episode", episodeSchema(false));
  t.schema("EpisodeInput", episodeSchema(true));
  t.schema("Activity",
           {{"type", "object"},
            {"required", json::array({"id", "label", "description", "onet", "custom"})},
            {"properties",
             {{"id", {{"type", "string"}, {"pattern", "^[a-z0-9]+(-[a-z0-9]+)*$"}}},
              {"label", {{"type", "string"}}},
              {"description", {{"type", "string"}}},
              {"onet",
               {{"type", "array"},
                {"items", {{"type", "string"}}},
                {"description", "O*NET Generalized Work Activity ids (O*NET, CC BY 4.0)"}}},
              {"custom", {{"type", "boolean"}}}}}});
  t.schema("ActivityInput",
           {{"type", "object"},
            {"required", json::array({"id", "label"})},
            {"properties",
             {{"id", {{"type", "string"}, {"minLength", 2}, {"maxLength", 40}}},
              {"label", {{"type", "string"}}},
              {"description", {{"type", "string"}}},
              {"onet", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}});
  t.schema("WeekSummary",
           {{"type", "object"},
            {"properties",
             {{"from", {{"type", "string"}, {"format", "date"}}},
              {"to", {{"type", "string"}, {"format", "date"}}},
              {"minutes", {{"type", "integer"}}},
              {"episodes", {{"type", "integer"}}},
              {"minutes_by_day",
               {{"type", "array"}, {"items", {{"type", "integer"}}}, {"minItems", 7},
                {"maxItems", 7}, {"description", "Monday first"}}},
              {"by_activity",
               {{"type", "array"},
                {"items",
                 {{"type", "object"},
                  {"properties",
                   {{"activity", {{"type", "string"}}},
                    {"minutes",
                     {{"type", "integer"},
                      {"description", "Its share: an episode's minutes split equally among its "
                                      "activities"}}},
                    {"episodes", {{"type", "integer"}}}}}}}}}}}});
  t.schema("Today",
           {{"type", "object"},
            {"properties",
             {{"date", {{"type", "string"}, {"format", "date"}}},
              {"week", {{"$ref", "#/components/schemas/WeekSummary"}}},
              {"episodes",
               {{"type", "array"},
                {"items", {{"$ref", "#/components/schemas/Episode"}}},
                {"description", "The day's episodes, oldest first"}}},
              {"recent",
               {{"type", "array"},
                {"items", {{"$ref", "#/components/schemas/Episode"}}},
                {"description", "Up to 10 episodes of the last 14 days, newest first"}}}}}});

  t.add({.method = Method::get,
         .path = "/api/episodes",
         .summary = "List episodes, oldest first (as `jobfit episodes --json`)",
         .tag = "worklog",
         .response = "Episode[]",
         .query = {{"from", "string", "First local date, inclusive", "date"},
                   {"to", "string", "Last local date, inclusive", "date"},
                   {"activity", "string", "Only episodes with this activity"},
                   {"limit", "integer", "At most this many (1-10000, default 1000)"},
                   {"offset", "integer", "Skip this many first (default 0)"}},
         .handler = [](ApiRequest& r) {
           EpisodeQuery q;
           q.from = r.queryDate("from");
           q.to = r.queryDate("to");
           if (q.from && q.to && *q.from > *q.to)
             throw Error(ErrorCode::usage, "from is after to", "from");
           if (auto activity = r.query("activity")) {
             loadCatalog(r.store()).require(*activity, "activity");
             q.activity = *activity;
           }
           q.limit = static_cast<int>(r.queryInt("limit", 1, 10000).value_or(1000));
           q.offset = static_cast<int>(r.queryInt("offset", 0, 1'000'000'000).value_or(0));
           // The list is the API's hottest answer: written straight to text in the same form.
           Reply reply{.status = 200, .json = std::nullopt};
           reply.raw = toJsonText(r.store().episodes().list(q));
           reply.contentType = "application/json";
           return reply;
         },
         .cache = Caching::data});

  t.add({.method = Method::post,
         .path = "/api/episodes",
         .summary = "Log an episode (as `jobfit log`); answers the stored episode",
         .tag = "worklog",
         .request = "EpisodeInput",
         .response = "Episode",
         .status = 201,
         .handler = [](ApiRequest& r) {
           Episode e = episodeInputFromJson(r.json(), r.clock());
           auto& store = r.store();
           validateEpisode(e, loadCatalog(store), r.clock());
           int64_t id = 0;
           store.transaction([&] { id = store.episodes().add(e); });
           return Reply::ok(toJson(requireEpisode(store, id)), 201);
         }});

  t.add({.method = Method::get,
         .path = "/api/episodes/{id}",
         .summary = "One episode",
         .tag = "worklog",
         .response = "Episode",
         .handler = [](ApiRequest& r) {
           return Reply::ok(toJson(requireEpisode(r.store(), r.id())));
         },
         .cache = Caching::data});

  t.add({.method = Method::put,
         .path = "/api/episodes/{id}",
         .summary = "Replace an episode with the one sent (as `jobfit episode edit`)",
         .tag = "worklog",
         .request = "EpisodeInput",
         .response = "Episode",
         .handler = [](ApiRequest& r) {
           auto& store = r.store();
           int64_t id = r.id();
           Episode e = episodeInputFromJson(r.json(), r.clock());
           e.id = id;
           validateEpisode(e, loadCatalog(store), r.clock());
           store.transaction([&] {
             requireEpisode(store, id);
             store.episodes().update(e);
           });
           return Reply::ok(toJson(requireEpisode(store, id)));
         }});

  t.add(deleteRoute("/api/episodes/{id}", "worklog",
                    "Delete an episode (as `jobfit episode rm`)",
                    [](Store& s, int64_t id) { s.episodes().remove(id); }));

  t.add({.method = Method::get,
         .path = "/api/activities",
         .summary = "The activity catalog: built-in and your own (as `jobfit activities --json`)",
         .tag = "worklog",
         .response = "Activity[]",
         .handler = [](ApiRequest& r) {
           json out = json::array();
           auto catalog = loadCatalog(r.store());
           for (const auto& a : catalog.all()) out.push_back(toJson(a));
           return Reply::ok(std::move(out));
         },
         .cache = Caching::data});

  t.add({.method = Method::post,
         .path = "/api/activities",
         .summary = "Add an activity of your own (as `jobfit activities add`)",
         .tag = "worklog",
         .request = "ActivityInput",
         .response = "Activity",
         .status = 201,
         .handler = [](ApiRequest& r) {
           Activity in = activityFromJson(r.json(), "");
           Activity a = customActivity(in.id, in.label, in.description, in.onet);
           auto& store = r.store();
           store.transaction([&] { store.activities().add(a); });
           return Reply::ok(toJson(a), 201);
         }});

  t.add({.method = Method::get,
         .path = "/api/today",
         .summary = "A day at a glance: its episodes, its week's time by day and activity, and "
                    "recent episodes",
         .tag = "worklog",
         .response = "Today",
         .query = {{"date", "string", "The day to look at (default: today)", "date"}},
         .handler = [](ApiRequest& r) {
           Date day = r.queryDate("date").value_or(r.clock().today());
           auto& episodes = r.store().episodes();
           Date monday = weekStart(day);
           auto week = episodes.list({.from = monday, .to = addDays(monday, 6)});
           std::vector<Episode> ofDay;
           std::copy_if(week.begin(), week.end(), std::back_inserter(ofDay),
                        [&](const Episode& e) { return e.date == day; });
           auto recent = episodes.list({.from = addDays(day, -13), .to = day});
           std::reverse(recent.begin(), recent.end());
           if (recent.size() > 10) recent.resize(10);
           return Reply::ok({{"date", formatDate(day)},
                             {"week", toJson(summarizeWeek(week, day))},
                             {"episodes", episodesJson(ofDay)},
                             {"recent", episodesJson(recent)}});
         },
         .cache = Caching::dataAndDay});
}

}  // namespace jobfit::server
