// The work-day log from the terminal: the real build/jobfit against a throw-away database.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include "support/cli.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

TEST(WorklogCli, LogsAndListsAWeek) {
  Jobfit jf;  // now: 2026-03-13 18:00 Berlin
  EXPECT_EQ(jf.ok({"log", "1h30m", "writing", "--at", "2026-03-09 09:00", "--happy", "5",
                   "--engaged", "6", "--stressed", "1", "--energy", "1"}),
            "1\n");
  EXPECT_EQ(jf.ok({"log", "45", "meetings,planning", "--at", "2026-03-10 10:00", "--happy", "2",
                   "--stressed", "4", "--with", "team", "--note", "roadmap sync"}),
            "2\n");
  EXPECT_EQ(jf.ok({"log", "2h", "managing-people", "--date", "2026-03-11", "--tired", "5"}), "3\n");
  // No --at/--date: the episode ends now (18:00 Berlin) so it started 16:30 local.
  EXPECT_EQ(jf.ok({"log", "90m", "analysis", "--happy", "4"}), "4\n");

  auto table = jf.ok({"episodes"});
  EXPECT_NE(table.find("roadmap sync"), std::string::npos);
  EXPECT_NE(table.find("meetings,planning"), std::string::npos);
  EXPECT_NE(table.find("4 episodes"), std::string::npos);

  auto list = json::parse(jf.ok({"episodes", "--json"}));
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0]["id"], 1);
  EXPECT_EQ(list[0]["start"], "2026-03-09T08:00:00Z");
  EXPECT_EQ(list[0]["date"], "2026-03-09");
  EXPECT_EQ(list[0]["minutes"], 90);
  EXPECT_EQ(list[0]["activities"], json::array({"writing"}));
  EXPECT_EQ(list[0]["happy"], 5);
  EXPECT_EQ(list[0]["energy"], 1);
  EXPECT_TRUE(list[0]["frustrated"].is_null());
  EXPECT_EQ(list[1]["with"], "team");
  EXPECT_EQ(list[1]["activities"], json::array({"meetings", "planning"}));
  EXPECT_TRUE(list[2]["start"].is_null());
  EXPECT_EQ(list[2]["date"], "2026-03-11");
  EXPECT_EQ(list[3]["start"], "2026-03-13T15:30:00Z");

  auto filtered = json::parse(jf.ok({"episodes", "--json", "--activity", "planning"}));
  ASSERT_EQ(filtered.size(), 1u);
  EXPECT_EQ(filtered[0]["id"], 2);
  auto ranged = json::parse(jf.ok({"episodes", "--json", "--from", "2026-03-10", "--to", "2026-03-11"}));
  EXPECT_EQ(ranged.size(), 2u);
}

