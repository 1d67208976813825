#include <gtest/gtest.h>

#include "applications/stats.h"

namespace jobfit {
namespace {

Date d(const char* s) { return parseDate(s); }

// A hand-computed Kaplan-Meier example, ten applications, days to a first answer:
//   answered: 2, 3, 3, 5, 8, 12      censored (no answer yet): 3+, 6+, 10+, 14+
//
//   day  at risk  answers  censored  survival
//    2     10        1        0      1 * 9/10            = 0.9
//    3      9        2        1      0.9 * 7/9           = 0.7
//    5      6        1        0      0.7 * 5/6           = 0.583333
//    6      5        0        1      (unchanged)           0.583333
//    8      4        1        0      0.583333 * 3/4      = 0.4375
//   10      3        0        1      (unchanged)           0.4375
//   12      2        1        0      0.4375 * 1/2        = 0.21875
//   14      1        0        1      (unchanged)           0.21875
//
// The application censored on day 3 was still waiting on day 3, so it counts in the nine at
// risk then. Median = first day the survival is <= 0.5: day 8. p25 (<= 0.75): day 3.
// p75 (<= 0.25): day 12.
std::vector<Observation> handExample() {
  return {{2, true},  {3, true},  {3, true},  {5, true},   {8, true},
          {12, true}, {3, false}, {6, false}, {10, false}, {14, false}};
}

TEST(KaplanMeier, MatchesTheHandComputedExample) {
  auto curve = kaplanMeier(handExample());
  EXPECT_EQ(curve.n, 10);
  EXPECT_EQ(curve.responses, 6);
  EXPECT_EQ(curve.censored, 4);
  struct Row {
    int days, atRisk, responses, censored;
    double survival;
  };
  std::vector<Row> expected{{2, 10, 1, 0, 0.9},      {3, 9, 2, 1, 0.7},
                            {5, 6, 1, 0, 0.7 * 5 / 6}, {6, 5, 0, 1, 0.7 * 5 / 6},
                            {8, 4, 1, 0, 0.4375},    {10, 3, 0, 1, 0.4375},
                            {12, 2, 1, 0, 0.21875},  {14, 1, 0, 1, 0.21875}};
  ASSERT_EQ(curve.steps.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(curve.steps[i].days, expected[i].days) << i;
    EXPECT_EQ(curve.steps[i].atRisk, expected[i].atRisk) << i;
    EXPECT_EQ(curve.steps[i].responses, expected[i].responses) << i;
    EXPECT_EQ(curve.steps[i].censored, expected[i].censored) << i;
    EXPECT_NEAR(curve.steps[i].survival, expected[i].survival, 1e-12) << i;
  }
  EXPECT_EQ(curve.median, 8);
  EXPECT_EQ(curve.p25, 3);
  EXPECT_EQ(curve.p75, 12);
}

TEST(KaplanMeier, MedianIsTheFirstTimeSurvivalReachesExactlyOneHalf) {
  // Two applications, one answered on day 4: S(4) = 0.5, so the median is 4.
  auto curve = kaplanMeier({{4, true}, {9, false}});
  EXPECT_EQ(curve.median, 4);
  EXPECT_FALSE(curve.p75);
}

TEST(KaplanMeier, UnknownWhenTooFewAnswered) {
  // Censoring is not a failure: three of four still waiting means no median yet (a naive
  // median over the one answer would claim 5 days).
  auto curve = kaplanMeier({{5, true}, {20, false}, {30, false}, {40, false}});
  EXPECT_FALSE(curve.median);
  EXPECT_EQ(curve.p25, 5);
  EXPECT_FALSE(kaplanMeier({}).median);
}

Application app(Channel channel, std::vector<std::pair<const char*, Stage>> moves) {
  static int64_t next = 1;
  Application a;
  a.id = next++;
  a.company = channel == Channel::referral ? "Acme" : "Beta";
  a.title = "Analyst";
  a.channel = channel;
  for (auto [on, s] : moves) a.events.push_back({0, d(on), EventKind::stage, s, ""});
  return a;
}

// A: referral  applied 03-01, screening 03-03, interviewing 03-10, offer 03-20  (answer: 2 days)
// B: referral  applied 03-01, rejected 03-05                                    (answer: 4 days)
// C: cold      applied 03-02, still open on 03-31                               (censored at 29)
// D: cold      applied 03-02, closed 03-25 without an answer                    (censored at 23)
// E: cold      applied 03-03, screening 03-13, rejected 03-20                   (answer: 10 days)
// F: job-board saved 03-04, never sent
std::vector<Application> sample() {
  return {app(Channel::referral, {{"2026-03-01", Stage::applied}, {"2026-03-03", Stage::screening},
                                  {"2026-03-10", Stage::interviewing}, {"2026-03-20", Stage::offer}}),
          app(Channel::referral, {{"2026-03-01", Stage::applied}, {"2026-03-05", Stage::rejected}}),
          app(Channel::cold, {{"2026-03-02", Stage::applied}}),
          app(Channel::cold, {{"2026-03-02", Stage::applied}, {"2026-03-25", Stage::closed}}),
          app(Channel::cold, {{"2026-03-03", Stage::applied}, {"2026-03-13", Stage::screening},
                              {"2026-03-20", Stage::rejected}}),
          app(Channel::job_board, {{"2026-03-04", Stage::saved}})};
}

TEST(Stats, ObservationsCensorOpenAtTodayAndClosedAtClosing) {
  auto apps = sample();
  Date today = d("2026-03-31");
  auto c = observe(apps[2], today);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->days, 29);
  EXPECT_FALSE(c->responded);
  auto closed = observe(apps[3], today);
  EXPECT_EQ(closed->days, 23);
  EXPECT_FALSE(closed->responded);
  EXPECT_EQ(observe(apps[4], today)->days, 10);
  EXPECT_FALSE(observe(apps[5], today));
}

TEST(Stats, FunnelFromHistory) {
  auto s = computeStats(sample(), {}, d("2026-03-31"));
  EXPECT_EQ(s.applications, 6);
  EXPECT_EQ(s.sent, 5);
  std::vector<int> reached;
  for (const auto& f : s.funnel) reached.push_back(f.reached);
  EXPECT_EQ(reached, (std::vector<int>{6, 5, 2, 1, 1, 0}));
  EXPECT_FALSE(s.funnel[0].conversion);
  EXPECT_DOUBLE_EQ(*s.funnel[1].conversion, 5.0 / 6);
  EXPECT_DOUBLE_EQ(*s.funnel[2].conversion, 0.4);
  EXPECT_DOUBLE_EQ(*s.funnel[3].conversion, 0.5);
  EXPECT_DOUBLE_EQ(*s.funnel[4].conversion, 1.0);
  EXPECT_DOUBLE_EQ(*s.funnel[5].conversion, 0.0);
  EXPECT_EQ(s.outcomes.open, 3);  // A (offer), C, F
  EXPECT_EQ(s.outcomes.rejected, 2);
  EXPECT_EQ(s.outcomes.closed, 1);
}

TEST(Stats, ChannelRates) {
  auto s = computeStats(sample(), {}, d("2026-03-31"));
  ASSERT_EQ(s.channels.size(), 2u);  // the saved job-board posting was never sent
  const auto& referral = s.channels[0];
  EXPECT_EQ(referral.channel, Channel::referral);
  EXPECT_EQ(referral.applications, 2);
  EXPECT_DOUBLE_EQ(*referral.responseRate, 1.0);
  EXPECT_DOUBLE_EQ(*referral.interviewRate, 0.5);
  EXPECT_DOUBLE_EQ(*referral.offerRate, 0.5);
  EXPECT_EQ(referral.timeToResponse.median, 2);  // S(2) = 1/2
  const auto& cold = s.channels[1];
  EXPECT_EQ(cold.channel, Channel::cold);
  EXPECT_EQ(cold.applications, 3);
  EXPECT_DOUBLE_EQ(*cold.responseRate, 1.0 / 3);
  EXPECT_DOUBLE_EQ(*cold.interviewRate, 0.0);
  EXPECT_FALSE(cold.timeToResponse.median);  // S(10) = 2/3 and nothing after
  // Overall: answers 2, 4, 10; censored 23, 29. S(2)=.8, S(4)=.6, S(10)=.4 -> median 10.
  EXPECT_EQ(s.timeToResponse.median, 10);
  EXPECT_EQ(s.timeToResponse.p25, 4);
}

TEST(Stats, WeeklyVolumeAndCompanies) {
  auto s = computeStats(sample(), {}, d("2026-03-31"));
  ASSERT_EQ(s.weekly.size(), 3u);
  EXPECT_EQ(s.weekly[0].week, d("2026-02-23"));  // 03-01 is a Sunday
  EXPECT_EQ(s.weekly[0].applications, 2);
  EXPECT_EQ(s.weekly[0].responses, 0);
  EXPECT_EQ(s.weekly[1].applications, 3);
  EXPECT_EQ(s.weekly[1].responses, 2);
  EXPECT_EQ(s.weekly[2].applications, 0);
  EXPECT_EQ(s.weekly[2].responses, 1);
  ASSERT_EQ(s.companies.size(), 2u);
  EXPECT_EQ(s.companies[0].company, "Beta");
  EXPECT_EQ(s.companies[0].applications, 3);
  EXPECT_FALSE(s.companies[0].medianDays);
  EXPECT_EQ(s.companies[1].company, "Acme");
  EXPECT_EQ(s.companies[1].medianDays, 2);
}

TEST(Stats, RangeSelectsByTheDateSent) {
  StatsRange range{d("2026-03-02"), d("2026-03-02")};
  auto s = computeStats(sample(), range, d("2026-03-31"));
  EXPECT_EQ(s.applications, 2);
  EXPECT_EQ(s.sent, 2);
}

}  // namespace
}  // namespace jobfit
