// Golden tests: a small hand-built data set whose every figure is worked out by hand below.
#include <cmath>

#include <gtest/gtest.h>

#include "evidence/affect.h"
#include "evidence/insights.h"
#include "evidence/statistics.h"

namespace jobfit {
namespace {

constexpr double kTol = 1e-9;
// Student's t, 97.5th percentile, from a printed table: df = 1, 2, 4.
constexpr double kT1 = 12.706205;
constexpr double kT2 = 4.302653;
constexpr double kT4 = 2.776445;

Date day(int d) { return Date{date::year{2026}, date::month{3}, date::day{unsigned(d)}}; }

Episode episode(int64_t id, int d, int minutes, std::vector<std::string> activities,
                Ratings r, std::string with = "") {
  Episode e;
  e.id = id;
  e.date = day(d);
  e.minutes = minutes;
  e.activities = std::move(activities);
  e.ratings = r;
  e.with = std::move(with);
  return e;
}

Ratings ratings(std::optional<int> happy, std::optional<int> engaged, std::optional<int> stressed,
                std::optional<int> frustrated, std::optional<int> energy = std::nullopt) {
  Ratings r;
  r.happy = happy;
  r.engaged = engaged;
  r.stressed = stressed;
  r.frustrated = frustrated;
  r.energy = energy;
  return r;
}

// Week of Mon 2026-03-02: three writing episodes. Week of Mon 2026-03-09: meetings, presenting.
//
//  id day min activities            happy eng str fru energy  net affect            unpleasant
//  1   2   60 writing                 5    6   1   0    +2     (5+6)/2-(1+0)/2 = 5.0  1 > 6? no
//  2   3   30 writing                 4    .   2   .    +1     4-2 = 2.0              2 > 4? no
//  3   4   90 writing                 3    5   4   .     .     (3+5)/2-4 = 0.0        4 > 5? no
//  4   9   60 meetings                2    .   4   2    -1     2-(4+2)/2 = -1.0       4 > 2? yes
//  5  10   60 meetings                3    3   3   .     0     3-3 = 0.0              3 > 3? NO (tie)
//  6  11   30 meetings,presenting     1    .   5   .    -2     1-5 = -4.0             5 > 1? yes
//  7  12   45 presenting              6    .   .   .    +1     no negative item: excluded
std::vector<Episode> dataSet() {
  return {
      episode(1, 2, 60, {"writing"}, ratings(5, 6, 1, 0, 2), "alone"),
      episode(2, 3, 30, {"writing"}, ratings(4, {}, 2, {}, 1), "alone"),
      episode(3, 4, 90, {"writing"}, ratings(3, 5, 4, {}), "alone"),
      episode(4, 9, 60, {"meetings"}, ratings(2, {}, 4, 2, -1), "team"),
      episode(5, 10, 60, {"meetings"}, ratings(3, 3, 3, {}, 0), "team"),
      episode(6, 11, 30, {"meetings", "presenting"}, ratings(1, {}, 5, {}, -2), "clients"),
      episode(7, 12, 45, {"presenting"}, ratings(6, {}, {}, {}, 1)),
  };
}

TEST(Affect, NetAffectAndUnpleasantPerEpisode) {
  auto set = dataSet();
  EXPECT_DOUBLE_EQ(*netAffect(set[0].ratings), 5.0);
  EXPECT_DOUBLE_EQ(*netAffect(set[1].ratings), 2.0);
  EXPECT_DOUBLE_EQ(*netAffect(set[2].ratings), 0.0);
  EXPECT_DOUBLE_EQ(*netAffect(set[3].ratings), -1.0);
  EXPECT_DOUBLE_EQ(*netAffect(set[4].ratings), 0.0);
  EXPECT_DOUBLE_EQ(*netAffect(set[5].ratings), -4.0);
  EXPECT_FALSE(netAffect(set[6].ratings));
  EXPECT_FALSE(*unpleasant(set[0].ratings));
  EXPECT_TRUE(*unpleasant(set[3].ratings));
  // The tie: largest negative (3) equals largest positive (3): not unpleasant.
  EXPECT_FALSE(*unpleasant(set[4].ratings));
  EXPECT_FALSE(unpleasant(set[6].ratings));
  // Other items (tired, meaningful, energy) never count as positive or negative.
  Ratings onlyOther;
  onlyOther.tired = 6;
  onlyOther.meaningful = 0;
  onlyOther.energy = -2;
  EXPECT_FALSE(netAffect(onlyOther));
}

TEST(InsightsGolden, Writing) {
  auto in = computeInsights(dataSet(), {}, ActivityCatalog::builtIn());
  const auto* w = in.find("writing");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->label, "Writing");
  EXPECT_EQ(w->stats.n, 3);
  EXPECT_EQ(w->stats.minutes, 180);
  EXPECT_NEAR(w->stats.share, 180.0 / 375.0, kTol);  // 0.48
  // mean = (60*5 + 30*2 + 90*0) / 180 = 360 / 180 = 2.0
  ASSERT_TRUE(w->stats.netAffect);
  EXPECT_EQ(w->stats.netAffect->n, 3);
  EXPECT_NEAR(w->stats.netAffect->mean, 2.0, kTol);
  // se^2 = 3/2 * (60^2*3^2 + 30^2*0^2 + 90^2*(-2)^2) / 180^2 = 1.5 * 64800 / 32400 = 3
  // CI = 2 -/+ t(2) * sqrt(3) = 2 -/+ 4.302653 * 1.7320508 = -5.452413 .. 9.452413
  EXPECT_NEAR(*w->stats.netAffect->se, std::sqrt(3.0), kTol);
  EXPECT_NEAR(*w->stats.netAffect->low, 2.0 - kT2 * std::sqrt(3.0), 1e-5);
  EXPECT_NEAR(*w->stats.netAffect->high, 2.0 + kT2 * std::sqrt(3.0), 1e-5);
  EXPECT_NEAR(*w->stats.netAffect->low, -5.452413, 1e-5);
  EXPECT_NEAR(*w->stats.netAffect->high, 9.452413, 1e-5);
  // overall mean = 180 / 330 = 6/11 (see Overall); shrunk = (3*2 + 3*6/11) / 6 = 1 + 3/11
  EXPECT_NEAR(w->stats.netAffect->shrunk, 1.0 + 3.0 / 11.0, kTol);
  EXPECT_NEAR(*w->stats.uIndex, 0.0, kTol);
  // energy over episodes 1 and 2: (60*2 + 30*1) / 90 = 5/3
  ASSERT_TRUE(w->stats.energy);
  EXPECT_EQ(w->stats.energy->n, 2);
  EXPECT_NEAR(w->stats.energy->mean, 5.0 / 3.0, kTol);
  // energy shrunk toward the overall energy 5/19: (2*5/3 + 3*5/19) / 5
  EXPECT_NEAR(w->stats.energy->shrunk, (2 * 5.0 / 3.0 + 3 * 5.0 / 19.0) / 5, kTol);
  // engaged over episodes 1 and 3: (60*6 + 90*5) / 150 = 810 / 150 = 5.4
  EXPECT_NEAR(*w->stats.engaged, 5.4, kTol);
  EXPECT_FALSE(w->stats.tired);
  EXPECT_EQ(w->verdict, Verdict::leaning_energizing);  // the interval includes 0
  EXPECT_EQ(w->line,
            "Writing: 3 episodes, 3h, leaning energizing, not yet certain (+2.0, 95% CI "
            "-5.5..+9.5)");
}

TEST(InsightsGolden, MeetingsIncludingTheTie) {
  auto in = computeInsights(dataSet(), {}, ActivityCatalog::builtIn());
  const auto* m = in.find("meetings");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->stats.n, 3);
  EXPECT_EQ(m->stats.minutes, 150);
  // mean = (60*-1 + 60*0 + 30*-4) / 150 = -180 / 150 = -1.2
  EXPECT_NEAR(m->stats.netAffect->mean, -1.2, kTol);
  // se^2 = 3/2 * (60^2*0.2^2 + 60^2*1.2^2 + 30^2*2.8^2) / 150^2
  //      = 1.5 * (144 + 5184 + 7056) / 22500 = 1.5 * 0.5504 = 0.8256
  EXPECT_NEAR(*m->stats.netAffect->se, std::sqrt(0.8256), kTol);
  EXPECT_NEAR(*m->stats.netAffect->low, -1.2 - kT2 * std::sqrt(0.8256), 1e-5);
  EXPECT_NEAR(*m->stats.netAffect->high, -1.2 + kT2 * std::sqrt(0.8256), 1e-5);
  // shrunk = (3*-1.2 + 3*6/11) / 6 = (-1.2 + 6/11) / 2 = -3.6/11
  EXPECT_NEAR(m->stats.netAffect->shrunk, -3.6 / 11.0, kTol);
  // U-index: unpleasant are episodes 4 (60) and 6 (30); episode 5 is a tie and does not count:
  // (60 + 30) / 150 = 0.6
  EXPECT_NEAR(*m->stats.uIndex, 0.6, kTol);
  // energy: (60*-1 + 60*0 + 30*-2) / 150 = -0.8
  EXPECT_NEAR(m->stats.energy->mean, -0.8, kTol);
  EXPECT_EQ(m->verdict, Verdict::leaning_draining);
}

