// The SQLite backend: one connection, and one small class per capability's tables.
#pragma once

#include <functional>
#include <memory>

#include "storage/sqlite/database.h"
#include "storage/sqlite/migrations.h"
#include "storage/store.h"

namespace jobfit::sqlite {

class SqliteEpisodeStore final : public EpisodeStore {
 public:
  explicit SqliteEpisodeStore(Connection& db) : db_(db) {}
  int64_t add(const Episode& e) override;
  void update(const Episode& e) override;
  void remove(int64_t id) override;
  std::optional<Episode> find(int64_t id) override;
  std::vector<Episode> list(const EpisodeQuery& query) override;
  int64_t count() override;

 private:
  void writeActivities(int64_t id, const std::vector<std::string>& activities);
  Connection& db_;
};

class SqliteActivityStore final : public ActivityStore {
 public:
  explicit SqliteActivityStore(Connection& db) : db_(db) {}
  std::vector<Activity> custom() override;
  void add(const Activity& a) override;

 private:
  Connection& db_;
};

class SqliteSettingsStore final : public SettingsStore {
 public:
  explicit SqliteSettingsStore(Connection& db) : db_(db) {}
  std::optional<std::string> get(const std::string& key) override;
  void set(const std::string& key, const std::string& value) override;
  std::map<std::string, std::string> all() override;

 private:
  Connection& db_;
};

class SqliteApplicationStore final : public ApplicationStore {
 public:
  explicit SqliteApplicationStore(Connection& db) : db_(db) {}
  int64_t add(const Application& a) override;
  void update(const Application& a) override;
  void remove(int64_t id) override;
  std::optional<Application> find(int64_t id) override;
  std::vector<Application> list() override;
  std::vector<Application> inStage(Stage stage) override;
  std::vector<Application> withContact(int64_t contactId) override;
  int64_t count() override;

 private:
  std::vector<Application> select(std::string_view where, const std::function<void(Statement&)>& bind);
  void writeChildren(const Application& a);
  Connection& db_;
};

class SqliteContactStore final : public ContactStore {
 public:
  explicit SqliteContactStore(Connection& db) : db_(db) {}
  int64_t add(const Contact& c) override;
  void update(const Contact& c) override;
  void remove(int64_t id) override;
  std::optional<Contact> find(int64_t id) override;
  std::vector<Contact> list() override;

 private:
  std::vector<Contact> select(std::optional<int64_t> id);
  void writeChildren(const Contact& c);
  Connection& db_;
};

class SqliteReminderStore final : public ReminderStore {
 public:
  explicit SqliteReminderStore(Connection& db) : db_(db) {}
  int64_t add(const Reminder& r) override;
  void update(const Reminder& r) override;
  void remove(int64_t id) override;
  std::optional<Reminder> find(int64_t id) override;
  std::vector<Reminder> list(bool includeDone) override;
  std::vector<Reminder> forApplication(int64_t applicationId) override;

 private:
  Connection& db_;
};

class SqliteCheckinStore final : public CheckinStore {
 public:
  explicit SqliteCheckinStore(Connection& db) : db_(db) {}
  int64_t add(const Checkin& c) override;
  void update(const Checkin& c) override;
  std::optional<Checkin> find(int64_t id) override;
  std::optional<Checkin> findByDate(Date date) override;
  std::vector<Checkin> list() override;

 private:
  Connection& db_;
};

class SqliteExpectationStore final : public ExpectationStore {
 public:
  explicit SqliteExpectationStore(Connection& db) : db_(db) {}
  int64_t add(const Expectation& e) override;
  std::optional<Expectation> find(int64_t id) override;
  std::vector<Expectation> list() override;

 private:
  Connection& db_;
};

class SqliteDraftStore final : public DraftStore {
 public:
  explicit SqliteDraftStore(Connection& db) : db_(db) {}
  int64_t add(const Draft& d) override;
  void update(const Draft& d) override;
  std::optional<Draft> find(int64_t id) override;
  std::optional<Draft> findBySource(const std::string& source, Instant start) override;
  std::vector<Draft> list(std::optional<DraftStatus> status) override;

 private:
  Connection& db_;
};

class SqlitePostingStore final : public PostingStore {
 public:
  explicit SqlitePostingStore(Connection& db) : db_(db) {}
  UpsertResult upsert(const Posting& p, Instant seenAt,
                      const std::array<float, kValueCount>* valueSignals = nullptr) override;
  int64_t restore(const StoredPosting& p) override;
  std::optional<StoredPosting> find(int64_t id) override;
  void remove(int64_t id) override;
  std::vector<PostingSummary> list(const PostingQuery& query) override;
  std::vector<SearchHit> search(const std::string& query, const PostingQuery& q) override;
  std::set<int64_t> matchingIds(const std::string& query) override;
  int64_t count() override;
  void optimizeIndex() override;
  void forEach(const std::function<void(const StoredPosting&)>& visit) override;
  void forEachFeatures(const std::set<int64_t>* only,
                       const std::function<void(const PostingFeatures&)>& visit) override;

