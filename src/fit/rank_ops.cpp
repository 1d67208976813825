#include "fit/rank_ops.h"

#include <algorithm>
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

std::vector<FitResult> bestExcluded(Store& store, const ActivityCatalog& catalog,
                                    const RankRequest& request, const RankReport& report,
                                    size_t limit) {
  Profile profile = loadProfile(store, catalog);
  // No constraints, scored as before: the minimum pay also sets the pay value's currency and,
  // without a target, its target (docs/fit.md), so those stay.
  Profile unconstrained = profile;
  unconstrained.constraints = Constraints{};
  if (const auto& minPay = profile.constraints.minPay) {
    unconstrained.constraints.minPay = MinPay{0, minPay->currency, PayPeriod::year};
    if (!profile.values.targetPay && minPay->annual() > 0) unconstrained.values.targetPay = minPay->annual();
  }
  std::optional<std::set<int64_t>> only;
  if (request.query) only = store.postings().matchingIds(*request.query);
  RankingIndex index = loadRankingIndex(store, catalog, only);
  std::vector<int64_t> eligible;
  for (const auto& r : index.rank(profile, report.eligible)) eligible.push_back(r.id);
  std::sort(eligible.begin(), eligible.end());
  std::vector<FitResult> out;
  for (const auto& r : index.rank(unconstrained, report.eligible + limit)) {
    if (std::binary_search(eligible.begin(), eligible.end(), r.id)) continue;
    auto stored = store.postings().find(r.id);
    if (!stored) continue;
    FitResult fit = fitPosting(profile, stored->posting, catalog);
    if (!fit.violations.empty()) out.push_back(std::move(fit));
    if (out.size() == limit) break;
  }
  return out;
}

}  // namespace jobfit
