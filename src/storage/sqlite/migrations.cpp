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

// Version 2: evidence. Burnout check-ins (one per date; each item holds the unreversed score
// of its answer, 100 = Always / To a very high degree), expectations (history; the latest per
// activity counts) and calendar drafts (kept after rating or discarding, so that importing the
// same calendar again does not bring them back).
constexpr std::string_view kEvidence = R"SQL(
CREATE TABLE checkins (
  id  INTEGER PRIMARY KEY,
  day TEXT NOT NULL UNIQUE,              -- local date YYYY-MM-DD
  p1  INTEGER CHECK (p1 IN (0, 25, 50, 75, 100)),
  p2  INTEGER CHECK (p2 IN (0, 25, 50, 75, 100)),
  p3  INTEGER CHECK (p3 IN (0, 25, 50, 75, 100)),
  p4  INTEGER CHECK (p4 IN (0, 25, 50, 75, 100)),
  p5  INTEGER CHECK (p5 IN (0, 25, 50, 75, 100)),
  p6  INTEGER CHECK (p6 IN (0, 25, 50, 75, 100)),
  w1  INTEGER CHECK (w1 IN (0, 25, 50, 75, 100)),
  w2  INTEGER CHECK (w2 IN (0, 25, 50, 75, 100)),
  w3  INTEGER CHECK (w3 IN (0, 25, 50, 75, 100)),
  w4  INTEGER CHECK (w4 IN (0, 25, 50, 75, 100)),
  w5  INTEGER CHECK (w5 IN (0, 25, 50, 75, 100)),
  w6  INTEGER CHECK (w6 IN (0, 25, 50, 75, 100)),
  w7  INTEGER CHECK (w7 IN (0, 25, 50, 75, 100))
);
CREATE TABLE expectations (
  id         INTEGER PRIMARY KEY,
  activity   TEXT NOT NULL,
  day        TEXT NOT NULL,
  happy      INTEGER CHECK (happy BETWEEN 0 AND 6),
  engaged    INTEGER CHECK (engaged BETWEEN 0 AND 6),
  stressed   INTEGER CHECK (stressed BETWEEN 0 AND 6),
  frustrated INTEGER CHECK (frustrated BETWEEN 0 AND 6),
  tired      INTEGER CHECK (tired BETWEEN 0 AND 6),
  meaningful INTEGER CHECK (meaningful BETWEEN 0 AND 6),
  energy     INTEGER CHECK (energy BETWEEN -2 AND 2)
);
CREATE INDEX expectations_by_activity ON expectations (activity, day, id);
CREATE TABLE drafts (
  id         INTEGER PRIMARY KEY,
  source     TEXT NOT NULL,              -- the calendar event's UID
  start_utc  INTEGER NOT NULL,           -- unix seconds of this occurrence
  day        TEXT NOT NULL,              -- its local date YYYY-MM-DD
  minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  title      TEXT NOT NULL DEFAULT '',
  activity   TEXT NOT NULL DEFAULT '',   -- guessed activity id, '' when none
  status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rated', 'discarded')),
  episode_id INTEGER REFERENCES episodes (id) ON DELETE SET NULL,
  UNIQUE (source, start_utc)
);
CREATE INDEX drafts_by_status ON drafts (status, start_utc, id);
)SQL";

}  // namespace

const std::vector<Migration>& migrations() {
  // Reserved versions, so that capabilities built in parallel do not collide:
  // 2 evidence (check-ins, expectations, drafts), 3 postings, 4 applications and contacts,
  // 5 fit profile (values, constraints, appeal).
  static const std::vector<Migration> list = {
      {1, "work-day log", kWorklog},
      {2, "evidence: check-ins, expectations, calendar drafts", kEvidence},
  };
  return list;
}

int latestSchemaVersion() { return migrations().back().version; }

}  // namespace jobfit::sqlite
