// The `rank` operation over the stored postings, shared by `jobfit rank` and the HTTP API:
// the person's profile, the ranking index (narrowed by a full-text query when given), the
// top postings with their full fit, and the "mostly the idea of it" flags.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "fit/fit.h"
#include "storage/store.h"
#include "worklog/activity.h"

namespace jobfit {

struct RankRequest {
  std::optional<std::string> query;  // an FTS query; only matching postings are ranked
  size_t limit = 20;                 // 1-10000
};

struct RankReport {
  size_t total = 0;     // postings considered (all stored, or those matching the query)
  size_t eligible = 0;  // of those, the ones that break no constraint
  std::string basis;    // what the scores rest on, in words
  std::vector<FitResult> ranked;    // best first, at most `limit`
  std::vector<IdeaFlag> ideaFlags;  // rated postings that are mostly the idea of it
};

inline constexpr size_t kMaxRankLimit = 10000;

// Throws Error(usage, field "limit") for a limit outside 1-10000, and the store's error for
// a malformed query.
RankReport rankStored(Store& store, const ActivityCatalog& catalog, const RankRequest& request);

// The best-scoring postings (of those the request considers) that break a constraint, each
// with its violations, at most `limit`: the ranking with the constraints set aside, less the
// eligible postings. Both rankings keep the eligible postings in the same order, so the best
// excluded ones are among the first eligible + limit without constraints. Only the ones
// returned are fitted.
std::vector<FitResult> bestExcluded(Store& store, const ActivityCatalog& catalog,
                                    const RankRequest& request, const RankReport& report,
                                    size_t limit);

}  // namespace jobfit
