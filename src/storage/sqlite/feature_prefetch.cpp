#include "storage/sqlite/feature_prefetch.h"

#include <sqlite3.h>

#include "storage/sqlite/feature_sql.h"

namespace jobfit::sqlite {

namespace {

void countSlice(const std::string& path, int64_t lo, int64_t hi, std::atomic<bool>* stop) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) == SQLITE_OK) {
    // Checked every thousand VM steps: a non-zero answer interrupts the count.
    sqlite3_progress_handler(
        db, 1000, [](void* flag) { return static_cast<std::atomic<bool>*>(flag)->load() ? 1 : 0; }, stop);
    for (const char* sql : kFeatureRangeCounts) {
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) break;
      sqlite3_bind_int64(st, 1, lo);
      sqlite3_bind_int64(st, 2, hi);
      sqlite3_step(st);
      sqlite3_finalize(st);
    }
  }
  sqlite3_close(db);
}

}  // namespace

FeaturePrefetch::FeaturePrefetch(const std::string& path, int64_t lo, int64_t hi, int threads) {
  if (path.empty() || hi < lo || threads < 1) return;
  int64_t span = (hi - lo) / threads + 1;
  for (int i = 0; i < threads; ++i) {
    int64_t from = lo + i * span;
    if (from > hi) break;
    readers_.emplace_back(countSlice, path, from, std::min(hi, from + span - 1), &stop_);
  }
}

FeaturePrefetch::~FeaturePrefetch() {
  stop_ = true;
  for (auto& r : readers_) r.join();
}

}  // namespace jobfit::sqlite
