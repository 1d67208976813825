// The response cache of read-only routes: an answer is sent again only while the data behind it
// is unchanged, whoever changed it (this server, or another process on the same file), and a
// route that depends on today's date gets a new answer when the day changes.
#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "support/cli.h"
#include "support/server.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

const std::string kJson = "application/json";

httplib::Result get(const TestServer& s, const std::string& path, const std::string& etag = {}) {
  httplib::Headers headers;
  if (!etag.empty()) headers.emplace("If-None-Match", etag);
  return s.client()->Get(path, headers);
}

void logThroughApi(const TestServer& s, int minutes) {
  json body{{"minutes", minutes}, {"activities", {"writing"}}, {"date", "2026-03-12"}};
  auto r = s.client()->Post("/api/episodes", s.writeHeaders(), body.dump(), kJson);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
}

TEST(Cache, AnswersCarryAnETagAndAClientThatHasTheAnswerGets304) {
  TestServer s;
  logThroughApi(s, 30);
  logThroughApi(s, 40);
  auto first = get(s, "/api/episodes");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  auto etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(first->get_header_value("Cache-Control"), "private, no-cache");

  auto again = get(s, "/api/episodes");
  EXPECT_EQ(again->body, first->body);
  EXPECT_EQ(again->get_header_value("ETag"), etag);

  auto unchanged = get(s, "/api/episodes", etag);
  EXPECT_EQ(unchanged->status, 304);
  EXPECT_TRUE(unchanged->body.empty());
  EXPECT_EQ(unchanged->get_header_value("ETag"), etag);
  EXPECT_EQ(get(s, "/api/episodes", "\"other\", " + etag)->status, 304);
  EXPECT_EQ(get(s, "/api/episodes", "W/" + etag)->status, 304);
  EXPECT_EQ(get(s, "/api/episodes", "*")->status, 304);
  EXPECT_EQ(get(s, "/api/episodes", "\"other\"")->status, 200);

  // Another query is another answer.
  auto limited = get(s, "/api/episodes?limit=1");
  EXPECT_EQ(limited->status, 200);
  EXPECT_EQ(get(s, "/api/episodes?limit=1", etag)->status, 200);
}

TEST(Cache, RoutesThatAreNotCachedSayNoStore) {
  TestServer s;
  auto session = get(s, "/api/session");
  EXPECT_EQ(session->get_header_value("Cache-Control"), "no-store");
  EXPECT_FALSE(session->has_header("ETag"));
  auto missing = get(s, "/api/episodes/12345");
  EXPECT_EQ(missing->status, 404);
  EXPECT_FALSE(missing->has_header("ETag"));
}

TEST(Cache, TheDocumentSaysWhichAnswersCanBeRevalidated) {
  TestServer s;
  auto doc = parse(get(s, "/api/openapi.json"));
  const auto& episodes = doc["paths"]["/api/episodes"]["get"];
  EXPECT_TRUE(episodes["responses"].contains("304"));
  EXPECT_TRUE(episodes["responses"]["200"]["headers"].contains("ETag"));
  EXPECT_FALSE(doc["paths"]["/api/session"]["get"]["responses"].contains("304"));
  EXPECT_FALSE(doc["paths"]["/api/episodes"]["post"]["responses"].contains("304"));
}

TEST(Cache, TurnedOffEveryAnswerIsComputedAfresh) {
  server::ServeOptions options;
  options.cache = false;
  TestServer s(options);
  auto r = get(s, "/api/episodes");
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
  EXPECT_FALSE(r->has_header("ETag"));
}

TEST(Cache, AWriteThroughTheApiIsInTheNextAnswer) {
  TestServer s;
  logThroughApi(s, 30);
  auto before = get(s, "/api/episodes");
  auto etag = before->get_header_value("ETag");
  ASSERT_EQ(parse(before).size(), 1u);

  logThroughApi(s, 45);
  auto after = get(s, "/api/episodes", etag);
  ASSERT_EQ(after->status, 200);
  EXPECT_EQ(parse(after).size(), 2u);
  EXPECT_NE(after->get_header_value("ETag"), etag);

  // A delete and an edit too.
  int64_t id = parse(after)[0]["id"];
  auto del = s.client()->Delete("/api/episodes/" + std::to_string(id), s.writeHeaders());
  ASSERT_EQ(del->status, 204);
  EXPECT_EQ(parse(get(s, "/api/episodes")).size(), 1u);
  EXPECT_EQ(get(s, "/api/episodes/" + std::to_string(id))->status, 404);
}

TEST(Cache, AWriteByAnotherProcessOnTheSameFileIsInTheNextAnswer) {
  TestServer s;
  logThroughApi(s, 30);
  auto before = get(s, "/api/episodes");
  ASSERT_EQ(parse(before).size(), 1u);
  auto etag = before->get_header_value("ETag");
  ASSERT_EQ(get(s, "/api/episodes", etag)->status, 304);

  Jobfit cli;
  cli.env["JOBFIT_DB"] = s.db().string();
  cli.ok({"log", "1h", "meetings", "--date", "2026-03-12"});
  auto after = get(s, "/api/episodes", etag);
  ASSERT_EQ(after->status, 200);
  auto episodes = parse(after);
  ASSERT_EQ(episodes.size(), 2u);
  EXPECT_EQ(episodes[1]["activities"], json::array({"meetings"}));

  cli.ok({"settings", "set", "silence.applied=30"});
  auto settings = parse(get(s, "/api/settings"));
  EXPECT_EQ(settings["silence.applied"], "30");
}

TEST(Cache, AnAnswerThatDependsOnTodayChangesWithTheDay) {
  TempDir dir;
  std::atomic<int64_t> now{parseInstant("2026-03-13T17:00:00Z").time_since_epoch().count()};
  Clock clock([&] { return Instant{std::chrono::seconds{now.load()}}; },
              date::locate_zone("Europe/Berlin"));
  server::Server server({.port = 0, .database = dir / "jobfit.db", .threads = 4}, clock);
  int port = server.bind();
  std::thread thread([&] { server.run(); });
  server.waitUntilReady();
  httplib::Client c("127.0.0.1", port);

  auto first = parse(c.Get("/api/today"));
  EXPECT_EQ(first["date"], "2026-03-13");
  now += 24 * 3600;
  auto next = parse(c.Get("/api/today"));
  EXPECT_EQ(next["date"], "2026-03-14");
  EXPECT_EQ(next["week"]["from"], "2026-03-09");

  server.stop();
  thread.join();
}

TEST(Cache, ClientsAskingAtOnceAfterAWriteAllSeeIt) {
  TestServer s;
  for (int i = 1; i <= 5; ++i) logThroughApi(s, i);
  ASSERT_EQ(parse(get(s, "/api/episodes")).size(), 5u);
  logThroughApi(s, 6);
  std::vector<std::thread> threads;
  std::vector<std::string> bodies(8);
  for (size_t t = 0; t < bodies.size(); ++t)
    threads.emplace_back([&, t] {
      if (auto r = get(s, "/api/episodes"); r && r->status == 200) bodies[t] = r->body;
    });
  for (auto& t : threads) t.join();
  for (const auto& body : bodies) EXPECT_EQ(json::parse(body).size(), 6u);
}

}  // namespace
}  // namespace jobfit::testing
