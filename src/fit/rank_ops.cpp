#include "fit/rank_ops.h"

#include <set>

#include <fmt/format.h>

#include "core/error.h"
#include "fit/person.h"

namespace jobfit {

RankReport rankStored(Store& store, const ActivityCatalog& catalog, const RankRequest& request) {
  if (request.limit < 1 || request.limit > kMaxRankLimit)
    throw Error(ErrorCode::usage,
                fmt::format("limit must be from 1 to {}, got {}", kMaxRankLimit, request.limit), "limit");
  Profile profile = loadProfile(store, catalog);
  std::optional<std::set<int64_t>> only;
  if (request.query) only = store.postings().matchingIds(*request.query);
  RankingIndex index = loadRankingIndex(store, catalog, only);
  RankReport report;
  report.total = index.size();
  report.basis = fitBasis(profile);
  for (const auto& r : index.rank(profile, request.limit, &report.eligible))
    if (auto stored = store.postings().find(r.id))
      report.ranked.push_back(fitPosting(profile, stored->posting, catalog));
  report.ideaFlags = ideaFlags(appealRatings(store, profile, catalog), catalog);
  return report;
}

}  // namespace jobfit
