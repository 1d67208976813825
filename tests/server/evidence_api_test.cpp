// The evidence routes against the real server: the same JSON as the CLI, every validation,
// calendar drafts from import to rating, the weekly report as JSON and as HTML.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "evidence/burnout.h"
#include "support/cli.h"
#include "support/server.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

const std::string kJson = "application/json";

std::string calendar(const std::string& name) {
  return readFile(std::string(JOBFIT_SOURCE_DIR) + "/tests/fixtures/calendar/" + name);
}

httplib::Result post(const TestServer& s, const std::string& path, const json& body) {
  return s.client()->Post(path, s.writeHeaders(), body.dump(), kJson);
}

void expectError(const httplib::Result& r, int status, const std::string& field) {
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, status) << r->body;
  EXPECT_EQ(parse(r)["error"]["field"], field) << r->body;
}

// The CLI's output over the server's database.
std::string cli(const TestServer& s, const std::vector<std::string>& args) {
  Jobfit jf;
  jf.env["JOBFIT_DB"] = s.db().string();
  return jf.ok(args);
}

// Two weeks of episodes: writing energizes, meetings drain.
void seedEpisodes(const TestServer& s) {
  for (int day = 2; day <= 13; ++day) {
    std::string date = fmt::format("2026-03-{:02}", day);
    auto r = post(s, "/api/episodes",
                  {{"date", date},
                   {"minutes", 60},
                   {"activities", {"writing"}},
                   {"happy", 5},
                   {"engaged", 5},
                   {"stressed", 1},
                   {"frustrated", 1},
                   {"energy", 2}});
    ASSERT_EQ(r->status, 201) << r->body;
    r = post(s, "/api/episodes",
             {{"date", date},
              {"minutes", 45},
              {"activities", {"meetings"}},
              {"happy", 2},
              {"engaged", 1},
              {"stressed", 5},
              {"frustrated", 4},
              {"energy", -1},
              {"with", "team"}});
    ASSERT_EQ(r->status, 201) << r->body;
  }
}

TEST(EvidenceApi, InsightsAreTheSameJsonAsTheCli) {
  TestServer s;
  seedEpisodes(s);
  ASSERT_EQ(post(s, "/api/expectations",
                 {{"activity", "meetings"}, {"happy", 5}, {"stressed", 1}, {"date", "2026-03-01"}})
                ->status,
            201);
  auto all = parse(s.client()->Get("/api/insights"));
  EXPECT_EQ(all, json::parse(cli(s, {"insights", "--json"})));
  EXPECT_EQ(all["energizers"][0]["activity"], "writing");
  EXPECT_EQ(all["drainers"][0]["activity"], "meetings");
  EXPECT_EQ(all["expected_vs_experienced"][0]["activity"], "meetings");
  auto part = parse(s.client()->Get("/api/insights?from=2026-03-09&to=2026-03-13&shrink=0.5"));
  EXPECT_EQ(part, json::parse(cli(s, {"insights", "--json", "--from", "2026-03-09", "--to",
                                      "2026-03-13", "--shrink", "0.5"})));
  EXPECT_EQ(part["overall"]["n"], 10);

  expectError(s.client()->Get("/api/insights?shrink=-1"), 400, "shrink");
  expectError(s.client()->Get("/api/insights?shrink=abc"), 400, "shrink");
  expectError(s.client()->Get("/api/insights?from=2026-03-10&to=2026-03-01"), 400, "from");
  expectError(s.client()->Get("/api/insights?from=March"), 400, "from");
}

