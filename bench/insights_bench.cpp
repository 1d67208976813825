// Insights over a large log (10,000 episodes: years of daily logging), beside a baseline that
// only computes the overall duration-weighted net affect of the same episodes in one pass.
#include <benchmark/benchmark.h>

#include "evidence/affect.h"
#include "evidence/insights.h"

namespace {

using namespace jobfit;

std::vector<Episode> makeEpisodes(int count) {
  static const char* kActivities[] = {"writing", "meetings", "analysis", "presenting",
                                      "managing-people", "messages", "planning", "building"};
  std::vector<Episode> out;
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u, seed >> 8; };
  for (int i = 0; i < count; ++i) {
    Episode e;
    e.id = i + 1;
    e.date = addDays(Date{date::year{2024}, date::month{1}, date::day{1}}, i / 8);
    e.minutes = 15 + static_cast<int>(next() % 180);
    e.activities = {kActivities[next() % 8]};
    if (next() % 4 == 0) e.activities.push_back(kActivities[(next() % 7 + 1) % 8]);
    if (e.activities.size() == 2 && e.activities[0] == e.activities[1]) e.activities.pop_back();
    e.with = next() % 2 ? "team" : "alone";
    e.ratings.happy = static_cast<int>(next() % 7);
    if (next() % 3) e.ratings.engaged = static_cast<int>(next() % 7);
    e.ratings.stressed = static_cast<int>(next() % 7);
    if (next() % 2) e.ratings.frustrated = static_cast<int>(next() % 7);
    e.ratings.energy = static_cast<int>(next() % 5) - 2;
    out.push_back(std::move(e));
  }
  return out;
}

void BM_ComputeInsights(benchmark::State& state) {
  auto episodes = makeEpisodes(static_cast<int>(state.range(0)));
  const auto& catalog = ActivityCatalog::builtIn();
  for (auto _ : state) {
    auto insights = computeInsights(episodes, {}, catalog);
    benchmark::DoNotOptimize(insights.overall.minutes);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ComputeInsights)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Baseline: one pass over the same episodes for the overall net affect, nothing else.
void BM_OverallNetAffectBaseline(benchmark::State& state) {
  auto episodes = makeEpisodes(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    double sum = 0, weight = 0;
    for (const auto& e : episodes)
      if (auto na = netAffect(e.ratings)) sum += *na * e.minutes, weight += e.minutes;
    benchmark::DoNotOptimize(sum / weight);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_OverallNetAffectBaseline)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
