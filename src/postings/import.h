// The import pipeline: records stream from a reader through the analysis into the store,
// a batch per transaction. A record that cannot be read, analysed or stored is rejected (with
// where and why) and the import goes on: a batch in which a posting fails to store is rolled
// back and written again with a savepoint per posting. A killed import loses at most the open
// batch, never part of a posting. Memory is bounded by the batch size,
// whatever the size of the input.
#pragma once

#include <cstdint>
#include <array>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "postings/formats.h"
#include "storage/store.h"

namespace jobfit {

struct PostingRejection {
  std::string where;  // "line 12", "jobs[3]", "record 7 (\"Data Analyst\")"
  std::string why;
};

struct PostingImportReport {
  int64_t added = 0, updated = 0, unchanged = 0, rejected = 0;
  // The first rejections (kKeptRejections at most; `rejected` counts them all).
  std::vector<PostingRejection> rejections;
  int64_t records() const { return added + updated + unchanged + rejected; }
  // "3 new, 1 updated, 0 unchanged, 1 rejected"
  std::string summary() const;
  PostingImportReport& operator+=(const PostingImportReport& other);
};

inline constexpr size_t kKeptRejections = 1000;

struct PostingImportProgress {
  int64_t records = 0;     // records read so far
  int64_t bytesRead = -1;  // position in the input, or -1 when unknown (a pipe)
};

struct PostingImportOptions {
  InputFormat format = InputFormat::detect;
  ColumnMapping mapping;
  // Company for records that name none (a board's JSON often does not).
  std::string defaultCompany;
  // Postings per transaction.
  size_t batchSize = 512;
  // Called after every batch is committed.
  std::function<void(const PostingImportProgress&)> progress;
  // Called for every posting stored, with its id and what happened.
  std::function<void(const Posting&, const UpsertResult&)> stored;
};

// The pipeline after reading: analyses each record, validates it and upserts it in batches.
// importPostings feeds it from a reader; benchmarks and pulls may feed it directly.
class PostingImporter {
 public:
  PostingImporter(Store& store, const PostingImportOptions& options, Instant seenAt);
  PostingImporter(const PostingImporter&) = delete;
  PostingImporter& operator=(const PostingImporter&) = delete;
  // Where progress reports read the input's position from (optional).
  void trackPosition(std::istream* in) { input_ = in; }
  // Analyses and queues a record; writes the batch when it is full.
  void add(PostingInput&& input);
  // Counts a record the reader could not read.
  void reject(std::string where, std::string why);
  // Writes what is queued and returns the report. An import that at least doubled the
  // number of stored postings then merges the search index into one segment (so each
  // merge costs at most about what the postings it follows cost to index).
  PostingImportReport finish();

 private:
  struct Pending {
    std::string where;
    Posting posting;
    std::array<float, kValueCount> valueSignals;  // stored with the posting
  };
  void flush();

  Store& store_;
  const PostingImportOptions& options_;
  Instant seenAt_;
  std::istream* input_ = nullptr;
  std::vector<Pending> batch_;
  int64_t storedBefore_ = 0;  // postings in the store when the import began
  int64_t records_ = 0;
  PostingImportReport report_;
};

// Reads every record of `in` (`name` is the file name or URL, for format detection and
// messages), analyses it and upserts it, seen at `seenAt`. Throws only when the input as a
// whole cannot be read or the database fails; batches committed before that stay.
PostingImportReport importPostings(Store& store, std::istream& in, std::string_view name,
                                   const PostingImportOptions& options, Instant seenAt);

// Adding one input (a pasted text, a page, a file): every posting it holds, as stored.
struct AddedPosting {
  int64_t id = 0;
  UpsertOutcome outcome = UpsertOutcome::added;
  std::string title, company;
};
struct PostingAddResult {
  std::vector<AddedPosting> stored;
  PostingImportReport report;
};

// Imports what one input holds (`jobfit posting add`, POST /api/postings). Throws
// Error(invalid) naming "from" when it holds no posting or none could be stored; the report's
// rejections say why.
PostingAddResult addPostings(Store& store, std::istream& in, std::string_view name,
                             InputFormat format, Instant seenAt);

// Reading and analysing without storing (`jobfit posting analyze`, POST /api/postings/analyze).
struct AnalyzedPostings {
  std::vector<Posting> postings;
  std::vector<PostingRejection> rejections;  // records that could not be read or analysed
};
// Throws Error(invalid) naming "from" when not one posting could be read and analysed.
AnalyzedPostings analyzePostings(std::istream& in, std::string_view name, InputFormat format,
                                 const ColumnMapping& mapping = {});

// Throws Error(invalid) when an analysed posting cannot be stored as it is (no title and no
// text, shares or spans out of range).
void validatePosting(const Posting& p);

}  // namespace jobfit
