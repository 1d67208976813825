#include "fit/archive_section.h"

#include <set>

#include <fmt/format.h>

#include "core/error.h"
#include "core/json_read.h"
#include "fit/fit_json.h"

namespace jobfit {

using nlohmann::json;

ArchiveSection postingAppealsSection() {
  return {
      "posting_appeals",
      [](Store& store) {
        json out = json::array();
        for (const auto& a : store.fit().appeals()) out.push_back(toJson(a));
        return out;
      },
      [](const json& document, Store& store, const Clock&, const ImportOptions& options,
         ImportPlan& plan) {
        JsonReader r(document, "");
        const auto& arr = r.array("posting_appeals");
        if (arr.empty()) return;
        // The postings this document brings, by the ids it gives them.
        std::set<int64_t> brought;
        for (const auto& p : r.array("postings"))
          if (p.is_object() && p.contains("id") && p["id"].is_number_integer())
            brought.insert(p["id"].get<int64_t>());
        std::vector<Appeal> appeals;
        std::set<int64_t> rated;
        for (size_t i = 0; i < arr.size(); ++i) {
          auto path = fmt::format("posting_appeals[{}]", i);
          Appeal a = appealFromJson(arr[i], path);
          if (!rated.insert(a.postingId).second)
            throw Error(ErrorCode::invalid,
                        fmt::format("{}: posting {} is rated twice", path, a.postingId),
                        path + ".posting_id");
          bool known = brought.count(a.postingId) ||
                       (!options.newIds && store.postings().find(a.postingId));
          if (!known)
            throw Error(ErrorCode::invalid,
                        fmt::format("{}: posting {} is neither in the export nor stored", path,
                                    a.postingId),
                        path + ".posting_id");
          appeals.push_back(a);
        }
        plan.summary.push_back(fmt::format("{} appeal ratings", appeals.size()));
        plan.writes.push_back([appeals = std::move(appeals), &plan](Store& store) {
          for (Appeal a : appeals) {
            // Postings given new ids on import take their ratings with them.
            if (auto it = plan.postingIds.find(a.postingId); it != plan.postingIds.end())
              a.postingId = it->second;
            store.fit().setAppeal(a);
          }
        });
      },
  };
}

}  // namespace jobfit
