// GET /api/health, GET /api/session, GET /api/openapi.json
#include "server/routes.h"

namespace jobfit::server {

using nlohmann::json;

void addSystemRoutes(RouteTable& t) {
  t.schema("Health", {{"type", "object"},
                      {"required", json::array({"status", "version"})},
                      {"properties",
                       {{"status", {{"const", "ok"}}}, {"version", {{"type", "string"}}}}}});
  t.schema("Session",
           {{"type", "object"},
            {"required", json::array({"csrf_token", "version", "today", "time_zone"})},
            {"properties",
             {{"csrf_token",
               {{"type", "string"},
                {"description", "Send it in the X-CSRF-Token header of every POST, PUT, PATCH "
                                "and DELETE."}}},
              {"version", {{"type", "string"}}},
              {"today", {{"type", "string"}, {"format", "date"}}},
              {"time_zone", {{"type", "string"}}},
              {"database", {{"type", "string"}}}}}});
  t.schema("OpenApi", {{"type", "object"}, {"description", "This document."}});

  t.add({.method = Method::get,
         .path = "/api/health",
         .summary = "Whether the server is up, and its version (needs no token)",
         .tag = "system",
         .response = "Health",
         .handler = [](ApiRequest& r) {
           return Reply::ok({{"status", "ok"}, {"version", r.facts().version}});
         }});
  t.add({.method = Method::get,
         .path = "/api/session",
         .summary = "The CSRF token for state-changing requests, today's date and time zone",
         .tag = "system",
         .response = "Session",
         .handler = [](ApiRequest& r) {
           return Reply::ok({{"csrf_token", r.facts().csrfToken},
                             {"version", r.facts().version},
                             {"today", formatDate(r.clock().today())},
                             {"time_zone", r.clock().zone().name()},
                             {"database", r.facts().database.string()}});
         }});
  t.add({.method = Method::get,
         .path = "/api/openapi.json",
         .summary = "This API described as an OpenAPI 3.1 document",
         .tag = "system",
         .response = "OpenApi",
         .handler = [](ApiRequest& r) {
           return Reply::ok(openApiDocument(*r.facts().routes, r.facts().version));
         },
         .cache = Caching::data});
}

}  // namespace jobfit::server
