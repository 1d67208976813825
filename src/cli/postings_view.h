// Terminal rendering for postings: listing tables, one posting with its supporting phrases
// highlighted, import reports and the import progress bar.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "cli/context.h"
#include "postings/import.h"
#include "storage/posting_store.h"

namespace jobfit::cli {

// "USD 120,000–150,000 a year"; "" when there is no pay.
std::string formatPay(const std::optional<Pay>& pay);
// The annualised range, "USD 120k–150k/yr"; "" when unknown.
std::string formatAnnualPay(const std::optional<Pay>& pay);

void printPostingTable(Context& ctx, const std::vector<PostingSummary>& postings);
void printSearchHits(Context& ctx, const std::vector<SearchHit>& hits);
// The whole analysis, readable, each fact with its phrases; the analysed text follows with
// every supporting phrase marked (bold on a colour terminal, [[...]] otherwise).
void printPosting(Context& ctx, const StoredPosting& sp, const ActivityCatalog& catalog);
// Marks the spans in text: ANSI bold when colour is on, [[...]] otherwise.
std::string highlight(const std::string& text, std::vector<std::pair<size_t, size_t>> spans,
                      bool color);

// "name: 3 new, ..." on stdout and every kept rejection on stderr.
void printImportReport(Context& ctx, const std::string& name, const PostingImportReport& report);

// A one-line progress bar on stdout, shown only on a terminal and only once an import has
// passed a few hundred records; cleared when done.
class ProgressBar {
 public:
  // totalBytes < 0 when the input's size is unknown.
  ProgressBar(Context& ctx, std::string label, int64_t totalBytes);
  ~ProgressBar();
  void update(const PostingImportProgress& progress);
  void finish();

 private:
  Context& ctx_;
  std::string label_;
  int64_t totalBytes_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, lastDraw_;
};

}  // namespace jobfit::cli
