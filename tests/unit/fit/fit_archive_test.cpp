// The fit profile and appeal ratings in the full export: values and constraints (settings)
// and appeals round-trip; appeals follow their postings to new ids; a rating of a posting the
// export does not hold is refused before anything is written.
#include <gtest/gtest.h>

#include "archive/archive.h"
#include "core/error.h"
#include "fit/profile_settings.h"
#include "postings/analyze.h"
#include "support/cli.h"

namespace jobfit {
namespace {

const Clock kClock = Clock::fixed(parseInstant("2026-03-13T17:00:00Z"), date::locate_zone("Europe/Berlin"));
const Instant kSeen = parseInstant("2026-03-10T09:00:00Z");

Posting posting(const std::string& title, const std::string& text) {
  PostingInput in;
  in.title = title;
  in.company = "Quillon";
  in.description = text;
  return PostingAnalyzer::shared().analyze(in);
}

// Two postings, both rated, with values and constraints.
void fill(Store& store) {
  store.transaction([&] {
    auto a = store.postings().upsert(posting("Technical Writer", "Write documentation."), kSeen).id;
    auto b = store.postings().upsert(posting("Engineering Manager", "Manage a team of 6."), kSeen).id;
    store.fit().setAppeal({a, 2, parseDate("2026-03-11")});
    store.fit().setAppeal({b, 5, parseDate("2026-03-12")});
  });
  setValues(store, {"learning=3", "time_and_health=4", "target_pay=90000"});
  setConstraints(store, {"min_pay=60000", "currency=EUR", "work_modes=remote,hybrid", "on_call=no"});
}

TEST(FitArchive, AppealsValuesAndConstraintsRoundTrip) {
  testing::TempDir dir;
  auto a = openSqliteStore(dir / "a.db");
  fill(*a);
  auto exported = exportArchive(*a);
  ASSERT_EQ(exported["posting_appeals"].size(), 2u);
  EXPECT_EQ(exported["posting_appeals"][1]["appeal"], 5);
  EXPECT_EQ(exported["posting_appeals"][1]["day"], "2026-03-12");

  auto b = openSqliteStore(dir / "b.db");
  auto summary = importArchive(*b, exported, kClock);
  EXPECT_NE(std::find(summary.begin(), summary.end(), "2 appeal ratings"), summary.end());
  EXPECT_EQ(b->fit().appeals(), a->fit().appeals());
  EXPECT_EQ(readValues(b->settings()), readValues(a->settings()));
  EXPECT_EQ(readConstraints(b->settings()), readConstraints(a->settings()));
  EXPECT_EQ(exportArchive(*b), exported);
}

TEST(FitArchive, AppealsFollowTheirPostingsToNewIds) {
  testing::TempDir dir;
  auto a = openSqliteStore(dir / "a.db");
  fill(*a);
  auto exported = exportArchive(*a);
  auto b = openSqliteStore(dir / "b.db");
  b->transaction([&] { b->postings().upsert(posting("Gardener", "Plant trees."), kSeen); });
  importArchive(*b, exported, kClock, ImportOptions{.newIds = true});
  auto appeals = b->fit().appeals();
  ASSERT_EQ(appeals.size(), 2u);
  EXPECT_EQ(appeals[0].postingId, 2);
  EXPECT_EQ(b->postings().find(2)->posting.title, "Technical Writer");
  EXPECT_EQ(appeals[1].postingId, 3);
  EXPECT_EQ(appeals[1].appeal, 5);
}

TEST(FitArchive, ARatingOfAPostingNotInTheExportIsRefusedAndNothingIsWritten) {
  testing::TempDir dir;
  auto a = openSqliteStore(dir / "a.db");
  fill(*a);
  auto doc = exportArchive(*a);
  doc["posting_appeals"].push_back({{"posting_id", 42}, {"appeal", 3}, {"day", "2026-03-12"}});
  auto b = openSqliteStore(dir / "b.db");
  try {
    importArchive(*b, doc, kClock);
    FAIL() << "imported";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid);
    EXPECT_EQ(e.field(), "posting_appeals[2].posting_id");
  }
  for (auto bad : {nlohmann::json{{"posting_id", 1}, {"appeal", 7}, {"day", "2026-03-12"}},
                   nlohmann::json{{"posting_id", 1}, {"appeal", 3}}}) {
    auto d = exportArchive(*a);
    d["posting_appeals"][0] = bad;
    EXPECT_THROW(importArchive(*b, d, kClock), Error);
  }
  EXPECT_EQ(b->postings().count(), 0);
  EXPECT_TRUE(b->fit().appeals().empty());
  EXPECT_FALSE(readValues(b->settings()).any());
}

}  // namespace
}  // namespace jobfit