TEST(EvidenceApi, CheckinsAreStoredScoredAndListedWithTheWarning) {
  TestServer s;
  auto r = post(s, "/api/checkins",
                {{"date", "2026-03-06"},
                 {"answers",
                  {{"p1", "often"},
                   {"p2", "sometimes"},
                   {"p3", "often"},
                   {"w1", "high"},
                   {"w2", "somewhat"},
                   {"w3", "low"},
                   {"w4", "often"},
                   {"w7", "seldom"}}}});
  ASSERT_EQ(r->status, 201) << r->body;
  auto saved = parse(r);
  EXPECT_FALSE(saved["replaced"]);
  EXPECT_EQ(saved["checkin"]["date"], "2026-03-06");
  EXPECT_DOUBLE_EQ(saved["checkin"]["personal"].get<double>(), (75 + 50 + 75) / 3.0);
  // w7 is reversed: "seldom" (25) scores 75.
  EXPECT_DOUBLE_EQ(saved["checkin"]["work"].get<double>(), (75 + 50 + 25 + 75 + 75) / 5.0);

  // Without a date: today. A second one on the same date replaces the first.
  r = post(s, "/api/checkins",
           {{"answers", {{"p1", "always"}, {"p2", "always"}, {"p3", "always"}}}});
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(parse(r)["checkin"]["date"], "2026-03-13");
  EXPECT_DOUBLE_EQ(parse(r)["checkin"]["personal_change"].get<double>(), 100 - 200 / 3.0);
  r = post(s, "/api/checkins", {{"answers", {{"p1", "never"}, {"p2", "never"}, {"p3", "never"}}}});
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_TRUE(parse(r)["replaced"]);

  auto history = parse(s.client()->Get("/api/checkins"));
  ASSERT_EQ(history["checkins"].size(), 2u);
  EXPECT_EQ(history["checkins"], json::parse(cli(s, {"checkins", "--json"})));
  EXPECT_EQ(history["checkins"][1]["personal"], 0.0);
  EXPECT_EQ(history["early_warning"]["level"], "none");
  EXPECT_EQ(history["early_warning"]["as_of"], "2026-03-13");

  expectError(post(s, "/api/checkins", {{"answers", {{"p1", "very-high"}}}}), 400, "answers.p1");
  expectError(post(s, "/api/checkins", {{"answers", {{"p9", "often"}}}}), 400, "answers.p9");
  expectError(post(s, "/api/checkins", {{"answers", json::object()}}), 400, "answers");
  expectError(post(s, "/api/checkins", {{"date", "2026-03-20"}, {"answers", {{"p1", "often"}}}}),
              400, "date");
  expectError(post(s, "/api/checkins", {{"date", "2026-03-20"}}), 400, "answers");
  EXPECT_EQ(parse(s.client()->Get("/api/checkins"))["checkins"].size(), 2u);
}

TEST(EvidenceApi, CheckinItemsAreThePublishedWording) {
  TestServer s;
  auto items = parse(s.client()->Get("/api/checkin/items"));
  ASSERT_EQ(items["items"].size(), kCbiItems.size());
  EXPECT_EQ(items["items"][0]["key"], "p1");
  EXPECT_EQ(items["items"][0]["question"], "How often do you feel tired?");
  EXPECT_EQ(items["items"][0]["answers"][4]["label"], "Never/almost never");
  EXPECT_EQ(items["items"][6]["answers"][0]["label"], "To a very high degree");
  EXPECT_EQ(items["items"][6]["answers"][0]["word"], "very-high");
  EXPECT_TRUE(items["items"][12]["reversed"]);
  EXPECT_NE(items["source"].get<std::string>().find("Kristensen"), std::string::npos);
  EXPECT_EQ(items["scales"][1]["min_answers"], kWorkMinAnswers);
}

TEST(EvidenceApi, ExpectationsAreValidatedAndTheLatestCounts) {
  TestServer s;
  auto r = post(s, "/api/expectations",
                {{"activity", "presenting"}, {"happy", 5}, {"energy", 2}, {"date", "2026-03-01"}});
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(parse(r)["happy"], 5);
  r = post(s, "/api/expectations", {{"activity", "presenting"}, {"happy", 3}});
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(parse(r)["date"], "2026-03-13");
  auto list = parse(s.client()->Get("/api/expectations"));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["happy"], 3);
  EXPECT_EQ(list, json::parse(cli(s, {"expect", "--json"})));

  expectError(post(s, "/api/expectations", {{"activity", "juggling"}, {"happy", 3}}), 400,
              "activity");
  expectError(post(s, "/api/expectations", {{"activity", "writing"}, {"happy", 9}}), 400, "happy");
  expectError(post(s, "/api/expectations", {{"activity", "writing"}}), 400, "ratings");
  expectError(post(s, "/api/expectations", {{"happy", 3}}), 400, "activity");
}

