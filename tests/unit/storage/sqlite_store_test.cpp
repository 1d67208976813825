#include "storage/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "support/cli.h"

namespace jobfit {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

Episode sampleEpisode(int minutes) {
  Episode e;
  e.date = parseDate("2026-03-10");
  e.minutes = minutes;
  e.activities = {"writing"};
  e.ratings.happy = 4;
  return e;
}

int userVersion(const fs::path& path) {
  sqlite::Connection db(path.string(), false);
  auto st = db.prepare("PRAGMA user_version");
  st.step();
  return static_cast<int>(st.integer(0));
}

TEST(SqliteStore, CreatesWalDatabaseAtLatestSchema) {
  TempDir dir;
  auto store = openSqliteStore(dir / "a" / "b" / "j.db");
  EXPECT_EQ(userVersion(dir / "a" / "b" / "j.db"), sqlite::latestSchemaVersion());
  auto& db = static_cast<sqlite::SqliteStore&>(*store).connection();
  auto st = db.prepare("PRAGMA journal_mode");
  st.step();
  EXPECT_EQ(st.text(0), "wal");
  auto fk = db.prepare("PRAGMA foreign_keys");
  fk.step();
  EXPECT_EQ(fk.integer(0), 1);
}

TEST(SqliteStore, TransactionIsAllOrNothing) {
  TempDir dir;
  auto store = openSqliteStore(dir / "j.db");
  EXPECT_THROW(store->transaction([&] {
    store->episodes().add(sampleEpisode(10));
    store->transaction([&] { store->episodes().add(sampleEpisode(20)); });  // nested joins
    throw Error(ErrorCode::invalid, "boom");
  }),
               Error);
  EXPECT_EQ(store->episodes().count(), 0);
  store->transaction([&] { store->episodes().add(sampleEpisode(10)); });
  EXPECT_EQ(store->episodes().count(), 1);
}

TEST(SqliteStore, DatabaseFromANewerJobfitIsRefusedUntouched) {
  TempDir dir;
  auto path = dir / "newer.db";
  { openSqliteStore(path); }
  {
    sqlite::Connection db(path.string(), false);
    db.exec("PRAGMA journal_mode = DELETE; PRAGMA user_version = 999");
  }
  auto before = testing::readFile(path);
  try {
    openSqliteStore(path);
    FAIL() << "opened a newer database";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::refused);
    EXPECT_NE(std::string(e.what()).find("newer jobfit"), std::string::npos);
  }
  EXPECT_EQ(testing::readFile(path), before);
  EXPECT_FALSE(fs::exists(path.string() + "-wal"));
}

TEST(SqliteStore, MigratingAnExistingFileKeepsABackupFirst) {
  TempDir dir;
  auto path = dir / "old.db";
  std::vector<sqlite::Migration> v1 = {{1, "one", "CREATE TABLE a (x INTEGER);"}};
  std::vector<sqlite::Migration> v2 = {v1[0], {2, "two", "CREATE TABLE b (y INTEGER);"}};
  std::vector<sqlite::Migration> broken = {v1[0], {2, "bad", "CREATE TABLE c (z); SELEC nonsense;"}};
  auto now = parseInstant("2026-03-10T08:00:00Z");
  {
    sqlite::Connection db(path.string(), true);
    sqlite::migrateDatabase(db, path, v1, now);
    db.exec("INSERT INTO a VALUES (42)");
  }
  {
    // A failing migration rolls back: the file stays at version 1 with its data.
    sqlite::Connection db(path.string(), false);
    EXPECT_THROW(sqlite::migrateDatabase(db, path, broken, now), Error);
  }
  EXPECT_EQ(userVersion(path), 1);
  fs::remove(path.string() + ".schema1-2026-03-10T080000Z.bak");
  {
    sqlite::Connection db(path.string(), false);
    sqlite::migrateDatabase(db, path, v2, now);
  }
  EXPECT_EQ(userVersion(path), 2);
  auto backup = fs::path(path.string() + ".schema1-2026-03-10T080000Z.bak");
  ASSERT_TRUE(fs::exists(backup));
  EXPECT_EQ(userVersion(backup), 1);
  sqlite::Connection copy(backup.string(), false);
  auto st = copy.prepare("SELECT x FROM a");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.integer(0), 42);
  EXPECT_EQ((fs::status(backup).permissions() & fs::perms::all), fs::perms::owner_read | fs::perms::owner_write);
}

TEST(SqliteStore, BackupWhileAnotherConnectionWrites) {
  TempDir dir;
  auto store = openSqliteStore(dir / "live.db");
  auto writer = openSqliteStore(dir / "live.db");
  store->transaction([&] {
    for (int i = 0; i < 200; ++i) store->episodes().add(sampleEpisode(10 + i % 50));
  });
  writer->transaction([&] { writer->episodes().add(sampleEpisode(5)); });
  store->backup(dir / "copy.db");
  auto copy = openSqliteStore(dir / "copy.db");
  EXPECT_EQ(copy->episodes().count(), 201);
}

TEST(SqliteStore, EpisodesRoundTripThroughColumns) {
  TempDir dir;
  auto store = openSqliteStore(dir / "j.db");
  Episode e = sampleEpisode(75);
  e.start = parseInstant("2026-03-10T08:15:00Z");
  e.activities = {"meetings", "planning"};
  e.with = "team";
  e.note = "note";
  e.ratings = Ratings{1, 2, 3, 4, 5, 6, -2};
  int64_t id = 0;
  store->transaction([&] { id = store->episodes().add(e); });
  e.id = id;
  EXPECT_EQ(store->episodes().find(id), e);
  EXPECT_EQ(store->episodes().list({}).at(0), e);
  EpisodeQuery q;
  q.activity = "planning";
  EXPECT_EQ(store->episodes().list(q).size(), 1u);
  q.activity = "writing";
  EXPECT_TRUE(store->episodes().list(q).empty());
}

}  // namespace
}  // namespace jobfit
