// The JSON API against the real server on an ephemeral loopback port.
#include <gtest/gtest.h>

#include "support/cli.h"
#include "support/server.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

const std::string kJson = "application/json";

json postEpisode(const TestServer& s, const json& body, int expected = 201) {
  auto r = s.client()->Post("/api/episodes", s.writeHeaders(), body.dump(), kJson);
  EXPECT_TRUE(r);
  if (!r) return nullptr;
  EXPECT_EQ(r->status, expected) << r->body;
  return parse(r);
}

TEST(Api, HealthNamesTheVersion) {
  TestServer s;
  auto r = s.client()->Get("/api/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(parse(r)["version"], JOBFIT_VERSION);
  EXPECT_EQ(r->get_header_value("Content-Type"), kJson);
}

// httplib would compress every answer again for each request (brotli at its slowest setting
// when the client offers it): answers, error answers and pages are sent as they are.
TEST(Api, AnswersAreSentUncompressedWhateverTheClientAccepts) {
  TestServer s;
  postEpisode(s, {{"minutes", 30}, {"activities", {"writing"}}, {"date", "2026-03-12"}});
  httplib::Headers accepts{{"Accept-Encoding", "gzip, deflate, br, zstd"}};
  for (std::string path : {"/api/episodes", "/api/session", "/api/episodes/999", "/"}) {
    auto r = s.client()->Get(path, accepts);
    ASSERT_TRUE(r) << path;
    EXPECT_FALSE(r->has_header("Content-Encoding")) << path;
    EXPECT_EQ(r->get_header_value("Content-Length"), std::to_string(r->body.size())) << path;
    if (path != "/") {
      EXPECT_TRUE(json::accept(r->body)) << path;
    }
  }
  auto plain = s.client()->Get("/api/episodes");
  EXPECT_EQ(s.client()->Get("/api/episodes", accepts)->body, plain->body);
  EXPECT_EQ(parse(s.client()->Get("/api/episodes/999", accepts))["error"]["code"], "not_found");
}

TEST(Api, SessionGivesTodayInTheUsersZone) {
  TestServer s;
  auto j = parse(s.client()->Get("/api/session"));
  EXPECT_EQ(j["today"], "2026-03-13");
  EXPECT_EQ(j["time_zone"], "Europe/Berlin");
  EXPECT_EQ(j["csrf_token"].get<std::string>().size(), 64u);
}

TEST(Api, LogsListsEditsAndDeletesAnEpisode) {
  TestServer s;
  auto made = postEpisode(s, {{"minutes", 90},
                              {"activities", {"writing"}},
                              {"happy", 5},
                              {"energy", 1},
                              {"with", "alone"},
                              {"start", "2026-03-13T08:00:00Z"}});
  ASSERT_TRUE(made.is_object());
  EXPECT_EQ(made["date"], "2026-03-13");
  EXPECT_EQ(made["happy"], 5);
  EXPECT_EQ(made["with"], "alone");
  int64_t id = made["id"];

  auto one = parse(s.client()->Get("/api/episodes/" + std::to_string(id)));
  EXPECT_EQ(one, made);

  json edited = made;
  edited["stressed"] = 3;
  edited["minutes"] = 60;
  auto r = s.client()->Put("/api/episodes/" + std::to_string(id), s.writeHeaders(), edited.dump(),
                           kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(parse(r)["stressed"], 3);
  EXPECT_EQ(parse(s.client()->Get("/api/episodes"))[0]["minutes"], 60);

  r = s.client()->Delete("/api/episodes/" + std::to_string(id), s.writeHeaders());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 204);
  EXPECT_EQ(parse(s.client()->Get("/api/episodes")), json::array());
  r = s.client()->Delete("/api/episodes/" + std::to_string(id), s.writeHeaders());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(parse(r)["error"]["code"], "not_found");
}

TEST(Api, AnEpisodeWithoutStartOrDateEndsNow) {
  TestServer s;
  auto made = postEpisode(s, {{"minutes", 30}, {"activities", {"meetings"}}});
  EXPECT_EQ(made["start"], "2026-03-13T16:30:00Z");
  EXPECT_EQ(made["date"], "2026-03-13");
}

TEST(Api, TheListIsTheSameJsonAsTheCli) {
  TestServer s;
  postEpisode(s, {{"minutes", 45}, {"activities", {"writing", "analysis"}}, {"date", "2026-03-10"},
                  {"note", "draft"}, {"tired", 2}});
  postEpisode(s, {{"minutes", 30}, {"activities", {"meetings"}}, {"start", "2026-03-11T09:00:00Z"}});
  auto api = parse(s.client()->Get("/api/episodes"));
  Jobfit cli;
  cli.env["JOBFIT_DB"] = s.db().string();
  EXPECT_EQ(json::parse(cli.ok({"episodes", "--json"})), api);
  auto activities = parse(s.client()->Get("/api/activities"));
  EXPECT_EQ(json::parse(cli.ok({"activities", "--json"})), activities);
}

TEST(Api, FiltersAndPagesEpisodes) {
  TestServer s;
  for (int day = 1; day <= 9; ++day)
    postEpisode(s, {{"minutes", 10 * day},
                    {"activities", {day % 2 ? "writing" : "meetings"}},
                    {"date", "2026-03-0" + std::to_string(day)}});
  auto c = s.client();
  EXPECT_EQ(parse(c->Get("/api/episodes?from=2026-03-03&to=2026-03-05")).size(), 3u);
  EXPECT_EQ(parse(c->Get("/api/episodes?activity=meetings")).size(), 4u);
  auto page = parse(c->Get("/api/episodes?limit=2&offset=3"));
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0]["date"], "2026-03-04");
  auto r = c->Get("/api/episodes?limit=0");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(parse(r)["error"]["field"], "limit");
  r = c->Get("/api/episodes?from=2026-03-05&to=2026-03-01");
  EXPECT_EQ(r->status, 400);
  r = c->Get("/api/episodes?activity=nonsense");
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(parse(r)["error"]["field"], "activity");
}

