// Kill an import at a random moment: the database must open, pass integrity_check, and hold
// either none or all of that import.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "storage/sqlite/sqlite_store.h"
#include "support/cli.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

std::string bigExport(int episodes) {
  json doc{{"format", "jobfit-export"}, {"version", 1}, {"activities", json::array()},
           {"episodes", json::array()}, {"settings", json::object()}};
  const char* acts[] = {"writing", "meetings", "analysis", "managing-people", "selling"};
  for (int i = 0; i < episodes; ++i) {
    json e{{"id", 1000 + i},
           {"start", nullptr},
           {"date", fmt::format("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28)},
           {"minutes", 15 + i % 200},
           {"activities", json::array({acts[i % 5]})},
           {"happy", i % 7},
           {"stressed", (i / 7) % 7},
           {"note", fmt::format("episode {} of the crash test", i)}};
    doc["episodes"].push_back(e);
  }
  return doc.dump();
}

int64_t countEpisodes(const std::filesystem::path& db) {
  auto store = openSqliteStore(db);
  auto& conn = static_cast<sqlite::SqliteStore&>(*store).connection();
  auto check = conn.prepare("PRAGMA integrity_check");
  EXPECT_TRUE(check.step());
  EXPECT_EQ(check.text(0), "ok");
  return store->episodes().count();
}

TEST(Crash, KilledImportLeavesNoneOrAll) {
  constexpr int kEpisodes = 20000;
  TempDir dir;
  auto file = dir / "big.json";
  writeFile(file, bigExport(kEpisodes));
  std::mt19937 rng(std::random_device{}());
  // Time one whole import, then kill others at random moments across that span.
  int fullMs = 0;
  {
    Jobfit jf;
    auto t0 = std::chrono::steady_clock::now();
    jf.ok({"import", file.string()});
    fullMs = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::steady_clock::now() - t0)
                                  .count());
  }
  int sawNone = 0, sawAll = 0;
  for (int round = 0; round < 10; ++round) {
    Jobfit jf;
    jf.ok({"log", "1h", "writing", "--date", "2026-03-01"});  // the database exists beforehand
    auto env = jf.env;
    int pid = spawnJobfit({"import", file.string()}, env, jf.dir() / "out.txt");
    ASSERT_GT(pid, 0);
    std::uniform_int_distribution<int> delay(fullMs / 3, fullMs * 5 / 4);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    int64_t n = countEpisodes(jf.db());
    EXPECT_TRUE(n == 1 || n == 1 + kEpisodes) << "found " << n << " episodes";
    (n == 1 ? sawNone : sawAll)++;
  }
  std::cout << "[crash] full import " << fullMs << " ms; rounds ending with none of the import: " << sawNone
            << ", with all of it: " << sawAll << '\n';
}

}  // namespace
}  // namespace jobfit::testing
