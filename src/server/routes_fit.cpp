// Fit over HTTP: the person's values and constraints, the fit of a stored or a pasted posting
// with its explanation, the ranking of the stored postings, and appeal ratings with the
// "mostly the idea of it" flags. The handlers call the same engine operations and JSON forms
// as `jobfit values`, `constraints`, `fit`, `rank` and `posting appeal` (src/fit/).
#include <algorithm>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "fit/fit_json.h"
#include "fit/person.h"
#include "fit/profile_settings.h"
#include "fit/rank_ops.h"
#include "postings/import.h"
#include "server/routes.h"

namespace jobfit::server {

using nlohmann::json;

namespace {

// One JSON value as the text of a `KEY=VALUE` assignment, which the engine validates exactly
// as it does the CLI's: null clears, a list is joined with the engine's separator.
std::string assignmentValue(const std::string& key, const json& v, char listSeparator) {
  if (v.is_null()) return "";
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_number()) return fmt::format("{}", v.get<double>());
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::vector<std::string> items;
    for (const auto& item : v) {
      if (!item.is_string())
        throw Error(ErrorCode::invalid, fmt::format("{} must be a list of strings", key), key);
      const auto& text = item.get_ref<const std::string&>();
      if (text.find(listSeparator) != std::string::npos)
        throw Error(ErrorCode::invalid,
                    fmt::format("{} items cannot hold '{}', got '{}'", key, listSeparator, text), key);
      items.push_back(text);
    }
    return join(items, std::string(1, listSeparator));
  }
  throw Error(ErrorCode::invalid, fmt::format("{} must be a number, a string, a list or null", key), key);
}

json bodyObject(const ApiRequest& r) {
  json body = r.json();
  if (!body.is_object()) throw Error(ErrorCode::invalid, "the body must be a JSON object", "body");
  return body;
}

// {"learning": 3, "target_pay": 120000} -> ["learning=3", "target_pay=120000"].
std::vector<std::string> valueAssignments(const json& body) {
  std::vector<std::string> out;
  for (const auto& [key, v] : body.items()) out.push_back(key + "=" + assignmentValue(key, v, ','));
  return out;
}

// The JSON form of the constraints (as GET answers it) -> assignments. min_pay is an object
// {amount, currency, period} (its "annual" is derived and ignored) or null to clear it.
std::vector<std::string> constraintAssignments(const json& body) {
  std::vector<std::string> out;
  for (const auto& [key, v] : body.items()) {
    if (key != "min_pay" || v.is_null()) {
      out.push_back(key + "=" + assignmentValue(key, v, key == "locations" ? ';' : ','));
      continue;
    }
    if (!v.is_object() || !v.contains("amount"))
      throw Error(ErrorCode::invalid, "min_pay must be {\"amount\", \"currency\", \"period\"} or null",
                  "min_pay");
    for (const auto& [part, value] : v.items()) {
      if (part == "annual") continue;
      if (part != "amount" && part != "currency" && part != "period")
        throw Error(ErrorCode::invalid, fmt::format("unknown field 'min_pay.{}'", part), "min_pay." + part,
                    "min_pay holds amount, currency and period");
      std::string name = part == "amount" ? "min_pay" : part;
      out.push_back(name + "=" + assignmentValue(name, value, ','));
    }
  }
  return out;
}

Posting requirePosting(Store& store, int64_t id) {
  auto p = store.postings().find(id);
  if (!p) throw Error(ErrorCode::not_found, fmt::format("no posting with id {}", id), "id");
  return p->posting;
}

FitResult fitOf(Store& store, const Posting& posting) {
  ActivityCatalog catalog = loadCatalog(store);
  return fitPosting(loadProfile(store, catalog), posting, catalog);
}

json appealJson(const Appeal& a) {
  return {{"posting_id", a.postingId}, {"appeal", a.appeal}, {"date", formatDate(a.day)}};
}

json valuesSchema() {
  json props = json::object();
  for (auto name : kValueNames)
    props[std::string(name)] = {{"type", "number"}, {"minimum", 0}, {"maximum", 5},
                                {"description", "Weight 0 (does not matter) to 5 (matters most)"}};
  props["target_pay"] = {{"type", {"number", "null"}},
                         {"description", "The annual pay aimed for (for the pay value); null: the minimum pay"}};
  return {{"type", "object"}, {"properties", props}, {"additionalProperties", false}};
}