 private:
  // The statements an import runs for every posting, prepared once.
  struct Prepared;
  Prepared& prepared();
  int64_t insertRow(const Posting& p, int64_t id, Instant firstSeen, Instant lastSeen,
                    uint64_t hash);
  void updateRow(const Posting& p, int64_t id, Instant lastSeen, uint64_t hash);
  void writeChildren(int64_t id, const Posting& p, bool replace);
  // The posting's row of the compact features table (posting_fit_features), replaced.
  void writeFeatures(int64_t id, const Posting& p);
  // replace: overwrite stored signals; else keep any already stored.
  void writeValueSignals(int64_t id, const std::array<float, kValueCount>& signals, bool replace);
  // The full-text index is external-content: these keep it in step with the rows. Inside a
  // transaction the index writes wait until just before COMMIT (see flushIndex).
  void indexAdd(int64_t id, const Posting& p);
  void indexRemove(int64_t id);
  void readChildren(int64_t id, Posting& p);

  struct IndexWrite {
    bool remove;
    int64_t id;
    std::string title, company, description, skills;
  };
  Connection& db_;
  std::shared_ptr<Prepared> prepared_;
  std::vector<IndexWrite> pendingIndex_;

 public:
  // Index writes are queued while a transaction is open and written together before it
  // commits: FTS5 flushes its pending terms to a new segment at every statement transaction
  // or savepoint, so interleaving index writes with the rows' own statements made imports
  // several times slower. SqliteStore::transaction calls these.
  void flushIndex();
  size_t pendingIndexWrites() const { return pendingIndex_.size(); }
  void dropIndexWritesFrom(size_t mark) { pendingIndex_.resize(std::min(mark, pendingIndex_.size())); }
};

class SqliteFitStore final : public FitStore {
 public:
  explicit SqliteFitStore(Connection& db) : db_(db) {}
  void setAppeal(const Appeal& a) override;
  void removeAppeal(int64_t postingId) override;
  std::vector<Appeal> appeals() override;
  std::vector<int64_t> postingsWithoutValueSignals() override;
  void setValueSignals(int64_t postingId, const std::array<float, kValueCount>& signals) override;

 private:
  Connection& db_;
};

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::filesystem::path& path, const StoreOptions& options);

  EpisodeStore& episodes() override { return episodes_; }
  ActivityStore& activities() override { return activities_; }
  SettingsStore& settings() override { return settings_; }
  ApplicationStore& applications() override { return applications_; }
  ContactStore& contacts() override { return contacts_; }
  ReminderStore& reminders() override { return reminders_; }
  CheckinStore& checkins() override { return checkins_; }
  ExpectationStore& expectations() override { return expectations_; }
  DraftStore& drafts() override { return drafts_; }
  PostingStore& postings() override { return postings_; }
  FitStore& fit() override { return fit_; }
  void transaction(const std::function<void()>& body) override;
  void backup(const std::filesystem::path& to) override;
  std::string location() const override { return path_.string(); }
  uint64_t dataVersion() override;

  Connection& connection() { return db_; }

 private:
  void migrate(const StoreOptions& options);

  std::filesystem::path path_;
  Connection db_;
  int depth_ = 0;
  SqliteEpisodeStore episodes_{db_};
  SqliteActivityStore activities_{db_};
  SqliteSettingsStore settings_{db_};
  SqliteApplicationStore applications_{db_};
  SqliteContactStore contacts_{db_};
  SqliteReminderStore reminders_{db_};
  SqliteCheckinStore checkins_{db_};
  SqliteExpectationStore expectations_{db_};
  SqliteDraftStore drafts_{db_};
  SqlitePostingStore postings_{db_};
  SqliteFitStore fit_{db_};
};

// Brings db to the last version of `list`: refuses a newer file untouched, copies an existing
// file aside before changing it, applies each migration in its own transaction.
void migrateDatabase(Connection& db, const std::filesystem::path& path,
                     const std::vector<Migration>& list, Instant now);

// Copies the database behind `from` into a new file `to` (owner-only) with the online backup API.
void backupTo(sqlite3* from, const std::filesystem::path& to);

}  // namespace jobfit::sqlite
