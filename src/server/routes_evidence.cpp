// The evidence over HTTP: insights, burnout check-ins, expectations, calendar drafts and the
// weekly report. Every handler calls the same operations (evidence/operations.h) and JSON
// forms as `jobfit insights`, `checkin`, `checkins`, `expect`, `import-calendar`, `drafts`,
// `rate` and `report`.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "core/error.h"
#include "core/json_read.h"
#include "evidence/checkin_json.h"
#include "evidence/draft_json.h"
#include "evidence/expectation_json.h"
#include "evidence/insights_json.h"
#include "evidence/operations.h"
#include "evidence/operations_json.h"
#include "evidence/report_html.h"
#include "evidence/report_json.h"
#include "server/routes.h"
#include "worklog/episode_json.h"

namespace jobfit::server {

using nlohmann::json;

namespace {

// A query parameter that is a decimal number within min..max.
std::optional<double> queryNumber(const ApiRequest& r, const std::string& name, double min,
                                  double max) {
  auto text = r.query(name);
  if (!text) return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || ptr != text->data() + text->size() || !(value >= min && value <= max))
    throw Error(ErrorCode::usage,
                fmt::format("{} must be a number from {} to {}, got '{}'", name, min, max, *text),
                name);
  return value;
}

// A JSON body with "date" defaulting to today, as the CLI commands default it.
json withDefaultDate(json body, const Clock& clock) {
  if (body.is_object() && !body.contains("date")) body["date"] = formatDate(clock.today());
  return body;
}

std::string_view scaleName(CbiScale s) {
  return s == CbiScale::personal ? "personal" : "work";
}

// The inventory as published: items in order with their wording and answer categories.
json cbiItemsJson() {
  json items = json::array();
  for (const auto& item : kCbiItems) {
    json answers = json::array();
    for (const auto& a : answersFor(item))
      answers.push_back({{"word", a.word}, {"label", a.label}, {"score", a.score}});
    items.push_back({{"key", item.key},
                     {"scale", scaleName(item.scale)},
                     {"response", item.response == CbiResponse::frequency ? "frequency" : "degree"},
                     {"reversed", item.reversed},
                     {"question", item.question},
                     {"answers", std::move(answers)}});
  }
  return json{{"source", kCbiSource},
              {"scales", json::array({{{"scale", "personal"},
                                       {"title", "Personal burnout"},
                                       {"min_answers", kPersonalMinAnswers}},
                                      {{"scale", "work"},
                                       {"title", "Work-related burnout"},
                                       {"min_answers", kWorkMinAnswers}}})},
              {"high_from", kHighBurnout},
              {"items", std::move(items)}};
}

// Applies a rating body ({"activities", "minutes", the rating items, "with", "note"}) to the
// episode a draft suggests; what is left out keeps the draft's value. Ranges and activities
// are checked by validateEpisode; numbers are clamped first so that none wraps into range.
void applyRating(const json& body, Episode& e) {
  JsonReader r(body, "");
  auto small = [](int64_t v) { return static_cast<int>(std::clamp<int64_t>(v, -100000, 100000)); };
  if (r.has("activities")) e.activities = r.stringList("activities");
  if (auto minutes = r.optionalInt("minutes")) e.minutes = small(*minutes);
  for (const auto& item : kRatingItems)
    if (auto v = r.optionalInt(item.name)) e.ratings.*item.member = small(*v);
  if (auto with = r.optionalString("with")) e.with = *with;
  if (auto note = r.optionalString("note")) e.note = *note;
}

json object(std::string description, json properties = json::object()) {
  return json{{"type", "object"},
              {"description", std::move(description)},
              {"properties", std::move(properties)},
              {"additionalProperties", true}};
}

void addSchemas(RouteTable& t) {
  json nullableNumber = {{"type", {"number", "null"}}};
  json stats = {{"n", {{"type", "integer"}}},   {"minutes", {{"type", "integer"}}},
                {"net_affect", nullableNumber}, {"ci_low", nullableNumber},
                {"ci_high", nullableNumber},    {"u_index", nullableNumber},
                {"energy", nullableNumber}};
  t.schema("Insights",
           object("What the episodes say (as `jobfit insights --json`; docs/evidence.md)",
                  {{"from", {{"type", {"string", "null"}}, {"format", "date"}}},
                   {"to", {{"type", {"string", "null"}}, {"format", "date"}}},
                   {"overall", object("Every episode of the period", stats)},
                   {"activities", {{"type", "array"}, {"items", object("One activity", stats)}}},
                   {"energizers", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                   {"drainers", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                   {"not_enough_evidence", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                   {"trend", {{"type", "array"}, {"items", object("One week", stats)}}},
                   {"expected_vs_experienced",
                    {{"type", "array"},
                     {"items", {{"type", "object"}}},
                     {"description", "Largest gap first"}}}}));
  json answers = {{"type", "object"},
                  {"description",
                   "p1..p6, w1..w7: the answer's word (see /api/checkin/items), "
                   "null when skipped"},
                  {"additionalProperties", {{"type", {"string", "null"}}}}};
  t.schema("CheckinInput",
           {{"type", "object"},
            {"required", json::array({"answers"})},
            {"properties",
             {{"date", {{"type", "string"}, {"format", "date"}, {"description", "Default: today"}}},
              {"answers", answers}}}});
  t.schema("CheckinPoint",
           object("A check-in with its scores (0-100, null with too few answers) and the change "
                  "since the previous one",
                  {{"id", {{"type", "integer"}}},
                   {"date", {{"type", "string"}, {"format", "date"}}},
                   {"answers", answers},
                   {"personal", nullableNumber},
                   {"work", nullableNumber},
                   {"personal_change", nullableNumber},
                   {"work_change", nullableNumber}}));
  t.schema("SavedCheckin",
           object("The stored check-in; replaced is true when it replaced one of the same date",
                  {{"checkin", {{"$ref", "#/components/schemas/CheckinPoint"}}},
                   {"replaced", {{"type", "boolean"}}}}));
  t.schema("EarlyWarning",
           object("The burnout early warning for the 28 days ending today",
                  {{"level", {{"enum", {"none", "watch", "warning"}}}},
                   {"summary", {{"type", "string"}}},
                   {"observations", {{"type", "array"}, {"items", {{"type", "string"}}}}}}));
  t.schema(
      "CheckinHistory",
      object("Every check-in, oldest first, and the early warning",
             {{"checkins",
               {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/CheckinPoint"}}}}},
              {"early_warning", {{"$ref", "#/components/schemas/EarlyWarning"}}}}));
  t.schema(
      "CbiItems",
      object("The Copenhagen Burnout Inventory items with their published wording",
             {{"source", {{"type", "string"}}},
              {"items",
               {{"type", "array"},
                {"items",
                 object("One item",
                        {{"key", {{"type", "string"}}},
                         {"scale", {{"enum", {"personal", "work"}}}},
                         {"question", {{"type", "string"}}},
                         {"answers", {{"type", "array"}, {"items", {{"type", "object"}}}}}})}}}}));
  json ratingProps = json::object();
  for (const auto& item : kRatingItems)
    ratingProps[std::string(item.name)] = {{"type", {"integer", "null"}},
                                           {"minimum", item.min},
                                           {"maximum", item.max},
                                           {"description", item.question}};
  json expectation = ratingProps;
  expectation["id"] = {{"type", "integer"}};
  expectation["activity"] = {{"type", "string"}};
  expectation["date"] = {{"type", "string"}, {"format", "date"}};
  t.schema("Expectation", {{"type", "object"}, {"properties", expectation}});
  json expectationInput = ratingProps;
  expectationInput["activity"] = {{"type", "string"}};
  expectationInput["date"] = {
      {"type", "string"}, {"format", "date"}, {"description", "Default: today"}};
  t.schema("ExpectationInput", {{"type", "object"},
                                {"required", json::array({"activity"})},
                                {"properties", expectationInput}});
  t.schema("ICalendar",
           {{"type", "string"}, {"description", "An iCalendar (RFC 5545) file, up to 20 MB"}});
  t.schema("Draft", object("A calendar event occurrence waiting to be rated",
                           {{"id", {{"type", "integer"}}},
                            {"source", {{"type", "string"}}},
                            {"start", {{"type", "string"}, {"format", "date-time"}}},
                            {"date", {{"type", "string"}, {"format", "date"}}},
                            {"minutes", {{"type", "integer"}}},
                            {"title", {{"type", "string"}}},
                            {"activity", {{"type", {"string", "null"}}}},
                            {"status", {{"enum", {"pending", "rated", "discarded"}}}},
                            {"episode_id", {{"type", {"integer", "null"}}}}}));
  t.schema(
      "CalendarImport",
      object("What the import added and skipped",
             {{"from", {{"type", "string"}, {"format", "date"}}},
              {"to", {{"type", "string"}, {"format", "date"}}},
              {"added", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Draft"}}}}},
              {"already_imported", {{"type", "integer"}}},
              {"events", {{"type", "integer"}}}}));
  json rating = ratingProps;
  rating["activities"] = {{"type", "array"},
                          {"items", {{"type", "string"}}},
                          {"description", "Default: the draft's guess"}};
  rating["minutes"] = {{"type", "integer"},
                       {"minimum", 1},
                       {"maximum", 1440},
                       {"description", "Default: the event's duration"}};
  rating["with"] = {{"type", {"string", "null"}}};
  rating["note"] = {{"type", {"string", "null"}}, {"description", "Default: the event title"}};
  t.schema(
      "DraftRating",
      {{"type", "object"}, {"description", "At least one rating item"}, {"properties", rating}});
  t.schema("RatedDraft", object("The draft, now rated, and the episode it became",
                                {{"draft", {{"$ref", "#/components/schemas/Draft"}}},
                                 {"episode", {{"$ref", "#/components/schemas/Episode"}}}}));
  t.schema(
      "WeeklyReport",
      object("The weekly report (as `jobfit report --format json`)",
             {{"week_start", {{"type", "string"}, {"format", "date"}}},
              {"week_end", {{"type", "string"}, {"format", "date"}}},
              {"week", {{"$ref", "#/components/schemas/Insights"}}},
              {"evidence", {{"$ref", "#/components/schemas/Insights"}}},
              {"trend", {{"type", "array"}, {"items", {{"type", "object"}}}}},
              {"burnout",
               {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/CheckinPoint"}}}}},
              {"early_warning", {{"$ref", "#/components/schemas/EarlyWarning"}}}}));
}

}  // namespace

void addEvidenceRoutes(RouteTable& t) {
  addSchemas(t);

  t.add(
      {.method = Method::get,
       .path = "/api/insights",
       .summary = "Net affect, U-index and energy per activity, company and week; energizers, "
                  "drainers; expected vs experienced (as `jobfit insights --json`)",
       .tag = "evidence",
       .response = "Insights",
       .query = {{"from", "string", "First local date, inclusive (default: the first episode)",
                  "date"},
                 {"to", "string", "Last local date, inclusive (default: the last episode)", "date"},
                 {"shrink", "number", "K in the shrunken mean, 0-1000 (default 3)"}},
       .handler = [](ApiRequest& r) {
         InsightOptions options;
         options.from = r.queryDate("from");
         options.to = r.queryDate("to");
         options.shrinkK = queryNumber(r, "shrink", 0, 1000).value_or(options.shrinkK);
         return Reply::ok(toJson(loadInsights(r.store(), options)));
       },
       .cache = Caching::data});

  t.add({.method = Method::get,
         .path = "/api/checkins",
         .summary = "Burnout check-ins with scores and changes, and the early warning (the "
                    "list as `jobfit checkins --json`)",
         .tag = "evidence",
         .response = "CheckinHistory",
         .handler = [](ApiRequest& r) {
           return Reply::ok(toJson(loadCheckinHistory(r.store(), r.clock().today())));
         },
         .cache = Caching::dataAndDay});

  t.add({.method = Method::post,
         .path = "/api/checkins",
         .summary = "Record a check-in (as `jobfit checkin`); one per date, a second replaces "
                    "the first",
         .tag = "evidence",
         .request = "CheckinInput",
         .response = "SavedCheckin",
         .status = 201,
         .handler = [](ApiRequest& r) {
           json body = r.json();
           if (body.is_object()) body.erase("id");
           Checkin c = checkinFromJson(withDefaultDate(std::move(body), r.clock()), "");
           auto& store = r.store();
           SavedCheckin saved = saveCheckin(store, c, r.clock());
           json point;
           for (const auto& p : checkinTrend(store.checkins().list()))
             if (p.checkin.id == saved.checkin.id) point = toJson(p);
           return Reply::ok({{"checkin", point}, {"replaced", saved.replaced}}, 201);
         }});

  t.add({.method = Method::get,
         .path = "/api/checkin/items",
         .summary = "The Copenhagen Burnout Inventory items: published wording, answer "
                    "categories and scoring",
         .tag = "evidence",
         .response = "CbiItems",
         .handler = [](ApiRequest&) { return Reply::ok(cbiItemsJson()); },
         .cache = Caching::data});

  t.add({.method = Method::get,
         .path = "/api/expectations",
         .summary = "The latest expectation per activity (as `jobfit expect --json`)",
         .tag = "evidence",
         .response = "Expectation[]",
         .handler = [](ApiRequest& r) {
           json out = json::array();
           for (const auto& e : latestExpectations(r.store().expectations().list()))
             out.push_back(toJson(e));
           return Reply::ok(std::move(out));
         },
         .cache = Caching::data});

  t.add({.method = Method::post,
         .path = "/api/expectations",
         .summary = "Record how you expect an activity to feel (as `jobfit expect ACTIVITY`)",
         .tag = "evidence",
         .request = "ExpectationInput",
         .response = "Expectation",
         .status = 201,
         .handler = [](ApiRequest& r) {
           json body = r.json();
           if (body.is_object()) body.erase("id");
           Expectation e = expectationFromJson(withDefaultDate(std::move(body), r.clock()), "");
           return Reply::ok(toJson(recordExpectation(r.store(), e)), 201);
         }});

  t.add({.method = Method::post,
         .path = "/api/calendar/import",
         .summary = "Turn an iCalendar file's events into drafts to rate, all or nothing (as "
                    "`jobfit import-calendar`)",
         .tag = "evidence",
         .request = "ICalendar",
         .response = "CalendarImport",
         .query = {{"from", "string", "First date (default: 13 days before to)", "date"},
                   {"to", "string", "Last date (default: today)", "date"}},
         .handler =
             [](ApiRequest& r) {
               if (r.body().empty())
                 throw Error(ErrorCode::invalid, "the request needs an iCalendar body", "body");
               auto import = importCalendar(r.store(), r.body(), r.clock(), r.queryDate("from"),
                                            r.queryDate("to"));
               return Reply::ok(toJson(import));
             },
         .maxBody = kMaxCalendarBytes,
         .requestMedia = "text/calendar"});

  t.add({.method = Method::get,
         .path = "/api/drafts",
         .summary = "Calendar drafts waiting to be rated, by start (as `jobfit drafts --json`)",
         .tag = "evidence",
         .response = "Draft[]",
         .query = {{"all", "boolean", "Also rated and discarded drafts"}},
         .handler = [](ApiRequest& r) {
           auto status =
               r.queryFlag("all") ? std::nullopt : std::optional<DraftStatus>(DraftStatus::pending);
           json out = json::array();
           for (const auto& d : r.store().drafts().list(status)) out.push_back(toJson(d));
           return Reply::ok(std::move(out));
         },
         .cache = Caching::data});

  t.add({.method = Method::post,
         .path = "/api/drafts/{id}/rate",
         .summary = "Rate a draft: it becomes an episode (as `jobfit rate`)",
         .tag = "evidence",
         .request = "DraftRating",
         .response = "RatedDraft",
         .status = 201,
         .handler = [](ApiRequest& r) {
           int64_t id = r.id();
           json body = r.json();
           auto& store = r.store();
           int64_t episodeId = rateDraft(
               store, id, [&](Episode& e) { applyRating(body, e); }, r.clock());
           return Reply::ok({{"draft", toJson(requireDraft(store, id))},
                             {"episode", toJson(*store.episodes().find(episodeId))}},
                            201);
         }});

  t.add({.method = Method::del,
         .path = "/api/drafts/{id}",
         .summary = "Discard a draft that was not work worth rating (as `jobfit drafts rm`)",
         .tag = "evidence",
         .status = 204,
         .handler = [](ApiRequest& r) {
           discardDrafts(r.store(), {r.id()});
           return Reply::noContent();
         }});

  t.add({.method = Method::get,
         .path = "/api/report",
         .summary = "The weekly report (as `jobfit report --format json`), or with format=html "
                    "the self-contained HTML page",
         .tag = "evidence",
         .response = "WeeklyReport",
         .query = {{"week", "string", "Any date in the week (default: this week)", "date"},
                   {"weeks", "integer",
                    "Weeks of evidence behind the per-activity figures, "
                    "1-52 (default 4)"},
                   {"format", "string", "json (default) or html"}},
         .handler =
             [](ApiRequest& r) {
               Date today = r.clock().today();
               Date day = r.queryDate("week").value_or(today);
               ReportOptions options;
               options.evidenceWeeks = static_cast<int>(r.queryInt("weeks", 1, 52).value_or(4));
               std::string format = r.query("format").value_or("json");
               if (format != "json" && format != "html")
                 throw Error(ErrorCode::usage,
                             fmt::format("format must be json or html, got '{}'", format),
                             "format");
               auto report = loadWeeklyReport(r.store(), day, today, options);
               if (format == "json") return Reply::ok(toJson(report));
               Reply reply{.status = 200, .json = std::nullopt};
               reply.raw = renderReportHtml(report);
               reply.contentType = "text/html; charset=utf-8";
               return reply;
             },
         .alsoAnswers = "text/html",
         .cache = Caching::dataAndDay});
}

}  // namespace jobfit::server
