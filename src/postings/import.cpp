#include "postings/import.h"

#include <cmath>

#include <fmt/format.h>

#include "core/error.h"
#include "fit/value_signals.h"
#include "postings/analyze.h"

namespace jobfit {

namespace {

void keep(PostingImportReport& report, std::string where, std::string why) {
  ++report.rejected;
  if (report.rejections.size() < kKeptRejections)
    report.rejections.push_back({std::move(where), std::move(why)});
}

// "record 7 (\"Data Analyst\")": where a record that was read is, for messages.
std::string recordName(int64_t number, const PostingInput& input) {
  std::string label = input.title.empty() ? input.sourceId : input.title;
  if (label.size() > 60) label = label.substr(0, 57) + "...";
  return label.empty() ? fmt::format("record {}", number)
                       : fmt::format("record {} (\"{}\")", number, label);
}

bool inUnitRange(double v) { return std::isfinite(v) && v >= 0 && v <= 1; }

void checkSpans(const std::vector<Span>& spans, std::string_view fact) {
  for (const auto& s : spans)
    if (s.end < s.begin)
      throw Error(ErrorCode::invalid, fmt::format("the evidence for {} has a span that ends "
                                                  "before it begins",
                                                  fact),
                  std::string(fact));
}

}  // namespace

std::string PostingImportReport::summary() const {
  return fmt::format("{} new, {} updated, {} unchanged, {} rejected", added, updated, unchanged,
                     rejected);
}

PostingImportReport& PostingImportReport::operator+=(const PostingImportReport& other) {
  added += other.added;
  updated += other.updated;
  unchanged += other.unchanged;
  rejected += other.rejected;
  for (const auto& r : other.rejections)
    if (rejections.size() < kKeptRejections) rejections.push_back(r);
  return *this;
}

void validatePosting(const Posting& p) {
  if (p.title.empty() && p.description.empty())
    throw Error(ErrorCode::invalid, "it has neither a title nor a description", "title");
  if (p.travelShare && !inUnitRange(*p.travelShare))
    throw Error(ErrorCode::invalid, fmt::format("travel share {} is not between 0 and 1",
                                                *p.travelShare),
                "travel_share");
  if (p.reports && *p.reports < 0)
    throw Error(ErrorCode::invalid, "the number of reports is negative", "reports");
  for (const auto& a : p.activities)
    if (!inUnitRange(a.share))
      throw Error(ErrorCode::invalid,
                  fmt::format("activity {} has share {}, not between 0 and 1", a.activity, a.share),
                  "activities");
  if (p.pay && p.pay->min && p.pay->max && *p.pay->min > *p.pay->max)
    throw Error(ErrorCode::invalid, "the pay's minimum is above its maximum", "pay");
  checkSpans(p.workModeEvidence, "work_mode");
  checkSpans(p.employmentTypeEvidence, "employment_type");
  checkSpans(p.seniorityEvidence, "seniority");
  checkSpans(p.travelEvidence, "travel_share");
  checkSpans(p.skillEvidence, "skills");
  if (p.pay) checkSpans(p.pay->evidence, "pay");
  for (const auto* f : {&p.onCall, &p.shifts, &p.weekends, &p.overtime, &p.managesPeople})
    checkSpans(f->evidence, "schedule");
  for (const auto& a : p.activities) checkSpans(a.evidence, "activities");
}

PostingImporter::PostingImporter(Store& store, const PostingImportOptions& options, Instant seenAt)
    : store_(store), options_(options), seenAt_(seenAt), storedBefore_(store.postings().count()) {
  batch_.reserve(std::max<size_t>(options_.batchSize, 1));
}

void PostingImporter::add(PostingInput&& input) {
  ++records_;
  if (input.company.empty()) input.company = options_.defaultCompany;
  try {
    Posting posting = PostingAnalyzer::shared().analyze(input);
    validatePosting(posting);
    auto signals = valueSignals(posting).signal;
    batch_.push_back({recordName(records_, input), std::move(posting), signals});
  } catch (const Error& e) {
    keep(report_, recordName(records_, input), e.what());
  } catch (const std::exception& e) {
    keep(report_, recordName(records_, input), fmt::format("the analysis failed: {}", e.what()));
  }
  if (batch_.size() >= std::max<size_t>(options_.batchSize, 1)) flush();
}

void PostingImporter::reject(std::string where, std::string why) {
  ++records_;
  keep(report_, std::move(where), std::move(why));
}

void PostingImporter::flush() {
  if (batch_.empty()) return;
  std::vector<UpsertResult> results(batch_.size());
  std::vector<bool> failed(batch_.size(), false);
  try {
    // Fast path: the whole batch in one transaction. No savepoint per posting, because a
    // savepoint makes FTS5 flush its pending terms into a new segment every time.
    store_.transaction([&] {
      for (size_t i = 0; i < batch_.size(); ++i)
        results[i] = store_.postings().upsert(batch_[i].posting, seenAt_, &batch_[i].valueSignals);
    });
  } catch (const Error& e) {
    // A failing database is not a record's fault: stop, keeping the batches before.
    if (e.code() == ErrorCode::io) throw;
    // Some posting could not be stored: nothing of the batch was kept. Do it again, each
    // posting in its own savepoint, so that only the bad ones are left out.
    store_.transaction([&] {
      for (size_t i = 0; i < batch_.size(); ++i) {
        try {
          store_.transaction([&] {
            results[i] = store_.postings().upsert(batch_[i].posting, seenAt_, &batch_[i].valueSignals);
          });
        } catch (const Error& inner) {
          if (inner.code() == ErrorCode::io) throw;
          failed[i] = true;
          keep(report_, std::move(batch_[i].where), inner.what());
        }
      }
    });
  }
  // Counted and told only once committed.
  for (size_t i = 0; i < batch_.size(); ++i) {
    if (failed[i]) continue;
    switch (results[i].outcome) {
      case UpsertOutcome::added: ++report_.added; break;
      case UpsertOutcome::updated: ++report_.updated; break;
      case UpsertOutcome::unchanged: ++report_.unchanged; break;
    }
    if (options_.stored) {
      batch_[i].posting.id = results[i].id;
      options_.stored(batch_[i].posting, results[i]);
    }
  }
  batch_.clear();
  if (options_.progress) {
    PostingImportProgress progress{records_, -1};
    if (input_)
      if (auto at = input_->tellg(); at >= 0) progress.bytesRead = static_cast<int64_t>(at);
    options_.progress(progress);
  }
}

PostingImportReport PostingImporter::finish() {
  flush();
  if (report_.added > 0 && report_.added >= storedBefore_)
    store_.transaction([&] { store_.postings().optimizeIndex(); });
  return report_;
}

PostingImportReport importPostings(Store& store, std::istream& in, std::string_view name,
                                   const PostingImportOptions& options, Instant seenAt) {
  PostingImporter importer(store, options, seenAt);
  importer.trackPosition(&in);
  RecordSink sink;
  sink.accept = [&](PostingInput&& input) { importer.add(std::move(input)); };
  sink.reject = [&](const std::string& where, const std::string& why) {
    importer.reject(where, why);
  };
  readPostings(in, name, options.format, options.mapping, sink);
  return importer.finish();
}

PostingAddResult addPostings(Store& store, std::istream& in, std::string_view name,
                             InputFormat format, Instant seenAt) {
  PostingAddResult result;
  PostingImportOptions options;
  options.format = format;
  options.stored = [&](const Posting& p, const UpsertResult& r) {
    result.stored.push_back({r.id, r.outcome, p.title, p.company});
  };
  result.report = importPostings(store, in, name, options, seenAt);
  if (result.stored.empty()) {
    std::string why = result.report.rejections.empty()
                          ? std::string()
                          : ": " + result.report.rejections.front().why;
    throw Error(ErrorCode::invalid,
                result.report.rejected
                    ? fmt::format("nothing could be added from {}{}", name, why)
                    : fmt::format("{} holds no posting", name),
                "from");
  }
  return result;
}

AnalyzedPostings analyzePostings(std::istream& in, std::string_view name, InputFormat format,
                                 const ColumnMapping& mapping) {
  const auto& analyzer = PostingAnalyzer::shared();
  AnalyzedPostings out;
  int64_t records = 0;
  RecordSink sink;
  sink.accept = [&](PostingInput&& input) {
    ++records;
    try {
      out.postings.push_back(analyzer.analyze(input));
    } catch (const Error& e) {
      out.rejections.push_back({recordName(records, input), e.what()});
    }
  };
  sink.reject = [&](const std::string& where, const std::string& why) {
    ++records;
    out.rejections.push_back({where, why});
  };
  readPostings(in, name, format, mapping, sink);
  if (out.postings.empty())
    throw Error(ErrorCode::invalid,
                fmt::format("{} holds no posting that could be read{}", name,
                            out.rejections.empty() ? "" : ": " + out.rejections.front().why),
                "from");
  return out;
}

}  // namespace jobfit
