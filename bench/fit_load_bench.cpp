// Fit at scale, on a stored database of 1,000,000 postings:
//  - loading the features of every posting into the ranking index (loadRankingIndex), beside
//    a bare SELECT stepping the same rows and columns in the same run (the SQLite floor), and
//    the same bare pass over the normalised tables it read before the compact table;
//  - the whole rank operation of `jobfit rank` (rankStored: profile, index, rank, fit of the
//    top 20, appeal flags), without and with a full-text query.
//
// The database is built once and cached: build/bench-data/fit-<N>.db (JOBFIT_BENCH_FIT_DB
// overrides the path, JOBFIT_BENCH_FIT_POSTINGS the count, 1,000,000 by default). It holds the
// demo's person (six weeks of rated episodes, check-ins, applications) with values and
// constraints, and N postings: the demo's posting texts lengthened to the size of real
// postings (about 3.6 KB), read by the real analyzer, then written through Store::restore in
// transactions of 20,000 with their value signals, each copy with its own company and pay.
// Building it takes minutes; later runs open it. The cold figures (a fresh process, and after
// dropping the page cache) are taken with the CLI on the same file: docs/fit.md.
//
//   build/bench/jobfit_bench --benchmark_filter='FitLoad|FitRank'
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "demo/demo.h"
#include "fit/person.h"
#include "fit/profile_settings.h"
#include "fit/rank_ops.h"
#include "postings/analyze.h"
#include "postings/formats.h"
#include "fit/value_signals.h"
#include "storage/sqlite/feature_sql.h"
#include "storage/store.h"