json constraintsSchema() {
  json strings = {{"type", "array"}, {"items", {{"type", "string"}}}};
  return {{"type", "object"},
          {"description",
           "Hard limits. PUT sets the fields sent (null or an empty list clears one) and keeps "
           "the others"},
          {"properties",
           {{"min_pay",
             {{"type", {"object", "null"}},
              {"properties",
               {{"amount", {{"type", "number"}, {"minimum", 0}}},
                {"currency", {{"type", "string"}, {"description", "ISO 4217, default USD"}}},
                {"period", {{"enum", {"hour", "day", "week", "month", "year"}}}},
                {"annual", {{"type", "number"}, {"readOnly", true}}}}}}},
            {"work_modes", {{"type", "array"}, {"items", {{"enum", {"remote", "hybrid", "onsite"}}}}}},
            {"locations", strings},
            {"employment_types", strings},
            {"max_travel", {{"type", {"number", "null"}}, {"minimum", 0}, {"maximum", 1}}},
            {"on_call", {{"type", "boolean"}, {"description", "false: on-call duty breaks the constraints"}}}}},
          {"additionalProperties", false}};
}

json spansSchema() { return {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Span"}}}}; }

json fitSchema() {
  json interval = {{"type", "object"},
                   {"properties", {{"low", {{"type", "number"}}}, {"high", {{"type", "number"}}}}}};
  return {{"type", "object"},
          {"description", "A posting's fit 0-100 with its interval and explanation (docs/fit.md)"},
          {"properties",
           {{"posting_id", {{"type", "integer"}}},
            {"title", {{"type", "string"}}},
            {"company", {{"type", "string"}}},
            {"score", {{"type", "number"}}},
            {"interval", interval},
            {"enough_evidence", {{"type", "boolean"}}},
            {"coverage", {{"type", "number"}, {"description", "Share of the job's day your evidence covers"}}},
            {"expected_net_affect", {{"type", {"number", "null"}}}},
            {"expected_energy", {{"type", {"number", "null"}}}},
            {"basis", {{"type", "string"}}},
            {"eligible", {{"type", "boolean"}, {"description", "Breaks no constraint"}}},
            {"violations",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"properties", {{"constraint", {{"type", "string"}}}, {"reason", {{"type", "string"}}}}}}}}},
            {"notes", {{"type", "array"}, {"items", {{"type", "string"}}}}},
            {"contributions",
             {{"type", "array"},
              {"description", "Largest effect first; evidence: the posting's supporting phrases"},
              {"items",
               {{"type", "object"},
                {"properties",
                 {{"kind", {{"enum", {"activity", "value"}}}},
                  {"name", {{"type", "string"}}},
                  {"points", {{"type", "number"}}},
                  {"text", {{"type", "string"}}},
                  {"evidence", spansSchema()}}}}}}},
            {"top_reason", {{"type", "string"}}}}}};
}

json ideaFlagSchema() {
  return {{"type", "object"},
          {"description", "A rated posting that is mostly the idea of it: its appeal rank is far above its fit rank"},
          {"properties",
           {{"posting_id", {{"type", "integer"}}},
            {"title", {{"type", "string"}}},
            {"appeal", {{"type", "integer"}}},
            {"score", {{"type", "number"}}},
            {"appeal_rank", {{"type", "integer"}}},
            {"fit_rank", {{"type", "integer"}}},
            {"draining_activities", {{"type", "array"}, {"items", {{"type", "string"}}}}},
            {"text", {{"type", "string"}}}}}};
}

json ideaFlagList() {
  return {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/IdeaFlag"}}}};
}

json rankSchema() {
  json row = {{"type", "object"},
              {"properties",
               {{"rank", {{"type", "integer"}}},
                {"posting_id", {{"type", "integer"}}},
                {"title", {{"type", "string"}}},
                {"company", {{"type", "string"}}},
                {"score", {{"type", "number"}}},
                {"interval", fitSchema()["properties"]["interval"]},
                {"enough_evidence", {{"type", "boolean"}}},
                {"top_reason", {{"type", "string"}}}}}};
  return {{"type", "object"},
          {"properties",
           {{"total", {{"type", "integer"}, {"description", "Postings considered (all, or those matching the query)"}}},
            {"eligible", {{"type", "integer"}, {"description", "Of those, the ones that break no constraint"}}},
            {"excluded", {{"type", "integer"}, {"description", "total - eligible: broken a constraint"}}},
            {"basis", {{"type", "string"}}},
            {"ranked", {{"type", "array"}, {"items", row}}},
            {"excluded_postings",
             {{"type", "array"},
              {"description", "With excluded=N: the best-scoring postings that break a constraint, with their violations"},
              {"items", {{"$ref", "#/components/schemas/Fit"}}}}},
            {"idea_flags", ideaFlagList()}}}};
}

}  // namespace

