// Importing postings into SQLite with the FTS5 index, beside a bare FTS5 insert of the same
// texts in the same run; and search latency over 100,000 stored postings.
//
// The texts are the real descriptions of ../shared/corpus (JOBFIT_CORPUS overrides the
// folder), repeated with distinct ids up to 100,000 postings. Without the corpus every
// benchmark here skips, saying so.
//
//   build/bench/jobfit_bench --benchmark_filter='Postings|Fts5|Search'
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "postings/analyze.h"
#include "postings/formats.h"
#include "postings/import.h"
#include "storage/store.h"

namespace {

using namespace jobfit;
namespace fs = std::filesystem;

// 100,000 unless JOBFIT_BENCH_POSTINGS says otherwise (for quick profiling runs).
const int kPostings = [] {
  const char* env = std::getenv("JOBFIT_BENCH_POSTINGS");
  return env && std::atoi(env) > 0 ? std::atoi(env) : 100'000;
}();

fs::path corpusDir() {
  if (const char* env = std::getenv("JOBFIT_CORPUS"); env && *env) return env;
  for (const char* up : {"../shared/corpus", "../../shared/corpus"}) {
    auto dir = fs::path(JOBFIT_SOURCE_DIR) / up;
    if (fs::exists(dir / "gjobs_postings.csv")) return dir;
  }
  return {};
}

// Every record of the corpus CSV files, read once.
const std::vector<PostingInput>& corpus() {
  static const std::vector<PostingInput> records = [] {
    std::vector<PostingInput> out;
    auto dir = corpusDir();
    if (dir.empty()) return out;
    for (const char* name : {"gjobs_postings.csv", "glassdoor_jobs.csv", "uncleaned_ds_jobs.csv"}) {
      std::ifstream in(dir / name, std::ios::binary);
      RecordSink sink;
      sink.accept = [&](PostingInput&& r) { out.push_back(std::move(r)); };
      sink.reject = [](const std::string&, const std::string&) {};
      readPostings(in, name, InputFormat::csv, {}, sink);
    }
    return out;
  }();
  return records;
}

// The i-th of the 100,000 inputs: the corpus repeated, each copy with its own id.
PostingInput input(size_t i) {
  const auto& c = corpus();
  PostingInput in = c[i % c.size()];
  in.source = "bench";
  in.sourceId = std::to_string(i);
  in.url.clear();
  return in;
}

bool skipWithoutCorpus(benchmark::State& state) {
  if (!corpus().empty()) return false;
  state.SkipWithError("no corpus: ../shared/corpus not found (set JOBFIT_CORPUS); skipped");
  return true;
}

struct TempDb {
  fs::path path;
  explicit TempDb(const std::string& name)
      : path(fs::temp_directory_path() /
             ("jobfit-bench-" + name + "-" + std::to_string(::getpid()) + ".db")) {
    remove();
  }
  ~TempDb() { remove(); }
  void remove() const {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  }
};

const Instant kSeen = Instant{std::chrono::seconds{1773043200}};

// CPU seconds of the whole process (every thread), which a busy machine does not inflate the
// way it does wall time: postings per CPU second is the "one core" figure.
double processCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Postings per second, wall and CPU, as counters beside the run's items_per_second.
void rateCounters(benchmark::State& state, double wallSeconds, double cpuSeconds) {
  state.counters["postings_per_s"] = kPostings / wallSeconds;
  state.counters["postings_per_cpu_s"] = kPostings / cpuSeconds;
}

// The whole pipeline after reading: analysis, validation, upsert with dedupe lookups, child
// rows and the FTS5 index, in batches with a savepoint per posting.
void BM_PostingsImportWithFts(benchmark::State& state) {
  if (skipWithoutCorpus(state)) return;
  for (auto _ : state) {
    state.PauseTiming();
    TempDb db("import");
    auto store = openSqliteStore(db.path);
    std::vector<PostingInput> inputs;
    inputs.reserve(kPostings);
    for (size_t i = 0; i < static_cast<size_t>(kPostings); ++i) inputs.push_back(input(i));
    state.ResumeTiming();
    double cpu = processCpuSeconds();
    auto wall = std::chrono::steady_clock::now();
    PostingImportOptions options;
    PostingImporter importer(*store, options, kSeen);
    for (auto& in : inputs) importer.add(std::move(in));
    auto report = importer.finish();
    rateCounters(state, std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(),
                 processCpuSeconds() - cpu);
    state.PauseTiming();
    if (report.added != kPostings) state.SkipWithError("not every posting was added");
    state.counters["db_MB"] = static_cast<double>(fs::file_size(db.path)) / 1e6;
    store.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * kPostings);
}
BENCHMARK(BM_PostingsImportWithFts)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// Where the time goes (1): the analysis alone, on the same inputs.
void BM_PostingsAnalysisOnly(benchmark::State& state) {
  if (skipWithoutCorpus(state)) return;
  const auto& analyzer = PostingAnalyzer::shared();
  size_t bytes = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < static_cast<size_t>(kPostings); ++i) {
      const auto& in = corpus()[i % corpus().size()];
      auto p = analyzer.analyze(in);
      bytes += in.description.size();
      benchmark::DoNotOptimize(p.activities.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * kPostings);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_PostingsAnalysisOnly)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// Where the time goes (2): storing already analysed postings (dedupe lookups, rows, evidence,
// FTS5), in the same batches as an import.
void BM_PostingsStoreOnly(benchmark::State& state) {
  if (skipWithoutCorpus(state)) return;
  const auto& analyzer = PostingAnalyzer::shared();
  std::vector<Posting> analysed;
  for (const auto& in : corpus()) analysed.push_back(analyzer.analyze(in));
  for (auto _ : state) {
    state.PauseTiming();
    TempDb db("store");
    auto store = openSqliteStore(db.path);
    state.ResumeTiming();
    for (size_t start = 0; start < static_cast<size_t>(kPostings); start += 512) {
      store->transaction([&] {
        for (size_t i = start; i < std::min<size_t>(start + 512, static_cast<size_t>(kPostings)); ++i) {
          Posting p = analysed[i % analysed.size()];
          p.source = "bench";
          p.sourceId = std::to_string(i);
          p.url.clear();
          store->postings().upsert(p, kSeen);
        }
      });
    }
    state.PauseTiming();
    store.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * kPostings);
}
BENCHMARK(BM_PostingsStoreOnly)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// Baseline: the same title, company and description texts into a bare FTS5 table with the
// same tokenizer, one prepared statement, one transaction, nothing else.
void BM_BareFts5Insert(benchmark::State& state) {
  if (skipWithoutCorpus(state)) return;
  for (auto _ : state) {
    state.PauseTiming();
    TempDb db("fts5");
    sqlite3* h = nullptr;
    sqlite3_open(db.path.c_str(), &h);
    sqlite3_exec(h,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE VIRTUAL TABLE t "
                 "USING fts5(title, company, description, skills, tokenize='porter unicode61 "
                 "remove_diacritics 2')",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, "INSERT INTO t (rowid, title, company, description, skills) VALUES "
                       "(?, ?, ?, ?, '')", -1, &st, nullptr);
    state.ResumeTiming();
    double cpu = processCpuSeconds();
    auto wall = std::chrono::steady_clock::now();
    sqlite3_exec(h, "BEGIN", nullptr, nullptr, nullptr);
    for (int i = 0; i < kPostings; ++i) {
      const auto& in = corpus()[static_cast<size_t>(i) % corpus().size()];
      sqlite3_bind_int64(st, 1, i + 1);
      sqlite3_bind_text(st, 2, in.title.data(), static_cast<int>(in.title.size()), SQLITE_STATIC);
      sqlite3_bind_text(st, 3, in.company.data(), static_cast<int>(in.company.size()), SQLITE_STATIC);
      sqlite3_bind_text(st, 4, in.description.data(), static_cast<int>(in.description.size()),
                        SQLITE_STATIC);
      sqlite3_step(st);
      sqlite3_reset(st);
    }
    sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
    rateCounters(state, std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(),
                 processCpuSeconds() - cpu);
    state.PauseTiming();
    sqlite3_finalize(st);
    sqlite3_close(h);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * kPostings);
}
BENCHMARK(BM_BareFts5Insert)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

const TempDb& searchDb() {
  static TempDb db("search");
  return db;
}

// 100,000 stored postings, built once for the search benchmarks.
Store& searchStore() {
  static std::unique_ptr<Store> store = [] {
    auto s = openSqliteStore(searchDb().path);
    PostingImportOptions options;
    PostingImporter importer(*s, options, kSeen);
    for (size_t i = 0; i < static_cast<size_t>(kPostings); ++i) importer.add(input(i));
    importer.finish();
    return s;
  }();
  return *store;
}

struct TypicalQuery {
  const char* text;
  PostingFilter filter;
};

const std::vector<TypicalQuery>& typicalQueries() {
  static const std::vector<TypicalQuery> queries = [] {
    std::vector<TypicalQuery> q = {
        {"data scientist", {}},       {"python", {}},
        {"machine learning", {}},     {"senior data engineer", {}},
        {"tableau", {}},              {"\"project management\"", {}},
        {"healthcare analytics", {}}, {"spark OR hadoop", {}},
        {"statistics phd", {}},       {"sql", {}},
        {"research scientist", {}},   {"deep learn*", {}},
        {"software engineer", {}},    {"nurse", {}},
        {"data analyst remote", {}},
    };
    PostingFilter remote;
    remote.workMode = WorkMode::remote;
    q.push_back({"python", remote});
    PostingFilter paid;
    paid.minAnnualPay = 100000;
    q.push_back({"data analyst", paid});
    return q;
  }();
  return queries;
}

double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, int p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, v.size() * static_cast<size_t>(p) / 100)];
}

