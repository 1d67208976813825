#include "server/response_cache.h"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "server/route.h"

namespace jobfit::server {
namespace {

ResponseCache::Ptr answer(std::string body, bool keep = true) {
  auto r = std::make_shared<CachedReply>();
  r->body = std::move(body);
  r->contentType = "application/json";
  r->keep = keep;
  return r;
}

TEST(ResponseCache, KeepsAnAnswerUntilTheVersionMoves) {
  ResponseCache cache;
  int made = 0;
  auto make = [&] { return answer("v" + std::to_string(++made)); };
  EXPECT_EQ(cache.get("/a", 1, make)->body, "v1");
  EXPECT_EQ(cache.get("/a", 1, make)->body, "v1");
  EXPECT_EQ(cache.get("/b", 1, make)->body, "v2");
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.get("/a", 2, make)->body, "v3");
  EXPECT_EQ(cache.size(), 1u);  // the answers of version 1 are gone
  EXPECT_EQ(cache.get("/a", 2, make)->body, "v3");
}

TEST(ResponseCache, AnOlderVersionIsComputedAndNotKept) {
  ResponseCache cache;
  int made = 0;
  auto make = [&] { return answer("v" + std::to_string(++made)); };
  cache.get("/a", 5, make);
  EXPECT_EQ(cache.get("/a", 4, make)->body, "v2");
  EXPECT_EQ(cache.get("/a", 5, make)->body, "v1");
}

TEST(ResponseCache, AnswersNotMarkedToKeepAreComputedEachTime) {
  ResponseCache cache;
  int made = 0;
  auto make = [&] { return answer("v" + std::to_string(++made), false); };
  EXPECT_EQ(cache.get("/a", 1, make)->body, "v1");
  EXPECT_EQ(cache.get("/a", 1, make)->body, "v2");
  EXPECT_EQ(cache.size(), 0u);
}

TEST(ResponseCache, StaysWithinItsBytesDroppingTheLeastRecentlyUsed) {
  ResponseCache cache(16 * 1024);
  std::string kb(900, 'x');
  for (int i = 0; i < 20; ++i) cache.get("/" + std::to_string(i), 1, [&] { return answer(kb); });
  EXPECT_LE(cache.bytes(), 16u * 1024);
  EXPECT_GT(cache.size(), 3u);
  int made = 0;
  cache.get("/19", 1, [&] {
    ++made;
    return answer(kb);
  });
  EXPECT_EQ(made, 0);  // the most recent is still there
  cache.get("/0", 1, [&] {
    ++made;
    return answer(kb);
  });
  EXPECT_EQ(made, 1);  // the oldest went first
  // An answer larger than an eighth of the budget is never kept.
  cache.get("/big", 1, [&] { return answer(std::string(2100, 'y')); });
  cache.get("/big", 1, [&] {
    ++made;
    return answer("");
  });
  EXPECT_EQ(made, 2);
}

TEST(ResponseCache, CallersAskingAtOnceShareOneComputation) {
  ResponseCache cache;
  std::atomic<int> made{0};
  std::vector<std::thread> threads;
  std::vector<std::string> bodies(8);
  for (size_t t = 0; t < bodies.size(); ++t)
    threads.emplace_back([&, t] {
      bodies[t] = cache.get("/slow", 1, [&] {
        ++made;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        return answer("done");
      })->body;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(made.load(), 1);
  for (const auto& b : bodies) EXPECT_EQ(b, "done");
}

TEST(ResponseCache, AFailedComputationIsNotKept) {
  ResponseCache cache;
  EXPECT_THROW(cache.get("/a", 1, []() -> ResponseCache::Ptr { throw std::runtime_error("no"); }),
               std::runtime_error);
  EXPECT_EQ(cache.get("/a", 1, [] { return answer("ok"); })->body, "ok");
}

TEST(ResponseCache, RequestKeysTellEveryQueryApart) {
  using Query = std::multimap<std::string, std::string>;
  EXPECT_NE(requestKey("/a", {{"x", "1&y=2"}}), requestKey("/a", Query{{"x", "1"}, {"y", "2"}}));
  EXPECT_NE(requestKey("/a", {{"x", ""}}), requestKey("/a", {}));
  EXPECT_NE(requestKey("/a", {{"x", "1"}}), requestKey("/b", {{"x", "1"}}));
  EXPECT_EQ(requestKey("/a", Query{{"y", "2"}, {"x", "1"}}),
            requestKey("/a", Query{{"x", "1"}, {"y", "2"}}));
  EXPECT_NE(requestKey("/a", Query{{"m", "1"}, {"m", "2"}}),
            requestKey("/a", Query{{"m", "2"}, {"m", "1"}}));
}

TEST(ResponseCache, EntityTagsFollowTheBodyAndMatchIfNoneMatch) {
  auto tag = entityTag("application/json", "[1]");
  EXPECT_EQ(tag, entityTag("application/json", "[1]"));
  EXPECT_NE(tag, entityTag("application/json", "[2]"));
  EXPECT_NE(tag, entityTag("text/csv", "[1]"));
  EXPECT_EQ(tag.front(), '"');
  EXPECT_EQ(tag.back(), '"');
  EXPECT_TRUE(etagMatches(tag, tag));
  EXPECT_TRUE(etagMatches("\"a\" ,  " + tag, tag));
  EXPECT_TRUE(etagMatches("W/" + tag, tag));
  EXPECT_TRUE(etagMatches("*", tag));
  EXPECT_FALSE(etagMatches("", tag));
  EXPECT_FALSE(etagMatches("\"a\", \"b\"", tag));
  EXPECT_FALSE(etagMatches(tag, ""));
}

TEST(RouteTable, RefusesACachedAnswerForARouteThatChangesData) {
  RouteTable t;
  EXPECT_THROW(t.add({.method = Method::post,
                      .path = "/api/x",
                      .handler = [](ApiRequest&) { return Reply::noContent(); },
                      .cache = Caching::data}),
               std::logic_error);
  EXPECT_NO_THROW(t.add({.method = Method::get,
                         .path = "/api/x",
                         .handler = [](ApiRequest&) { return Reply::noContent(); },
                         .cache = Caching::data}));
}

}  // namespace
}  // namespace jobfit::server
