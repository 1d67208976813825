// What a posting says about the person's values: signals in [-1, 1] per value, from the
// posting's extracted facts (on-call, travel, employment type, seniority) and a phrase lexicon
// ("mentorship" -> learning, "fast-paced" -> time_and_health), all phrases matched in one
// Hyperscan pass. The rules are written down in docs/fit.md.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "fit/profile.h"
#include "postings/posting.h"

namespace jobfit {

struct ValueHit {
  Value value;
  double weight;       // its effect on the value's signal
  std::string reason;  // "on-call", "mentorship", "full-time"
  std::vector<Span> evidence;
};

struct ValueSignals {
  // Signals without pay: pay depends on the person's target and is scored at fit time.
  std::array<float, kValueCount> signal{};
  std::vector<ValueHit> hits;
};

ValueSignals valueSignals(const Posting& posting);

}  // namespace jobfit