TEST(Api, BadInputNamesTheField) {
  TestServer s;
  auto c = s.client();
  auto r = c->Post("/api/episodes", s.writeHeaders(),
                   json{{"minutes", 30}, {"activities", {"writing"}}, {"happy", 9}}.dump(), kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(parse(r)["error"]["field"], "happy");
  r = c->Post("/api/episodes", s.writeHeaders(), "{not json", kJson);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(parse(r)["error"]["code"], "invalid");
  r = c->Post("/api/episodes", s.writeHeaders(), json{{"activities", {"writing"}}}.dump(), kJson);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(parse(r)["error"]["field"], "minutes");
  r = c->Get("/api/episodes/abc");
  EXPECT_EQ(r->status, 400);
  r = c->Get("/api/episodes/99");
  EXPECT_EQ(r->status, 404);
  r = c->Get("/api/nothing-here");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(parse(r)["error"]["code"], "not_found");
  r = c->Patch("/api/episodes", s.writeHeaders(), "{}", kJson);
  EXPECT_EQ(r->status, 405);
}

TEST(Api, AddsAnActivityOnceAndRefusesABuiltInId) {
  TestServer s;
  auto c = s.client();
  auto r = c->Post("/api/activities", s.writeHeaders(),
                   json{{"id", "pair-programming"}, {"label", "Pair programming"}}.dump(), kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(parse(r)["custom"], true);
  postEpisode(s, {{"minutes", 30}, {"activities", {"pair-programming"}}});
  r = c->Post("/api/activities", s.writeHeaders(),
              json{{"id", "writing"}, {"label", "Mine"}}.dump(), kJson);
  EXPECT_EQ(r->status, 409);
  EXPECT_EQ(parse(r)["error"]["code"], "conflict");
}

TEST(Api, TodaySumsTheWeekByDayAndActivity) {
  TestServer s;  // "now" is Friday 2026-03-13
  postEpisode(s, {{"minutes", 60}, {"activities", {"writing"}}, {"date", "2026-03-09"}});
  postEpisode(s, {{"minutes", 61}, {"activities", {"meetings", "planning"}}, {"date", "2026-03-13"}});
  postEpisode(s, {{"minutes", 30}, {"activities", {"writing"}}, {"date", "2026-03-08"}});  // last week
  auto j = parse(s.client()->Get("/api/today"));
  EXPECT_EQ(j["date"], "2026-03-13");
  EXPECT_EQ(j["week"]["from"], "2026-03-09");
  EXPECT_EQ(j["week"]["minutes"], 121);
  EXPECT_EQ(j["week"]["minutes_by_day"], json({60, 0, 0, 0, 61, 0, 0}));
  EXPECT_EQ(j["week"]["by_activity"][0], json({{"activity", "writing"}, {"minutes", 60}, {"episodes", 1}}));
  EXPECT_EQ(j["week"]["by_activity"][1]["minutes"], 31);  // meetings: 61 split 31 + 30
  EXPECT_EQ(j["episodes"].size(), 1u);
  EXPECT_EQ(j["recent"].size(), 3u);
  EXPECT_EQ(j["recent"][0]["date"], "2026-03-13");
}

TEST(Api, ExportImportRoundTripAndBackup) {
  TestServer a;
  postEpisode(a, {{"minutes", 45}, {"activities", {"writing"}}, {"date", "2026-03-10"}});
  auto r = a.client()->Put("/api/settings", a.writeHeaders(), json{{"silence.applied", "21"}}.dump(),
                           kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto exported = a.client()->Get("/api/export");
  ASSERT_TRUE(exported);
  EXPECT_NE(exported->get_header_value("Content-Disposition").find("attachment"), std::string::npos);

  TestServer b;
  r = b.client()->Post("/api/import", b.writeHeaders(), exported->body, kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(parse(r)["imported"].size(), 2u);
  EXPECT_EQ(parse(b.client()->Get("/api/export")), json::parse(exported->body));
  EXPECT_EQ(parse(b.client()->Get("/api/settings")), json({{"silence.applied", "21"}}));

  // A bad document writes nothing.
  auto bad = json::parse(exported->body);
  bad["episodes"][0]["minutes"] = 0;
  TestServer c;
  r = c.client()->Post("/api/import", c.writeHeaders(), bad.dump(), kJson);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(parse(c.client()->Get("/api/episodes")), json::array());

  r = a.client()->Post("/api/backup", a.writeHeaders(), "", kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
  auto path = std::filesystem::path(parse(r)["path"].get<std::string>());
  EXPECT_EQ(path.parent_path(), a.db().parent_path() / "backups");
  Jobfit cli;
  cli.env["JOBFIT_DB"] = path.string();
  EXPECT_EQ(json::parse(cli.ok({"episodes", "--json"})).size(), 1u);
}

TEST(Api, SettingsAreStringsWithPlainNames) {
  TestServer s;
  auto c = s.client();
  auto r = c->Put("/api/settings", s.writeHeaders(), json{{"a.b", 3}}.dump(), kJson);
  EXPECT_EQ(r->status, 400);
  r = c->Put("/api/settings", s.writeHeaders(), json{{"Bad Key", "1"}}.dump(), kJson);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(parse(c->Get("/api/settings")), json::object());
}

}  // namespace
}  // namespace jobfit::testing
