// End to end: values, constraints, fit, rank, posting appeal and the "mostly the idea of it"
// flag through the real jobfit, with bad input refused (exit 2 usage, 1 data) and nothing
// written by a refused command.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

// Four postings of our own: a writing job, a managing job with on-call, an on-site writing
// job, and a remote job with much travel.
const char* kPostings =
    "title,company,location,description\n"
    "Technical Writer,Quillon,Remote,\"Write documentation for our APIs and draft technical "
    "documents with the engineers. This role is fully remote. Salary: $110,000 - $130,000 a "
    "year.\"\n"
    "Engineering Manager,Kestrel,\"Berlin, Germany\",\"Manage a team of 9 engineers: "
    "one-on-ones, performance reviews and line management. Supervise the hiring. You will join "
    "the on-call rotation. Hybrid: two days a week in the office.\"\n"
    "Report Writer,Tidewell,\"Munich, Germany\",\"Write reports and memos for our insurers, "
    "draft proposals. This is an on-site role at our Munich office.\"\n"
    "Documentation Lead,Larkspur,Remote,\"Write documentation and reports, and visit clients: "
    "travel up to 60% of the time. This role is fully remote.\"\n";

// Writing energizes this person; managing people drains them.
void logEvidence(const Jobfit& jf) {
  for (const char* day : {"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"}) {
    jf.ok({"log", "2h", "writing", "--date", day, "--happy", "5", "--stressed", "1", "--energy", "2"});
    jf.ok({"log", "1h", "managing-people", "--date", day, "--happy", "1", "--stressed", "5",
           "--frustrated", "4", "--energy", "-2"});
  }
}

class FitCli : public ::testing::Test {
 protected:
  Jobfit jf;
  void SetUp() override {
    jf.ok({"postings", "import", "-", "--format", "csv"}, kPostings);
    logEvidence(jf);
  }
  json rank(std::vector<std::string> args = {}) {
    args.insert(args.begin(), "rank");
    args.push_back("--json");
    return json::parse(jf.ok(args));
  }
};

TEST_F(FitCli, ValuesAreSetShownAndBadOnesChangeNothing) {
  auto before = json::parse(jf.ok({"values", "--json"}));
  EXPECT_EQ(before["learning"], 0);
  EXPECT_TRUE(before["target_pay"].is_null());
  EXPECT_NE(jf.ok({"values"}).find("No values set yet"), std::string::npos);

  EXPECT_EQ(jf.ok({"values", "set", "time_and_health=4", "learning=2", "target_pay=120000"}),
            "Values saved.\n");
  auto set = json::parse(jf.ok({"values", "--json"}));
  EXPECT_EQ(set["time_and_health"], 4);
  EXPECT_EQ(set["learning"], 2);
  EXPECT_EQ(set["target_pay"], 120000);

  // A bad assignment among good ones: usage error, and none of them is written.
  for (std::vector<std::string> bad : {std::vector<std::string>{"pay=3", "learning=9"},
                                       {"pay=3", "happiness=2"},
                                       {"pay=three"},
                                       {"learning"}}) {
    bad.insert(bad.begin(), {"values", "set"});
    auto r = jf.run(bad);
    EXPECT_EQ(r.status, 2) << bad.back();
    EXPECT_FALSE(r.err.empty());
  }
  EXPECT_EQ(json::parse(jf.ok({"values", "--json"})), set);
}

