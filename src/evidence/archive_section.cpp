#include "evidence/archive_section.h"

#include <set>

#include <fmt/format.h>

#include "core/error.h"
#include "core/json_read.h"
#include "evidence/checkin_json.h"
#include "evidence/draft_json.h"
#include "evidence/expectation_json.h"
#include "worklog/episode_json.h"

namespace jobfit {

using nlohmann::json;

namespace {

// The catalog the document's records are checked against: the store's plus the document's
// own custom activities (imported in the same transaction).
ActivityCatalog catalogWith(const json& document, Store& store) {
  ActivityCatalog catalog = loadCatalog(store);
  if (auto it = document.find("activities"); it != document.end() && it->is_array())
    for (size_t i = 0; i < it->size(); ++i)
      catalog.add(activityFromJson((*it)[i], fmt::format("activities[{}]", i)));
  return catalog;
}

// Re-labels a usage error from validation as an invalid-document error at `path`.
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

void checkId(int64_t id, const std::string& path, std::set<int64_t>& ids) {
  if (id < 0)
    throw Error(ErrorCode::invalid, fmt::format("{}.id must be positive", path), path + ".id");
  if (id > 0 && !ids.insert(id).second)
    throw Error(ErrorCode::invalid, fmt::format("{}: id {} appears twice", path, id), path + ".id");
}

Error alreadyThere(const std::string& path, std::string_view what, int64_t id) {
  return Error(ErrorCode::conflict,
               fmt::format("{}: {} {} already exists with other content", path, what, id),
               path + ".id",
               "import into an empty database, or pass --new-ids to add the records as new ones");
}

std::string summaryLine(size_t added, int unchanged, std::string_view noun) {
  return unchanged ? fmt::format("{} {} ({} already present)", added, noun, unchanged)
                   : fmt::format("{} {}", added, noun);
}

}  // namespace

ArchiveSection checkinsSection() {
  return {
      "checkins",
      [](Store& store) {
        json out = json::array();
        for (const auto& c : store.checkins().list()) out.push_back(toJson(c));
        return out;
      },
      [](const json& document, Store& store, const Clock&, const ImportOptions& options,
         ImportPlan& plan) {
        JsonReader r(document, "");
        const auto& arr = r.array("checkins");
        std::vector<Checkin> checkins;
        std::set<int64_t> ids;
        std::set<std::string> dates;
        int unchanged = 0;
        for (size_t i = 0; i < arr.size(); ++i) {
          auto path = fmt::format("checkins[{}]", i);
          Checkin c = checkinFromJson(arr[i], path);
          atPath(path, [&] { validateCheckin(c); });
          if (options.newIds) c.id = 0;
          checkId(c.id, path, ids);
          if (!dates.insert(formatDate(c.date)).second)
            throw Error(ErrorCode::invalid,
                        fmt::format("{}: a second check-in for {}", path, formatDate(c.date)),
                        path + ".date");
          if (auto existing = store.checkins().findByDate(c.date)) {
            if (existing->answers == c.answers && (c.id == 0 || c.id == existing->id)) {
              ++unchanged;
              continue;
            }
            throw Error(ErrorCode::conflict,
                        fmt::format("{}: a check-in for {} already exists with other answers",
                                    path, formatDate(c.date)),
                        path + ".date", "import into an empty database");
          }
          if (c.id && store.checkins().find(c.id)) throw alreadyThere(path, "check-in", c.id);
          checkins.push_back(c);
        }
        if (checkins.empty() && !unchanged) return;
        plan.summary.push_back(summaryLine(checkins.size(), unchanged, "check-ins"));
        plan.writes.push_back([checkins = std::move(checkins)](Store& store) {
          for (const auto& c : checkins) store.checkins().add(c);
        });
      },
  };
}

ArchiveSection expectationsSection() {
  return {
      "expectations",
      [](Store& store) {
        json out = json::array();
        for (const auto& e : store.expectations().list()) out.push_back(toJson(e));
        return out;
      },
      [](const json& document, Store& store, const Clock&, const ImportOptions& options,
         ImportPlan& plan) {
        JsonReader r(document, "");
        const auto& arr = r.array("expectations");
        ActivityCatalog catalog = catalogWith(document, store);
        std::vector<Expectation> expectations;
        std::set<int64_t> ids;
        int unchanged = 0;
        for (size_t i = 0; i < arr.size(); ++i) {
          auto path = fmt::format("expectations[{}]", i);
          Expectation e = expectationFromJson(arr[i], path);
          atPath(path, [&] { validateExpectation(e, catalog); });
          if (options.newIds) e.id = 0;
          checkId(e.id, path, ids);
          if (e.id) {
            if (auto existing = store.expectations().find(e.id)) {
              if (*existing != e) throw alreadyThere(path, "expectation", e.id);
              ++unchanged;
              continue;
            }
          }
          expectations.push_back(std::move(e));
        }
        if (expectations.empty() && !unchanged) return;
        plan.summary.push_back(summaryLine(expectations.size(), unchanged, "expectations"));
        plan.writes.push_back([expectations = std::move(expectations)](Store& store) {
          for (const auto& e : expectations) store.expectations().add(e);
        });
      },
  };
}

ArchiveSection draftsSection() {
  return {
      "drafts",
      [](Store& store) {
        json out = json::array();
        for (const auto& d : store.drafts().list(std::nullopt)) out.push_back(toJson(d));
        return out;
      },
      [](const json& document, Store& store, const Clock&, const ImportOptions& options,
         ImportPlan& plan) {
        JsonReader r(document, "");
        const auto& arr = r.array("drafts");
        // Episode ids the document brings (kept unless --new-ids).
        std::set<int64_t> documentEpisodes;
        for (const auto& e : r.array("episodes"))
          if (e.is_object() && e.contains("id") && e["id"].is_number_integer())
            documentEpisodes.insert(e["id"].get<int64_t>());
        std::vector<Draft> drafts;
        std::set<int64_t> ids;
        std::set<std::pair<std::string, Instant>> occurrences;
        int unchanged = 0;
        for (size_t i = 0; i < arr.size(); ++i) {
          auto path = fmt::format("drafts[{}]", i);
          Draft d = draftFromJson(arr[i], path);
          atPath(path, [&] { validateDraft(d); });
          if (options.newIds) {
            // Episodes get new ids too, so the link to the episode cannot be kept.
            d.id = 0;
            d.episodeId.reset();
          }
          checkId(d.id, path, ids);
          if (!occurrences.insert({d.source, d.start}).second)
            throw Error(ErrorCode::invalid,
                        fmt::format("{}: the same event occurrence appears twice", path),
                        path + ".source");
          if (d.episodeId && !documentEpisodes.count(*d.episodeId) &&
              !store.episodes().find(*d.episodeId))
            throw Error(ErrorCode::invalid,
                        fmt::format("{}.episode_id: no episode {}", path, *d.episodeId),
                        path + ".episode_id");
          if (auto existing = store.drafts().findBySource(d.source, d.start)) {
            if (*existing == d || (d.id == 0 && existing->status == d.status)) {
              ++unchanged;
              continue;
            }
            throw alreadyThere(path, "draft", existing->id);
          }
          if (d.id && store.drafts().find(d.id)) throw alreadyThere(path, "draft", d.id);
          drafts.push_back(std::move(d));
        }
        if (drafts.empty() && !unchanged) return;
        plan.summary.push_back(summaryLine(drafts.size(), unchanged, "drafts"));
        plan.writes.push_back([drafts = std::move(drafts)](Store& store) {
          for (const auto& d : drafts) store.drafts().add(d);
        });
      },
  };
}

}  // namespace jobfit