// Latency of a first page (20 hits, with summaries and snippets) of typical searches, each
// query run the same number of times: p50/p95/max over all runs (wall clock, and the thread's
// CPU time, which a busy machine does not inflate), and p50/p95 per query on stderr.
void BM_SearchTypicalQueries(benchmark::State& state) {
  if (skipWithoutCorpus(state)) return;
  auto& store = searchStore();
  const auto& queries = typicalQueries();
  std::vector<std::vector<double>> wall(queries.size()), cpu(queries.size());
  size_t i = 0;
  for (auto _ : state) {
    size_t which = i++ % queries.size();
    const auto& q = queries[which];
    PostingQuery query;
    query.filter = q.filter;
    query.limit = 20;
    double cpuStart = threadCpuMs();
    auto start = std::chrono::steady_clock::now();
    auto hits = store.postings().search(q.text, query);
    wall[which].push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    cpu[which].push_back(threadCpuMs() - cpuStart);
    benchmark::DoNotOptimize(hits.data());
  }
  std::vector<double> allWall, allCpu;
  std::fprintf(stderr, "%-28s %9s %9s %9s %9s\n", "query", "p50 ms", "p95 ms", "cpu p50", "cpu p95");
  for (size_t q = 0; q < queries.size(); ++q) {
    if (wall[q].empty()) continue;
    allWall.insert(allWall.end(), wall[q].begin(), wall[q].end());
    allCpu.insert(allCpu.end(), cpu[q].begin(), cpu[q].end());
    std::string label = queries[q].text;
    if (queries[q].filter.workMode) label += " --remote";
    if (queries[q].filter.minAnnualPay) label += " --min-pay";
    std::fprintf(stderr, "%-28s %9.2f %9.2f %9.2f %9.2f\n", label.c_str(), percentile(wall[q], 50),
                 percentile(wall[q], 95), percentile(cpu[q], 50), percentile(cpu[q], 95));
  }
  state.counters["p50_ms"] = percentile(allWall, 50);
  state.counters["p95_ms"] = percentile(allWall, 95);
  state.counters["max_ms"] = percentile(allWall, 100);
  state.counters["cpu_p50_ms"] = percentile(allCpu, 50);
  state.counters["cpu_p95_ms"] = percentile(allCpu, 95);
  state.counters["postings"] = static_cast<double>(store.postings().count());
}
BENCHMARK(BM_SearchTypicalQueries)->Unit(benchmark::kMillisecond)->Iterations(17 * 20);

