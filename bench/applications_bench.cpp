// The job search at the size of a long search and beyond: statistics (funnel, channels,
// Kaplan-Meier, weekly, companies) and loading applications from the store, each beside a
// baseline measured in the same run.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>

#include "applications/spreadsheet.h"
#include "applications/stats.h"
#include "storage/store.h"

namespace {

using namespace jobfit;

Date day(int offset) {
  return Date{date::sys_days{Date{date::year{2025}, date::month{1}, date::day{1}}} +
              date::days{offset}};
}

// A synthetic search: one application a day or more, a third answered, some interviews.
std::vector<Application> search(int n) {
  std::vector<Application> out;
  for (int i = 0; i < n; ++i) {
    Application a;
    a.id = i + 1;
    a.company = "Company " + std::to_string(i % 97);
    a.title = "Analyst " + std::to_string(i % 13);
    a.channel = kChannels[static_cast<size_t>(i % 6)];
    int start = i / 3;
    a.events.push_back({0, day(start), EventKind::stage, Stage::applied, ""});
    if (i % 3 == 0) a.events.push_back({0, day(start + 3 + i % 17), EventKind::stage, Stage::screening, ""});
    if (i % 9 == 0) a.events.push_back({0, day(start + 25), EventKind::stage, Stage::interviewing, ""});
    if (i % 5 == 1) a.events.push_back({0, day(start + 40), EventKind::stage, Stage::closed, ""});
    out.push_back(std::move(a));
  }
  return out;
}

void BM_Stats(benchmark::State& state) {
  auto apps = search(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto s = computeStats(apps, {}, day(2000));
    benchmark::DoNotOptimize(s.timeToResponse.median);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Stats)->Arg(60)->Arg(1000)->Arg(10000);

// Baseline: one pass over the same applications finding each one's applied date, the least
// any statistic over the history has to do.
void BM_AppliedDatesOnly(benchmark::State& state) {
  auto apps = search(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    long sum = 0;
    for (const auto& a : apps)
      if (auto d = appliedDate(a)) sum += date::sys_days{*d}.time_since_epoch().count();
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_AppliedDatesOnly)->Arg(60)->Arg(1000)->Arg(10000);

struct StoredSearch {
  std::filesystem::path path;
  std::unique_ptr<Store> store;
  explicit StoredSearch(int n) {
    path = std::filesystem::temp_directory_path() /
           ("jobfit-bench-apps-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    store = openSqliteStore(path);
    auto apps = search(n);
    store->transaction([&] {
      for (auto a : apps) store->applications().add(a);
    });
  }
  ~StoredSearch() {
    store.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
};

// Everything `jobfit apps`, `inbox` and `stats` read: all applications with their events.
void BM_LoadApplications(benchmark::State& state) {
  static StoredSearch stored(1000);
  for (auto _ : state) {
    auto apps = stored.store->applications().list();
    benchmark::DoNotOptimize(apps.data());
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_LoadApplications);

// Baseline: counting the same applications, a single query with no rows to build.
void BM_CountApplications(benchmark::State& state) {
  static StoredSearch stored(1000);
  for (auto _ : state) benchmark::DoNotOptimize(stored.store->applications().count());
}
BENCHMARK(BM_CountApplications);

// Reading a spreadsheet export of 1,000 applications and planning its import.
void BM_PlanCsvImport(benchmark::State& state) {
  auto apps = search(1000);
  auto text = applicationsCsv(apps, {});
  for (auto _ : state) {
    auto doc = parseCsv(text, "bench.csv");
    auto plan = planCsvImport(doc, nullptr, {}, {}, {}, day(2000));
    benchmark::DoNotOptimize(plan.rows.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_PlanCsvImport);

// Baseline: only splitting the same file into records.
void BM_ParseCsvOnly(benchmark::State& state) {
  auto text = applicationsCsv(search(1000), {});
  for (auto _ : state) {
    auto doc = parseCsv(text, "bench.csv");
    benchmark::DoNotOptimize(doc.records.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ParseCsvOnly);

}  // namespace
