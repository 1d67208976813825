#include "evidence/archive_section.h"

#include <set>

#include <fmt/format.h>

#include "archive/section_helpers.h"
#include "core/error.h"
#include "core/json_read.h"
#include "evidence/checkin_json.h"
#include "evidence/draft_json.h"
#include "evidence/expectation_json.h"
#include "worklog/episode_json.h"

namespace jobfit {

using nlohmann::json;
using archive::atPath;
using archive::catalogWith;
using archive::existsWithOtherContent;
using archive::summaryLine;

namespace {

void checkId(int64_t id, const std::string& path, std::set<int64_t>& ids) {
  if (id < 0)
    throw Error(ErrorCode::invalid, fmt::format("{}.id must be positive", path), path + ".id");
  if (id > 0 && !ids.insert(id).second)
    throw Error(ErrorCode::invalid, fmt::format("{}: id {} appears twice", path, id), path + ".id");
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
          if (c.id && store.checkins().find(c.id)) throw existsWithOtherContent(path, "check-in", c.id);
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
              if (*existing != e) throw existsWithOtherContent(path, "expectation", e.id);
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
            throw existsWithOtherContent(path, "draft", existing->id);
          }
          if (d.id && store.drafts().find(d.id)) throw existsWithOtherContent(path, "draft", d.id);
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
