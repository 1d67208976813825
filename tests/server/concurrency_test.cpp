// Parallel writers through the real server: every write is stored, none is lost or mixed up.
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "support/server.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

TEST(Concurrency, EveryConcurrentWriteIsStored) {
  TestServer s;
  constexpr int kThreads = 8, kEach = 50;
  auto csrf = s.csrf();
  std::vector<std::thread> threads;
  std::vector<std::vector<int64_t>> ids(kThreads);
  std::vector<int> failures(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto c = s.client();
      for (int i = 0; i < kEach; ++i) {
        json body{{"minutes", 1 + t * kEach + i},  // unique per request, to check it later
                  {"activities", {"writing"}},
                  {"date", "2026-03-12"},
                  {"note", "thread " + std::to_string(t)}};
        auto r = c->Post("/api/episodes", {{"X-CSRF-Token", csrf}}, body.dump(), "application/json");
        if (!r || r->status != 201) {
          ++failures[static_cast<size_t>(t)];
          continue;
        }
        ids[static_cast<size_t>(t)].push_back(json::parse(r->body).at("id").get<int64_t>());
      }
    });
  }
  // Readers at the same time see consistent pages.
  std::thread reader([&] {
    auto c = s.client();
    for (int i = 0; i < 50; ++i) {
      auto r = c->Get("/api/episodes?limit=100");
      ASSERT_TRUE(r);
      ASSERT_EQ(r->status, 200);
    }
  });
  for (auto& t : threads) t.join();
  reader.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[static_cast<size_t>(t)], 0);

  auto all = parse(s.client()->Get("/api/episodes?limit=10000"));
  ASSERT_EQ(all.size(), size_t{kThreads * kEach});
  std::set<int64_t> stored, minutes;
  for (const auto& e : all) {
    stored.insert(e["id"].get<int64_t>());
    minutes.insert(e["minutes"].get<int64_t>());
  }
  EXPECT_EQ(minutes.size(), size_t{kThreads * kEach});
  for (const auto& list : ids)
    for (auto id : list) EXPECT_TRUE(stored.count(id)) << id;
}

}  // namespace
}  // namespace jobfit::testing
