// The HTTP API's one table of routes. Each route declares its method, path, summary, query
// parameters, request and response schemas and its handler; the server dispatches from this
// table and the OpenAPI document is generated from it, so the two cannot drift apart.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/time.h"
#include "storage/store.h"

namespace jobfit::server {

enum class Method { get, post, put, patch, del };

std::string_view methodName(Method m);                 // "GET"
std::optional<Method> parseMethod(std::string_view s);  // "GET" -> Method::get

// One query parameter a route reads: documented in the OpenAPI document.
struct QueryParam {
  std::string name;
  std::string type;  // "string", "integer", "boolean"
  std::string description;
  std::string format = {};  // "date" or empty
};

// What a handler answers: JSON (the usual case), or raw bytes with their own content type.
struct Reply {
  int status = 200;
  std::optional<nlohmann::json> json;  // absent with no raw body: an empty reply (204)
  std::string raw;
  std::string contentType;
  std::vector<std::pair<std::string, std::string>> headers;

  static Reply ok(nlohmann::json body, int status = 200) { return {status, std::move(body)}; }
  static Reply noContent() { return {204, std::nullopt}; }
};

// Things about the running server a few routes need (the session, the OpenAPI document).
struct ServerFacts {
  std::string version;
  std::string csrfToken;
  std::filesystem::path database;
  const class RouteTable* routes = nullptr;
};

// One API request as a handler sees it: path parameters, query, body, the store and clock.
class ApiRequest {
 public:
  ApiRequest(std::map<std::string, std::string> params,
             std::multimap<std::string, std::string> query, std::string_view body,
             std::function<Store&()> store, const Clock& clock, const ServerFacts& facts)
      : params_(std::move(params)),
        query_(std::move(query)),
        body_(body),
        store_(std::move(store)),
        clock_(clock),
        facts_(facts) {}

  // A {name} segment of the path, as a positive id; throws Error(usage) otherwise.
  int64_t id(const std::string& name = "id") const;
  const std::string& param(const std::string& name) const;
  // A query parameter, or nothing when absent.
  std::optional<std::string> query(const std::string& name) const;
  std::optional<int64_t> queryInt(const std::string& name, int64_t min, int64_t max) const;
  std::optional<Date> queryDate(const std::string& name) const;
  // A number from min to max; throws Error(usage) naming the parameter otherwise.
  std::optional<double> queryNumber(const std::string& name, double min, double max) const;
  // Every value of a parameter given several times (?map=a&map=b), in order.
  std::vector<std::string> queryAll(const std::string& name) const;
  bool queryFlag(const std::string& name) const;
  // The body parsed as JSON; throws Error(invalid) on bad syntax or an empty body.
  nlohmann::json json() const;
  std::string_view body() const { return body_; }

  // This thread's database connection, borrowed for the request.
  Store& store() const { return store_(); }
  const Clock& clock() const {
    clockRead_ = true;
    return clock_;
  }
  const ServerFacts& facts() const { return facts_; }
  // Whether the handler asked for the clock (an answer that did cannot be kept as one that
  // depends on the data alone).
  bool clockRead() const { return clockRead_; }

 private:
  std::map<std::string, std::string> params_;
  std::multimap<std::string, std::string> query_;
  std::string_view body_;
  std::function<Store&()> store_;
  const Clock& clock_;
  const ServerFacts& facts_;
  mutable bool clockRead_ = false;
};

using Handler = std::function<Reply(ApiRequest&)>;

inline constexpr std::size_t kDefaultMaxBody = 1 << 20;  // 1 MiB

// Whether a GET route's answer may be kept and sent again (with an ETag, or a 304 to a client
// that has it) until the database changes: see response_cache.h. `data`: the answer depends
// only on the path, the query and the database (an answer whose handler asks for the clock
// after all is not kept). `dataAndDay`: also on today's date, never on the time of day.
enum class Caching { none, data, dataAndDay };

struct Route {
  Method method;
  std::string path;  // "/api/episodes/{id}"
  std::string summary;
  std::string tag;               // the capability, grouping routes in the document
  std::string request;           // schema name of the JSON body, "" for none
  std::string response;          // schema name of the answer ("Episode", "Episode[]"), "" for none
  int status = 200;              // the status of a successful answer
  std::vector<QueryParam> query;
  Handler handler;
  std::size_t maxBody = kDefaultMaxBody;  // larger bodies are refused with 413
  std::string responseType = {};  // the media type of a non-JSON answer ("text/csv")
  std::string requestMedia = "application/json";  // the body's media type ("text/calendar")
  std::string alsoAnswers = {};  // another media type the answer can take ("text/html")
  Caching cache = Caching::none;  // GET routes only
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool pathExists = false;  // some route has this path, perhaps with another method
};

class RouteTable {
 public:
  // Adds a route; throws std::logic_error on a duplicate method and path, or a route other
  // than GET that declares its answer cacheable.
  void add(Route route);
  // Declares a JSON schema (an OpenAPI 3.1 / JSON Schema object) routes refer to by name.
  void schema(const std::string& name, nlohmann::json schema);

  RouteMatch match(Method method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }
  const std::map<std::string, nlohmann::json>& schemas() const { return schemas_; }
  // The largest body any route accepts.
  std::size_t largestBody() const;

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // routes_[i]'s path split on '/'
  std::map<std::string, nlohmann::json> schemas_;
};

// DELETE on path (".../{id}"): remove(store, id) in one transaction (remove throws
// Error(not_found) for an unknown id), then 204.
Route deleteRoute(std::string path, std::string tag, std::string summary,
                  void (*remove)(Store& store, int64_t id));

// A capability's routes: one function per capability, listed once in routes.cpp.
struct RouteGroup {
  std::string_view name;
  void (*add)(RouteTable& table);
};

// Every route of the API, built from the one list of route groups.
RouteTable buildRouteTable();

// The OpenAPI 3.1 document describing every route in the table.
nlohmann::json openApiDocument(const RouteTable& table, std::string_view version);

}  // namespace jobfit::server