// Baseline: the bare FTS5 query as FTS5 ranks by itself (bm25 of every match, then the best
// 20): ids only, no filters, no summaries, no snippets.
void BM_SearchBareFts5(benchmark::State& state) {
  if (skipWithoutCorpus(state)) return;
  auto& store = searchStore();
  (void)store;
  sqlite3* h = nullptr;
  sqlite3_open_v2(searchDb().path.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h, "SELECT rowid FROM postings_fts WHERE postings_fts MATCH ? ORDER BY rank "
                     "LIMIT 20", -1, &st, nullptr);
  const char* queries[] = {"\"data\" \"scientist\"", "\"python\"", "\"machine\" \"learning\"",
                           "\"senior\" \"data\" \"engineer\"", "\"tableau\"", "\"sql\""};
  std::vector<double> ms, cpu;
  size_t i = 0;
  for (auto _ : state) {
    double cpuStart = threadCpuMs();
    auto start = std::chrono::steady_clock::now();
    sqlite3_bind_text(st, 1, queries[i++ % 6], -1, SQLITE_STATIC);
    int64_t sum = 0;
    while (sqlite3_step(st) == SQLITE_ROW) sum += sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    cpu.push_back(threadCpuMs() - cpuStart);
    benchmark::DoNotOptimize(sum);
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  state.counters["p50_ms"] = percentile(ms, 50);
  state.counters["p95_ms"] = percentile(ms, 95);
  state.counters["cpu_p50_ms"] = percentile(cpu, 50);
  state.counters["cpu_p95_ms"] = percentile(cpu, 95);
}
BENCHMARK(BM_SearchBareFts5)->Unit(benchmark::kMillisecond)->Iterations(120);

}  // namespace