namespace {

using namespace jobfit;
namespace fs = std::filesystem;

const int kPostings = [] {
  const char* env = std::getenv("JOBFIT_BENCH_FIT_POSTINGS");
  return env && std::atoi(env) > 0 ? std::atoi(env) : 1'000'000;
}();
constexpr int kTemplates = 4000;
constexpr int kBatch = 20'000;
const Instant kNow = Instant{std::chrono::seconds{1773421200}};  // 2026-03-13T17:00:00Z

fs::path dbPath() {
  if (const char* env = std::getenv("JOBFIT_BENCH_FIT_DB"); env && *env) return env;
  return fs::path(JOBFIT_BINARY_DIR) / "bench-data" / fmt::format("fit-{}.db", kPostings);
}

// Paragraphs of our own that real postings carry around the duties: about the company,
// benefits (some of them value signals), equal opportunity, how to apply, and filler.
const std::vector<std::string> kAbout = {
    "We are a team of {n} people building tools that people rely on every day. We grew out of "
    "a small studio and still work like one: few layers, short paths, and a lot of trust.",
    "Founded {n} years ago, we serve customers in more than thirty countries. Our offices are "
    "small and our teams are close to the customers they build for.",
    "We are an established company with a long record of steady growth and a culture that "
    "values craft, candour and care for one another.",
    "We are an early-stage startup backed by investors who share our long view. Things change "
    "quickly here and you will shape how we work.",
};
const std::vector<std::string> kBenefits = {
    "A mentorship program that pairs every new colleague with an experienced one.",
    "A yearly learning budget for courses, books and conferences.",
    "Professional development time every Friday afternoon.",
    "A company pension plan with matched contributions.",
    "Flexible hours around core hours from eleven to three.",
    "We care about work-life balance and do not expect replies after hours.",
    "Thirty days of paid holiday plus public holidays.",
    "Health insurance for you and your family.",
    "A fast-paced environment where priorities can shift within a week.",
    "High pressure around quarterly releases.",
    "Wellbeing support, including counselling sessions.",
    "Our mission is to make healthcare simpler for patients and their families.",
    "We are an industry-leading team with world-class customers.",
    "A collaborative, cross-functional team that ships together.",
    "Parental leave beyond the legal minimum.",
    "A bicycle lease and a public transport pass.",
};
const std::vector<std::string> kClosing = {
    "We welcome applications from people of every background, age, gender, religion, "
    "disability and origin. If you need any adjustment during the process, tell us and we "
    "will make it.",
    "We are an equal opportunity employer and value diversity at our company. We do not "
    "discriminate on any basis protected by law.",
};
const std::vector<std::string> kNouns = {
    "customers", "product", "platform", "roadmap", "quality", "process", "teams", "partners",
    "tools", "service", "results", "ideas", "systems", "users", "data", "releases", "market",
    "workflow", "feedback", "standards", "growth", "region", "practices", "projects"};
const std::vector<std::string> kVerbs = {
    "shape", "improve", "support", "care about", "simplify", "connect", "strengthen", "review",
    "measure", "deliver", "explain", "share", "rethink", "sustain"};
const std::vector<std::string> kAdjectives = {
    "better", "clearer", "reliable", "modern", "thoughtful", "lasting", "practical", "honest",
    "open", "careful", "ambitious", "shared", "simple", "durable"};

template <typename T>
const T& pick(std::mt19937_64& rng, const std::vector<T>& list) {
  return list[rng() % list.size()];
}

std::string withNumber(std::string text, std::mt19937_64& rng) {
  auto at = text.find("{n}");
  if (at != std::string::npos) text.replace(at, 3, std::to_string(20 + rng() % 400));
  return text;
}

// The demo's description lengthened with the paragraphs above to a length drawn around the
// corpus mean (about 3,600 characters).
std::string lengthen(const std::string& description, std::mt19937_64& rng) {
  std::string text = withNumber(pick(rng, kAbout), rng) + "\n\n" + description + "\nWhat we offer:\n";
  for (size_t i = 0, n = 3 + rng() % 5; i < n; ++i) text += "- " + pick(rng, kBenefits) + "\n";
  std::lognormal_distribution<double> length(std::log(3300.0), 0.4);
  size_t target = static_cast<size_t>(std::clamp(length(rng), 1200.0, 12000.0));
  text += "\nAbout the team:\n";
  while (text.size() + 300 < target)
    text += fmt::format("Together we {} {} {} for our {}. ", pick(rng, kVerbs), pick(rng, kAdjectives),
                        pick(rng, kNouns), pick(rng, kNouns));
  text += "\n\n" + pick(rng, kClosing) + "\n";
  return text;
}

std::string companyName(std::mt19937_64& rng) {
  static const std::vector<std::string> first = {
      "North", "Silver", "Blue", "Amber", "Cedar", "Harbor", "Granite", "Lumen", "Iron", "Willow",
      "Bright", "Stone", "Maple", "River", "Summit", "Copper", "Falcon", "Juniper", "Orchid", "Atlas"};
  static const std::vector<std::string> second = {
      "field", "gate", "works", "line", "point", "crest", "wave", "stone", "light", "bridge",
      "path", "forge", "leaf", "peak", "side", "mark"};
  static const std::vector<std::string> kind = {
      "Software", "Health", "Logistics", "Energy", "Bank", "Media", "Labs", "Retail", "Foods",
      "Insurance", "Robotics", "Consulting", "Learning", "Games", "Travel", "Analytics"};
  return fmt::format("{}{} {} {}", pick(rng, first), pick(rng, second), pick(rng, kind), rng() % 5000);
}

// The demo's posting texts, lengthened and analysed, with their value signals.
struct Template {
  Posting posting;
  std::array<float, kValueCount> signals{};
};

std::vector<Template> templates(Date today) {
  std::vector<PostingInput> inputs;
  std::istringstream lines(demoPostingsJsonl(7, today, kTemplates));
  readPostings(lines, "templates.jsonl", InputFormat::jsonl, {},
               RecordSink{[&](PostingInput&& r) { inputs.push_back(std::move(r)); },
                          [](const std::string&, const std::string&) {}});
  std::mt19937_64 rng(11);
  std::vector<Template> out;
  for (auto& in : inputs) {
    in.description = lengthen(in.description, rng);
    Template t;
    t.posting = PostingAnalyzer::shared().analyze(in);
    t.signals = valueSignals(t.posting).signal;
    out.push_back(std::move(t));
  }
  return out;
}

void removeDb(const fs::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

void build(const fs::path& path) {
  fs::create_directories(path.parent_path());
  fs::path partial = path.string() + ".partial";
  removeDb(partial);
  {
    auto store = openSqliteStore(partial);
    Clock clock = Clock::fixed(kNow, date::locate_zone("Europe/Berlin"));
    writeDemo(*store, clock);
    setValues(*store, {"learning=3", "time_and_health=4", "pay=2", "autonomy=2", "people=1",
                       "target_pay=80000"});
    setConstraints(*store, {"min_pay=45000", "currency=EUR", "period=year",
                            "work_modes=remote,hybrid", "max_travel=0.3", "on_call=no"});
    auto shapes = templates(clock.today());
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> unit(0, 1);
    for (int start = 0; start < kPostings; start += kBatch) {
      store->transaction([&] {
        for (int i = start; i < std::min(kPostings, start + kBatch); ++i) {
          const Template& t = shapes[static_cast<size_t>(i) % shapes.size()];
          StoredPosting sp;
          sp.posting = t.posting;
          Posting& p = sp.posting;
          p.source = "bench";
          p.sourceId = std::to_string(i);
          p.company = companyName(rng);
          if (p.pay) {
            double scale = 0.85 + 0.3 * unit(rng);
            for (auto* v : {&p.pay->min, &p.pay->max, &p.pay->annualMin, &p.pay->annualMax})
              if (*v) **v = std::round(**v * scale);
          }
          sp.firstSeen = sp.lastSeen = kNow - std::chrono::seconds(rng() % (86400 * 60));
          int64_t id = store->postings().restore(sp);
          store->fit().setValueSignals(id, t.signals);
        }
      });
    }
    // A dozen rated postings, for the appeal flags.
    store->transaction([&] {
      for (int i = 0; i < 12; ++i)
        store->fit().setAppeal({101 + i * (kPostings / 12), 1 + (i * 7) % 5, clock.today()});
    });
  }
  fs::rename(partial, path);
}

Store& store() {
  static std::unique_ptr<Store> opened = [] {
    fs::path path = dbPath();
    if (!fs::exists(path)) build(path);
    return openSqliteStore(path);
  }();
  return *opened;
}

void BM_FitLoadRankingIndex(benchmark::State& state) {
  auto& s = store();
  ActivityCatalog catalog = loadCatalog(s);
  size_t loaded = 0;
  double bytes = 0;
  for (auto _ : state) {
    RankingIndex index = loadRankingIndex(s, catalog);
    loaded = index.size();
    bytes = index.bytesPerPosting();
  }
  state.counters["postings"] = static_cast<double>(loaded);
  state.counters["bytes_per_posting"] = bytes;
}
BENCHMARK(BM_FitLoadRankingIndex)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// Steps every row of each statement and reads each column, building nothing.
template <typename Queries>
void stepAll(benchmark::State& state, const Queries& queries) {
  store();
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(dbPath().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    state.SkipWithError("cannot open the bench database");
    return;
  }
  size_t rows = 0;
  for (auto _ : state) {
    rows = 0;
    for (const char* sql : queries) {
      sqlite3_stmt* st = nullptr;
      sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
      int columns = sqlite3_column_count(st);
      double sum = 0;
      while (sqlite3_step(st) == SQLITE_ROW) {
        // Each column read as what it holds (asking a number for its bytes would format it).
        for (int c = 0; c < columns; ++c) switch (sqlite3_column_type(st, c)) {
            case SQLITE_INTEGER: sum += static_cast<double>(sqlite3_column_int64(st, c)); break;
            case SQLITE_FLOAT: sum += sqlite3_column_double(st, c); break;
            case SQLITE_TEXT: sum += sqlite3_column_bytes(st, c); break;
            default: break;
          }
        ++rows;
      }
      sqlite3_finalize(st);
      benchmark::DoNotOptimize(sum);
    }
  }
  sqlite3_close(db);
  state.counters["rows"] = static_cast<double>(rows);
}

// The floor: the statements the store runs for the features (the compact table and the value
// signals, merged in id order).
void BM_FitLoadBareSelect(benchmark::State& state) { stepAll(state, sqlite::kFeatureQueries); }
BENCHMARK(BM_FitLoadBareSelect)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// What the floor was before the compact table: the same facts from the postings rows (whose
// descriptions come first) and the child tables, as forEachFeatures read them.
void BM_FitLoadBareSelectNormalised(benchmark::State& state) {
  static const std::array<const char*, 4> normalised = {
      "SELECT id, work_mode, employment_type, pay_annual_min, pay_annual_max, pay_currency, "
      "travel_share, on_call FROM postings ORDER BY id",
      "SELECT posting_id, activity, share FROM posting_activities ORDER BY posting_id, position",
      "SELECT posting_id, location FROM posting_locations ORDER BY posting_id, position",
      sqlite::kFeatureQueries[1],
  };
  stepAll(state, normalised);
}
BENCHMARK(BM_FitLoadBareSelectNormalised)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void rankBench(benchmark::State& state, const RankRequest& request) {
  auto& s = store();
  ActivityCatalog catalog = loadCatalog(s);
  RankReport report;
  for (auto _ : state) report = rankStored(s, catalog, request);
  state.counters["considered"] = static_cast<double>(report.total);
  state.counters["eligible"] = static_cast<double>(report.eligible);
  state.counters["shown"] = static_cast<double>(report.ranked.size());
}

void BM_FitRankStored(benchmark::State& state) { rankBench(state, {std::nullopt, 20}); }
BENCHMARK(BM_FitRankStored)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_FitRankStoredQuery(benchmark::State& state) { rankBench(state, {"analyst OR engineer", 20}); }
BENCHMARK(BM_FitRankStoredQuery)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace
