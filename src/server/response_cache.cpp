#include "server/response_cache.h"

#include <optional>

#include <fmt/format.h>

namespace jobfit::server {

namespace {

// What an answer costs beyond its body and key (the node, the index entry, the headers).
constexpr std::size_t kOverhead = 256;

std::size_t cost(const std::string& key, const CachedReply& reply) {
  std::size_t n = key.size() + reply.body.size() + reply.etag.size() + kOverhead;
  for (const auto& [k, v] : reply.headers) n += k.size() + v.size();
  return n;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view withoutWeak(std::string_view tag) {
  return tag.starts_with("W/") ? tag.substr(2) : tag;
}

}  // namespace

std::string entityTag(std::string_view contentType, std::string_view body) {
  std::hash<std::string_view> hash;
  uint64_t h = hash(body) ^ (hash(contentType) * 0x9e3779b97f4a7c15ULL);
  return fmt::format("\"{:016x}-{:x}\"", h, body.size());
}

bool etagMatches(std::string_view ifNoneMatch, std::string_view etag) {
  if (etag.empty()) return false;
  auto want = withoutWeak(etag);
  while (!ifNoneMatch.empty()) {
    auto comma = ifNoneMatch.find(',');
    auto tag = trim(ifNoneMatch.substr(0, comma));
    if (tag == "*" || withoutWeak(tag) == want) return true;
    if (comma == std::string_view::npos) break;
    ifNoneMatch.remove_prefix(comma + 1);
  }
  return false;
}

std::string requestKey(std::string_view path,
                       const std::multimap<std::string, std::string>& query) {
  std::string key(path);
  for (const auto& [name, value] : query)
    fmt::format_to(std::back_inserter(key), "\n{}:{}{}:{}", name.size(), name, value.size(), value);
  return key;
}

ResponseCache::ResponseCache(std::size_t maxBytes) : maxBytes_(maxBytes) {}

ResponseCache::Ptr ResponseCache::get(const std::string& key, uint64_t version,
                                      const std::function<Ptr()>& make) {
  std::pair<uint64_t, std::string> pendingKey;
  std::optional<std::promise<Ptr>> promise;  // made only when this caller computes
  {
    std::unique_lock lock(mutex_);
    if (version < version_) {
      lock.unlock();
      return make();
    }
    if (version > version_) {
      clear();
      version_ = version;
    }
    if (auto found = find(key)) return found;
    pendingKey = {version, key};
    if (auto it = pending_.find(pendingKey); it != pending_.end()) {
      auto computing = it->second;
      lock.unlock();
      return computing.get();
    }
    promise.emplace();
    pending_.emplace(pendingKey, promise->get_future().share());
  }
  Ptr reply;
  try {
    reply = make();
  } catch (...) {
    std::lock_guard lock(mutex_);
    promise->set_exception(std::current_exception());
    pending_.erase(pendingKey);
    throw;
  }
  std::lock_guard lock(mutex_);
  promise->set_value(reply);
  pending_.erase(pendingKey);
  if (reply && reply->keep && version == version_) keep(key, reply);
  return reply;
}

ResponseCache::Ptr ResponseCache::find(const std::string& key) {
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->reply;
}

void ResponseCache::keep(const std::string& key, Ptr reply) {
  std::size_t n = cost(key, *reply);
  if (n > maxBytes_ / 8) return;
  if (auto it = index_.find(key); it != index_.end()) {
    auto old = it->second;
    index_.erase(it);
    bytes_ -= cost(old->key, *old->reply);
    order_.erase(old);
  }
  order_.push_front({key, std::move(reply)});
  index_.emplace(order_.front().key, order_.begin());
  bytes_ += n;
  while (bytes_ > maxBytes_) {
    auto& last = order_.back();
    bytes_ -= cost(last.key, *last.reply);
    index_.erase(last.key);
    order_.pop_back();
  }
}

void ResponseCache::clear() {
  index_.clear();
  order_.clear();
  bytes_ = 0;
}

std::size_t ResponseCache::size() const {
  std::lock_guard lock(mutex_);
  return order_.size();
}

std::size_t ResponseCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace jobfit::server
