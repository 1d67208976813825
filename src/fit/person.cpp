#include "fit/person.h"

#include <cmath>

#include "core/text.h"
#include "fit/profile_settings.h"

namespace jobfit {

Evidence evidenceFrom(const Insights& insights) {
  Evidence e;
  e.shrinkK = static_cast<int>(insights.options.shrinkK);
  const auto& overall = insights.overall.netAffect;
  if (!overall || overall->n == 0) return e;
  e.episodes = overall->n;
  e.overallNetAffect = overall->mean;
  // The spread of single episodes: the standard error times the square root of n.
  if (overall->se && overall->n >= 2 && *overall->se > 0)
    e.overallSd = *overall->se * std::sqrt(static_cast<double>(overall->n));
  for (const auto& a : insights.activities) {
    if (!a.stats.netAffect || a.stats.netAffect->n == 0) continue;
    ActivityEvidence ev;
    ev.activity = a.activity;
    ev.n = a.stats.netAffect->n;
    ev.meanNetAffect = a.stats.netAffect->mean;
    ev.shrunkNetAffect = a.stats.netAffect->shrunk;
    if (a.stats.energy) ev.meanEnergy = a.stats.energy->mean;
    e.activities.push_back(std::move(ev));
  }
  return e;
}

Profile loadProfile(Store& store, const ActivityCatalog& catalog) {
  Profile p;
  auto insights = computeInsights(store.episodes().list({}), store.expectations().list(), catalog);
  p.evidence = evidenceFrom(insights);
  p.values = readValues(store.settings());
  p.constraints = readConstraints(store.settings());
  return p;
}

size_t refreshValueSignals(Store& store) {
  auto missing = store.fit().postingsWithoutValueSignals();
  if (missing.empty()) return 0;
  store.transaction([&] {
    for (int64_t id : missing)
      if (auto stored = store.postings().find(id))
        store.fit().setValueSignals(id, valueSignals(stored->posting).signal);
  });
  return missing.size();
}

RankingIndex loadRankingIndex(Store& store, const ActivityCatalog& catalog,
                              const std::optional<std::set<int64_t>>& only) {
  std::vector<std::string> columns;
  for (const auto& a : catalog.all()) columns.push_back(a.id);
  RankingIndex index(columns);
  // (Counting every posting first would read a whole index of the postings table.)
  if (only) index.reserve(only->size());
  // Postings whose value signals are not stored yet (new or changed), by position.
  std::vector<std::pair<size_t, int64_t>> missing;
  std::vector<std::pair<uint32_t, float>> shares;
  store.postings().forEachFeatures(only ? &*only : nullptr, [&](const PostingFeatures& p) {
    shares.clear();
    for (const auto& [activity, share] : p.activities)
      if (uint32_t column = index.columnOf(activity); column != RankingIndex::kNoColumn)
        shares.emplace_back(column, share);
    auto unknownIfNull = [](const std::optional<double>& v) {
      return v ? static_cast<float>(*v) : RankingIndex::kUnknown;
    };
    if (p.valueSignals.size() != kValueCount) missing.emplace_back(index.size(), p.id);
    index.add(RankingIndex::Row{p.id, shares, p.valueSignals, unknownIfNull(p.annualMin),
                                unknownIfNull(p.annualMax), unknownIfNull(p.travelShare), p.currency,
                                p.locations, p.workMode, p.employmentType, p.onCall});
  });
  if (!missing.empty())
    store.transaction([&] {
      for (const auto& [position, id] : missing)
        if (auto stored = store.postings().find(id)) {
          auto signals = valueSignals(stored->posting).signal;
          store.fit().setValueSignals(id, signals);
          index.setValues(position, signals);
        }
    });
  return index;
}

std::vector<AppealRating> appealRatings(Store& store, const Profile& profile,
                                        const ActivityCatalog& catalog) {
  std::vector<AppealRating> out;
  for (const auto& a : store.fit().appeals()) {
    auto stored = store.postings().find(a.postingId);
    if (!stored) continue;
    out.push_back({a.postingId, stored->posting.title, a.appeal,
                   fitPosting(profile, stored->posting, catalog)});
  }
  return out;
}

}  // namespace jobfit
