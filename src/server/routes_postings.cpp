// Job postings over HTTP: analyse without storing, add one (pasted or fetched from a URL),
// import a file, list, search, show with its evidence, delete. Every handler calls the same
// engine functions and JSON forms as `jobfit posting` and `jobfit postings`.
#include <sstream>

#include <fmt/format.h>

#include "core/error.h"
#include "postings/filter.h"
#include "postings/import.h"
#include "postings/import_json.h"
#include "postings/listing_json.h"
#include "postings/posting_json.h"
#include "postings/pull.h"
#include "server/routes.h"

namespace jobfit::server {

using nlohmann::json;

namespace {

InputFormat formatQuery(const ApiRequest& r) {
  auto text = r.query("format");
  if (!text) return InputFormat::detect;
  auto f = parseInputFormat(*text);
  if (!f)
    throw Error(ErrorCode::usage, fmt::format("unknown format '{}'", *text), "format",
                "use detect, text, html, greenhouse, lever, ashby, csv or jsonl");
  return *f;
}

std::string_view requireBody(const ApiRequest& r) {
  if (r.body().find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw Error(ErrorCode::invalid, "the request needs the posting's text as its body", "body",
                "send plain text, HTML, JSON or {\"url\": \"https://...\"}");
  return r.body();
}

// The filters the listing and the search share, read from the query like the CLI's flags.
PostingQuery postingQuery(const ApiRequest& r, int64_t defaultLimit) {
  PostingQuery q;
  q.filter = parsePostingFilter({.remote = r.queryFlag("remote"),
                                 .noOnCall = r.queryFlag("no_on_call"),
                                 .mode = r.query("mode"),
                                 .type = r.query("type"),
                                 .seniority = r.query("seniority"),
                                 .currency = r.query("currency"),
                                 .minPay = r.queryNumber("min_pay", 0, 1e12),
                                 .maxTravel = r.queryNumber("max_travel", 0, 1)});
  q.limit = static_cast<int>(r.queryInt("limit", 1, 1000).value_or(defaultLimit));
  q.offset = static_cast<int>(r.queryInt("offset", 0, 1'000'000'000).value_or(0));
  return q;
}

std::vector<QueryParam> filterParams(std::string_view limitText) {
  return {{"remote", "boolean", "Only remote postings (same as mode=remote)"},
          {"mode", "string", "Only this work mode: remote, hybrid, onsite, unknown"},
          {"min_pay", "number",
           "Only postings whose annual pay reaches this figure, in the posting's currency "
           "(postings without pay are left out)"},
          {"currency", "string", "Only pay in this currency (ISO 4217)"},
          {"type", "string", "Only this employment type: full_time, part_time, contract, ..."},
          {"seniority", "string", "Only this seniority: entry, mid, senior, lead, ..."},
          {"no_on_call", "boolean", "Leave out postings that mention on-call duty"},
          {"max_travel", "number", "Leave out postings with more travel (0-1)"},
          {"limit", "integer", std::string(limitText)},
          {"offset", "integer", "Skip this many first (default 0)"}};
}

// A body that is only {"url": "..."} asks the server to fetch the page; anything else is the
// posting itself.
std::optional<std::string> requestedUrl(std::string_view body) {
  auto start = body.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || body[start] != '{') return std::nullopt;
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.size() != 1 || !j.contains("url")) return std::nullopt;
  if (!j["url"].is_string())
    throw Error(ErrorCode::invalid, "url must be a string", "url", "for example https://...");
  std::string url = j["url"];
  if (!isUrl(url))
    throw Error(ErrorCode::invalid, fmt::format("'{}' is not an http(s) address", url), "url",
                "give the posting's web address, starting with https://");
  return url;
}

json spanSchema() {
  return {{"type", "object"},
          {"description", "Byte offsets into title + \"\\n\" + description, and the phrase"},
          {"properties",
           {{"text", {{"type", "string"}}},
            {"begin", {{"type", "integer"}, {"minimum", 0}}},
            {"end", {{"type", "integer"}, {"minimum", 0}}}}}};
}

json spans() {
  return {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Span"}}}};
}

json paySchema() {
  return {{"type", {"object", "null"}},
          {"properties",
           {{"min", {{"type", {"number", "null"}}}},
            {"max", {{"type", {"number", "null"}}}},
            {"currency", {{"type", "string"}}},
            {"period", {{"enum", {"hour", "day", "week", "month", "year"}}}},
            {"annual_min", {{"type", {"number", "null"}}}},
            {"annual_max", {{"type", {"number", "null"}}}}}}};
}

json summaryProperties() {
  return {{"id", {{"type", "integer"}}},
          {"title", {{"type", "string"}}},
          {"company", {{"type", "string"}}},
          {"locations", {{"type", "array"}, {"items", {{"type", "string"}}}}},
          {"work_mode", {{"enum", {"unknown", "remote", "hybrid", "onsite"}}}},
          {"employment_type", {{"type", "string"}}},
          {"seniority", {{"type", "string"}}},
          {"pay", paySchema()},
          {"source", {{"type", "string"}}},
          {"url", {{"type", "string"}}},
          {"posted_date", {{"type", {"string", "null"}}}},
          {"first_seen", {{"type", "string"}, {"format", "date-time"}}},
          {"last_seen", {{"type", "string"}, {"format", "date-time"}}}};
}

json postingSchema(bool stored) {
  json props = summaryProperties();
  props.erase("first_seen");
  props.erase("last_seen");
  props["source_id"] = {{"type", "string"}};
  props["description"] = {{"type", "string"}, {"description", "The text analysed"}};
  props["travel_share"] = {{"type", {"number", "null"}}, {"minimum", 0}, {"maximum", 1}};
  props["schedule"] = {{"type", "object"},
                       {"properties",
                        {{"on_call", {{"type", "boolean"}}},
                         {"shifts", {{"type", "boolean"}}},
                         {"weekends", {{"type", "boolean"}}},
                         {"overtime", {{"type", "boolean"}}}}}};
  props["management"] = {{"type", "object"},
                         {"properties",
                          {{"manages_people", {{"type", "boolean"}}},
                           {"reports", {{"type", {"integer", "null"}}}}}}};
  props["activities"] = {
      {"type", "array"},
      {"description", "The activity mix: shares of the activities found sum to 1"},
      {"items",
       {{"type", "object"},
        {"properties",
         {{"activity", {{"type", "string"}}},
          {"share", {{"type", "number"}}},
          {"evidence", spans()}}}}}};
  props["skills"] = {{"type", "array"}, {"items", {{"type", "string"}}}};
  json evidence = json::object();
  for (const char* key : {"work_mode", "employment_type", "seniority", "pay", "travel_share",
                          "on_call", "shifts", "weekends", "overtime", "manages_people", "skills"})
    evidence[key] = spans();
  props["evidence"] = {{"type", "object"},
                       {"description", "For each fact, the phrases of the text that support it"},
                       {"properties", evidence}};
  if (stored) {
    props["first_seen"] = {{"type", "string"}, {"format", "date-time"}};
    props["last_seen"] = {{"type", "string"}, {"format", "date-time"}};
  }
  return {{"type", "object"}, {"properties", props}};
}

json reportProperties() {
  return {{"new", {{"type", "integer"}}},
          {"updated", {{"type", "integer"}}},
          {"unchanged", {{"type", "integer"}}},
          {"rejected", {{"type", "integer"}}},
          {"summary", {{"type", "string"}}},
          {"rejections",
           {{"type", "array"},
            {"description", "Records left out, each with where and why (the first 1000)"},
            {"items",
             {{"type", "object"},
              {"properties", {{"where", {{"type", "string"}}}, {"why", {{"type", "string"}}}}}}}}}};
}

StoredPosting requirePosting(Store& store, int64_t id) {
  auto p = store.postings().find(id);
  if (!p) throw Error(ErrorCode::not_found, fmt::format("no posting with id {}", id), "id");
  return *p;
}

}  // namespace

void addPostingRoutes(RouteTable& t) {
  t.schema("Span", spanSchema());
  t.schema("Posting", postingSchema(false));
  t.schema("StoredPosting", postingSchema(true));
  t.schema("PostingSummary", {{"type", "object"}, {"properties", summaryProperties()}});
  json hit = summaryProperties();
  hit["score"] = {{"type", "number"}, {"description", "BM25, larger is better"}};
  hit["snippet"] = {{"type", "string"}};
  hit["highlights"] = {{"type", "array"},
                       {"description", "[begin, end] byte ranges of the matched words in snippet"},
                       {"items", {{"type", "array"}, {"items", {{"type", "integer"}}}}}};
  t.schema("PostingHit", {{"type", "object"}, {"properties", hit}});
  t.schema("PostingDocument",
           {{"type", "string"},
            {"description",
             "A posting as it is: plain text (first line the title; Company: and Location: "
             "lines are read), an HTML page, JSON-LD, board JSON, CSV or JSON Lines"}});
  t.schema("PostingAnalysis",
           {{"type", "object"},
            {"properties",
             {{"postings", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Posting"}}}}},
              {"rejections", reportProperties()["rejections"]}}}});
  t.schema("PostingImportReport", {{"type", "object"}, {"properties", reportProperties()}});
  json added = reportProperties();
  added["postings"] = {{"type", "array"},
                       {"items",
                        {{"type", "object"},
                         {"properties",
                          {{"id", {{"type", "integer"}}},
                           {"outcome", {{"enum", {"added", "updated", "unchanged"}}}},
                           {"title", {{"type", "string"}}},
                           {"company", {{"type", "string"}}}}}}}};
  t.schema("PostingAddResult", {{"type", "object"}, {"properties", added}});

  t.add({.method = Method::post,
         .path = "/api/postings/analyze",
         .summary = "Analyse a posting without storing it (as `jobfit posting analyze`)",
         .tag = "postings",
         .request = "PostingDocument",
         .response = "PostingAnalysis",
         .query = {{"format", "string", "text, html, greenhouse, lever, ashby, csv or jsonl "
                                        "(default: detect)"}},
         .handler = [](ApiRequest& r) {
           std::istringstream in{std::string(requireBody(r))};
           auto analyzed = analyzePostings(in, "the text sent", formatQuery(r));
           json postings = json::array();
           for (const auto& p : analyzed.postings) postings.push_back(toJson(p));
           PostingImportReport rejections;
           rejections.rejections = analyzed.rejections;
           return Reply::ok({{"postings", std::move(postings)},
                             {"rejections", toJson(rejections)["rejections"]}});
         },
         .requestMedia = "text/plain"});

  t.add({.method = Method::post,
         .path = "/api/postings",
         .summary = "Add a posting: its text, HTML or JSON as the body, or {\"url\": ...} to "
                    "fetch the page (as `jobfit posting add`); 201 when something new was "
                    "stored, 200 when it was already there",
         .tag = "postings",
         .request = "PostingDocument",
         .response = "PostingAddResult",
         .status = 201,
         .query = {{"format", "string", "text, html, greenhouse, lever, ashby, csv or jsonl "
                                        "(default: detect)"}},
         .handler = [](ApiRequest& r) {
           auto body = requireBody(r);
           auto format = formatQuery(r);
           std::string name = "the text sent";
           std::string text;
           if (auto url = requestedUrl(body)) {
             // Short limits: the request holds the write turn while it waits.
             FetchOptions fetch;
             fetch.connectTimeout = std::chrono::milliseconds(5'000);
             fetch.totalTimeout = std::chrono::milliseconds(20'000);
             fetch.retries = 1;
             fetch.maxBytes = 16u << 20;
             text = fetchUrl(*url, fetch);
             name = *url;
           } else {
             text = std::string(body);
           }
           std::istringstream in(std::move(text));
           auto result = addPostings(r.store(), in, name, format, r.clock().now());
           return Reply::ok(toJson(result), result.report.added ? 201 : 200);
         },
         .requestMedia = "text/plain"});

  t.add({.method = Method::post,
         .path = "/api/postings/import",
         .summary = "Import a file of postings (as `jobfit postings import`): reports new, "
                    "updated, unchanged and rejected records with where and why",
         .tag = "postings",
         .request = "PostingDocument",
         .response = "PostingImportReport",
         .query = {{"format", "string", "text, html, greenhouse, lever, ashby, csv or jsonl "
                                        "(default: detect from name and content)"},
                   {"name", "string", "The file's name, to detect its format (jobs.csv)"},
                   {"map", "string",
                    "For CSV, which column holds a field: field=Column (repeat for several)"}},
         .handler = [](ApiRequest& r) {
           PostingImportOptions options;
           options.format = formatQuery(r);
           options.mapping = parseColumnMapping(r.queryAll("map"));
           std::string name = r.query("name").value_or("the file sent");
           if (name.size() > 255)
             throw Error(ErrorCode::usage, "name is longer than 255 characters", "name");
           std::istringstream in{std::string(requireBody(r))};
           auto report = importPostings(r.store(), in, name, options, r.clock().now());
           return Reply::ok(toJson(report));
         },
         .maxBody = std::size_t{64} << 20,
         .requestMedia = "text/plain"});

  t.add({.method = Method::get,
         .path = "/api/postings",
         .summary = "List postings, most recently seen first (as `jobfit postings --json`)",
         .tag = "postings",
         .response = "PostingSummary[]",
         .query = filterParams("At most this many (1-1000, default 100)"),
         .handler = [](ApiRequest& r) {
           json out = json::array();
           for (const auto& p : r.store().postings().list(postingQuery(r, 100)))
             out.push_back(toJson(p));
           return Reply::ok(std::move(out));
         },
         .cache = Caching::data});

  auto searchParams = filterParams("At most this many (1-1000, default 20)");
  searchParams.insert(searchParams.begin(),
                      QueryParam{"q", "string",
                                 "Words (all must appear), \"exact phrases\", prefix*, OR between "
                                 "terms"});
  t.add({.method = Method::get,
         .path = "/api/postings/search",
         .summary = "Full-text search, best match first (as `jobfit postings search --json`)",
         .tag = "postings",
         .response = "PostingHit[]",
         .query = searchParams,
         .handler = [](ApiRequest& r) {
           auto q = r.query("q");
           if (!q || q->find_first_not_of(" \t") == std::string::npos)
             throw Error(ErrorCode::usage, "search needs words to look for", "q",
                         "for example q=data engineer");
           auto query = postingQuery(r, 20);
           std::vector<SearchHit> hits;
           try {
             hits = r.store().postings().search(*q, query);
           } catch (const Error& e) {
             // The store names its argument "query"; here it is the q parameter.
             if (e.field() != "query") throw;
             throw Error(e.code(), e.what(), "q", e.hint());
           }
           json out = json::array();
           for (const auto& h : hits) out.push_back(toJson(h));
           return Reply::ok(std::move(out));
         },
         .cache = Caching::data});

  t.add({.method = Method::get,
         .path = "/api/postings/{id}",
         .summary = "One posting with its whole analysis and the phrases behind every fact "
                    "(as `jobfit posting show --json`)",
         .tag = "postings",
         .response = "StoredPosting",
         .handler = [](ApiRequest& r) {
           return Reply::ok(toJson(requirePosting(r.store(), r.id())));
         },
         .cache = Caching::data});

  t.add(deleteRoute("/api/postings/{id}", "postings",
                    "Delete a posting (as `jobfit posting rm`)",
                    [](Store& s, int64_t id) { s.postings().remove(id); }));
}

}  // namespace jobfit::server
