#include "server/store_pool.h"

namespace jobfit::server {

StorePool::StorePool(std::filesystem::path path, Instant now)
    : path_(std::move(path)), openedAt_(now) {
  idle_.push_back(openSqliteStore(path_, StoreOptions{openedAt_}));
  opened_ = 1;
  watcher_ = openSqliteStore(path_, StoreOptions{openedAt_});
}

uint64_t StorePool::dataVersion() {
  std::lock_guard lock(watching_);
  return watcher_->dataVersion();
}

StorePool::Lease::~Lease() {
  if (store_) pool_->giveBack(std::move(store_));
}

StorePool::Lease StorePool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
    ++opened_;
  }
  // Opened outside the lock: the schema is already current, so this only connects.
  try {
    std::lock_guard opening(opening_);
    return Lease(*this, openSqliteStore(path_, StoreOptions{openedAt_}));
  } catch (...) {
    std::lock_guard lock(mutex_);
    --opened_;
    throw;
  }
}

void StorePool::giveBack(std::unique_ptr<Store> store) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
}

size_t StorePool::opened() const {
  std::lock_guard lock(mutex_);
  return opened_;
}

}  // namespace jobfit::server
