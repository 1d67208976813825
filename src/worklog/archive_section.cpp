#include "worklog/archive_section.h"

#include <set>

#include <fmt/format.h>

#include "archive/section_helpers.h"
#include "core/error.h"
#include "core/json_read.h"
#include "worklog/episode_json.h"

namespace jobfit {

using nlohmann::json;
using archive::atPath;
using archive::catalogWith;
using archive::summaryLine;

ArchiveSection worklogActivitiesSection() {
  return {
      "activities",
      [](Store& store) {
        json out = json::array();
        for (const auto& a : store.activities().custom()) {
          json j = toJson(a);
          j.erase("custom");
          out.push_back(std::move(j));
        }
        return out;
      },
      [](const json& document, Store&, const Clock&, const ImportOptions&, ImportPlan& plan) {
        JsonReader r(document, "");
        const auto& arr = r.array("activities");
        std::vector<Activity> activities;
        std::set<std::string> seen;
        for (size_t i = 0; i < arr.size(); ++i) {
          auto path = fmt::format("activities[{}]", i);
          Activity a = activityFromJson(arr[i], path);
          atPath(path, [&] { validateActivityId(a.id); });
          if (ActivityCatalog::builtIn().find(a.id))
            throw Error(ErrorCode::invalid,
                        fmt::format("{}: '{}' is a built-in activity", path, a.id), path + ".id");
          if (!seen.insert(a.id).second)
            throw Error(ErrorCode::invalid, fmt::format("{}: '{}' appears twice", path, a.id),
                        path + ".id");
          activities.push_back(std::move(a));
        }
        if (activities.empty()) return;
        plan.summary.push_back(fmt::format("{} activities", activities.size()));
        plan.writes.push_back([activities = std::move(activities)](Store& store) {
          for (const auto& a : activities) store.activities().add(a);
        });
      },
  };
}

ArchiveSection worklogEpisodesSection() {
  return {
      "episodes",
      [](Store& store) {
        json out = json::array();
        for (const auto& e : store.episodes().list({})) out.push_back(toJson(e));
        return out;
      },
      [](const json& document, Store& store, const Clock& clock, const ImportOptions& options,
         ImportPlan& plan) {
        JsonReader r(document, "");
        const auto& arr = r.array("episodes");
        ActivityCatalog catalog = catalogWith(document, store);
        std::vector<Episode> episodes;
        std::set<int64_t> ids;
        int unchanged = 0;
        for (size_t i = 0; i < arr.size(); ++i) {
          auto path = fmt::format("episodes[{}]", i);
          Episode e = episodeFromJson(arr[i], path);
          atPath(path, [&] { validateEpisode(e, catalog, clock); });
          if (options.newIds) {
            e.id = 0;
          } else if (e.id != 0) {
            if (e.id < 0)
              throw Error(ErrorCode::invalid, fmt::format("{}.id must be positive", path),
                          path + ".id");
            if (!ids.insert(e.id).second)
              throw Error(ErrorCode::invalid, fmt::format("{}: id {} appears twice", path, e.id),
                          path + ".id");
            if (auto existing = store.episodes().find(e.id)) {
              if (*existing == e) {
                ++unchanged;
                continue;
              }
              throw Error(ErrorCode::conflict,
                          fmt::format("{}: episode {} already exists with other content", path,
                                      e.id),
                          path + ".id",
                          "import into an empty database, or pass --new-ids to add the "
                          "episodes as new ones");
            }
          }
          episodes.push_back(std::move(e));
        }
        plan.summary.push_back(summaryLine(episodes.size(), unchanged, "episodes"));
        plan.writes.push_back([episodes = std::move(episodes)](Store& store) {
          for (const auto& e : episodes) store.episodes().add(e);
        });
      },
  };
}

ArchiveSection settingsSection() {
  return {
      "settings",
      [](Store& store) {
        json out = json::object();
        for (const auto& [k, v] : store.settings().all()) out[k] = v;
        return out;
      },
      [](const json& document, Store&, const Clock&, const ImportOptions&, ImportPlan& plan) {
        auto it = document.find("settings");
        if (it == document.end() || it->is_null()) return;
        if (!it->is_object())
          throw Error(ErrorCode::invalid, "settings must be an object", "settings");
        std::vector<std::pair<std::string, std::string>> values;
        for (const auto& [k, v] : it->items()) {
          if (!v.is_string())
            throw Error(ErrorCode::invalid, fmt::format("settings.{} must be a string", k),
                        "settings." + k);
          values.emplace_back(k, v.get<std::string>());
        }
        if (values.empty()) return;
        plan.summary.push_back(fmt::format("{} settings", values.size()));
        plan.writes.push_back([values = std::move(values)](Store& store) {
          for (const auto& [k, v] : values) store.settings().set(k, v);
        });
      },
  };
}

}  // namespace jobfit