TEST(WorklogCli, DatabaseIsPrivate) {
  Jobfit jf;
  jf.ok({"log", "1h", "writing"});
  struct stat st {};
  ASSERT_EQ(::stat(jf.db().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(jf.db().parent_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
}

struct BadInput {
  std::vector<std::string> args;
  std::string mentions;
};

TEST(WorklogCli, RefusesBadInputAndWritesNothing) {
  Jobfit jf;
  jf.ok({"log", "1h", "writing", "--happy", "3"});
  const std::vector<BadInput> cases = {
      {{"log", "1h", "juggling"}, "unknown activity 'juggling'"},
      {{"log", "1h", "writing", "--happy", "7"}, "happy must be an integer from 0 to 6"},
      {{"log", "1h", "writing", "--energy", "3"}, "energy must be an integer from -2 to 2"},
      {{"log", "-5m", "writing"}, "duration '-5m' is negative"},
      {{"log", "abc", "writing"}, "duration 'abc' is not a duration"},
      {{"log", "1h", "writing", "--at", "2026-03-15 09:00"}, "more than a day in the future"},
      {{"log", "1h", "writing", "--date", "2026-03-16"}, "more than a day in the future"},
      {{"log", "1h", "writing", "--at", "yesterday"}, "at must be a local time"},
      {{"log", "1h", "writing", "--happy", "lots"}, "happy"},
      {{"log", "1h"}, "activities"},
      {{"episodes", "--from", "2026-13-01"}, "from must be a date"},
  };
  for (const auto& c : cases) {
    auto r = jf.run(c.args);
    EXPECT_EQ(r.status, 2) << c.args[0] << " " << c.args[1] << ": " << r.err;
    EXPECT_NE(r.err.find(c.mentions), std::string::npos) << r.err;
  }
  EXPECT_EQ(json::parse(jf.ok({"episodes", "--json"})).size(), 1u);
}

TEST(WorklogCli, EditAndRemove) {
  Jobfit jf;
  jf.ok({"log", "1h", "writing", "--at", "2026-03-12 09:00", "--happy", "3", "--note", "draft"});
  EXPECT_EQ(jf.ok({"episode", "edit", "1", "--stressed", "2", "--duration", "2h",
                   "--activities", "writing,research"}),
            "Updated episode 1\n");
  auto e = json::parse(jf.ok({"episode", "show", "1", "--json"}));
  EXPECT_EQ(e["happy"], 3);  // untouched
  EXPECT_EQ(e["stressed"], 2);
  EXPECT_EQ(e["minutes"], 120);
  EXPECT_EQ(e["activities"], json::array({"writing", "research"}));
  EXPECT_EQ(e["note"], "draft");

  auto bad = jf.run({"episode", "edit", "1", "--tired", "9"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(json::parse(jf.ok({"episode", "show", "1", "--json"})), e);

  auto missing = jf.run({"episode", "rm", "42"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("no episode with id 42"), std::string::npos);
  jf.ok({"episode", "rm", "1"});
  EXPECT_EQ(json::parse(jf.ok({"episodes", "--json"})).size(), 0u);
}

TEST(WorklogCli, CustomActivities) {
  Jobfit jf;
  jf.ok({"activities", "add", "pair-programming", "--label", "Pair programming", "--onet",
         "4.A.3.b.1"});
  jf.ok({"log", "1h", "pair-programming", "--date", "2026-03-12", "--happy", "5"});
  auto all = json::parse(jf.ok({"activities", "--json"}));
  bool found = false;
  for (const auto& a : all) found = found || (a["id"] == "pair-programming" && a["custom"] == true);
  EXPECT_TRUE(found);
  EXPECT_GE(all.size(), 20u);
  EXPECT_EQ(jf.run({"activities", "add", "Bad Id", "--label", "x"}).status, 2);
  EXPECT_EQ(jf.run({"activities", "add", "writing", "--label", "x"}).status, 1);
}

TEST(WorklogCli, ExportImportRoundTripAndAllOrNothing) {
  Jobfit a;
  a.ok({"activities", "add", "gardening", "--label", "Gardening"});
  a.ok({"log", "1h", "writing", "--at", "2026-03-09 09:00", "--happy", "5", "--stressed", "1",
        "--note", "ünïcode ✓ \"quoted\""});
  a.ok({"log", "30m", "gardening,meetings", "--date", "2026-03-10", "--energy", "-2",
        "--with", "clients"});
  auto exported = a.ok({"export"});
  auto file = a.dir() / "export.json";
  writeFile(file, exported);

  Jobfit b;
  EXPECT_NE(b.ok({"import", file.string()}).find("2 episodes"), std::string::npos);
  EXPECT_EQ(b.ok({"export"}), exported);

  // Importing again changes nothing (same ids, same content).
  b.ok({"import", file.string()});
  EXPECT_EQ(b.ok({"export"}), exported);

  // A document that is wrong anywhere writes nothing: the last episode has a rating of 9.
  auto doc = json::parse(exported);
  doc["episodes"].push_back(doc["episodes"][0]);
  doc["episodes"][2]["id"] = 77;
  doc["episodes"][2]["happy"] = 9;
  Jobfit c;
  writeFile(c.dir() / "bad.json", doc.dump());
  auto r = c.run({"import", (c.dir() / "bad.json").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("episodes[2]"), std::string::npos) << r.err;
  EXPECT_EQ(json::parse(c.ok({"episodes", "--json"})).size(), 0u);
  EXPECT_EQ(c.ok({"activities", "--json"}).find("gardening"), std::string::npos);

  writeFile(c.dir() / "broken.json", exported.substr(0, exported.size() / 2));
  r = c.run({"import", (c.dir() / "broken.json").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("not valid JSON"), std::string::npos) << r.err;
}

TEST(WorklogCli, BackupWritesAConsistentCopy) {
  Jobfit jf;
  jf.ok({"log", "1h", "writing", "--happy", "4"});
  auto copy = jf.dir() / "copy.db";
  jf.ok({"backup", copy.string()});
  struct stat st {};
  ASSERT_EQ(::stat(copy.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  Jobfit other;
  other.env["JOBFIT_DB"] = copy.string();
  EXPECT_EQ(json::parse(other.ok({"episodes", "--json"})).size(), 1u);
  EXPECT_EQ(jf.run({"backup", copy.string()}).status, 1);  // never overwrites
}

TEST(WorklogCli, HelpEverywhere) {
  Jobfit jf;
  for (auto cmd : {"log", "episodes", "episode", "activities", "export", "import", "backup"}) {
    auto r = jf.run({cmd, "--help"});
    EXPECT_EQ(r.status, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd;
  }
  EXPECT_EQ(jf.run({"no-such-command"}).status, 2);
  EXPECT_FALSE(std::filesystem::exists(jf.db()));  // help never creates a database
}

}  // namespace
}  // namespace jobfit::testing
