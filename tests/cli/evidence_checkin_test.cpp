// End to end: burnout check-ins, their history and the early warning.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

TEST(EvidenceCli, CheckinScoresAndHistory) {
  Jobfit jf;  // now: Friday 2026-03-13
  auto out = jf.ok({"checkin", "--date", "2026-02-27", "--answers",
                    "p1=seldom,p2=seldom,p3=sometimes,w1=low,w2=low,w3=somewhat,w7=often"});
  // personal (25 + 25 + 50) / 3 = 33.3; work (25 + 25 + 50 + (100 - 75)) / 4 = 31.25
  EXPECT_NE(out.find("Saved the check-in of 2026-02-27"), std::string::npos) << out;
  EXPECT_NE(out.find("Personal burnout 33.3"), std::string::npos) << out;
  EXPECT_NE(out.find("Work-related burnout 31.2"), std::string::npos) << out;
  out = jf.ok({"checkin", "--answers",
               "p1=always,p2=often,p3=sometimes,p4=seldom,p5=never,w1=very-high,w2=high,w3=low,"
               "w7=seldom"});
  EXPECT_NE(out.find("Saved the check-in of 2026-03-13"), std::string::npos) << out;
  EXPECT_NE(out.find("Personal burnout 50.0 (high"), std::string::npos) << out;
  EXPECT_NE(out.find("Work-related burnout 68.8 (high"), std::string::npos) << out;

  auto list = json::parse(jf.ok({"checkins", "--json"}));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1]["date"], "2026-03-13");
  EXPECT_DOUBLE_EQ(list[1]["personal"].get<double>(), 50.0);
  EXPECT_DOUBLE_EQ(list[1]["work"].get<double>(), 68.75);
  EXPECT_DOUBLE_EQ(list[1]["work_change"].get<double>(), 68.75 - 31.25);
  EXPECT_EQ(list[1]["answers"]["w7"], "seldom");
  EXPECT_TRUE(list[1]["answers"]["p6"].is_null());

  auto table = jf.ok({"checkins"});
  EXPECT_NE(table.find("Trend since 2026-02-27: personal 33.3 -> 50.0 (+16.7)"), std::string::npos)
      << table;
  EXPECT_NE(table.find("Kristensen"), std::string::npos);
  // High check-ins, but no episodes getting worse: the rule does not fire.
  EXPECT_NE(table.find("No early warning: your latest check-in reads high or rising"),
            std::string::npos)
      << table;
}

TEST(EvidenceCli, ASecondCheckinOnTheSameDateReplacesTheFirst) {
  Jobfit jf;
  jf.ok({"checkin", "--answers", "p1=never,p2=never,p3=never"});
  auto out = jf.ok({"checkin", "--answers", "p1=often,p2=often"});
  EXPECT_NE(out.find("Replaced the check-in of 2026-03-13"), std::string::npos);
  // Two personal answers are too few for a score.
  EXPECT_NE(out.find("Personal burnout: no score (2 of 6 answered; 3 needed)"), std::string::npos)
      << out;
  auto list = json::parse(jf.ok({"checkins", "--json"}));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_TRUE(list[0]["personal"].is_null());
}

TEST(EvidenceCli, CheckinRefusesBadAnswers) {
  Jobfit jf;
  auto r = jf.run({"checkin", "--answers", "w1=often"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("w1 is answered with very-high|high|somewhat|low|very-low"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(jf.run({"checkin", "--answers", "p9=often"}).status, 2);
  EXPECT_EQ(jf.run({"checkin", "--date", "2026-04-01", "--answers", "p1=often"}).status, 2);
  // No --answers and standard input is not a terminal: a usage error, not a hang.
  r = jf.run({"checkin"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("pass --answers"), std::string::npos) << r.err;
  EXPECT_EQ(json::parse(jf.ok({"checkins", "--json"})).size(), 0u);
}

TEST(EvidenceCli, EarlyWarningInTheCheckinHistory) {
  Jobfit jf;  // window: 2026-02-14 .. 2026-03-13; halves split at 2026-02-28
  for (const char* d : {"2026-02-16", "2026-02-18", "2026-02-20", "2026-02-23"})
    jf.ok({"log", "1h", "writing", "--date", d, "--happy", "5", "--stressed", "1", "--energy", "1"});
  for (const char* d : {"2026-03-03", "2026-03-06", "2026-03-10", "2026-03-12"})
    jf.ok({"log", "1h", "meetings", "--date", d, "--happy", "1", "--stressed", "5", "--energy",
           "-1"});
  auto out = jf.ok({"checkins"});
  EXPECT_NE(out.find("Worth watching: over the last 4 weeks your U-index rose from 0% to 100% and "
                     "your energy fell from +1.0 to -1.0"),
            std::string::npos)
      << out;
  jf.ok({"checkin", "--answers", "p1=often,p2=often,p3=often,w1=high,w2=high,w3=high,w4=often"});
  out = jf.ok({"checkins"});
  EXPECT_NE(out.find("Early warning: over the last 4 weeks"), std::string::npos) << out;
  EXPECT_NE(out.find("Latest check-in 2026-03-13: work-related burnout 75.0 (high)"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace jobfit::testing