TEST_F(FitCli, ConstraintsAreSetShownAndBadOnesChangeNothing) {
  jf.ok({"constraints", "set", "min_pay=100000", "currency=USD", "period=year",
         "work_modes=remote,hybrid", "max_travel=0.3", "on_call=no"});
  auto c = json::parse(jf.ok({"constraints", "--json"}));
  EXPECT_EQ(c["min_pay"]["amount"], 100000);
  EXPECT_EQ(c["min_pay"]["currency"], "USD");
  EXPECT_EQ(c["work_modes"], json({"remote", "hybrid"}));
  EXPECT_EQ(c["max_travel"], 0.3);
  EXPECT_EQ(c["on_call"], false);
  auto text = jf.ok({"constraints"});
  EXPECT_NE(text.find("On-call:          no"), std::string::npos) << text;

  for (std::vector<std::string> bad : {std::vector<std::string>{"max_travel=2"},
                                       {"on_call=maybe"},
                                       {"work_modes=remote,space"},
                                       {"min_pay=lots"},
                                       {"period=fortnight"}}) {
    bad.insert(bad.begin(), {"constraints", "set"});
    EXPECT_EQ(jf.run(bad).status, 2) << bad.back();
  }
  EXPECT_EQ(json::parse(jf.ok({"constraints", "--json"})), c);
  // An empty value clears one constraint.
  jf.ok({"constraints", "set", "max_travel="});
  EXPECT_TRUE(json::parse(jf.ok({"constraints", "--json"}))["max_travel"].is_null());
}

TEST_F(FitCli, FitByIdFileAndStdinWithReasonsAndViolationsFirst) {
  jf.ok({"constraints", "set", "on_call=no"});
  auto writer = json::parse(jf.ok({"fit", "1", "--json"}));
  EXPECT_EQ(writer["posting_id"], 1);
  EXPECT_EQ(writer["title"], "Technical Writer");
  EXPECT_GT(writer["score"].get<double>(), 50);
  EXPECT_LE(writer["interval"]["low"].get<double>(), writer["score"].get<double>());
  EXPECT_GE(writer["interval"]["high"].get<double>(), writer["score"].get<double>());
  EXPECT_TRUE(writer["eligible"].get<bool>());
  ASSERT_FALSE(writer["contributions"].empty());
  EXPECT_EQ(writer["contributions"][0]["name"], "writing");
  EXPECT_NE(writer["contributions"][0]["text"].get<std::string>().find("you rated 4 such episodes"),
            std::string::npos);

  auto manager = json::parse(jf.ok({"fit", "2", "--json"}));
  EXPECT_LT(manager["score"].get<double>(), writer["score"].get<double>());
  EXPECT_FALSE(manager["eligible"].get<bool>());
  EXPECT_EQ(manager["violations"][0]["constraint"], "on_call");
  auto text = jf.ok({"fit", "2"});
  auto breaks = text.find("Breaks your constraints:");
  ASSERT_NE(breaks, std::string::npos) << text;
  EXPECT_LT(breaks, text.find("Why:"));
  EXPECT_NE(text.find("on-call"), std::string::npos);

  // A posting from a file or standard input is scored without being stored.
  std::string posting = "Staff Writer\n\nWrite documentation and white papers. Fully remote.\n";
  auto file = jf.dir() / "posting.txt";
  writeFile(file, posting);
  auto fromFile = json::parse(jf.ok({"fit", file.string(), "--json"}));
  EXPECT_EQ(fromFile["title"], "Staff Writer");
  EXPECT_EQ(fromFile["posting_id"], 0);
  auto fromStdin = json::parse(jf.ok({"fit", "-", "--json"}, posting));
  EXPECT_EQ(fromStdin["score"], fromFile["score"]);
  EXPECT_EQ(json::parse(jf.ok({"postings", "--json"})).size(), 4u);
}