TEST(InsightsGolden, PresentingHasTooLittleEvidence) {
  auto in = computeInsights(dataSet(), {}, ActivityCatalog::builtIn());
  const auto* p = in.find("presenting");
  ASSERT_TRUE(p);
  // Episode 6 counts its full 30 minutes here too; episode 7 counts in time only.
  EXPECT_EQ(p->stats.n, 2);
  EXPECT_EQ(p->stats.minutes, 75);
  EXPECT_EQ(p->stats.excluded, 1);
  EXPECT_EQ(p->stats.netAffect->n, 1);
  EXPECT_NEAR(p->stats.netAffect->mean, -4.0, kTol);
  EXPECT_FALSE(p->stats.netAffect->low);  // no interval with n = 1
  EXPECT_FALSE(p->stats.netAffect->high);
  // shrunk = (1*-4 + 3*6/11) / 4 = (-44/11 + 18/11) / 4 = -26/44
  EXPECT_NEAR(p->stats.netAffect->shrunk, -26.0 / 44.0, kTol);
  EXPECT_NEAR(*p->stats.uIndex, 1.0, kTol);  // 30 / 30
  EXPECT_EQ(p->verdict, Verdict::not_enough_evidence);
  EXPECT_EQ(p->line,
            "Presenting: 2 episodes, 1h15m, not enough evidence yet (1 with a net affect; 3 "
            "needed)");
}

