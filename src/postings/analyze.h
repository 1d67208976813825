// Analysis: from a record's text to the posting model, every fact with its supporting span.
// All lexicon phrases are matched in one Hyperscan pass over the text.
#pragma once

#include <memory>

#include "postings/posting.h"
#include "worklog/activity.h"

namespace jobfit {

class PostingAnalyzer {
 public:
  // Compiles the lexicons (data/activities.json phrases and the other signal lexicons) once.
  PostingAnalyzer();
  ~PostingAnalyzer();
  PostingAnalyzer(const PostingAnalyzer&) = delete;
  PostingAnalyzer& operator=(const PostingAnalyzer&) = delete;

  // Thread-safe; the same input always gives the same posting.
  Posting analyze(const PostingInput& input) const;

  // The analyzer built once per process.
  static const PostingAnalyzer& shared();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jobfit
