// GET /api/settings, PUT /api/settings: the key-value settings that capabilities read
// (e.g. silence thresholds), the same values the export's "settings" section holds.
#include <fmt/format.h>

#include "core/error.h"
#include "server/routes.h"

namespace jobfit::server {

using nlohmann::json;

namespace {

json allSettings(Store& store) {
  json out = json::object();
  for (const auto& [k, v] : store.settings().all()) out[k] = v;
  return out;
}

void validateKey(const std::string& key) {
  bool ok = !key.empty() && key.size() <= 100;
  for (char c : key)
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                c == '_');
  if (!ok)
    throw Error(ErrorCode::usage,
                fmt::format("setting '{}' must be 1-100 characters of a-z, 0-9, '.', '-', '_'",
                            key),
                key);
}

}  // namespace

void addSettingsRoutes(RouteTable& t) {
  t.schema("Settings", {{"type", "object"},
                        {"additionalProperties", {{"type", "string"}, {"maxLength", 10000}}},
                        {"description", "Setting name to value, e.g. {\"silence.applied\": \"21\"}"}});

  t.add({.method = Method::get,
         .path = "/api/settings",
         .summary = "Every setting",
         .tag = "settings",
         .response = "Settings",
         .handler = [](ApiRequest& r) { return Reply::ok(allSettings(r.store())); },
         .cache = Caching::data});

  t.add({.method = Method::put,
         .path = "/api/settings",
         .summary = "Set the settings sent (others keep their values); answers every setting",
         .tag = "settings",
         .request = "Settings",
         .response = "Settings",
         .handler = [](ApiRequest& r) {
           json body = r.json();
           if (!body.is_object())
             throw Error(ErrorCode::invalid, "the body must be an object of settings", "body");
           std::vector<std::pair<std::string, std::string>> values;
           for (const auto& [k, v] : body.items()) {
             validateKey(k);
             if (!v.is_string())
               throw Error(ErrorCode::invalid, fmt::format("{} must be a string", k), k);
             if (v.get_ref<const std::string&>().size() > 10000)
               throw Error(ErrorCode::usage, fmt::format("{} is longer than 10000 characters", k),
                           k);
             values.emplace_back(k, v.get<std::string>());
           }
           auto& store = r.store();
           store.transaction([&] {
             for (const auto& [k, v] : values) store.settings().set(k, v);
           });
           return Reply::ok(allSettings(store));
         }});
}

}  // namespace jobfit::server
