// The OpenAPI document describes exactly the routes the server dispatches.
#include <gtest/gtest.h>

#include "server/route.h"
#include "support/server.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

TEST(OpenApi, EveryRegisteredRouteIsInTheServedDocument) {
  TestServer s;
  auto doc = parse(s.client()->Get("/api/openapi.json"));
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc["openapi"], "3.1.0");
  auto table = server::buildRouteTable();
  ASSERT_GE(table.routes().size(), 14u);
  size_t operations = 0;
  for (const auto& [path, item] : doc["paths"].items()) operations += item.size();
  EXPECT_EQ(operations, table.routes().size());
  for (const auto& route : table.routes()) {
    SCOPED_TRACE(route.path);
    ASSERT_TRUE(doc["paths"].contains(route.path));
    const auto& op = doc["paths"][route.path][lower(server::methodName(route.method))];
    ASSERT_TRUE(op.is_object());
    EXPECT_EQ(op["summary"], route.summary);
    EXPECT_TRUE(op["responses"].contains(std::to_string(route.status)));
    // Every schema a route names is defined.
    for (const auto& name : {route.request, route.response}) {
      if (name.empty()) continue;
      auto base = name.ends_with("[]") ? name.substr(0, name.size() - 2) : name;
      EXPECT_TRUE(doc["components"]["schemas"].contains(base)) << base;
    }
  }
}

TEST(OpenApi, EveryRouteInTheTableIsServed) {
  TestServer s;
  auto c = s.client();
  auto csrf = s.csrf();
  auto table = server::buildRouteTable();
  for (const auto& route : table.routes()) {
    SCOPED_TRACE(route.path);
    std::string path = route.path;
    if (auto open = path.find('{'); open != std::string::npos)
      path = path.substr(0, open) + "999999" + path.substr(path.find('}') + 1);
    auto method = std::string(server::methodName(route.method));
    httplib::Request req;
    req.method = method;
    req.path = path;
    req.set_header("X-CSRF-Token", csrf);
    if (method != "GET") req.body = "{}";
    req.set_header("Content-Type", "application/json");
    auto r = c->send(req);
    ASSERT_TRUE(r);
    // Answered by the route (success, or its own validation/not-found), never unrouted.
    // CSV and iCalendar answers are text; only JSON answers are parsed.
    bool isJson = r->get_header_value("Content-Type") == "application/json";
    auto body = r->body.empty() || !isJson ? json() : json::parse(r->body);
    bool unrouted = r->status == 405 ||
                    (r->status == 404 && body["error"]["message"].get<std::string>().starts_with("no API route"));
    EXPECT_FALSE(unrouted) << method << " " << path << ": " << r->body;
  }
}

TEST(OpenApi, ARouteCannotBeRegisteredTwice) {
  server::RouteTable table;
  server::Route r{.method = server::Method::get, .path = "/api/x", .summary = "x",
                  .handler = [](server::ApiRequest&) { return server::Reply::noContent(); }};
  table.add(r);
  EXPECT_THROW(table.add(r), std::logic_error);
}

}  // namespace
}  // namespace jobfit::testing
