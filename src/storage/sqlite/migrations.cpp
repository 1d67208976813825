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

// Version 4: the job search. Stages, channels and kinds are checked against the names the
// engine uses (applications/application.h).
constexpr std::string_view kApplications = R"SQL(
CREATE TABLE contacts (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL,
  name_key TEXT NOT NULL,               -- normalised name, for finding a contact by name
  company  TEXT NOT NULL DEFAULT '',
  role     TEXT NOT NULL DEFAULT '',
  how      TEXT NOT NULL DEFAULT '',    -- how the person knows them
  email    TEXT NOT NULL DEFAULT '',
  phone    TEXT NOT NULL DEFAULT '',
  notes    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_by_name ON contacts (name_key);
CREATE TABLE contact_links (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  url        TEXT NOT NULL,
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
CREATE TABLE applications (
  id          INTEGER PRIMARY KEY,
  company     TEXT NOT NULL,
  company_key TEXT NOT NULL,            -- normalised, for duplicates and per-company figures
  title       TEXT NOT NULL,
  title_key   TEXT NOT NULL,
  posting_id  INTEGER,                  -- a posting's id; no foreign key until postings land
  url         TEXT NOT NULL DEFAULT '',
  channel     TEXT NOT NULL CHECK (channel IN
                ('referral','recruiter','network','cold','job-board','other')),
  resume      TEXT NOT NULL DEFAULT '',
  salary      TEXT NOT NULL DEFAULT '',
  learned     TEXT NOT NULL DEFAULT '',
  -- Derived from the events and rewritten with them: the latest stage, first and last day.
  stage       TEXT NOT NULL CHECK (stage IN ('saved','applied','screening','interviewing',
                'offer','accepted','rejected','withdrawn','closed')),
  started     TEXT NOT NULL,
  last_event  TEXT NOT NULL
);
CREATE INDEX applications_by_company ON applications (company_key, title_key);
CREATE INDEX applications_by_stage ON applications (stage, last_event);
CREATE INDEX applications_by_posting ON applications (posting_id) WHERE posting_id IS NOT NULL;
CREATE TABLE application_events (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,      -- history order
  day            TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('stage','note','reply','followup')),
  stage          TEXT CHECK (stage IN ('saved','applied','screening','interviewing','offer',
                   'accepted','rejected','withdrawn','closed')),
  text           TEXT NOT NULL DEFAULT '',
  CHECK ((kind = 'stage') = (stage IS NOT NULL)),
  UNIQUE (application_id, position)
);
CREATE INDEX application_events_by_day ON application_events (day);
CREATE TABLE application_contacts (
  application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  contact_id     INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  referrer       INTEGER NOT NULL DEFAULT 0 CHECK (referrer IN (0, 1)),
  PRIMARY KEY (application_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX application_contacts_by_contact ON application_contacts (contact_id);
CREATE UNIQUE INDEX application_contacts_one_referrer
  ON application_contacts (application_id) WHERE referrer = 1;
CREATE TABLE contact_interactions (
  contact_id     INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,      -- date order
  day            TEXT NOT NULL,
  text           TEXT NOT NULL,
  application_id INTEGER REFERENCES applications (id) ON DELETE SET NULL,
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
CREATE INDEX contact_interactions_by_application ON contact_interactions (application_id);
CREATE TABLE reminders (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('followup','interview')),
  due            TEXT NOT NULL,         -- local date
  at_utc         INTEGER,               -- unix seconds, when a time was given
  minutes        INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 1440),
  text           TEXT NOT NULL DEFAULT '',
  done           TEXT,                  -- local date it was done
  created_utc    INTEGER NOT NULL       -- part of the stable calendar UID
);
CREATE INDEX reminders_by_due ON reminders (done, due, at_utc, id);
CREATE INDEX reminders_by_application ON reminders (application_id);
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

// Version 5: fit. How much a posting appeals to the person, and the value signals read from
// each posting's text (src/fit/value_signals.h), dropped when the text changes so that the
// next ranking recomputes them.
constexpr std::string_view kFit = R"SQL(
CREATE TABLE posting_appeal (
  posting_id INTEGER PRIMARY KEY REFERENCES postings (id) ON DELETE CASCADE,
  appeal     INTEGER NOT NULL CHECK (appeal BETWEEN 1 AND 5),
  day        TEXT NOT NULL
);
CREATE TABLE posting_value_signals (
  posting_id      INTEGER PRIMARY KEY REFERENCES postings (id) ON DELETE CASCADE,
  learning        REAL NOT NULL,
  autonomy        REAL NOT NULL,
  pay             REAL NOT NULL,
  stability       REAL NOT NULL,
  time_and_health REAL NOT NULL,
  people          REAL NOT NULL,
  meaning         REAL NOT NULL,
  status          REAL NOT NULL
);
CREATE TRIGGER posting_value_signals_stale AFTER UPDATE OF title, description ON postings
BEGIN
  DELETE FROM posting_value_signals WHERE posting_id = old.id;
END;
)SQL";

// Version 6: searching with filters. The facts a search filters on, in one covering index,
// so that the ids passing the filters are read without the rows (whose facts come after the
// description, in overflow pages).
constexpr std::string_view kPostingFacts = R"SQL(
CREATE INDEX postings_by_facts ON postings (work_mode, employment_type, seniority, on_call,
  pay_currency, pay_annual_max, pay_annual_min, travel_share);
)SQL";

