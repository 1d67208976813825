// End to end: the job search commands against the real build/jobfit.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

// Now is 2026-03-13 (Friday) 18:00 in Berlin.
class Search : public ::testing::Test {
 protected:
  Jobfit jf;
  std::string add(std::vector<std::string> args) {
    args.insert(args.begin(), {"app", "add"});
    auto out = jf.ok(args);
    return out.substr(0, out.find('\n'));
  }
};

TEST_F(Search, AddMoveShowAndListAsJson) {
  addPostings(jf, 12);
  EXPECT_EQ(jf.ok({"contact", "add", "Jane Doe", "--company", "Acme", "--how", "ex-colleague"}),
            "1\n");
  EXPECT_EQ(add({"--company", "Acme", "--title", "Data Analyst", "--referrer", "jane doe",
                 "--applied", "2026-02-01", "--resume", "v3", "--posting", "12"}),
            "1");
  jf.ok({"app", "move", "1", "screening", "--date", "2026-02-05", "--note", "recruiter call"});
  jf.ok({"app", "move", "1", "interviewing", "--date", "2026-02-12"});
  auto show = jf.ok({"app", "show", "1"});
  EXPECT_NE(show.find("Data Analyst at Acme"), std::string::npos);
  EXPECT_NE(show.find("recruiter call"), std::string::npos);
  EXPECT_NE(show.find("Jane Doe (referrer)"), std::string::npos);
  EXPECT_NE(show.find("first response 2026-02-05 (4 days later)"), std::string::npos);

  auto list = json::parse(jf.ok({"apps", "--json"}));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["channel"], "referral");  // implied by the referrer
  EXPECT_EQ(list[0]["posting_id"], 12);
  EXPECT_EQ(list[0]["contacts"][0]["referrer"], true);
  EXPECT_EQ(list[0]["status"]["stage"], "interviewing");
  EXPECT_EQ(list[0]["status"]["silent"], true);  // 29 days since the last event, threshold 10
  EXPECT_EQ(list[0]["events"].size(), 3u);
  EXPECT_EQ(json::parse(jf.ok({"apps", "--stage", "applied", "--json"})).size(), 0u);
}

TEST_F(Search, MoveRulesAtTheCommandLine) {
  add({"--company", "Acme", "--title", "Analyst", "--applied", "2026-03-01"});
  auto before = jf.run({"app", "move", "1", "screening", "--date", "2026-02-20"});
  EXPECT_EQ(before.status, 1);
  EXPECT_NE(before.err.find("--force"), std::string::npos);
  jf.ok({"app", "move", "1", "screening", "--date", "2026-02-20", "--force"});
  EXPECT_EQ(jf.run({"app", "move", "1", "offer", "--date", "2026-03-14"}).status, 2);  // future
  EXPECT_EQ(jf.run({"app", "move", "1", "hired"}).status, 2);
  EXPECT_EQ(jf.run({"app", "move", "9", "offer"}).status, 1);
  EXPECT_EQ(jf.run({"app", "move", "x", "offer"}).status, 2);
  jf.ok({"app", "move", "1", "offer"});
  jf.ok({"app", "move", "1", "interviewing", "--note", "they reopened the process"});  // back
  auto j = json::parse(jf.ok({"app", "show", "1", "--json"}));
  EXPECT_EQ(j["events"].size(), 4u);
  EXPECT_EQ(j["status"]["stage"], "interviewing");
}

TEST_F(Search, DuplicatesNeedForceAndEarlierSilenceIsReported) {
  add({"--company", "Acme", "--title", "Data Analyst", "--applied", "2025-09-01"});
  jf.ok({"app", "close", "1", "--date", "2025-11-01", "--learned", "too generic a letter"});
  add({"--company", "Acme", "--title", "Data Analyst", "--applied", "2026-02-01"});
  auto dup = jf.run({"app", "add", "--company", "ACME", "--title", "data analyst!"});
  EXPECT_EQ(dup.status, 1);
  EXPECT_NE(dup.err.find("looks like application 2"), std::string::npos) << dup.err;
  EXPECT_NE(dup.err.find("left you without an answer before"), std::string::npos);
  EXPECT_NE(dup.err.find("too generic a letter"), std::string::npos);
  auto forced = jf.run({"app", "add", "--company", "ACME", "--title", "data analyst!", "--force"});
  EXPECT_EQ(forced.status, 0);
  EXPECT_EQ(forced.out, "3\n");
  // Same posting, whatever the title.
  addPostings(jf, 7);
  add({"--company", "Beta", "--title", "One", "--posting", "7"});
  EXPECT_EQ(jf.run({"app", "add", "--company", "Gamma", "--title", "Two", "--posting", "7"}).status, 1);
  EXPECT_EQ(jf.run({"app", "add", "--company", "Gamma", "--title", "Two", "--posting", "-7"}).status, 2);
}