void addFitRoutes(RouteTable& t) {
  t.schema("Values", valuesSchema());
  t.schema("Constraints", constraintsSchema());
  t.schema("Fit", fitSchema());
  t.schema("IdeaFlag", ideaFlagSchema());
  t.schema("Ranking", rankSchema());
  t.schema("AppealInput",
           {{"type", "object"},
            {"required", {"appeal"}},
            {"properties", {{"appeal", {{"type", "integer"}, {"minimum", 1}, {"maximum", 5}}}}},
            {"additionalProperties", false}});
  t.schema("Appeal", {{"type", "object"},
                      {"properties",
                       {{"posting_id", {{"type", "integer"}}},
                        {"appeal", {{"type", "integer"}}},
                        {"date", {{"type", "string"}, {"format", "date"}}}}}});
  t.schema("AppealReport",
           {{"type", "object"},
            {"properties",
             {{"ratings",
               {{"type", "array"},
                {"items",
                 {{"type", "object"},
                  {"properties",
                   {{"posting_id", {{"type", "integer"}}},
                    {"title", {{"type", "string"}}},
                    {"appeal", {{"type", "integer"}}},
                    {"fit", {{"$ref", "#/components/schemas/Fit"}}}}}}}}},
              {"idea_flags", ideaFlagList()}}}});

  t.add({.method = Method::get,
         .path = "/api/values",
         .summary = "The value weights (as `jobfit values --json`)",
         .tag = "fit",
         .response = "Values",
         .handler = [](ApiRequest& r) { return Reply::ok(toJson(readValues(r.store().settings()))); },
         .cache = Caching::data});

  t.add({.method = Method::put,
         .path = "/api/values",
         .summary = "Set the weights sent, 0-5, and target_pay (null clears it), all or none "
                    "(as `jobfit values set`); answers every value",
         .tag = "fit",
         .request = "Values",
         .response = "Values",
         .handler = [](ApiRequest& r) {
           auto& store = r.store();
           setValues(store, valueAssignments(bodyObject(r)));
           return Reply::ok(toJson(readValues(store.settings())));
         }});

  t.add({.method = Method::get,
         .path = "/api/constraints",
         .summary = "The hard constraints (as `jobfit constraints --json`)",
         .tag = "fit",
         .response = "Constraints",
         .handler = [](ApiRequest& r) {
           return Reply::ok(toJson(readConstraints(r.store().settings())));
         },
         .cache = Caching::data});

  t.add({.method = Method::put,
         .path = "/api/constraints",
         .summary = "Set the constraints sent, all or none (as `jobfit constraints set`); an error "
                    "names the field; answers every constraint",
         .tag = "fit",
         .request = "Constraints",
         .response = "Constraints",
         .handler = [](ApiRequest& r) {
           auto& store = r.store();
           setConstraints(store, constraintAssignments(bodyObject(r)));
           return Reply::ok(toJson(readConstraints(store.settings())));
         }});

  t.add({.method = Method::get,
         .path = "/api/postings/{id}/fit",
         .summary = "A stored posting's fit with its explanation: contributions with the "
                    "posting's phrases (byte offsets) and your evidence (as `jobfit fit ID --json`)",
         .tag = "fit",
         .response = "Fit",
         .handler = [](ApiRequest& r) {
           auto& store = r.store();
           return Reply::ok(toJson(fitOf(store, requirePosting(store, r.id()))));
         },
         .cache = Caching::data});

  t.add({.method = Method::post,
         .path = "/api/fit",
         .summary = "The fit of a posting sent as text, HTML or JSON, without storing it (as "
                    "`jobfit fit - --json`); the first posting the body holds",
         .tag = "fit",
         .request = "PostingDocument",
         .response = "Fit",
         .handler = [](ApiRequest& r) {
           if (r.body().find_first_not_of(" \t\r\n") == std::string_view::npos)
             throw Error(ErrorCode::invalid, "the request needs the posting's text as its body", "body");
           std::istringstream in{std::string(r.body())};
           AnalyzedPostings analyzed;
           try {
             analyzed = analyzePostings(in, "the text sent", InputFormat::detect);
           } catch (const Error& e) {
             // The engine names its input "from" (the CLI's argument); here it is the body.
             if (e.field() != "from") throw;
             throw Error(e.code(), e.what(), "body", e.hint());
           }
           return Reply::ok(toJson(fitOf(r.store(), analyzed.postings.front())));
         },
         .requestMedia = "text/plain"});

  t.add({.method = Method::get,
         .path = "/api/rank",
         .summary = "The stored postings that meet your constraints, best fit first, with score, "
                    "interval and top reason; how many the constraints excluded; the idea flags "
                    "(as `jobfit rank --json`)",
         .tag = "fit",
         .response = "Ranking",
         .query = {{"query", "string", "Only postings matching this full-text query"},
                   {"limit", "integer", "How many to rank (1-10000, default 20)"},
                   {"excluded", "integer",
                    "Also list up to this many (0-100, default 0) of the best-scoring postings "
                    "that break a constraint, with the constraint each breaks"}},
         .handler = [](ApiRequest& r) {
           auto& store = r.store();
           RankRequest request;
           request.query = r.query("query");
           if (request.query && request.query->find_first_not_of(" \t") == std::string::npos)
             request.query.reset();
           request.limit = static_cast<size_t>(r.queryInt("limit", 1, kMaxRankLimit).value_or(20));
           auto excludedLimit = static_cast<size_t>(r.queryInt("excluded", 0, 100).value_or(0));
           ActivityCatalog catalog = loadCatalog(store);
           RankReport report = rankStored(store, catalog, request);
           json out = toJson(report);
           out["excluded"] = report.total - report.eligible;
           json excluded = json::array();
           if (excludedLimit > 0 && report.eligible < report.total)
             for (const auto& f : bestExcluded(store, catalog, request, report, excludedLimit))
               excluded.push_back(toJson(f));
           out["excluded_postings"] = std::move(excluded);
           return Reply::ok(std::move(out));
         },
         .cache = Caching::data});

  t.add({.method = Method::put,
         .path = "/api/postings/{id}/appeal",
         .summary = "Rate how much a posting appeals to you, 1-5 (as `jobfit posting appeal`)",
         .tag = "fit",
         .request = "AppealInput",
         .response = "Appeal",
         .handler = [](ApiRequest& r) {
           json body = bodyObject(r);
           for (const auto& [k, v] : body.items())
             if (k != "appeal")
               throw Error(ErrorCode::invalid, fmt::format("unknown field '{}'", k), k,
                           "the body is {\"appeal\": 1-5}");
           if (!body.contains("appeal") || !body["appeal"].is_number_integer() || body["appeal"] < 1 ||
               body["appeal"] > 5)
             throw Error(ErrorCode::invalid, "appeal must be a whole number from 1 to 5", "appeal");
           auto& store = r.store();
           Appeal a{r.id(), body["appeal"].get<int>(), r.clock().today()};
           store.transaction([&] { store.fit().setAppeal(a); });
           return Reply::ok(appealJson(a));
         }});

  t.add({.method = Method::del,
         .path = "/api/postings/{id}/appeal",
         .summary = "Forget a posting's appeal rating",
         .tag = "fit",
         .status = 204,
         .handler = [](ApiRequest& r) {
           auto& store = r.store();
           int64_t id = r.id();
           store.transaction([&] { store.fit().removeAppeal(id); });
           return Reply::noContent();
         }});

  t.add({.method = Method::get,
         .path = "/api/appeal",
         .summary = "The postings you rated for appeal, each with its fit, and the ones that are "
                    "mostly the idea of it",
         .tag = "fit",
         .response = "AppealReport",
         .handler = [](ApiRequest& r) {
           auto& store = r.store();
           ActivityCatalog catalog = loadCatalog(store);
           Profile profile = loadProfile(store, catalog);
           auto rated = appealRatings(store, profile, catalog);
           json ratings = json::array();
           for (const auto& a : rated)
             ratings.push_back({{"posting_id", a.postingId}, {"title", a.title}, {"appeal", a.appeal},
                                {"fit", toJson(a.fit)}});
           json flags = json::array();
           for (const auto& f : ideaFlags(rated, catalog)) flags.push_back(toJson(f));
           return Reply::ok({{"ratings", std::move(ratings)}, {"idea_flags", std::move(flags)}});
         },
         .cache = Caching::data});
}

}  // namespace jobfit::server