TEST(InsightsGolden, OverallCompanyAndRanking) {
  auto in = computeInsights(dataSet(), {}, ActivityCatalog::builtIn());
  const auto& o = in.overall;
  EXPECT_EQ(o.n, 7);
  EXPECT_EQ(o.minutes, 375);  // 60+30+90+60+60+30+45
  EXPECT_EQ(o.excluded, 1);   // episode 7
  // net affect over episodes 1-6: (300 + 60 + 0 - 60 + 0 - 120) / 330 = 180/330 = 6/11
  EXPECT_NEAR(o.netAffect->mean, 6.0 / 11.0, kTol);
  // U-index: (60 + 30) / 330 = 3/11
  EXPECT_NEAR(*o.uIndex, 3.0 / 11.0, kTol);
  // energy: (120 + 30 - 60 + 0 - 60 + 45) / (60+30+60+60+30+45) = 75/285 = 5/19
  EXPECT_NEAR(o.energy->mean, 5.0 / 19.0, kTol);

  ASSERT_EQ(in.company.size(), 4u);
  EXPECT_EQ(in.company[0].with, "alone");  // 180 minutes
  EXPECT_NEAR(in.company[0].stats.netAffect->mean, 2.0, kTol);
  EXPECT_EQ(in.company[1].with, "team");  // 120 minutes: episodes 4 and 5
  EXPECT_NEAR(in.company[1].stats.netAffect->mean, -0.5, kTol);  // (-60 + 0) / 120
  EXPECT_NEAR(*in.company[1].stats.uIndex, 0.5, kTol);           // 60 / 120
  EXPECT_EQ(in.company[2].with, "");  // episode 7, 45 minutes, no net affect
  EXPECT_FALSE(in.company[2].stats.netAffect);
  EXPECT_EQ(in.company[3].with, "clients");

  EXPECT_EQ(in.energizers, std::vector<std::string>{"writing"});
  EXPECT_EQ(in.drainers, std::vector<std::string>{"meetings"});
  EXPECT_EQ(in.notEnoughEvidence, std::vector<std::string>{"presenting"});
  // Activities by time: writing 180, meetings 150, presenting 75.
  ASSERT_EQ(in.activities.size(), 3u);
  EXPECT_EQ(in.activities[0].activity, "writing");
  EXPECT_EQ(in.activities[2].activity, "presenting");
}

