#include "evidence/affect.h"

#include <algorithm>

namespace jobfit {

namespace {

struct Sides {
  int positives = 0, negatives = 0;
  double positiveSum = 0, negativeSum = 0;
  int positiveMax = -1, negativeMax = -1;
};

Sides sides(const Ratings& r) {
  Sides s;
  for (const auto& item : kRatingItems) {
    const auto& v = r.*item.member;
    if (!v) continue;
    if (item.valence == Valence::positive) {
      ++s.positives;
      s.positiveSum += *v;
      s.positiveMax = std::max(s.positiveMax, *v);
    } else if (item.valence == Valence::negative) {
      ++s.negatives;
      s.negativeSum += *v;
      s.negativeMax = std::max(s.negativeMax, *v);
    }
  }
  return s;
}

}  // namespace

std::optional<double> netAffect(const Ratings& r) {
  Sides s = sides(r);
  if (!s.positives || !s.negatives) return std::nullopt;
  return s.positiveSum / s.positives - s.negativeSum / s.negatives;
}

std::optional<bool> unpleasant(const Ratings& r) {
  Sides s = sides(r);
  if (!s.positives || !s.negatives) return std::nullopt;
  return s.negativeMax > s.positiveMax;
}

}  // namespace jobfit
