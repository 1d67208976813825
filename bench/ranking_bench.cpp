// Ranking 1,000,000 analysed postings in memory with constraints (top 100), beside a plain
// pass that only reads the same feature arrays: the memory-bandwidth floor.
#include <benchmark/benchmark.h>

#include <random>

#include "fit/ranking.h"
#include "worklog/activity.h"

namespace {

using namespace jobfit;

constexpr size_t kPostings = 1'000'000;

const RankingIndex& index() {
  static const RankingIndex built = [] {
    std::vector<std::string> columns;
    for (const auto& a : ActivityCatalog::builtIn().all()) columns.push_back(a.id);
    RankingIndex idx(columns);
    std::mt19937 rng(42);
    std::uniform_real_distribution<float> unit(0, 1);
    const char* places[] = {"Berlin", "London", "New York, NY", "Remote", "Paris", "Austin, TX"};
    for (size_t i = 0; i < kPostings; ++i) {
      FitFeatures f;
      f.id = static_cast<int64_t>(i + 1);
      float total = 0;
      for (int k = 0; k < 4; ++k) {
        float s = unit(rng);
        f.shares.emplace_back(columns[rng() % columns.size()], s);
        total += s;
      }
      for (auto& [id, s] : f.shares) s /= total;
      if (unit(rng) < 0.6f) {
        f.annualPayMin = 40000 + 100000 * unit(rng);
        f.annualPayMax = *f.annualPayMin + 40000 * unit(rng);
        f.currency = unit(rng) < 0.8f ? "USD" : "EUR";
      }
      f.workMode = static_cast<WorkMode>(rng() % 4);
      f.employmentType = static_cast<EmploymentType>(rng() % 8);
      if (unit(rng) < 0.3f) f.travelShare = unit(rng) * 0.5f;
      f.onCall = unit(rng) < 0.1f;
      f.locations = places[rng() % 6];
      for (auto& v : f.valueSignal) v = unit(rng) * 2 - 1;
      idx.add(f);
    }
    return idx;
  }();
  return built;
}

Profile profile() {
  Profile p;
  p.evidence.overallNetAffect = 1.2;
  p.evidence.overallSd = 2.0;
  p.evidence.episodes = 120;
  int n = 3;
  for (const auto& a : ActivityCatalog::builtIn().all()) {
    double mean = std::sin(n * 1.7) * 3;
    p.evidence.activities.push_back({a.id, n, (n * mean + 3 * 1.2) / (n + 3), mean, 0.0});
    n = n % 12 + 2;
  }
  p.values.weight = {3, 2, 2, 1, 3, 1, 2, 0};
  p.constraints.minPay = MinPay{90000, "USD", PayPeriod::year};
  p.constraints.workModes = {WorkMode::remote, WorkMode::hybrid};
  p.constraints.maxTravel = 0.2;
  p.constraints.onCallAccepted = false;
  return p;
}

void BM_Rank1MTop100(benchmark::State& state) {
  const auto& idx = index();
  Profile p = profile();
  size_t kept = 0;
  for (auto _ : state) {
    auto top = idx.rank(p, 100);
    kept = top.size();
    benchmark::DoNotOptimize(top.data());
  }
  state.counters["postings"] = static_cast<double>(idx.size());
  state.counters["returned"] = static_cast<double>(kept);
  state.counters["bytes_per_posting"] = idx.bytesPerPosting();
}
BENCHMARK(BM_Rank1MTop100)->Unit(benchmark::kMillisecond)->MinTime(2);

void BM_ReadFeatureArrays1M(benchmark::State& state) {
  const auto& idx = index();
  for (auto _ : state) benchmark::DoNotOptimize(idx.touchAll());
  state.counters["postings"] = static_cast<double>(idx.size());
}
BENCHMARK(BM_ReadFeatureArrays1M)->Unit(benchmark::kMillisecond)->MinTime(2);

}  // namespace
