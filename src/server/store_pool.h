// Database connections for the server's worker threads. A Store (one SQLite connection) is not
// thread-safe, so each request borrows one for its duration; the pool grows to the number of
// requests running at once. SQLite in WAL mode lets readers run in parallel, and writers
// serialize inside SQLite (BEGIN IMMEDIATE with a busy timeout). One more connection, never
// lent, tells when the data has changed.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/store.h"

namespace jobfit::server {

class StorePool {
 public:
  // Opens the first connection now, so that a database that cannot be opened or migrated
  // stops the server before it listens.
  StorePool(std::filesystem::path path, Instant now);

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<Store> store) : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Store& operator*() const { return *store_; }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  Lease acquire();
  // The database's data version as seen by a connection of its own that never writes: it
  // grows whenever anything commits, through this pool or any other connection or process.
  uint64_t dataVersion();
  const std::filesystem::path& path() const { return path_; }
  // Connections opened so far.
  size_t opened() const;

 private:
  void giveBack(std::unique_ptr<Store> store);

  std::filesystem::path path_;
  Instant openedAt_;
  mutable std::mutex mutex_;
  // Connections are opened one at a time: many opening at once contend for SQLite's locks and
  // back off in its busy handler for up to a second.
  std::mutex opening_;
  std::vector<std::unique_ptr<Store>> idle_;
  size_t opened_ = 0;
  std::mutex watching_;
  std::unique_ptr<Store> watcher_;  // only asked for the data version, never lent
};

}  // namespace jobfit::server
