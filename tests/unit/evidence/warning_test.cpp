// The burnout early-warning rule: fires on a worsening trend confirmed by a check-in, never
// on a single bad day.
#include <gtest/gtest.h>

#include "evidence/warning.h"

namespace jobfit {
namespace {

// The window ends Friday 2026-03-13: earlier half 02-14 .. 02-27, recent half 02-28 .. 03-13.
const Date kAsOf{date::year{2026}, date::month{3}, date::day{13}};

Episode dayEpisode(Date d, int minutes, int happy, int stressed, int energy) {
  Episode e;
  e.date = d;
  e.minutes = minutes;
  e.activities = {"writing"};
  e.ratings.happy = happy;
  e.ratings.stressed = stressed;
  e.ratings.energy = energy;
  return e;
}

Episode good(Date d) { return dayEpisode(d, 60, 5, 1, 1); }
Episode bad(Date d) { return dayEpisode(d, 60, 1, 5, -1); }

Checkin highCheckin(Date d) {
  Checkin c{1, d, {}};
  c.answers = parseCbiAnswers("p1=often,p2=often,p3=often,w1=high,w2=high,w3=high,w4=often");
  return c;  // personal 75, work 75
}

std::vector<Episode> earlierGoodDays() {
  std::vector<Episode> out;
  for (int i : {-25, -22, -19, -16}) out.push_back(good(addDays(kAsOf, i)));
  return out;
}

TEST(EarlyWarning, FiresWhenTheDaysGetWorseAndACheckinReadsHigh) {
  auto episodes = earlierGoodDays();
  for (int i : {-10, -7, -4, -1}) episodes.push_back(bad(addDays(kAsOf, i)));
  auto w = earlyWarning(episodes, {highCheckin(addDays(kAsOf, -2))}, kAsOf);
  EXPECT_EQ(w.level, WarningLevel::warning);
  EXPECT_TRUE(w.uRising);  // median 0% -> 100%
  EXPECT_TRUE(w.energyFalling);  // median +1 -> -1
  EXPECT_TRUE(w.checkinSignal);
  EXPECT_EQ(w.earlier.uDays, 4);
  EXPECT_DOUBLE_EQ(*w.recent.uIndex, 1.0);
  EXPECT_NE(w.summary.find("your U-index rose from 0% to 100%"), std::string::npos) << w.summary;
  EXPECT_NE(w.summary.find("your energy fell from +1.0 to -1.0"), std::string::npos) << w.summary;
}

TEST(EarlyWarning, ASingleBadDayDoesNotFire) {
  auto episodes = earlierGoodDays();
  for (int i : {-10, -7, -4}) episodes.push_back(good(addDays(kAsOf, i)));
  // One terrible, long day: the worst ratings for ten hours.
  episodes.push_back(dayEpisode(addDays(kAsOf, -1), 600, 0, 6, -2));
  auto w = earlyWarning(episodes, {highCheckin(addDays(kAsOf, -1))}, kAsOf);
  EXPECT_FALSE(w.uRising);  // median of 0, 0, 0, 1 = 0
  EXPECT_FALSE(w.energyFalling);
  EXPECT_EQ(w.level, WarningLevel::none);
  EXPECT_NE(w.summary.find("No early warning"), std::string::npos);
}

TEST(EarlyWarning, WorseDaysWithoutACheckinAreWorthWatching) {
  auto episodes = earlierGoodDays();
  for (int i : {-10, -7, -4}) episodes.push_back(bad(addDays(kAsOf, i)));
  auto w = earlyWarning(episodes, {}, kAsOf);
  EXPECT_EQ(w.level, WarningLevel::watch);
  EXPECT_NE(w.summary.find("jobfit checkin"), std::string::npos);
}

TEST(EarlyWarning, ARisingCheckinBelowFiftyCountsToo) {
  auto episodes = earlierGoodDays();
  for (int i : {-10, -7, -4}) episodes.push_back(bad(addDays(kAsOf, i)));
  Checkin before{1, addDays(kAsOf, -40), {}}, now{2, addDays(kAsOf, -3), {}};
  before.answers = parseCbiAnswers("p1=never,p2=never,p3=never");                  // 0
  now.answers = parseCbiAnswers("p1=seldom,p2=seldom,p3=seldom");                  // 25, +25
  auto w = earlyWarning(episodes, {before, now}, kAsOf);
  EXPECT_TRUE(w.checkinSignal);
  EXPECT_EQ(w.level, WarningLevel::warning);
}

TEST(EarlyWarning, TooFewDaysSaysSo) {
  std::vector<Episode> episodes{good(addDays(kAsOf, -20)), bad(addDays(kAsOf, -2)),
                                bad(addDays(kAsOf, -1))};
  auto w = earlyWarning(episodes, {highCheckin(kAsOf)}, kAsOf);
  EXPECT_EQ(w.level, WarningLevel::none);
  EXPECT_FALSE(w.earlier.uIndex);
  EXPECT_NE(w.observations[0].find("too few days"), std::string::npos);
}

}  // namespace
}  // namespace jobfit
