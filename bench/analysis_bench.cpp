// Posting analysis throughput on one thread, on the real descriptions of ../shared/corpus
// (JOBFIT_CORPUS overrides the folder), beside a raw Hyperscan scan of the same lexicons in
// the same run: the scan alone is the floor every analysis pays, the rest is what reading
// the matches (pay, travel, seniority, activities...) costs on top. Without the corpus both
// benchmarks skip, saying so; they never fall back to made-up text.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "postings/analysis/lexicon.h"
#include "postings/analyze.h"
#include "postings/formats.h"

namespace {

using namespace jobfit;
namespace fs = std::filesystem;

fs::path analysisCorpusDir() {
  if (const char* env = std::getenv("JOBFIT_CORPUS"); env && *env)
    return fs::exists(fs::path(env) / "gjobs_postings.csv") ? fs::path(env) : fs::path();
  for (const char* up : {"../shared/corpus", "../../shared/corpus"}) {
    auto dir = fs::path(JOBFIT_SOURCE_DIR) / up;
    if (fs::exists(dir / "gjobs_postings.csv")) return dir;
  }
  return {};
}

// All records of the three corpus files, and the text the analysis reads for each.
struct Corpus {
  std::vector<PostingInput> inputs;
  std::vector<std::string> texts;
  size_t bytes = 0;
};

const Corpus& analysisCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    auto dir = analysisCorpusDir();
    if (dir.empty()) return c;
    for (const char* name : {"gjobs_postings.csv", "glassdoor_jobs.csv", "uncleaned_ds_jobs.csv"}) {
      std::ifstream in(dir / name, std::ios::binary);
      RecordSink sink;
      sink.accept = [&](PostingInput&& r) { c.inputs.push_back(std::move(r)); };
      sink.reject = [](const std::string&, const std::string&) {};
      readPostings(in, name, InputFormat::csv, {}, sink);
    }
    // The same bytes the analysis scans: title, a line break, description and hint lines.
    for (const auto& in : c.inputs) {
      Posting p = PostingAnalyzer::shared().analyze(in);
      c.texts.push_back(p.title + "\n" + p.description);
      c.bytes += c.texts.back().size();
    }
    return c;
  }();
  return corpus;
}

bool skipWithoutCorpus(benchmark::State& state) {
  if (!analysisCorpus().inputs.empty()) return false;
  state.SkipWithError("../shared/corpus is absent (set JOBFIT_CORPUS): nothing real to measure");
  return true;
}

// Baseline: one Hyperscan pass of every lexicon phrase over each text, counting matches.
void BM_RawLexiconScan(benchmark::State& state) {
  if (skipWithoutCorpus(state)) return;
  static const analysis::Lexicon lexicon;
  const auto& c = analysisCorpus();
  size_t matches = 0;
  for (auto _ : state) {
    for (const auto& t : c.texts) matches += lexicon.countMatches(t);
  }
  benchmark::DoNotOptimize(matches);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["postings"] = static_cast<double>(c.texts.size());
}
BENCHMARK(BM_RawLexiconScan)->Unit(benchmark::kMillisecond);

// The whole analysis: scan, then every fact with its evidence, into a Posting.
void BM_AnalyzePostings(benchmark::State& state) {
  if (skipWithoutCorpus(state)) return;
  const auto& analyzer = PostingAnalyzer::shared();
  const auto& c = analysisCorpus();
  size_t facts = 0;
  for (auto _ : state) {
    for (const auto& in : c.inputs) facts += analyzer.analyze(in).activities.size();
  }
  benchmark::DoNotOptimize(facts);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["postings/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * c.inputs.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyzePostings)->Unit(benchmark::kMillisecond);

}  // namespace