// Version 7: the compact features table that `rank` reads, one short row per posting: the
// facts fit checks and scores (copies of the postings columns, which stay the record), the
// locations joined with "; " and the activity shares as "activity=share;..." in position
// order. SqlitePostingStore writes a posting's row in the same transaction as the posting
// (docs/postings-store.md); a deleted posting takes its row with it. Reading it is one ordered
// pass over ~150 bytes a posting instead of the postings rows (descriptions included) and
// several rows of child tables.
constexpr std::string_view kFitFeatures = R"SQL(
CREATE TABLE posting_fit_features (
  posting_id      INTEGER PRIMARY KEY REFERENCES postings (id) ON DELETE CASCADE,
  work_mode       TEXT NOT NULL,
  employment_type TEXT NOT NULL,
  pay_annual_min  REAL,
  pay_annual_max  REAL,
  pay_currency    TEXT NOT NULL DEFAULT '',
  travel_share    REAL,
  on_call         INTEGER NOT NULL,
  locations       TEXT NOT NULL DEFAULT '',
  activities      TEXT NOT NULL DEFAULT ''
);
INSERT INTO posting_fit_features
SELECT p.id, p.work_mode, p.employment_type, p.pay_annual_min, p.pay_annual_max,
       coalesce(p.pay_currency, ''), p.travel_share, p.on_call,
       coalesce((SELECT group_concat(location, '; ') FROM
                   (SELECT location FROM posting_locations l WHERE l.posting_id = p.id
                    ORDER BY position)), ''),
       coalesce((SELECT group_concat(activity || '=' || share, ';') FROM
                   (SELECT activity, share FROM posting_activities a WHERE a.posting_id = p.id
                    ORDER BY position)), '')
FROM postings p;
)SQL";

}  // namespace

const std::vector<Migration>& migrations() {
  // Reserved versions, so that capabilities built in parallel do not collide:
  // 2 evidence (check-ins, expectations, drafts), 3 postings, 4 applications and contacts,
  // 5 fit profile (values, constraints, appeal), 6 postings search filters, 7 fit features.
  static const std::vector<Migration> list = {
      {1, "work-day log", kWorklog},
      {2, "evidence: check-ins, expectations, calendar drafts", kEvidence},
      {3, "postings", kPostings},
      {4, "applications and contacts", kApplications},
      {5, "fit: appeal and value signals", kFit},
      {6, "postings: an index of the facts searches filter on", kPostingFacts},
      {7, "fit: the compact features table", kFitFeatures},
  };
  return list;
}

int latestSchemaVersion() { return migrations().back().version; }

}  // namespace jobfit::sqlite