TEST_F(Search, APostingThatIsNotStoredIsRefusedAndNothingIsWritten) {
  addPostings(jf, 2);
  auto r = jf.run({"app", "add", "--company", "Acme", "--title", "Analyst", "--posting", "3"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no posting with id 3"), std::string::npos) << r.err;
  EXPECT_EQ(json::parse(jf.ok({"apps", "--json"})).size(), 0u);

  add({"--company", "Acme", "--title", "Analyst", "--posting", "2"});
  auto edit = jf.run({"app", "edit", "1", "--posting", "99"});
  EXPECT_EQ(edit.status, 1);
  EXPECT_NE(edit.err.find("no posting with id 99"), std::string::npos) << edit.err;
  EXPECT_EQ(json::parse(jf.ok({"app", "show", "1", "--json"}))["posting_id"], 2);
  jf.ok({"app", "edit", "1", "--posting", "1"});
  EXPECT_EQ(json::parse(jf.ok({"app", "show", "1", "--json"}))["posting_id"], 1);
}

TEST_F(Search, InboxAndBareJobfit) {
  // No database yet: help, and nothing created.
  auto bare = jf.ok({});
  EXPECT_NE(bare.find("Usage"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(jf.db()));

  jf.ok({"contact", "add", "Jane Doe"});
  add({"--company", "Acme", "--title", "Analyst", "--applied", "2026-02-01", "--referrer", "1"});
  add({"--company", "Beta", "--title", "Engineer", "--applied", "2026-01-10"});
  add({"--company", "Gamma", "--title", "Scientist", "--applied", "2026-03-10"});
  add({"--company", "Delta", "--title", "Lead", "--applied", "2026-02-20"});
  jf.ok({"remind", "4", "2026-03-12", "ask about the timeline"});
  jf.ok({"remind", "3", "2026-03-16", "second round", "--interview", "--at", "14:00"});

  auto inbox = jf.ok({});
  EXPECT_NE(inbox.find("Today, 2026-03-13"), std::string::npos);
  EXPECT_NE(inbox.find("Interviews"), std::string::npos);
  EXPECT_NE(inbox.find("2026-03-16 14:00"), std::string::npos);
  EXPECT_NE(inbox.find("ask about the timeline"), std::string::npos);
  EXPECT_NE(inbox.find("Ask Jane Doe"), std::string::npos);  // referred: ask the referrer
  EXPECT_NE(inbox.find("jobfit app close 2 --reason silent"), std::string::npos);  // 62 days
  EXPECT_EQ(jf.ok({"inbox"}), inbox);

  auto j = json::parse(jf.ok({"inbox", "--json"}));
  std::vector<std::string> kinds;
  for (const auto& item : j["items"]) kinds.push_back(item["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"interview", "followup", "silent", "silent"}));

  // Doing the follow-up logs it on the application and clears the item.
  jf.ok({"reminders", "--done", "1"});
  j = json::parse(jf.ok({"inbox", "--json"}));
  EXPECT_EQ(j["items"].size(), 3u);
  auto app = json::parse(jf.ok({"app", "show", "4", "--json"}));
  EXPECT_EQ(app["events"].back()["kind"], "followup");

  // A reply clears silence; the stage stays.
  jf.ok({"app", "note", "1", "they will call next week", "--reply"});
  app = json::parse(jf.ok({"app", "show", "1", "--json"}));
  EXPECT_EQ(app["status"]["silent"], false);
  EXPECT_EQ(app["status"]["stage"], "applied");
  EXPECT_EQ(app["status"]["first_response"], "2026-03-13");
  EXPECT_EQ(json::parse(jf.ok({"apps", "--silent", "--json"})).size(), 1u);
}

TEST_F(Search, SilenceThresholdSettings) {
  add({"--company", "Acme", "--title", "Analyst", "--applied", "2026-02-13"});  // 28 days
  EXPECT_EQ(json::parse(jf.ok({"apps", "--silent", "--json"})).size(), 1u);
  EXPECT_EQ(jf.ok({"settings", "set", "silence.applied=30"}), "silence.applied = 30\n");
  EXPECT_EQ(jf.ok({"settings", "get", "silence.applied"}), "30\n");
  EXPECT_EQ(json::parse(jf.ok({"apps", "--silent", "--json"})).size(), 0u);
  auto all = jf.ok({"settings", "get"});
  EXPECT_NE(all.find("silence.offer = 7 (default)"), std::string::npos);
  EXPECT_EQ(jf.run({"settings", "set", "silence.applied=0"}).status, 2);
  EXPECT_EQ(jf.run({"settings", "set", "silence.saved=3"}).status, 2);
  EXPECT_EQ(jf.run({"settings", "set", "colour=blue"}).status, 2);
  EXPECT_EQ(jf.run({"settings", "set", "silence.applied"}).status, 2);
  EXPECT_EQ(jf.ok({"settings", "get", "silence.applied"}), "30\n");
}

TEST_F(Search, CloseFeedbackAndStats) {
  jf.ok({"contact", "add", "Sam Lee", "--company", "Acme", "--role", "Recruiter"});
  add({"--company", "Acme", "--title", "Analyst", "--applied", "2026-02-02", "--channel", "referral"});
  jf.ok({"app", "edit", "1", "--contact", "Sam Lee"});
  jf.ok({"app", "move", "1", "interviewing", "--date", "2026-02-09"});
  add({"--company", "Beta", "--title", "Engineer", "--applied", "2026-02-02", "--channel", "cold"});
  add({"--company", "Gamma", "--title", "Scientist", "--applied", "2026-02-03", "--channel", "cold"});
  EXPECT_EQ(jf.run({"app", "feedback", "1"}).status, 1);  // not rejected
  auto closed = jf.ok({"app", "close", "1", "--reason", "rejected", "--date", "2026-02-20",
                       "--learned", "ask about the team earlier"});
  EXPECT_NE(closed.find("jobfit app feedback 1"), std::string::npos);
  auto note = jf.ok({"app", "feedback", "1"});
  EXPECT_NE(note.find("Hello Sam Lee,"), std::string::npos);
  EXPECT_NE(note.find("the Analyst role at Acme, which I sent on 2026-02-02"), std::string::npos);
  EXPECT_NE(note.find("interviews"), std::string::npos);
  jf.ok({"app", "close", "2"});  // silent: no response
  EXPECT_EQ(jf.run({"app", "close", "2"}).status, 1);  // already closed
  EXPECT_EQ(jf.run({"app", "close", "2", "--reason", "bored"}).status, 2);

  auto s = json::parse(jf.ok({"stats", "--json"}));
  for (const char* key : {"funnel", "by_channel", "time_to_response", "weekly", "by_company"})
    EXPECT_TRUE(s.contains(key)) << key;
  EXPECT_EQ(s["funnel"][1]["stage"], "applied");
  EXPECT_EQ(s["funnel"][1]["reached"], 3);
  EXPECT_EQ(s["funnel"][3]["reached"], 1);  // interviewing
  const auto& channels = s["by_channel"];
  ASSERT_EQ(channels.size(), 2u);
  EXPECT_EQ(channels[0]["channel"], "referral");
  EXPECT_EQ(channels[0]["response_rate"], 1.0);
  EXPECT_EQ(channels[0]["interview_rate"], 1.0);
  EXPECT_EQ(channels[0]["median_days"], 7);
  EXPECT_EQ(channels[1]["channel"], "cold");
  EXPECT_EQ(channels[1]["response_rate"], 0.0);
  EXPECT_TRUE(channels[1]["median_days"].is_null());
  // One answer (7 days) among three: the median is not known yet, and says so.
  EXPECT_TRUE(s["time_to_response"]["median_days"].is_null());
  EXPECT_EQ(s["time_to_response"]["p25_days"], 7);
  EXPECT_EQ(s["time_to_response"]["curve"][0]["days"], 7);
  EXPECT_EQ(s["outcomes"]["closed"], 1);
  auto text = jf.ok({"stats"});
  EXPECT_NE(text.find("Time to first response"), std::string::npos);
  EXPECT_EQ(jf.run({"stats", "--from", "2026-03-01", "--to", "2026-02-01"}).status, 2);
  EXPECT_EQ(json::parse(jf.ok({"stats", "--from", "2026-02-03", "--json"}))["sent"], 1);
}

TEST_F(Search, ContactsWithInteractionsAndReferrals) {
  jf.ok({"contact", "add", "Jane Doe", "--company", "Acme", "--email", "jane@example.org", "--link",
         "https://example.org/jane"});
  EXPECT_EQ(jf.run({"contact", "add", "Bad", "--email", "nope"}).status, 2);
  add({"--company", "Acme", "--title", "Analyst", "--referrer", "Jane Doe"});
  jf.ok({"contact", "log", "1", "coffee, she will pass on my CV", "--date", "2026-03-01", "--app", "1"});
  jf.ok({"contact", "log", "1", "met at meetup", "--date", "2026-02-01"});
  auto list = json::parse(jf.ok({"contacts", "--json"}));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["last_contacted"], "2026-03-01");
  EXPECT_EQ(list[0]["referrals"], json::array({1}));
  EXPECT_EQ(list[0]["interactions"][0]["text"], "met at meetup");  // date order
  auto show = jf.ok({"contact", "show", "1"});
  EXPECT_NE(show.find("referred by them"), std::string::npos);
  jf.ok({"contact", "edit", "1", "--role", "Engineering manager"});
  EXPECT_EQ(json::parse(jf.ok({"contact", "show", "1", "--json"}))["role"], "Engineering manager");
  jf.ok({"contact", "add", "Jane Doe"});
  EXPECT_EQ(jf.run({"app", "edit", "1", "--contact", "Jane Doe"}).status, 2);  // ambiguous
  auto rm = jf.ok({"contact", "rm", "1"});
  EXPECT_NE(rm.find("unlinked from 1 applications"), std::string::npos);
  EXPECT_EQ(json::parse(jf.ok({"app", "show", "1", "--json"}))["contacts"].size(), 0u);
}

TEST_F(Search, RemoveDeletesHistoryAndReminders) {
  add({"--company", "Acme", "--title", "Analyst"});
  jf.ok({"remind", "1", "2026-03-20"});
  EXPECT_EQ(jf.run({"remind", "1", "2026-03-20", "--interview"}).status, 2);  // needs --at
  jf.ok({"app", "rm", "1"});
  EXPECT_EQ(json::parse(jf.ok({"reminders", "--all", "--json"})).size(), 0u);
  EXPECT_EQ(jf.run({"app", "show", "1"}).status, 1);
}

TEST_F(Search, ArchiveExportImportIsLossless) {
  jf.ok({"contact", "add", "Jane Doe", "--company", "Acme", "--link", "https://example.org/j"});
  add({"--company", "Acme", "--title", "Analyst", "--referrer", "1", "--applied", "2026-02-01",
       "--note", "sent via portal", "--salary", "60k"});
  jf.ok({"app", "move", "1", "screening", "--date", "2026-02-04"});
  jf.ok({"contact", "log", "1", "thanked her", "--app", "1"});
  add({"--company", "Beta", "--title", "Engineer", "--stage", "saved"});
  jf.ok({"remind", "1", "2026-03-18", "second round", "--interview", "--at", "10:30"});
  jf.ok({"settings", "set", "silence.applied=14"});
  auto file = jf.dir() / "all.json";
  jf.ok({"export", file.string()});
  auto first = readFile(file);

  Jobfit other;
  auto imported = other.ok({"import", file.string()});
  EXPECT_NE(imported.find("2 applications"), std::string::npos) << imported;
  auto file2 = other.dir() / "again.json";
  other.ok({"export", file2.string()});
  EXPECT_EQ(readFile(file2), first);
  // Importing the same document again changes nothing.
  EXPECT_NE(other.ok({"import", file.string()}).find("already present"), std::string::npos);
  other.ok({"export", (other.dir() / "third.json").string()});
  EXPECT_EQ(readFile(other.dir() / "third.json"), first);

  // --new-ids keeps references: the referral and the reminder follow their application.
  auto renumbered = other.ok({"import", file.string(), "--new-ids"});
  auto apps = json::parse(other.ok({"apps", "--json"}));
  ASSERT_EQ(apps.size(), 4u);
  EXPECT_EQ(apps[2]["contacts"][0]["contact_id"], 2);
  auto reminders = json::parse(other.ok({"reminders", "--json"}));
  ASSERT_EQ(reminders.size(), 2u);
  EXPECT_EQ(reminders[1]["application_id"], 3);
}

}  // namespace
}  // namespace jobfit::testing
