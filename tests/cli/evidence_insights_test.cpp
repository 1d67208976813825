// End to end: log the golden data set through the real jobfit and read the insights back.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

// The data set of tests/unit/evidence/insights_golden_test.cpp, logged from the command line.
void logGoldenDataSet(const Jobfit& jf) {
  jf.ok({"log", "60m", "writing", "--date", "2026-03-02", "--happy", "5", "--engaged", "6",
         "--stressed", "1", "--frustrated", "0", "--energy", "2", "--with", "alone"});
  jf.ok({"log", "30m", "writing", "--date", "2026-03-03", "--happy", "4", "--stressed", "2",
         "--energy", "1", "--with", "alone"});
  jf.ok({"log", "90m", "writing", "--date", "2026-03-04", "--happy", "3", "--engaged", "5",
         "--stressed", "4", "--with", "alone"});
  jf.ok({"log", "60m", "meetings", "--date", "2026-03-09", "--happy", "2", "--stressed", "4",
         "--frustrated", "2", "--energy", "-1", "--with", "team"});
  jf.ok({"log", "60m", "meetings", "--date", "2026-03-10", "--happy", "3", "--engaged", "3",
         "--stressed", "3", "--energy", "0", "--with", "team"});
  jf.ok({"log", "30m", "meetings,presenting", "--date", "2026-03-11", "--happy", "1",
         "--stressed", "5", "--energy", "-2", "--with", "clients"});
  jf.ok({"log", "45m", "presenting", "--date", "2026-03-12", "--happy", "6", "--energy", "1"});
}

const json& activity(const json& insights, const std::string& id) {
  for (const auto& a : insights["activities"])
    if (a["activity"] == id) return a;
  static const json none;
  ADD_FAILURE() << "no activity " << id;
  return none;
}

TEST(EvidenceCli, InsightsJsonMatchesTheHandComputedFigures) {
  Jobfit jf;
  logGoldenDataSet(jf);
  auto in = json::parse(jf.ok({"insights", "--json"}));
  const auto& w = activity(in, "writing");
  EXPECT_EQ(w["n"], 3);
  EXPECT_EQ(w["minutes"], 180);
  EXPECT_NEAR(w["share"].get<double>(), 0.48, 1e-9);
  EXPECT_NEAR(w["net_affect"].get<double>(), 2.0, 1e-9);
  EXPECT_NEAR(w["ci_low"].get<double>(), -5.452413, 1e-5);   // 2 - 4.302653 * sqrt(3)
  EXPECT_NEAR(w["ci_high"].get<double>(), 9.452413, 1e-5);
  EXPECT_NEAR(w["shrunk_net_affect"].get<double>(), 1 + 3.0 / 11, 1e-9);
  EXPECT_NEAR(w["u_index"].get<double>(), 0.0, 1e-9);
  EXPECT_NEAR(w["energy"].get<double>(), 5.0 / 3, 1e-9);
  EXPECT_NEAR(w["engaged"].get<double>(), 5.4, 1e-9);
  EXPECT_TRUE(w["tired"].is_null());
  const auto& m = activity(in, "meetings");
  EXPECT_NEAR(m["u_index"].get<double>(), 0.6, 1e-9);  // the tie episode is not unpleasant
  EXPECT_NEAR(m["net_affect"].get<double>(), -1.2, 1e-9);
  const auto& p = activity(in, "presenting");
  EXPECT_TRUE(p["ci_low"].is_null());
  EXPECT_EQ(p["verdict"], "not_enough_evidence");
  EXPECT_EQ(in["excluded"], 1);
  EXPECT_NEAR(in["overall"]["net_affect"].get<double>(), 6.0 / 11, 1e-9);
  EXPECT_NEAR(in["overall"]["u_index"].get<double>(), 3.0 / 11, 1e-9);
  EXPECT_EQ(in["overall"]["minutes"], 375);
  EXPECT_EQ(in["energizers"][0]["activity"], "writing");
  EXPECT_EQ(in["drainers"][0]["activity"], "meetings");
  EXPECT_EQ(in["not_enough_evidence"][0]["activity"], "presenting");
  ASSERT_EQ(in["trend"].size(), 2u);
  EXPECT_EQ(in["trend"][1]["week"], "2026-03-09");
  EXPECT_NEAR(in["trend"][1]["u_index"].get<double>(), 0.6, 1e-9);
  ASSERT_EQ(in["with_whom"].size(), 4u);
  EXPECT_EQ(in["with_whom"][0]["with"], "alone");
}

