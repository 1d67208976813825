// Storage for fit: how much a posting appeals to the person, and each posting's value
// signals (derived from its text, kept so a ranking need not re-read the texts).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/time.h"
#include "fit/profile.h"

namespace jobfit {

struct Appeal {
  int64_t postingId = 0;
  int appeal = 0;  // 1-5
  Date day;
  bool operator==(const Appeal&) const = default;
};

class FitStore {
 public:
  virtual ~FitStore() = default;
  // Records (or replaces) the appeal of a posting; throws Error(not_found) for no such posting.
  virtual void setAppeal(const Appeal& a) = 0;
  // Forgets the appeal of a posting; throws Error(not_found) when it has none.
  virtual void removeAppeal(int64_t postingId) = 0;
  virtual std::vector<Appeal> appeals() = 0;
  // Postings whose value signals are missing (new, or changed since they were computed).
  virtual std::vector<int64_t> postingsWithoutValueSignals() = 0;
  virtual void setValueSignals(int64_t postingId, const std::array<float, kValueCount>& signals) = 0;
};

}  // namespace jobfit
