// What a person believes an activity feels like before the evidence is in ("the idea"):
// the same rating items as an episode, dated; the latest one for an activity counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "worklog/activity.h"
#include "worklog/episode.h"

namespace jobfit {

struct Expectation {
  int64_t id = 0;
  std::string activity;
  Date date;
  Ratings ratings;  // the items the person gave; at least one
  bool operator==(const Expectation&) const = default;
};

// Throws Error(usage) naming the field: unknown activity, a rating out of range, no rating.
void validateExpectation(const Expectation& e, const ActivityCatalog& catalog);

// The latest expectation per activity (by date, then id), ordered by activity id.
std::vector<Expectation> latestExpectations(const std::vector<Expectation>& all);

}  // namespace jobfit
