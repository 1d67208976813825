#include "storage/sqlite/migrations.h"

namespace jobfit::sqlite {

namespace {

// Version 1: the work-day log and settings.
constexpr std::string_view kWorklog = R"SQL(
CREATE TABLE activities (
  id          TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  onet        TEXT NOT NULL DEFAULT ''   -- comma-separated O*NET GWA ids
);
CREATE TABLE episodes (
  id         INTEGER PRIMARY KEY,
  start_utc  INTEGER,                    -- unix seconds; NULL when only the date is known
  day        TEXT NOT NULL,              -- local date YYYY-MM-DD
  minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  with_whom  TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  happy      INTEGER CHECK (happy BETWEEN 0 AND 6),
  engaged    INTEGER CHECK (engaged BETWEEN 0 AND 6),
  stressed   INTEGER CHECK (stressed BETWEEN 0 AND 6),
  frustrated INTEGER CHECK (frustrated BETWEEN 0 AND 6),
  tired      INTEGER CHECK (tired BETWEEN 0 AND 6),
  meaningful INTEGER CHECK (meaningful BETWEEN 0 AND 6),
  energy     INTEGER CHECK (energy BETWEEN -2 AND 2)
);
CREATE INDEX episodes_by_day ON episodes (day, start_utc, id);
CREATE TABLE episode_activities (
  episode_id INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  activity   TEXT NOT NULL,
  PRIMARY KEY (episode_id, position)
) WITHOUT ROWID;
CREATE INDEX episode_activities_by_activity ON episode_activities (activity, episode_id);
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)SQL";

}  // namespace

const std::vector<Migration>& migrations() {
  // Reserved versions, so that capabilities built in parallel do not collide:
  // 2 evidence (check-ins, expectations, drafts), 3 postings, 4 applications and contacts,
  // 5 fit profile (values, constraints, appeal).
  static const std::vector<Migration> list = {
      {1, "work-day log", kWorklog},
  };
  return list;
}

int latestSchemaVersion() { return migrations().back().version; }

}  // namespace jobfit::sqlite
