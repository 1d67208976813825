// `jobfit demo` fills every capability with data, tells a consistent story, refuses a database
// that holds data, and writes the same database for the same seed and day.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

json rateOf(const json& stats, const std::string& channel) {
  for (const auto& c : stats["by_channel"])
    if (c["channel"] == channel) return c["response_rate"];
  return nullptr;
}

TEST(Demo, EveryCapabilityHasDataAfterwards) {
  Jobfit jf;
  auto out = jf.ok({"demo"});
  EXPECT_NE(out.find("100 new, 0 updated, 0 unchanged, 0 rejected"), std::string::npos) << out;

  // Work log: six weeks of workdays ending today (2026-03-13), nothing after now.
  auto episodes = json::parse(jf.ok({"episodes", "--json"}));
  ASSERT_GT(episodes.size(), 120u);
  EXPECT_EQ(episodes.front()["date"], "2026-02-02");  // 2026-01-31 and 02-01 are a weekend
  EXPECT_EQ(episodes.back()["date"], "2026-03-13");
  for (const auto& e : episodes) ASSERT_LE(e["start"].get<std::string>(), "2026-03-13T17:00:00Z");

  // Insights: writing and analysis energize, managing people and meetings drain.
  auto insights = json::parse(jf.ok({"insights", "--json"}));
  ASSERT_TRUE(insights.contains("energizers")) << insights.dump(1);
  auto ids = [](const json& list) {
    std::vector<std::string> out;
    for (const auto& a : list) out.push_back(a["activity"]);
    return out;
  };
  auto energizers = ids(insights["energizers"]);
  auto drainers = ids(insights["drainers"]);
  ASSERT_FALSE(energizers.empty());
  ASSERT_FALSE(drainers.empty());
  EXPECT_TRUE(energizers[0] == "writing" || energizers[0] == "analysis") << energizers[0];
  EXPECT_TRUE(drainers[0] == "managing-people" || drainers[0] == "meetings") << drainers[0];

  // Check-ins: weekly, rising.
  auto points = json::parse(jf.ok({"checkins", "--json"}));
  ASSERT_EQ(points.size(), 6u);
  EXPECT_LT(points.front()["personal"].get<double>(), points.back()["personal"].get<double>());
  EXPECT_LT(points.front()["work"].get<double>(), points.back()["work"].get<double>());

  // Expectations the episodes contradict: managing people was expected to feel great.
  auto expectations = json::parse(jf.ok({"expect", "--json"}));
  ASSERT_GE(expectations.size(), 3u);
  auto gaps = insights["expected_vs_experienced"];
  bool contradicted = false;
  for (const auto& g : gaps)
    if (g["activity"] == "managing-people" && g["gap"].is_number() && g["gap"].get<double>() < -2)
      contradicted = true;
  EXPECT_TRUE(contradicted) << gaps.dump(1);

  // Drafts to rate, and the weekly report.
  EXPECT_EQ(json::parse(jf.ok({"drafts", "--json"})).size(), 3u);
  EXPECT_NE(jf.ok({"report", "--week"}).find("Week"), std::string::npos);

  // Postings: a hundred, analysed, searchable, in several work modes with pay.
  auto postings = json::parse(jf.ok({"postings", "--json"}));
  ASSERT_EQ(postings.size(), 100u);
  std::map<std::string, int> modes;
  int paid = 0;
  for (const auto& p : postings) {
    ++modes[p["work_mode"]];
    if (!p["pay"].is_null()) ++paid;
  }
  EXPECT_GE(modes["remote"], 10);
  EXPECT_GE(modes["hybrid"], 10);
  EXPECT_GE(modes["onsite"], 10);
  EXPECT_GE(paid, 70);
  EXPECT_FALSE(json::parse(jf.ok({"postings", "search", "documentation", "--json"})).empty());
  EXPECT_FALSE(json::parse(jf.ok({"postings", "search", "engineers", "--no-on-call", "--json"})).empty());
  auto manager = json::parse(jf.ok({"posting", "show", "4", "--json"}));
  EXPECT_TRUE(manager["management"]["manages_people"]) << manager["title"];

  // Fit: values and constraints are set, the ranking leaves some postings out, and a manager
  // role this person rated highly is flagged as mostly the idea of it.
  EXPECT_GT(json::parse(jf.ok({"values", "--json"}))["time_and_health"].get<double>(), 0);
  auto rank = json::parse(jf.ok({"rank", "--json"}));
  EXPECT_EQ(rank["total"], 100);
  EXPECT_GE(rank["eligible"].get<int>(), 20) << rank["eligible"];
  EXPECT_LT(rank["eligible"].get<int>(), 100);
  ASSERT_FALSE(rank["ranked"].empty());
  bool managerFlagged = false;
  for (const auto& f : rank["idea_flags"])
    managerFlagged = managerFlagged || f["title"].get<std::string>().find("Manager") != std::string::npos;
  EXPECT_TRUE(managerFlagged) << rank["idea_flags"].dump(1);

  // The job search: forty applications, referrals answered more often than cold ones.
  auto apps = json::parse(jf.ok({"apps", "--json"}));
  ASSERT_EQ(apps.size(), 40u);
  std::map<std::string, int> stages;
  int linked = 0;
  for (const auto& a : apps) {
    ++stages[a["status"]["stage"]];
    if (a["status"]["silent"]) ++stages["silent"];
    if (a["posting_id"].is_number()) ++linked;
  }
  EXPECT_GE(stages["closed"], 1);
  EXPECT_GE(stages["rejected"], 1);
  EXPECT_GE(stages["screening"] + stages["interviewing"], 1);
  EXPECT_GE(stages["silent"], 1);
  EXPECT_GE(linked, 20);
  auto stats = json::parse(jf.ok({"stats", "--json"}));
  EXPECT_GT(rateOf(stats, "referral").get<double>(), rateOf(stats, "cold").get<double>())
      << stats["by_channel"].dump(1);
  EXPECT_EQ(json::parse(jf.ok({"contacts", "--json"})).size(), 10u);
  EXPECT_FALSE(json::parse(jf.ok({"reminders", "--json"})).empty());
  auto inbox = jf.ok({"inbox"});
  EXPECT_NE(inbox.find("quiet"), std::string::npos) << inbox;
  jf.ok({"calendar", "export", (jf.dir() / "demo.ics").string()});
  EXPECT_NE(readFile(jf.dir() / "demo.ics").find("BEGIN:VEVENT"), std::string::npos);
}

