// jobfit_rank(): FTS5's BM25, computed only where it can change the first page.
//
//   SELECT rowid, jobfit_rank(postings_fts, K, w_title, w_company, w_description, w_skills) AS r
//   FROM postings_fts WHERE postings_fts MATCH ? ORDER BY r LIMIT K
//
// returns, for every row among the best K, exactly the value of FTS5's own
// bm25(postings_fts, w...) (k1 = 1.2, b = 0.75, the same IDF and average length). The cost of
// bm25 is reading each row's length (one lookup in the docsize table per matching row); this
// function first bounds the score from below using what the match itself says (the weighted
// phrase frequencies, and the last matched position of each column as a lower bound of its
// length) and only reads the length when that bound could still put the row among the best K
// seen so far. A row it skips scores at most its bound, which is no better than K rows already
// seen, so it returns the bound: the first K rows of ORDER BY r are BM25's first K, in the same
// order. Rows past K carry a bound, not their score. K <= 0 scores every row exactly.
#pragma once

#include <sqlite3.h>

namespace jobfit::sqlite {

// Registers jobfit_rank on the connection (once per connection).
void registerFtsRank(sqlite3* db);

}  // namespace jobfit::sqlite
