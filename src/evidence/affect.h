// The two per-episode measures of the Day Reconstruction Method as PRODUCT.md defines them.
#pragma once

#include <optional>

#include "worklog/episode.h"

namespace jobfit {

// Mean of the positive items present (happy, engaged) minus the mean of the negative items
// present (stressed, frustrated); nothing unless at least one of each is present.
std::optional<double> netAffect(const Ratings& r);

// Unpleasant (Kahneman & Krueger 2006): the largest negative item is strictly greater than the
// largest positive item, so a tie is not unpleasant. Nothing unless at least one positive and
// one negative item is present (the same episodes that have a net affect).
std::optional<bool> unpleasant(const Ratings& r);

}  // namespace jobfit
