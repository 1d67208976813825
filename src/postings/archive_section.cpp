#include "postings/archive_section.h"

#include <set>

#include <fmt/format.h>

#include "archive/section_helpers.h"
#include "core/error.h"
#include "core/json_read.h"
#include "postings/import.h"
#include "postings/posting_json.h"

namespace jobfit {

using nlohmann::json;

namespace {

// The keys the section adds to a posting's own JSON form.
constexpr const char* kStoredKeys[] = {"id", "first_seen", "last_seen"};

json storedToJson(const StoredPosting& sp) {
  json j = toJson(sp.posting);
  j["id"] = sp.posting.id;
  j["first_seen"] = formatInstant(sp.firstSeen);
  j["last_seen"] = formatInstant(sp.lastSeen);
  return j;
}

StoredPosting storedFromJson(const json& j, const std::string& path) {
  JsonReader r(j, path);
  StoredPosting sp;
  auto id = r.requiredInt("id");
  sp.firstSeen = parseInstantField(r.requiredString("first_seen"), r.path("first_seen"));
  sp.lastSeen = parseInstantField(r.requiredString("last_seen"), r.path("last_seen"));
  json rest = j;
  for (const char* key : kStoredKeys) rest.erase(key);
  sp.posting = postingFromJson(rest, path);
  sp.posting.id = id;
  if (sp.lastSeen < sp.firstSeen)
    throw Error(ErrorCode::invalid, fmt::format("{}: last_seen is before first_seen", path),
                r.path("last_seen"));
  try {
    validatePosting(sp.posting);
  } catch (const Error& e) {
    throw Error(ErrorCode::invalid, fmt::format("{}: {}", path, e.what()),
                e.field().empty() ? path : path + "." + e.field());
  }
  return sp;
}

}  // namespace

ArchiveSection postingsSection() {
  return {
      "postings",
      [](Store& store) {
        json out = json::array();
        store.postings().forEach([&](const StoredPosting& sp) { out.push_back(storedToJson(sp)); });
        return out;
      },
      [](const json& document, Store& store, const Clock&, const ImportOptions& options,
         ImportPlan& plan) {
        JsonReader r(document, "");
        const auto& arr = r.array("postings");
        // Each posting with its id in the document.
        std::vector<std::pair<int64_t, StoredPosting>> postings;
        std::set<int64_t> ids;
        int unchanged = 0;
        for (size_t i = 0; i < arr.size(); ++i) {
          auto path = fmt::format("postings[{}]", i);
          StoredPosting sp = storedFromJson(arr[i], path);
          int64_t fileId = sp.posting.id;
          if (options.newIds) {
            sp.posting.id = 0;
          } else {
            if (sp.posting.id <= 0)
              throw Error(ErrorCode::invalid, fmt::format("{}.id must be positive", path), path + ".id");
            if (!ids.insert(sp.posting.id).second)
              throw Error(ErrorCode::invalid,
                          fmt::format("{}: id {} appears twice", path, sp.posting.id), path + ".id");
            if (auto existing = store.postings().find(sp.posting.id)) {
              if (*existing == sp) {
                ++unchanged;
                continue;
              }
              throw Error(ErrorCode::conflict,
                          fmt::format("{}: posting {} already exists with other content", path,
                                      sp.posting.id),
                          path + ".id",
                          "import into an empty database, or pass --new-ids to add the postings "
                          "as new ones");
            }
          }
          postings.emplace_back(fileId, std::move(sp));
        }
        if (postings.empty() && !unchanged) return;
        plan.summary.push_back(archive::summaryLine(postings.size(), unchanged, "postings"));
        plan.writes.push_back([postings = std::move(postings), &plan](Store& store) {
          for (const auto& [fileId, sp] : postings) plan.postingIds[fileId] = store.postings().restore(sp);
        });
      },
  };
}

}  // namespace jobfit
