#include "storage/sqlite/fts_rank.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace jobfit::sqlite {
namespace {

// An in-memory FTS5 table shaped like postings_fts, filled with generated texts: a small
// vocabulary, so that queries match many rows with many different frequencies and lengths.
class FtsRankTest : public ::testing::Test {
 protected:
  sqlite3* db = nullptr;

  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    registerFtsRank(db);
    exec("CREATE VIRTUAL TABLE t USING fts5(title, company, description, skills, "
         "tokenize = 'porter unicode61 remove_diacritics 2')");
    const char* words[] = {"data", "engineer", "python", "nurse", "remote", "senior",
                           "analyst", "sql", "care", "patient", "team", "build",
                           "pipeline", "machine", "learning", "report", "shift", "night"};
    uint64_t seed = 42;
    auto next = [&](uint64_t n) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      return (seed >> 33) % n;
    };
    auto text = [&](uint64_t minWords, uint64_t maxWords) {
      std::string s;
      uint64_t n = minWords + next(maxWords - minWords + 1);
      for (uint64_t i = 0; i < n; ++i) s += std::string(i ? " " : "") + words[next(std::size(words))];
      return s;
    };
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t (title, company, description, skills) VALUES (?, ?, ?, ?)",
                       -1, &st, nullptr);
    exec("BEGIN");
    for (int i = 0; i < 1500; ++i) {
      std::string cols[] = {text(1, 4), text(1, 2), text(5, 120), text(0, 3)};
      for (int c = 0; c < 4; ++c) sqlite3_bind_text(st, c + 1, cols[c].c_str(), -1, SQLITE_TRANSIENT);
      ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
      sqlite3_reset(st);
    }
    exec("COMMIT");
    sqlite3_finalize(st);
  }
  void TearDown() override { sqlite3_close(db); }

  void exec(const char* sql) { ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db); }

  // (rowid, score) of the first `limit` rows of `sql` for `query`.
  std::vector<std::pair<int64_t, double>> rows(const std::string& sql, const std::string& query,
                                               int limit) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_bind_text(st, 1, query.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, limit);
    std::vector<std::pair<int64_t, double>> out;
    while (sqlite3_step(st) == SQLITE_ROW)
      out.emplace_back(sqlite3_column_int64(st, 0), sqlite3_column_double(st, 1));
    sqlite3_finalize(st);
    return out;
  }
  double bm25Of(int64_t rowid, const std::string& query) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT bm25(t, 8.0, 4.0, 1.0, 4.0) FROM t WHERE t MATCH ? AND rowid = ?",
                       -1, &st, nullptr);
    sqlite3_bind_text(st, 1, query.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, rowid);
    double score = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_double(st, 0) : NAN;
    sqlite3_finalize(st);
    return score;
  }
};

TEST_F(FtsRankTest, TheFirstKRowsAreBm25sFirstKWithItsScores) {
  for (std::string query : {"python", "data engineer", "\"machine learning\"", "nurse OR patient",
                            "senior data", "shift night care", "learn*"}) {
    for (int k : {1, 5, 20, 100}) {
      SCOPED_TRACE(query + " k=" + std::to_string(k));
      auto expected = rows("SELECT rowid, bm25(t, 8.0, 4.0, 1.0, 4.0) AS s FROM t WHERE t MATCH ?1 "
                           "ORDER BY s LIMIT ?2",
                           query, k);
      auto got = rows("SELECT rowid, jobfit_rank(t, ?2, 8.0, 4.0, 1.0, 4.0) AS s FROM t WHERE t "
                      "MATCH ?1 ORDER BY s LIMIT ?2",
                      query, k);
      ASSERT_FALSE(expected.empty());
      ASSERT_EQ(got.size(), expected.size());
      for (size_t i = 0; i < got.size(); ++i) {
        // The same scores in the same order; rows of equal score may come in either order,
        // so each row's own score is checked against bm25 too.
        EXPECT_NEAR(got[i].second, expected[i].second, 1e-9 * std::fabs(expected[i].second));
        EXPECT_NEAR(got[i].second, bm25Of(got[i].first, query), 1e-9 * std::fabs(got[i].second));
      }
    }
  }
}

TEST_F(FtsRankTest, WithoutALimitEveryRowIsScoredExactly) {
  auto got = rows("SELECT rowid, jobfit_rank(t, 0, 8.0, 4.0, 1.0, 4.0) AS s FROM t WHERE t MATCH ?1 "
                  "ORDER BY s LIMIT -1 + 0 * ?2",
                  "data", 0);
  ASSERT_GT(got.size(), 500u);
  for (size_t i = 0; i < got.size(); i += 37)
    EXPECT_NEAR(got[i].second, bm25Of(got[i].first, "data"), 1e-9 * std::fabs(got[i].second));
}

}  // namespace
}  // namespace jobfit::sqlite