TEST(InsightsGolden, WeeklyTrend) {
  auto in = computeInsights(dataSet(), {}, ActivityCatalog::builtIn());
  ASSERT_EQ(in.weeks.size(), 2u);
  EXPECT_EQ(formatDate(in.weeks[0].week), "2026-03-02");
  EXPECT_NEAR(in.weeks[0].stats.netAffect->mean, 2.0, kTol);  // the writing week
  EXPECT_NEAR(*in.weeks[0].stats.uIndex, 0.0, kTol);
  EXPECT_EQ(formatDate(in.weeks[1].week), "2026-03-09");
  EXPECT_NEAR(in.weeks[1].stats.netAffect->mean, -1.2, kTol);  // episodes 4-6
  EXPECT_NEAR(*in.weeks[1].stats.uIndex, 0.6, kTol);
  // energy in week 2: (-60 + 0 - 60 + 45) / (60+60+30+45) = -75/195
  EXPECT_NEAR(in.weeks[1].stats.energy->mean, -75.0 / 195.0, kTol);
}

TEST(InsightsGolden, PeriodAndShrinkOptions) {
  InsightOptions o;
  o.from = day(9);
  o.shrinkK = 0;  // no shrinkage: shrunk == mean
  auto in = computeInsights(dataSet(), {}, ActivityCatalog::builtIn(), o);
  EXPECT_EQ(in.overall.n, 4);
  EXPECT_FALSE(in.find("writing"));
  EXPECT_NEAR(in.find("meetings")->stats.netAffect->shrunk, -1.2, kTol);
}

TEST(InsightsGolden, ExpectedVsExperienced) {
  Expectation old{1, "writing", day(1), ratings(6, {}, 0, {})};         // +6.0, superseded
  Expectation writing{2, "writing", day(5), ratings(4, {}, 2, {})};     // +2.0
  Expectation presenting{3, "presenting", day(5), ratings(5, 5, 2, {})};  // 5 - 2 = +3.0
  Expectation unused{4, "selling", day(5), ratings(1, {}, 5, {})};      // no episodes
  auto in = computeInsights(dataSet(), {unused, presenting, writing, old}, ActivityCatalog::builtIn());
  ASSERT_EQ(in.gaps.size(), 2u);
  // Largest gap first: presenting -4.0 - 3.0 = -7.0; writing 2.0 - 2.0 = 0.
  EXPECT_EQ(in.gaps[0].activity, "presenting");
  EXPECT_NEAR(*in.gaps[0].expectedNetAffect, 3.0, kTol);
  EXPECT_NEAR(*in.gaps[0].experiencedNetAffect, -4.0, kTol);
  EXPECT_NEAR(*in.gaps[0].gap, -7.0, kTol);
  EXPECT_FALSE(in.gaps[0].enoughEvidence);
  EXPECT_EQ(in.gaps[0].line,
            "You expected Presenting to feel +3.0; your 1 episode says -4.0 (too few episodes to "
            "be sure)");
  EXPECT_EQ(in.gaps[1].activity, "writing");
  EXPECT_EQ(in.gaps[1].expected.id, 2);  // the latest expectation counts
  EXPECT_NEAR(*in.gaps[1].gap, 0.0, kTol);
  EXPECT_TRUE(in.gaps[1].enoughEvidence);
  EXPECT_EQ(in.gaps[1].line, "You expected Writing to feel +2.0; your 3 episodes say +2.0");
}

