// Warms the page cache ahead of a full features pass. The rows of posting_fit_features and
// posting_value_signals sit in pages spread through the whole file (they are written beside
// each posting's text and index), so after a cold start one cursor waits for one page read at
// a time. A few read-only connections of its own, each counting the rows of one slice of the
// id range, keep several reads in flight; the pass then finds the pages in memory. Nothing
// they read is kept, a connection that fails only leaves its slice cold, and when the pass
// is done the readers stop where they are (the pass never waits for them).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace jobfit::sqlite {

class FeaturePrefetch {
 public:
  // Starts `threads` readers over ids lo..hi of the database file at path.
  FeaturePrefetch(const std::string& path, int64_t lo, int64_t hi, int threads);
  ~FeaturePrefetch();  // stops the readers where they are and waits for them
  FeaturePrefetch(const FeaturePrefetch&) = delete;
  FeaturePrefetch& operator=(const FeaturePrefetch&) = delete;

 private:
  std::atomic<bool> stop_{false};
  std::vector<std::thread> readers_;
};

}  // namespace jobfit::sqlite
