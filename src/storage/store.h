// The narrow storage interface. The engine and the commands see only these classes; all SQL
// lives under storage/sqlite/, so a PostgreSQL backend can be added beside it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "storage/applications_store.h"
#include "storage/evidence_store.h"
#include "storage/fit_store.h"
#include "storage/posting_store.h"
#include "worklog/activity.h"
#include "worklog/episode.h"

namespace jobfit {

struct EpisodeQuery {
  std::optional<Date> from, to;         // inclusive local dates
  std::optional<std::string> activity;  // only episodes with this activity
  std::optional<int> limit;
  int offset = 0;
};

class EpisodeStore {
 public:
  virtual ~EpisodeStore() = default;
  // Stores a new episode and returns its id (e.id when non-zero, as on import).
  virtual int64_t add(const Episode& e) = 0;
  // Replaces the episode with e.id; throws Error(not_found).
  virtual void update(const Episode& e) = 0;
  // Throws Error(not_found).
  virtual void remove(int64_t id) = 0;
  virtual std::optional<Episode> find(int64_t id) = 0;
  // Oldest first (by date, then start, then id).
  virtual std::vector<Episode> list(const EpisodeQuery& query) = 0;
  virtual int64_t count() = 0;
};

// The user's own activities (the built-in taxonomy is not stored).
class ActivityStore {
 public:
  virtual ~ActivityStore() = default;
  virtual std::vector<Activity> custom() = 0;
  virtual void add(const Activity& a) = 0;
};

// Key-value settings such as silence thresholds ("silence.applied" -> "21").
class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
  virtual std::optional<std::string> get(const std::string& key) = 0;
  virtual void set(const std::string& key, const std::string& value) = 0;
  virtual std::map<std::string, std::string> all() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  virtual EpisodeStore& episodes() = 0;
  virtual ActivityStore& activities() = 0;
  virtual SettingsStore& settings() = 0;
  virtual ApplicationStore& applications() = 0;
  virtual ContactStore& contacts() = 0;
  virtual ReminderStore& reminders() = 0;
  virtual CheckinStore& checkins() = 0;
  virtual ExpectationStore& expectations() = 0;
  virtual DraftStore& drafts() = 0;
  virtual PostingStore& postings() = 0;
  virtual FitStore& fit() = 0;

  // Runs body in one transaction: every change it makes is kept, or none (on any exception,
  // which is rethrown). Nested calls join the outer transaction.
  virtual void transaction(const std::function<void()>& body) = 0;
  // Writes a consistent copy of the whole database to `to` while it may be in use.
  virtual void backup(const std::filesystem::path& to) = 0;
  // Where the data lives, for messages.
  virtual std::string location() const = 0;
  // A number that grows whenever a transaction commits on another connection to the same
  // database, in this process or another; this connection's own commits leave it alone. A
  // connection that only ever reads it tells whether anything has changed since it last asked.
  virtual uint64_t dataVersion() = 0;
};

struct StoreOptions {
  // Instant used to name the backup written before a migration.
  Instant now{};
};

// Opens (creating if needed, with owner-only permissions) the SQLite database at path,
// migrating its schema. Refuses a database written by a newer jobfit without touching it.
std::unique_ptr<Store> openSqliteStore(const std::filesystem::path& path,
                                       const StoreOptions& options = {});

// The default database path: $XDG_DATA_HOME/jobfit/jobfit.db, else ~/.local/share/jobfit/jobfit.db.
std::filesystem::path defaultDatabasePath();

// The whole catalog: built-in activities plus the user's.
ActivityCatalog loadCatalog(Store& store);

}  // namespace jobfit
