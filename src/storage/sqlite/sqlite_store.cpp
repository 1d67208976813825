#include "storage/sqlite/sqlite_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "core/error.h"
#include "storage/sqlite/fts_rank.h"
#include "storage/sqlite/migrations.h"

namespace jobfit {

namespace fs = std::filesystem;

namespace {

// Creates the directory (0700) and an empty file (0600) before SQLite opens it, so the data
// is never readable by anyone else, whatever the umask.
bool prepareFile(const fs::path& path) {
  auto dir = path.parent_path();
  if (!dir.empty() && !fs::exists(dir)) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
      throw Error(ErrorCode::io, fmt::format("cannot create {}: {}", dir.string(), ec.message()),
                  "db");
    ::chmod(dir.c_str(), 0700);
  }
  if (fs::exists(path)) return false;
  int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    throw Error(ErrorCode::io, fmt::format("cannot create {}: {}", path.string(), strerror(errno)),
                "db");
  if (fd >= 0) ::close(fd);
  return true;
}

int userVersion(sqlite::Connection& db) {
  auto st = db.prepare("PRAGMA user_version");
  st.step();
  return static_cast<int>(st.integer(0));
}

}  // namespace

std::unique_ptr<Store> openSqliteStore(const fs::path& path, const StoreOptions& options) {
  return std::make_unique<sqlite::SqliteStore>(path, options);
}

namespace sqlite {

void backupTo(sqlite3* from, const fs::path& to) {
  if (fs::exists(to))
    throw Error(ErrorCode::conflict, fmt::format("{} already exists; choose a new file", to.string()),
                "path");
  prepareFile(to);
  sqlite3* dest = nullptr;
  int rc = sqlite3_open_v2(to.c_str(), &dest, SQLITE_OPEN_READWRITE, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close(dest);
    fs::remove(to);
    throw Error(ErrorCode::io, fmt::format("cannot write backup {}", to.string()), "path");
  }
  sqlite3_backup* b = sqlite3_backup_init(dest, "main", from, "main");
  if (!b) {
    std::string message = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    fs::remove(to);
    throw Error(ErrorCode::io, fmt::format("cannot back up: {}", message), "path");
  }
  // Copy in steps so that writers on other connections are not blocked for long; SQLite
  // restarts the copy if the source changes under it, so the result is consistent.
  do {
    rc = sqlite3_backup_step(b, 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(5);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    std::string message = sqlite3_errstr(rc);
    sqlite3_close(dest);
    fs::remove(to);
    throw Error(ErrorCode::io, fmt::format("backup failed: {}", message), "path");
  }
  sqlite3_close(dest);
}

SqliteStore::SqliteStore(const fs::path& path, const StoreOptions& options)
    : path_(path), db_((prepareFile(path), path.string()), true) {
  registerFtsRank(db_.handle());
  migrate(options);
}

void SqliteStore::migrate(const StoreOptions& options) {
  migrateDatabase(db_, path_, migrations(), options.now);
}

void migrateDatabase(Connection& db, const fs::path& path, const std::vector<Migration>& list,
                     Instant now) {
  // Read the version before anything writes to the file: a newer database stays untouched.
  int current = userVersion(db);
  int latest = list.back().version;
  if (current > latest)
    throw Error(ErrorCode::refused,
                fmt::format("{} was written by a newer jobfit (schema {}; this jobfit knows up to "
                            "{}); it was not modified",
                            path.string(), current, latest),
                "db", "upgrade jobfit to open it");
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA foreign_keys = ON");
  if (current == latest) return;
  if (current > 0) {
    // An existing database is about to change shape: keep a copy of it as it was.
    auto stamp = formatInstant(now);
    std::erase(stamp, ':');
    auto copy = path;
    copy += fmt::format(".schema{}-{}.bak", current, stamp);
    if (!fs::exists(copy)) backupTo(db.handle(), copy);
  }
  for (const auto& m : list) {
    if (m.version <= current) continue;
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(m.sql);
      db.exec(fmt::format("PRAGMA user_version = {}", m.version));
      db.exec("COMMIT");
    } catch (...) {
      db.exec("ROLLBACK");
      throw;
    }
  }
}

void SqliteStore::transaction(const std::function<void()>& body) {
  std::string savepoint = fmt::format("jobfit_{}", depth_);
  size_t indexMark = postings_.pendingIndexWrites();
  db_.exec(depth_ == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT " + savepoint);
  ++depth_;
  auto rollback = [&] {
    postings_.dropIndexWritesFrom(indexMark);
    if (depth_ == 0)
      db_.exec("ROLLBACK");
    else
      db_.exec(fmt::format("ROLLBACK TO {0}; RELEASE {0}", savepoint));
  };
  try {
    body();
  } catch (...) {
    --depth_;
    rollback();
    throw;
  }
  --depth_;
  if (depth_ > 0) {
    db_.exec("RELEASE " + savepoint);
    return;
  }
  try {
    // Queued full-text index writes go in last, all together (see SqlitePostingStore).
    postings_.flushIndex();
  } catch (...) {
    rollback();
    throw;
  }
  db_.exec("COMMIT");
}

void SqliteStore::backup(const fs::path& to) { backupTo(db_.handle(), to); }

uint64_t SqliteStore::dataVersion() {
  auto st = db_.prepare("PRAGMA data_version");
  st.step();
  return static_cast<uint64_t>(st.integer(0));
}

}  // namespace sqlite
}  // namespace jobfit
