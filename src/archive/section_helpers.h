// What the capabilities' archive sections share when they validate a document: errors that
// name the place in the document, the summary line, and the activity catalog the document's
// records are checked against.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "storage/store.h"
#include "worklog/episode_json.h"

namespace jobfit::archive {

// Runs f; a usage error from validation becomes an invalid-document error at `path`.
template <typename F>
void atPath(const std::string& path, F&& f) {
  try {
    f();
  } catch (const Error& e) {
    if (e.code() != ErrorCode::usage) throw;
    std::string field = e.field().empty() ? path : fmt::format("{}.{}", path, e.field());
    throw Error(ErrorCode::invalid, fmt::format("{}: {}", path, e.what()), field, e.hint());
  }
}

inline Error invalidAt(const std::string& path, const std::string& why) {
  return Error(ErrorCode::invalid, fmt::format("{}: {}", path, why), path);
}

// A record whose id is stored already with other content.
inline Error existsWithOtherContent(const std::string& path, std::string_view what, int64_t id) {
  return Error(ErrorCode::conflict,
               fmt::format("{}: {} {} already exists with other content", path, what, id),
               path + ".id",
               "import into an empty database, or pass --new-ids to add the records as new ones");
}

// "12 episodes", or "12 episodes (3 already present)".
inline std::string summaryLine(size_t added, int unchanged, std::string_view noun) {
  return unchanged ? fmt::format("{} {} ({} already present)", added, noun, unchanged)
                   : fmt::format("{} {}", added, noun);
}

// The store's activities plus the document's own custom activities (imported in the same
// transaction), for validating the document's episodes and expectations.
inline ActivityCatalog catalogWith(const nlohmann::json& document, Store& store) {
  ActivityCatalog catalog = loadCatalog(store);
  if (auto it = document.find("activities"); it != document.end() && it->is_array())
    for (size_t i = 0; i < it->size(); ++i)
      catalog.add(activityFromJson((*it)[i], fmt::format("activities[{}]", i)));
  return catalog;
}

}  // namespace jobfit::archive