TEST(Demo, RefusesADatabaseWithDataUnlessForced) {
  Jobfit jf;
  jf.ok({"log", "1h", "writing", "--happy", "5"});
  auto r = jf.run({"demo"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("already holds data"), std::string::npos) << r.err;
  EXPECT_EQ(json::parse(jf.ok({"postings", "--json"})).size(), 0u);
  jf.ok({"demo", "--force"});
  EXPECT_EQ(json::parse(jf.ok({"postings", "--json"})).size(), 100u);
}

TEST(Demo, TheSameSeedAndDayWriteTheSameDatabase) {
  Jobfit a, b;
  a.ok({"demo"});
  b.ok({"demo", "--db", (b.dir() / "other.db").string()});
  a.ok({"export", (a.dir() / "a.json").string()});
  b.ok({"--db", (b.dir() / "other.db").string(), "export", (b.dir() / "b.json").string()});
  EXPECT_EQ(readFile(a.dir() / "a.json"), readFile(b.dir() / "b.json"));
  Jobfit c;
  c.ok({"demo", "--seed", "7"});
  c.ok({"export", (c.dir() / "c.json").string()});
  EXPECT_NE(readFile(a.dir() / "a.json"), readFile(c.dir() / "c.json"));
}

}  // namespace
}  // namespace jobfit::testing