TEST(EvidenceCli, InsightsTableSaysWhatEnergizesAndDrains) {
  Jobfit jf;
  logGoldenDataSet(jf);
  auto out = jf.ok({"insights"});
  EXPECT_NE(out.find("Evidence, all episodes: 7 episodes, 6h15m"), std::string::npos) << out;
  EXPECT_NE(out.find("Overall: net affect +0.5"), std::string::npos) << out;
  EXPECT_NE(out.find("U-index 27%"), std::string::npos) << out;
  EXPECT_NE(out.find("1 episode without both a positive and a negative rating"), std::string::npos);
  EXPECT_NE(out.find("Energizers\n  Writing: 3 episodes, 3h, leaning energizing, not yet certain "
                     "(+2.0, 95% CI -5.5..+9.5)"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("Drainers\n  Meetings and coordination: 3 episodes"), std::string::npos);
  EXPECT_NE(out.find("Not enough evidence yet\n  Presenting: 2 episodes, 1h15m, not enough "
                     "evidence yet"),
            std::string::npos);
  EXPECT_NE(out.find("Weekly trend"), std::string::npos);
}

TEST(EvidenceCli, InsightsPeriodAndShrink) {
  Jobfit jf;
  logGoldenDataSet(jf);
  auto in = json::parse(jf.ok({"insights", "--from", "2026-03-09", "--to", "2026-03-11",
                               "--shrink", "0", "--json"}));
  EXPECT_EQ(in["overall"]["n"], 3);
  EXPECT_EQ(in["from"], "2026-03-09");
  EXPECT_EQ(in["shrink_k"], 0.0);
  EXPECT_NEAR(activity(in, "meetings")["shrunk_net_affect"].get<double>(), -1.2, 1e-9);
  EXPECT_EQ(jf.run({"insights", "--shrink", "-1"}).status, 2);
  EXPECT_EQ(jf.run({"insights", "--from", "2026-03-10", "--to", "2026-03-01"}).status, 2);
  auto empty = jf.ok({"insights", "--from", "2025-01-01", "--to", "2025-01-31"});
  EXPECT_NE(empty.find("No episodes in this period"), std::string::npos);
}

TEST(EvidenceCli, ExpectedVersusExperienced) {
  Jobfit jf;
  logGoldenDataSet(jf);
  EXPECT_NE(jf.ok({"expect", "presenting", "--happy", "5", "--engaged", "5", "--stressed", "2"})
                .find("net affect +3.0"),
            std::string::npos);
  jf.ok({"expect", "writing", "--happy", "6", "--stressed", "0", "--date", "2026-03-01"});
  jf.ok({"expect", "writing", "--happy", "4", "--stressed", "2", "--date", "2026-03-05"});
  auto out = jf.ok({"insights"});
  auto presenting = out.find("You expected Presenting to feel +3.0; your 1 episode says -4.0");
  auto writing = out.find("You expected Writing to feel +2.0; your 3 episodes say +2.0");
  EXPECT_NE(presenting, std::string::npos) << out;
  EXPECT_NE(writing, std::string::npos) << out;
  EXPECT_LT(presenting, writing);  // largest gap first
  auto in = json::parse(jf.ok({"insights", "--json"}));
  EXPECT_NEAR(in["expected_vs_experienced"][0]["gap"].get<double>(), -7.0, 1e-9);
  auto list = json::parse(jf.ok({"expect", "--json"}));
  ASSERT_EQ(list.size(), 2u);  // the latest per activity
  EXPECT_EQ(list[1]["activity"], "writing");
  EXPECT_EQ(list[1]["happy"], 4);
  EXPECT_EQ(jf.run({"expect", "presenting"}).status, 2);  // no rating
  EXPECT_EQ(jf.run({"expect", "juggling", "--happy", "3"}).status, 2);
  EXPECT_EQ(jf.run({"expect", "writing", "--happy", "9"}).status, 2);
}

}  // namespace
}  // namespace jobfit::testing