TEST(EvidenceApi, CalendarDraftsAreImportedRatedAndDiscarded) {
  TestServer s;
  auto c = s.client();
  auto r =
      c->Post("/api/calendar/import", s.writeHeaders(), calendar("zones.ics"), "text/calendar");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto imported = parse(r);
  EXPECT_EQ(imported["added"].size(), 4u);
  EXPECT_EQ(imported["from"], "2026-02-28");
  // Again: nothing new.
  r = c->Post("/api/calendar/import", s.writeHeaders(), calendar("zones.ics"), "text/calendar");
  EXPECT_EQ(parse(r)["added"].size(), 0u);
  EXPECT_EQ(parse(r)["already_imported"], 4);

  // A malformed file, or bad dates, import nothing.
  for (const char* bad : {"malformed-value.ics", "malformed-truncated.ics", "unknown-zone.ics"}) {
    r = c->Post("/api/calendar/import?from=2026-03-01", s.writeHeaders(), calendar(bad),
                "text/calendar");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << bad << r->body;
  }
  r = c->Post("/api/calendar/import?from=2026-03-10&to=2026-03-01", s.writeHeaders(),
              calendar("utc.ics"), "text/calendar");
  expectError(r, 400, "from");
  r = c->Post("/api/calendar/import?from=2025-01-01", s.writeHeaders(), calendar("utc.ics"),
              "text/calendar");
  expectError(r, 400, "from");
  r = c->Post("/api/calendar/import", s.writeHeaders(), "", "text/calendar");
  expectError(r, 400, "body");

  auto drafts = parse(c->Get("/api/drafts"));
  ASSERT_EQ(drafts.size(), 4u);
  EXPECT_EQ(drafts, json::parse(cli(s, {"drafts", "--json"})));
  EXPECT_EQ(drafts[0]["title"], "Writing block");
  std::string writing = std::to_string(drafts[0]["id"].get<int>());

  // Rating needs a rating; then the draft becomes an episode, once.
  expectError(post(s, "/api/drafts/" + writing + "/rate", json::object()), 400, "ratings");
  expectError(post(s, "/api/drafts/" + writing + "/rate", {{"happy", 7}}), 400, "happy");
  expectError(post(s, "/api/drafts/" + writing + "/rate", {{"happy", 4}, {"activities", {"x"}}}),
              400, "activities");
  r = post(s, "/api/drafts/" + writing + "/rate",
           {{"happy", 5}, {"engaged", 6}, {"stressed", 1}, {"energy", 2}, {"minutes", 80}});
  ASSERT_EQ(r->status, 201) << r->body;
  auto rated = parse(r);
  EXPECT_EQ(rated["draft"]["status"], "rated");
  EXPECT_EQ(rated["episode"]["start"], "2026-03-10T08:00:00Z");
  EXPECT_EQ(rated["episode"]["minutes"], 80);
  EXPECT_EQ(rated["episode"]["activities"], json::array({"writing"}));
  EXPECT_EQ(rated["episode"]["note"], "Writing block");
  EXPECT_EQ(rated["draft"]["episode_id"], rated["episode"]["id"]);
  expectError(post(s, "/api/drafts/" + writing + "/rate", {{"happy", 5}}), 409, "id");

  std::string other = std::to_string(drafts[1]["id"].get<int>());
  r = c->Delete("/api/drafts/" + other, s.writeHeaders());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 204);
  expectError(c->Delete("/api/drafts/" + other, s.writeHeaders()), 409, "id");
  expectError(c->Delete("/api/drafts/999", s.writeHeaders()), 404, "id");
  expectError(post(s, "/api/drafts/999/rate", {{"happy", 5}}), 404, "id");
  EXPECT_EQ(parse(c->Get("/api/drafts")).size(), 2u);
  EXPECT_EQ(parse(c->Get("/api/drafts?all=true")).size(), 4u);
  EXPECT_EQ(parse(c->Get("/api/episodes")).size(), 1u);
}

TEST(EvidenceApi, ACalendarImportNeedsTheCsrfToken) {
  TestServer s;
  auto r = s.client()->Post("/api/calendar/import", calendar("zones.ics"), "text/calendar");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(parse(s.client()->Get("/api/drafts")).size(), 0u);
}

TEST(EvidenceApi, TheReportIsTheCliJsonOrTheHtmlPage) {
  TestServer s;
  seedEpisodes(s);
  ASSERT_EQ(
      post(s, "/api/checkins", {{"answers", {{"p1", "often"}, {"p2", "often"}, {"p3", "often"}}}})
          ->status,
      201);
  auto report = parse(s.client()->Get("/api/report?week=2026-03-11"));
  EXPECT_EQ(report["week_start"], "2026-03-09");
  EXPECT_EQ(report["week"]["overall"]["n"], 10);
  EXPECT_EQ(report, json::parse(cli(s, {"report", "--week", "2026-03-11", "--format", "json"})));
  EXPECT_EQ(parse(s.client()->Get("/api/report"))["week_start"], "2026-03-09");
  EXPECT_EQ(parse(s.client()->Get("/api/report?weeks=1"))["evidence_weeks"], 1);

  auto html = s.client()->Get("/api/report?week=2026-03-11&format=html");
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 200);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(html->body, cli(s, {"report", "--week", "2026-03-11", "--format", "html"}));
  EXPECT_EQ(html->body.find("<script"), std::string::npos);

  expectError(s.client()->Get("/api/report?format=pdf"), 400, "format");
  expectError(s.client()->Get("/api/report?weeks=0"), 400, "weeks");
  expectError(s.client()->Get("/api/report?week=13.03.2026"), 400, "week");
}

}  // namespace
}  // namespace jobfit::testing
