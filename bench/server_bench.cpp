// What one GET /api/episodes?limit=100 costs inside the server, step by step: the store's
// page (baseline, also in episodes_bench), the page rendered with the shared JSON form, and
// the whole request through the route table.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>

#include "server/route.h"
#include "storage/store.h"
#include "worklog/episode_json.h"

namespace {

using namespace jobfit;

struct Database {
  std::filesystem::path path;
  std::unique_ptr<Store> store;
  Database() {
    path = std::filesystem::temp_directory_path() /
           ("jobfit-server-bench-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    store = openSqliteStore(path);
    store->transaction([&] {
      for (int i = 0; i < 10000; ++i) {
        Episode e;
        e.date = Date{date::sys_days{Date{date::year{2023}, date::month{1}, date::day{2}}} +
                      date::days{i / 8}};
        e.start = date::sys_days{e.date} + std::chrono::hours{8 + i % 8};
        e.minutes = 30 + i % 90;
        e.activities = {i % 3 ? "writing" : "meetings"};
        if (i % 7 == 0) e.activities.push_back("planning");
        e.with = i % 3 ? "team" : "";
        e.ratings.happy = i % 7;
        e.ratings.engaged = (i * 3) % 7;
        e.ratings.stressed = (i * 5) % 7;
        e.ratings.energy = i % 5 - 2;
        store->episodes().add(e);
      }
    });
  }
  ~Database() {
    store.reset();
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
};

Database& database() {
  static Database db;
  return db;
}

void BM_StorePage(benchmark::State& state) {
  auto& db = database();
  for (auto _ : state) {
    auto page = db.store->episodes().list({.limit = 100});
    benchmark::DoNotOptimize(page.data());
  }
}
BENCHMARK(BM_StorePage);

void BM_StorePageAsJson(benchmark::State& state) {
  auto& db = database();
  for (auto _ : state) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : db.store->episodes().list({.limit = 100})) out.push_back(toJson(e));
    auto text = out.dump();
    benchmark::DoNotOptimize(text.data());
  }
}
BENCHMARK(BM_StorePageAsJson);

void BM_EpisodesRoute(benchmark::State& state) {
  auto& db = database();
  auto table = server::buildRouteTable();
  auto clock = Clock::fixed(Instant{std::chrono::seconds{1767268800}}, date::locate_zone("UTC"));
  server::ServerFacts facts;
  for (auto _ : state) {
    auto match = table.match(server::Method::get, "/api/episodes");
    server::ApiRequest request(match.params, {{"limit", "100"}}, "",
                               [&]() -> Store& { return *db.store; }, clock, facts);
    auto reply = match.route->handler(request);
    auto text = reply.json ? reply.json->dump() : std::move(reply.raw);
    benchmark::DoNotOptimize(text.data());
  }
}
BENCHMARK(BM_EpisodesRoute);

}  // namespace
