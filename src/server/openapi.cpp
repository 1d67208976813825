// Generates the OpenAPI 3.1 document from the route table.
#include <set>

#include "server/route.h"

namespace jobfit::server {

using nlohmann::json;

namespace {

// "Episode" -> {"$ref": ...}; "Episode[]" -> an array of them.
json schemaRef(const std::string& name) {
  if (name.size() > 2 && name.ends_with("[]"))
    return json{{"type", "array"}, {"items", schemaRef(name.substr(0, name.size() - 2))}};
  return json{{"$ref", "#/components/schemas/" + name}};
}

std::string operationId(const Route& r) {
  std::string id(methodName(r.method));
  for (auto& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (char c : r.path) {
    if (c == '/' || c == '{' || c == '}' || c == '.' || c == '-') {
      if (!id.empty() && id.back() != '_') id += '_';
    } else {
      id += c;
    }
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  return id;
}

}  // namespace

json openApiDocument(const RouteTable& table, std::string_view version) {
  json doc;
  doc["openapi"] = "3.1.0";
  doc["info"] = {
      {"title", "jobfit"},
      {"version", version},
      {"description",
       "The local JSON API of jobfit. Requests must name this server in their Host header; "
       "state-changing requests need the X-CSRF-Token header from GET /api/session. When the "
       "server was started with --token, every request needs it as a bearer token or the "
       "session cookie set by the login link."},
  };
  doc["servers"] = json::array({json{{"url", "/"}}});
  json paths = json::object();
  std::set<std::string> tags;
  for (const auto& r : table.routes()) {
    json op;
    op["operationId"] = operationId(r);
    op["summary"] = r.summary;
    if (!r.tag.empty()) {
      op["tags"] = json::array({r.tag});
      tags.insert(r.tag);
    }
    json parameters = json::array();
    // Path parameters, in the order they appear.
    for (size_t open = r.path.find('{'); open != std::string::npos;
         open = r.path.find('{', open + 1)) {
      auto close = r.path.find('}', open);
      parameters.push_back({{"name", r.path.substr(open + 1, close - open - 1)},
                            {"in", "path"},
                            {"required", true},
                            {"schema", {{"type", "integer"}, {"minimum", 1}}}});
    }
    for (const auto& q : r.query) {
      json schema{{"type", q.type}};
      if (!q.format.empty()) schema["format"] = q.format;
      parameters.push_back({{"name", q.name},
                            {"in", "query"},
                            {"required", false},
                            {"description", q.description},
                            {"schema", schema}});
    }
    if (r.cache != Caching::none)
      parameters.push_back(
          {{"name", "If-None-Match"},
           {"in", "header"},
           {"required", false},
           {"description", "The ETag of an answer the client holds: 304 while it is current"},
           {"schema", {{"type", "string"}}}});
    if (!parameters.empty()) op["parameters"] = parameters;
    if (!r.request.empty())
      op["requestBody"] = {{"required", true},
                           {"content", {{r.requestMedia, {{"schema", schemaRef(r.request)}}}}}};
    json ok{{"description", r.summary}};
    if (!r.response.empty())
      ok["content"] = {{"application/json", {{"schema", schemaRef(r.response)}}}};
    else if (!r.responseType.empty())
      ok["content"] = {{r.responseType, {{"schema", {{"type", "string"}}}}}};
    if (!r.alsoAnswers.empty()) ok["content"][r.alsoAnswers] = {{"schema", {{"type", "string"}}}};
    if (r.cache != Caching::none)
      ok["headers"] = {{"ETag",
                        {{"description", "Names this answer; send it back in If-None-Match"},
                         {"schema", {{"type", "string"}}}}}};
    op["responses"] = {
        {std::to_string(r.status), ok},
        {"default",
         {{"description", "An error: 400 bad input, 403 refused, 404 not found, 409 conflict, "
                          "413 too large"},
          {"content", {{"application/json", {{"schema", schemaRef("Error")}}}}}}},
    };
    if (r.cache != Caching::none)
      op["responses"]["304"] = {
          {"description", "Not modified: If-None-Match names the current answer's ETag"}};
    std::string method(methodName(r.method));
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[r.path][method] = std::move(op);
  }
  doc["paths"] = std::move(paths);
  json schemas = json::object();
  schemas["Error"] = {
      {"type", "object"},
      {"required", json::array({"error"})},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"required", json::array({"code", "message"})},
          {"properties",
           {{"code",
             {{"type", "string"},
              {"description", "bad_request, invalid, not_found, conflict, too_large, refused, "
                              "io, method_not_allowed"}}},
            {"message", {{"type", "string"}}},
            {"field", {{"type", {"string", "null"}}}},
            {"hint", {{"type", {"string", "null"}}}}}}}}}},
  };
  for (const auto& [name, schema] : table.schemas()) schemas[name] = schema;
  doc["components"]["schemas"] = std::move(schemas);
  doc["components"]["securitySchemes"] = {
      {"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
      {"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "jobfit_session"}}},
      {"csrf", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-CSRF-Token"}}},
  };
  json tagList = json::array();
  for (const auto& t : tags) tagList.push_back({{"name", t}});
  doc["tags"] = tagList;
  return doc;
}

}  // namespace jobfit::server