TEST_F(FitCli, FitRefusesWhatItCannotRead) {
  auto missing = jf.run({"fit", "99"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("no posting with id 99"), std::string::npos) << missing.err;
  EXPECT_EQ(jf.run({"fit", (jf.dir() / "nowhere.txt").string()}).status, 1);
  auto empty = jf.dir() / "empty.csv";
  writeFile(empty, "title,company,location,description\n");
  EXPECT_EQ(jf.run({"fit", empty.string()}).status, 1);
  EXPECT_EQ(jf.run({"fit"}).status, 2);
}

TEST_F(FitCli, RankExcludesWhatBreaksAConstraintAndHonoursQueryAndLimit) {
  jf.ok({"constraints", "set", "on_call=no", "work_modes=remote,hybrid", "max_travel=0.3"});
  auto all = rank();
  EXPECT_EQ(all["total"], 4);
  EXPECT_EQ(all["eligible"], 1);  // the manager is on call, the report writer on site, the lead travels
  ASSERT_EQ(all["ranked"].size(), 1u);
  EXPECT_EQ(all["ranked"][0]["posting_id"], 1);
  EXPECT_EQ(all["ranked"][0]["rank"], 1);
  EXPECT_FALSE(all["ranked"][0]["top_reason"].get<std::string>().empty());
  EXPECT_EQ(all["basis"], "your episodes (no values set)");

  jf.ok({"constraints", "set", "on_call=yes", "work_modes=", "max_travel="});
  auto open = rank();
  EXPECT_EQ(open["eligible"], 4);
  ASSERT_EQ(open["ranked"].size(), 4u);
  // Best first: the manager's days are mostly what drains this person.
  EXPECT_EQ(open["ranked"][3]["posting_id"], 2);
  for (size_t i = 1; i < 4; ++i)
    EXPECT_GE(open["ranked"][i - 1]["score"].get<double>(), open["ranked"][i]["score"].get<double>());

  auto limited = rank({"--limit", "2"});
  ASSERT_EQ(limited["ranked"].size(), 2u);
  EXPECT_EQ(limited["ranked"][0], open["ranked"][0]);

  auto reports = rank({"--query", "reports"});
  EXPECT_EQ(reports["total"], 2);  // the report writer and the documentation lead
  for (const auto& r : reports["ranked"]) EXPECT_TRUE(r["posting_id"] == 3 || r["posting_id"] == 4);
  EXPECT_EQ(rank({"--query", "astronaut"})["total"], 0);
  EXPECT_NE(jf.ok({"rank", "--query", "astronaut"}).find("No postings match"), std::string::npos);

  auto text = jf.ok({"rank"});
  EXPECT_NE(text.find("4 of 4 postings meet your constraints"), std::string::npos) << text;
  EXPECT_NE(text.find("Technical Writer at Quillon"), std::string::npos) << text;

  EXPECT_EQ(jf.run({"rank", "--limit", "0"}).status, 2);
  EXPECT_EQ(jf.run({"rank", "--limit", "10001"}).status, 2);
  EXPECT_EQ(jf.run({"rank", "--query", "***"}).status, 2);
}

TEST_F(FitCli, AppealAndTheIdeaFlag) {
  EXPECT_EQ(jf.ok({"posting", "appeal", "2", "5"}), "Posting 2 appeals 5/5 to you.\n");
  jf.ok({"posting", "appeal", "1", "2"});
  auto r = rank();
  ASSERT_EQ(r["idea_flags"].size(), 1u);
  const auto& flag = r["idea_flags"][0];
  EXPECT_EQ(flag["posting_id"], 2);
  EXPECT_EQ(flag["appeal"], 5);
  EXPECT_LT(flag["score"].get<double>(), 40);
  EXPECT_EQ(flag["draining_activities"], json({"managing people"}));
  auto text = jf.ok({"rank"});
  EXPECT_NE(text.find("Mostly the idea of it:"), std::string::npos) << text;
  EXPECT_NE(text.find("you rate its appeal 5/5"), std::string::npos) << text;

  // Bad ratings are refused and change nothing.
  EXPECT_EQ(jf.run({"posting", "appeal", "2", "6"}).status, 2);
  EXPECT_EQ(jf.run({"posting", "appeal", "2", "0"}).status, 2);
  EXPECT_EQ(jf.run({"posting", "appeal", "x", "3"}).status, 2);
  auto missing = jf.run({"posting", "appeal", "99", "3"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("no posting with id 99"), std::string::npos) << missing.err;
  EXPECT_EQ(rank()["idea_flags"], r["idea_flags"]);
}

}  // namespace
}  // namespace jobfit::testing
