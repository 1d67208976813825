// Storage of analysed postings: de-duplicating upsert, listing, BM25 full-text search with
// filters on the extracted facts, and a streaming read of the facts ranking needs.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "fit/profile.h"
#include "postings/posting.h"

namespace jobfit {

// A posting as stored: the posting itself and when imports saw it.
struct StoredPosting {
  Posting posting;
  Instant firstSeen{}, lastSeen{};
  bool operator==(const StoredPosting&) const = default;
};

enum class UpsertOutcome { added, updated, unchanged };

struct UpsertResult {
  int64_t id = 0;
  UpsertOutcome outcome = UpsertOutcome::added;
};

// Filters on extracted facts; an unset field does not filter.
struct PostingFilter {
  std::optional<WorkMode> workMode;
  // Keeps postings whose annualised pay reaches this figure (the top of the range, or the only
  // figure stated); postings without pay are left out when it is set.
  std::optional<double> minAnnualPay;
  std::optional<std::string> currency;  // ISO 4217
  std::optional<EmploymentType> employmentType;
  std::optional<Seniority> seniority;
  bool noOnCall = false;
  std::optional<double> maxTravel;  // 0-1; postings that state no travel pass
};

struct PostingQuery {
  PostingFilter filter;
  std::optional<int> limit;
  int offset = 0;
};

// What a listing shows of a posting, read without its evidence.
struct PostingSummary {
  int64_t id = 0;
  std::string title, company;
  std::vector<std::string> locations;
  WorkMode workMode = WorkMode::unknown;
  EmploymentType employmentType = EmploymentType::unknown;
  Seniority seniority = Seniority::unknown;
  std::optional<Pay> pay;  // without evidence
  std::string source, url, postedDate;
  Instant firstSeen{}, lastSeen{};
};

struct SearchHit {
  PostingSummary posting;
  double score = 0;     // BM25, larger is better
  std::string snippet;  // a piece of the description around the matched words
  std::vector<std::pair<size_t, size_t>> highlights;  // byte ranges of the matches in snippet
};

// The facts a fit ranking reads of one posting, streamed without the texts. The views are
// valid only during the visit.
struct PostingFeatures {
  int64_t id = 0;
  WorkMode workMode = WorkMode::unknown;
  EmploymentType employmentType = EmploymentType::unknown;
  std::optional<double> annualMin, annualMax;
  std::string_view currency;  // empty when no pay is stated
  std::optional<double> travelShare;
  bool onCall = false;
  std::string_view locations;  // joined with "; "
  std::span<const std::pair<std::string_view, float>> activities;  // activity id, share
  // Value signals (src/fit/value_signals.h) in kValueNames order; empty when not computed.
  std::span<const float> valueSignals;
};

class PostingStore {
 public:
  virtual ~PostingStore() = default;
  // Stores p, or updates the posting it duplicates (same source and source id, same canonical
  // URL, or same normalised company + title + location; see docs/postings-store.md). The same
  // content again (whatever its keys) is unchanged and only moves last_seen. Call inside
  // Store::transaction. The posting's value signals (src/fit/value_signals.h), when given, are
  // stored with it (an unchanged posting keeps those it has).
  virtual UpsertResult upsert(const Posting& p, Instant seenAt,
                              const std::array<float, kValueCount>* valueSignals = nullptr) = 0;
  // Writes a posting exactly as given, keeping its id when non-zero (archive import).
  // Returns the id.
  virtual int64_t restore(const StoredPosting& p) = 0;
  virtual std::optional<StoredPosting> find(int64_t id) = 0;
  // Throws Error(not_found).
  virtual void remove(int64_t id) = 0;
  // Most recently seen first.
  virtual std::vector<PostingSummary> list(const PostingQuery& query) = 0;
  // Full-text search over title, company, description and skills, best BM25 first.
  // query: words (all must match), "quoted phrases", prefix* and OR between terms.
  virtual std::vector<SearchHit> search(const std::string& query, const PostingQuery& q) = 0;
  // The ids of every posting the query matches, ascending, without ranking or snippets.
  // Throws Error(usage) for a query with no words or that the index cannot read.
  virtual std::set<int64_t> matchingIds(const std::string& query) = 0;
  virtual int64_t count() = 0;
  // Merges the full-text index into one segment (FTS5 'optimize'): an index built batch by
  // batch is left in many segments, which every search then reads side by side. Costs about
  // as much as the index is large; call inside Store::transaction.
  virtual void optimizeIndex() = 0;
  // Every stored posting in id order, one at a time (export).
  virtual void forEach(const std::function<void(const StoredPosting&)>& visit) = 0;
  // The ranking features of every posting (or of those in `only`, when given) in id order,
  // streamed in one ordered pass over a compact table (docs/postings-store.md).
  virtual void forEachFeatures(const std::set<int64_t>* only,
                               const std::function<void(const PostingFeatures&)>& visit) = 0;
};

// The URL with the scheme and host lower-cased, the fragment, tracking parameters (utm_*,
// gh_src, lever-source and the like) and a trailing slash removed; empty for an empty URL.
std::string canonicalUrl(std::string_view url);
// Normalised company + title + first location, or empty when company or title is missing.
std::string identityKey(const Posting& p);
// A stable 64-bit hash of everything the posting says (not its id), to detect changes.
uint64_t contentHash(const Posting& p);

}  // namespace jobfit
