// Laws the insights obey whatever the episodes: the order they were logged in does not
// matter, and doubling every duration leaves every mean, interval and U-index unchanged.
#include <algorithm>
#include <random>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "evidence/insights.h"
#include "evidence/insights_json.h"

namespace jobfit {
namespace {

rc::Gen<std::optional<int>> maybeRating(int lo, int hi) {
  return rc::gen::oneOf(rc::gen::just(std::optional<int>()),
                        rc::gen::map(rc::gen::inRange(lo, hi + 1),
                                     [](int v) { return std::optional<int>(v); }));
}

rc::Gen<Episode> anEpisode() {
  return rc::gen::exec([] {
    Episode e;
    e.id = *rc::gen::inRange<int64_t>(1, 1000000);
    e.date = addDays(Date{date::year{2026}, date::month{2}, date::day{1}},
                     *rc::gen::inRange(0, 40));
    e.minutes = *rc::gen::inRange(1, 600);
    static const std::vector<std::string> kActivities{"writing", "meetings", "presenting",
                                                      "analysis"};
    auto picked = *rc::gen::nonEmpty(rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 4)));
    for (int i : picked)
      if (std::find(e.activities.begin(), e.activities.end(), kActivities[i]) == e.activities.end())
        e.activities.push_back(kActivities[i]);
    e.with = *rc::gen::element<std::string>("", "alone", "team", "clients");
    for (const auto& item : kRatingItems) e.ratings.*item.member = *maybeRating(item.min, item.max);
    return e;
  });
}

rc::Gen<std::vector<Expectation>> someExpectations() {
  return rc::gen::container<std::vector<Expectation>>(rc::gen::exec([] {
    Expectation x;
    x.id = *rc::gen::inRange<int64_t>(1, 1000);
    x.activity = *rc::gen::element<std::string>("writing", "meetings", "presenting");
    x.date = Date{date::year{2026}, date::month{1}, date::day{unsigned(*rc::gen::inRange(1, 29))}};
    x.ratings.happy = *rc::gen::inRange(0, 7);
    x.ratings.stressed = *rc::gen::inRange(0, 7);
    x.ratings.energy = *maybeRating(-2, 2);
    return x;
  }));
}

void expectNear(const std::optional<double>& a, const std::optional<double>& b) {
  RC_ASSERT(a.has_value() == b.has_value());
  if (a) RC_ASSERT(std::fabs(*a - *b) <= 1e-9 * std::max(1.0, std::fabs(*a)));
}

void expectSameEstimate(const std::optional<Estimate>& a, const std::optional<Estimate>& b) {
  RC_ASSERT(a.has_value() == b.has_value());
  if (!a) return;
  RC_ASSERT(a->n == b->n);
  expectNear(a->mean, b->mean);
  expectNear(a->low, b->low);
  expectNear(a->high, b->high);
  expectNear(a->shrunk, b->shrunk);
}

// Every duration-free figure of two stats agrees.
void expectSameFigures(const AffectStats& a, const AffectStats& b) {
  RC_ASSERT(a.n == b.n);
  RC_ASSERT(a.excluded == b.excluded);
  expectNear(a.share, b.share);
  expectSameEstimate(a.netAffect, b.netAffect);
  expectSameEstimate(a.energy, b.energy);
  expectNear(a.uIndex, b.uIndex);
  expectNear(a.engaged, b.engaged);
  expectNear(a.tired, b.tired);
  expectNear(a.meaningful, b.meaningful);
}

RC_GTEST_PROP(InsightsProperties, InvariantToTheOrderEpisodesWereLogged, ()) {
  auto episodes = *rc::gen::container<std::vector<Episode>>(anEpisode());
  auto expectations = *someExpectations();
  auto shuffled = episodes;
  std::mt19937 rng(*rc::gen::arbitrary<uint32_t>());
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  const auto& catalog = ActivityCatalog::builtIn();
  // Exactly equal, down to the last bit of every figure and the order of every list.
  RC_ASSERT(toJson(computeInsights(episodes, expectations, catalog)) ==
            toJson(computeInsights(shuffled, expectations, catalog)));
}

RC_GTEST_PROP(InsightsProperties, DoublingEveryDurationLeavesMeansAndUIndexUnchanged, ()) {
  auto episodes = *rc::gen::container<std::vector<Episode>>(anEpisode());
  auto doubled = episodes;
  for (auto& e : doubled) e.minutes *= 2;
  const auto& catalog = ActivityCatalog::builtIn();
  auto a = computeInsights(episodes, {}, catalog);
  auto b = computeInsights(doubled, {}, catalog);
  expectSameFigures(a.overall, b.overall);
  RC_ASSERT(b.overall.minutes == 2 * a.overall.minutes);
  RC_ASSERT(a.activities.size() == b.activities.size());
  for (size_t i = 0; i < a.activities.size(); ++i) {
    RC_ASSERT(a.activities[i].activity == b.activities[i].activity);
    expectSameFigures(a.activities[i].stats, b.activities[i].stats);
    RC_ASSERT(a.activities[i].verdict == b.activities[i].verdict);
  }
  RC_ASSERT(a.energizers == b.energizers);
  RC_ASSERT(a.drainers == b.drainers);
  RC_ASSERT(a.weeks.size() == b.weeks.size());
  for (size_t i = 0; i < a.weeks.size(); ++i) expectSameFigures(a.weeks[i].stats, b.weeks[i].stats);
}

}  // namespace
}  // namespace jobfit