TEST(Statistics, EqualWeightsGiveTheTextbookInterval) {
  // 1, 2, 3: mean 2, s = 1, se = 1/sqrt(3), CI = 2 -/+ 4.302653 / sqrt(3)
  auto e = weightedEstimate({{1, 30}, {2, 30}, {3, 30}});
  ASSERT_TRUE(e);
  EXPECT_NEAR(e->mean, 2.0, kTol);
  EXPECT_NEAR(*e->se, 1 / std::sqrt(3.0), kTol);
  EXPECT_NEAR(*e->low, 2 - kT2 / std::sqrt(3.0), 1e-5);
  // Two values 0 and 4: mean 2, s = 2*sqrt(2), se = 2, CI = 2 -/+ 12.706205 * 2
  auto two = weightedEstimate({{0, 10}, {4, 10}});
  EXPECT_NEAR(*two->high, 2 + kT1 * 2, 1e-5);
  // Five values 1..5: s = sqrt(2.5), se = sqrt(0.5), CI = 3 -/+ 2.776445 * sqrt(0.5)
  auto five = weightedEstimate({{1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}});
  EXPECT_NEAR(*five->low, 3 - kT4 * std::sqrt(0.5), 1e-5);
  EXPECT_FALSE(weightedEstimate({}));
  EXPECT_FALSE(weightedEstimate({{1, 10}})->low);
}

TEST(Statistics, StudentTQuantilesMatchTheTable) {
  EXPECT_NEAR(studentTQuantile(0.975, 1), 12.706205, 1e-5);
  EXPECT_NEAR(studentTQuantile(0.975, 2), 4.302653, 1e-5);
  EXPECT_NEAR(studentTQuantile(0.975, 5), 2.570582, 1e-5);
  EXPECT_NEAR(studentTQuantile(0.975, 10), 2.228139, 1e-5);
  EXPECT_NEAR(studentTQuantile(0.975, 30), 2.042272, 1e-5);
  EXPECT_NEAR(studentTQuantile(0.975, 1000), 1.962339, 1e-5);
  EXPECT_NEAR(studentTQuantile(0.025, 2), -4.302653, 1e-5);
}

TEST(Verdicts, AWholeIntervalAboveOrBelowZeroIsClear) {
  std::vector<Episode> set;
  for (int i = 0; i < 3; ++i) {
    set.push_back(episode(i + 1, 2 + i, 60, {"writing"}, ratings(5, {}, 1, {})));   // +4
    set.push_back(episode(i + 10, 2 + i, 60, {"selling"}, ratings(1, {}, 5, {})));  // -4
  }
  auto in = computeInsights(set, {}, ActivityCatalog::builtIn());
  EXPECT_EQ(in.find("writing")->verdict, Verdict::clearly_energizing);
  EXPECT_EQ(in.find("selling")->verdict, Verdict::clearly_draining);
  // shrunk toward the overall 0: (3*4 + 3*0) / 6 = 2
  EXPECT_NEAR(in.find("writing")->stats.netAffect->shrunk, 2.0, kTol);
  EXPECT_EQ(in.find("writing")->line,
            "Writing: 3 episodes, 3h, clearly energizing (+4.0, 95% CI +4.0..+4.0)");
}

}  // namespace
}  // namespace jobfit
