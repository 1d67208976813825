#include "storage/sqlite/fts_rank.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <queue>
#include <vector>

#include "core/error.h"
#include "storage/sqlite/database.h"

namespace jobfit::sqlite {

namespace {

constexpr double kK1 = 1.2, kB = 0.75;  // as in FTS5's bm25()
constexpr int kMaxColumns = 16;

// What one query keeps between rows (FTS5 auxiliary data, freed with the query).
struct RankState {
  int keep = 0;  // K: how many best rows must be exact; <= 0 for all
  double avgdl = 1;
  std::vector<double> idf;        // per phrase, as bm25() computes it
  std::vector<double> frequency;  // per phrase, weighted by column: this row's
  // The K best exact scores so far, worst on top.
  std::priority_queue<double, std::vector<double>, std::greater<>> best;
  sqlite3_int64 lastRowid = 0;
  double lastValue = 0;
  bool any = false;

  double score(double length) const {
    double sum = 0;
    double norm = kK1 * (1 - kB + kB * length / avgdl);
    for (size_t i = 0; i < idf.size(); ++i)
      sum += idf[i] * (frequency[i] * (kK1 + 1)) / (frequency[i] + norm);
    return sum;
  }
};

int countRow(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<sqlite3_int64*>(count);
  return SQLITE_OK;
}

void deleteState(void* p) { delete static_cast<RankState*>(p); }

// The state of this query, built on its first row: IDF per phrase and the average length,
// exactly as bm25() computes them.
RankState* stateFor(const Fts5ExtensionApi* api, Fts5Context* fts, int keep, int* rc) {
  if (auto* state = static_cast<RankState*>(api->xGetAuxdata(fts, 0))) return state;
  auto state = std::make_unique<RankState>();
  state->keep = keep;
  sqlite3_int64 rows = 0, tokens = 0;
  if ((*rc = api->xRowCount(fts, &rows)) != SQLITE_OK) return nullptr;
  if ((*rc = api->xColumnTotalSize(fts, -1, &tokens)) != SQLITE_OK) return nullptr;
  state->avgdl = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1;
  int phrases = api->xPhraseCount(fts);
  for (int i = 0; i < phrases; ++i) {
    sqlite3_int64 hits = 0;
    if ((*rc = api->xQueryPhrase(fts, i, &hits, countRow)) != SQLITE_OK) return nullptr;
    double idf = std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    state->idf.push_back(idf <= 0 ? 1e-6 : idf);
  }
  state->frequency.assign(state->idf.size(), 0);
  if ((*rc = api->xSetAuxdata(fts, state.get(), deleteState)) != SQLITE_OK) return nullptr;
  return state.release();
}

void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
          sqlite3_value** argv) {
  int rc = SQLITE_OK;
  RankState* state = stateFor(api, fts, argc > 0 ? sqlite3_value_int(argv[0]) : 0, &rc);
  if (!state) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  // The same row asked for twice (a result column and ORDER BY) must count once.
  sqlite3_int64 rowid = api->xRowid(fts);
  if (state->any && rowid == state->lastRowid) {
    sqlite3_result_double(ctx, state->lastValue);
    return;
  }
  // Weighted phrase frequencies, and the last matched position of each column: a column
  // holds at least that many tokens plus one.
  int columns = std::min(api->xColumnCount(fts), kMaxColumns);
  int lastAt[kMaxColumns];
  std::fill(lastAt, lastAt + kMaxColumns, -1);
  for (size_t i = 0; i < state->idf.size(); ++i) {
    double f = 0;
    Fts5PhraseIter it;
    int column = 0, offset = 0;
    rc = api->xPhraseFirst(fts, static_cast<int>(i), &it, &column, &offset);
    for (; rc == SQLITE_OK && column >= 0; api->xPhraseNext(fts, &it, &column, &offset)) {
      f += column + 1 < argc ? sqlite3_value_double(argv[column + 1]) : 1.0;
      if (column < columns) lastAt[column] = std::max(lastAt[column], offset);
    }
    state->frequency[i] = f;
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  double value;
  bool bounded = state->keep > 0 && static_cast<int>(state->best.size()) >= state->keep;
  double shortest = 0;
  for (int c = 0; c < columns; ++c) shortest += lastAt[c] + 1;
  double bound = bounded ? state->score(shortest) : 0;
  if (bounded && bound <= state->best.top()) {
    value = -bound;  // cannot be among the K best: no need to read its length
  } else {
    int length = 0;
    if ((rc = api->xColumnSize(fts, -1, &length)) != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    double exact = state->score(length);
    if (state->keep > 0) {
      state->best.push(exact);
      if (static_cast<int>(state->best.size()) > state->keep) state->best.pop();
    }
    value = -exact;
  }
  state->any = true;
  state->lastRowid = rowid;
  state->lastValue = value;
  sqlite3_result_double(ctx, value);
}

}  // namespace

void registerFtsRank(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  check(db, rc, "fts5");
  if (!api) throw Error(ErrorCode::io, "this SQLite has no FTS5");
  check(db, api->xCreateFunction(api, "jobfit_rank", nullptr, rank, nullptr), "jobfit_rank");
}

}  // namespace jobfit::sqlite
