#include "worklog/activity.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/text.h"

namespace jobfit {

namespace embedded {
extern const std::string_view kActivitiesJson;
}

const ActivityCatalog& ActivityCatalog::builtIn() {
  static const ActivityCatalog catalog = [] {
    ActivityCatalog c;
    auto doc = nlohmann::json::parse(embedded::kActivitiesJson);
    for (const auto& a : doc.at("activities")) {
      Activity activity;
      activity.id = a.at("id").get<std::string>();
      activity.label = a.at("label").get<std::string>();
      activity.description = a.at("description").get<std::string>();
      activity.onet = a.at("onet").get<std::vector<std::string>>();
      c.activities_.push_back(std::move(activity));
    }
    return c;
  }();
  return catalog;
}

void ActivityCatalog::add(Activity activity) {
  auto it = std::find_if(activities_.begin(), activities_.end(),
                         [&](const Activity& a) { return a.id == activity.id; });
  if (it != activities_.end())
    *it = std::move(activity);
  else
    activities_.push_back(std::move(activity));
}

const Activity* ActivityCatalog::find(std::string_view id) const {
  for (const auto& a : activities_)
    if (a.id == id) return &a;
  return nullptr;
}

const Activity& ActivityCatalog::require(std::string_view id, std::string_view field) const {
  if (const auto* a = find(id)) return *a;
  // Suggest ids sharing a prefix or contained in each other: "manage" -> managing-people.
  std::vector<std::string> close;
  auto lowered = toLower(id);
  for (const auto& a : activities_) {
    if (lowered.size() >= 3 && (a.id.find(lowered.substr(0, 4)) != std::string::npos ||
                                lowered.find(a.id) != std::string::npos))
      close.push_back(a.id);
  }
  std::string hint = close.empty() ? "run 'jobfit activities' to list them, or add your own with "
                                     "'jobfit activities add ID --label ...'"
                                   : fmt::format("did you mean {}?", join(close, " or "));
  throw Error(ErrorCode::usage, fmt::format("unknown activity '{}'", id), std::string(field), hint);
}

void validateActivityId(std::string_view id) {
  bool ok = id.size() >= 2 && id.size() <= 40 && id.front() != '-' && id.back() != '-' &&
            id.find("--") == std::string_view::npos;
  for (char c : id) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!ok)
    throw Error(ErrorCode::usage,
                fmt::format("activity id '{}' must be 2-40 characters of a-z, 0-9 and dashes", id),
                "id");
}

}  // namespace jobfit

namespace jobfit {

Activity customActivity(std::string_view id, std::string_view label, std::string description,
                        std::vector<std::string> onet) {
  validateActivityId(id);
  if (trim(label).empty()) throw Error(ErrorCode::usage, "label is empty", "label");
  if (ActivityCatalog::builtIn().find(id))
    throw Error(ErrorCode::conflict, fmt::format("'{}' is a built-in activity", id), "id");
  return Activity{std::string(id), std::string(trim(label)), std::move(description),
                  std::move(onet), true};
}

}  // namespace jobfit
