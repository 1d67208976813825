// Listing episodes through the store, beside a bare SQLite scan of the same rows.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <unistd.h>

#include <filesystem>

#include "storage/store.h"

namespace {

using namespace jobfit;

struct Fixture {
  std::filesystem::path path;
  std::unique_ptr<Store> store;
  explicit Fixture(int episodes) {
    path = std::filesystem::temp_directory_path() /
           ("jobfit-bench-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    store = openSqliteStore(path);
    store->transaction([&] {
      for (int i = 0; i < episodes; ++i) {
        Episode e;
        e.date = Date{date::year{2026}, date::month{1}, date::day{1}};
        e.date = Date{date::sys_days{e.date} + date::days{i / 8}};
        e.minutes = 30 + i % 90;
        e.activities = {i % 3 ? "writing" : "meetings"};
        e.ratings.happy = i % 7;
        e.ratings.stressed = (i * 3) % 7;
        store->episodes().add(e);
      }
    });
  }
  ~Fixture() {
    store.reset();
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
  }
};

void BM_ListEpisodesPage(benchmark::State& state) {
  static Fixture fixture(10000);
  EpisodeQuery q;
  q.limit = 100;
  for (auto _ : state) {
    auto page = fixture.store->episodes().list(q);
    benchmark::DoNotOptimize(page.data());
  }
  state.SetItemsProcessed(state.iterations() * 100);
}
BENCHMARK(BM_ListEpisodesPage);

// Baseline: the same 100 rows read with one prepared statement and nothing else.
void BM_BareSqliteScan(benchmark::State& state) {
  static Fixture fixture(10000);
  sqlite3* db = nullptr;
  sqlite3_open_v2(fixture.path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, day, minutes, happy, stressed FROM episodes ORDER BY day, "
                     "start_utc, id LIMIT 100", -1, &st, nullptr);
  for (auto _ : state) {
    int64_t sum = 0;
    while (sqlite3_step(st) == SQLITE_ROW) sum += sqlite3_column_int64(st, 2);
    sqlite3_reset(st);
    benchmark::DoNotOptimize(sum);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  state.SetItemsProcessed(state.iterations() * 100);
}
BENCHMARK(BM_BareSqliteScan);

}  // namespace
