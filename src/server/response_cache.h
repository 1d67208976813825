// Answers of read-only routes, kept while the data they were computed from is current. A route
// declares in the route table whether its answer may be kept (Route::cache); the server keys
// each answer on the request (path and query) plus, for routes that depend on it, today's
// date, and files it under the database's data version (StorePool::dataVersion), read before
// the answer is computed. When anything commits, the version moves on and every kept answer
// is dropped. Callers asking for the same answer at once wait for one computation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace jobfit::server {

// One finished answer, as sent.
struct CachedReply {
  int status = 200;
  std::string body;
  std::string contentType;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string etag;   // "\"...\"", from the body; set on a 200 answer
  bool keep = false;  // whether it may be reused (a 200 answer that depends only on its key)
};

// The entity tag of a body: a hash of its bytes and their count, quoted.
std::string entityTag(std::string_view contentType, std::string_view body);
// Whether an If-None-Match header names etag (or is "*"); weak tags compare by their value.
bool etagMatches(std::string_view ifNoneMatch, std::string_view etag);
// The cache key of a request: its path and every query parameter (names and values, in the
// order the multimap holds them), unambiguous whatever they contain.
std::string requestKey(std::string_view path, const std::multimap<std::string, std::string>& query);

class ResponseCache {
 public:
  using Ptr = std::shared_ptr<const CachedReply>;

  // Keeps answers up to maxBytes in all (least recently used go first); a single answer larger
  // than an eighth of that is never kept.
  explicit ResponseCache(std::size_t maxBytes = std::size_t{64} << 20);

  // The answer for key at data version `version`: a kept one, or make()'s. While one caller
  // computes an answer, others asking for the same key and version wait for it. A version
  // older than the newest seen is answered by make() alone (the caller read it before a
  // commit others have already seen).
  Ptr get(const std::string& key, uint64_t version, const std::function<Ptr()>& make);

  // Answers kept now, and their bytes.
  std::size_t size() const;
  std::size_t bytes() const;

 private:
  struct Node {
    std::string key;
    Ptr reply;
  };
  Ptr find(const std::string& key);  // with mutex_ held; moves the answer to the front
  void keep(const std::string& key, Ptr reply);  // with mutex_ held
  void clear();                                  // with mutex_ held

  std::size_t maxBytes_;
  mutable std::mutex mutex_;
  uint64_t version_ = 0;  // the newest data version seen; every kept answer is of it
  std::list<Node> order_;  // most recently used first
  std::unordered_map<std::string_view, std::list<Node>::iterator> index_;  // keys point into order_
  std::size_t bytes_ = 0;
  // Answers being computed, by version and key.
  std::map<std::pair<uint64_t, std::string>, std::shared_future<Ptr>> pending_;
};

}  // namespace jobfit::server
