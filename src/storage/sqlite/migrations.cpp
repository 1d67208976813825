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


// Version 3: job postings. Every extracted fact is a column; lists (locations, activity
// shares, skills, evidence spans) are child tables; the full-text index is an external-content
// FTS5 table over postings, so the text is stored once. The index is kept in step by
// SqlitePostingStore itself, not by triggers: a trigger makes every insert a statement
// transaction, and FTS5 flushes its pending terms into a new segment at each one, which made
// imports several times slower.
constexpr std::string_view kPostings = R"SQL(
CREATE TABLE postings (
  id              INTEGER PRIMARY KEY,
  title           TEXT NOT NULL DEFAULT '',
  company         TEXT NOT NULL DEFAULT '',
  url             TEXT NOT NULL DEFAULT '',
  canonical_url   TEXT NOT NULL DEFAULT '',   -- dedupe key: see canonicalUrl()
  source          TEXT NOT NULL DEFAULT '',
  source_id       TEXT NOT NULL DEFAULT '',   -- dedupe key with source
  identity_key    TEXT NOT NULL DEFAULT '',   -- dedupe key: company | title | first location
  description     TEXT NOT NULL DEFAULT '',
  skills          TEXT NOT NULL DEFAULT '',   -- skill names, one a line, for the text index
  posted_date     TEXT NOT NULL DEFAULT '',
  work_mode       TEXT NOT NULL DEFAULT 'unknown'
                  CHECK (work_mode IN ('unknown', 'remote', 'hybrid', 'onsite')),
  employment_type TEXT NOT NULL DEFAULT 'unknown'
                  CHECK (employment_type IN ('unknown', 'full_time', 'part_time', 'contract',
                                             'temporary', 'internship', 'volunteer', 'other')),
  seniority       TEXT NOT NULL DEFAULT 'unknown'
                  CHECK (seniority IN ('unknown', 'intern', 'entry', 'mid', 'senior', 'lead',
                                       'manager', 'director', 'executive')),
  pay_period      TEXT CHECK (pay_period IN ('hour', 'day', 'week', 'month', 'year')),  -- NULL: no pay stated
  pay_min         REAL,
  pay_max         REAL,
  pay_currency    TEXT,
  pay_annual_min  REAL,
  pay_annual_max  REAL,
  travel_share    REAL CHECK (travel_share BETWEEN 0 AND 1),
  on_call         INTEGER NOT NULL DEFAULT 0 CHECK (on_call IN (0, 1)),
  shifts          INTEGER NOT NULL DEFAULT 0 CHECK (shifts IN (0, 1)),
  weekends        INTEGER NOT NULL DEFAULT 0 CHECK (weekends IN (0, 1)),
  overtime        INTEGER NOT NULL DEFAULT 0 CHECK (overtime IN (0, 1)),
  manages_people  INTEGER NOT NULL DEFAULT 0 CHECK (manages_people IN (0, 1)),
  reports         INTEGER CHECK (reports >= 0),
  first_seen      INTEGER NOT NULL,           -- unix seconds
  last_seen       INTEGER NOT NULL,
  content_hash    INTEGER NOT NULL            -- contentHash(): detects unchanged re-imports
);
CREATE INDEX postings_by_source_id ON postings (source, source_id) WHERE source_id <> '';
-- The ATS id rides along so that a lookup can skip other jobs without reading their rows.
CREATE INDEX postings_by_canonical_url ON postings (canonical_url, source, source_id)
  WHERE canonical_url <> '';
CREATE INDEX postings_by_identity ON postings (identity_key, source, source_id)
  WHERE identity_key <> '';
CREATE INDEX postings_by_content ON postings (content_hash);
CREATE INDEX postings_by_last_seen ON postings (last_seen, id);
CREATE TABLE posting_locations (
  posting_id INTEGER NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  location   TEXT NOT NULL,
  PRIMARY KEY (posting_id, position)
) WITHOUT ROWID;
CREATE TABLE posting_activities (
  posting_id INTEGER NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  activity   TEXT NOT NULL,
  share      REAL NOT NULL CHECK (share BETWEEN 0 AND 1),
  PRIMARY KEY (posting_id, position)
) WITHOUT ROWID;
CREATE TABLE posting_skills (
  posting_id INTEGER NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  skill      TEXT NOT NULL,
  PRIMARY KEY (posting_id, position)
) WITHOUT ROWID;
CREATE INDEX posting_skills_by_skill ON posting_skills (skill);
-- The phrase behind each fact. fact: work_mode, employment_type, seniority, pay, travel,
-- on_call, shifts, weekends, overtime, manages_people, skills, activity (item = activity id).
CREATE TABLE posting_evidence (
  posting_id INTEGER NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
  fact       TEXT NOT NULL,
  item       TEXT NOT NULL DEFAULT '',
  position   INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end   INTEGER NOT NULL CHECK (span_end >= span_begin),
  phrase     TEXT NOT NULL,
  PRIMARY KEY (posting_id, fact, item, position)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE postings_fts USING fts5 (
  title, company, description, skills,
  content = 'postings', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
-- A match in the title weighs most, then company and skills, then the description.
INSERT INTO postings_fts (postings_fts, rank) VALUES ('rank', 'bm25(8.0, 4.0, 1.0, 4.0)');
)SQL";

}  // namespace

const std::vector<Migration>& migrations() {
  // Reserved versions, so that capabilities built in parallel do not collide:
  // 2 evidence (check-ins, expectations, drafts), 3 postings, 4 applications and contacts,
  // 5 fit profile (values, constraints, appeal).
  static const std::vector<Migration> list = {
      {1, "work-day log", kWorklog},
      {3, "postings", kPostings},
  };
  return list;
}

int latestSchemaVersion() { return migrations().back().version; }

}  // namespace jobfit::sqlite
