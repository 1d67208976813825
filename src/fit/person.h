// Gathers what fit needs from the store: the person's profile (evidence from the insights
// engine, values, constraints) and the ranking index of the stored postings.
#pragma once

#include <optional>
#include <set>

#include "evidence/insights.h"
#include "fit/fit.h"
#include "storage/store.h"

namespace jobfit {

// The fit engine's view of the insights: per-activity shrunken net affect and energy.
Evidence evidenceFrom(const Insights& insights);

// Evidence from all logged episodes, with the values and constraints from the settings.
Profile loadProfile(Store& store, const ActivityCatalog& catalog);

// Computes and stores the value signals of postings that have none (new or changed ones).
// Returns how many were computed.
size_t refreshValueSignals(Store& store);

// The stored postings' features as a ranking index (all of them, or only the ids in `only`).
RankingIndex loadRankingIndex(Store& store, const ActivityCatalog& catalog,
                              const std::optional<std::set<int64_t>>& only = std::nullopt);

// The postings the person rated for appeal, with their fit.
std::vector<AppealRating> appealRatings(Store& store, const Profile& profile,
                                        const ActivityCatalog& catalog);

}  // namespace jobfit
