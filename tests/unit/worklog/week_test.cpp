#include "worklog/week.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace jobfit {
namespace {

Episode episode(std::string day, int minutes, std::vector<std::string> activities) {
  Episode e;
  e.date = parseDate(day);
  e.minutes = minutes;
  e.activities = std::move(activities);
  return e;
}

TEST(WeekSummary, SumsByDayAndSplitsSharedEpisodes) {
  auto w = summarizeWeek({episode("2026-03-09", 60, {"writing"}),
                          episode("2026-03-15", 31, {"meetings", "planning", "writing"}),
                          episode("2026-03-16", 500, {"writing"})},
                         parseDate("2026-03-12"));
  EXPECT_EQ(formatDate(w.from), "2026-03-09");
  EXPECT_EQ(formatDate(w.to), "2026-03-15");
  EXPECT_EQ(w.minutes, 91);
  EXPECT_EQ(w.episodes, 2);
  EXPECT_EQ(w.minutesByDay, (std::vector<int>{60, 0, 0, 0, 0, 0, 31}));
  ASSERT_EQ(w.byActivity.size(), 3u);
  EXPECT_EQ(w.byActivity[0].activity, "writing");
  EXPECT_EQ(w.byActivity[0].minutes, 70);  // 60 + 10
  EXPECT_EQ(w.byActivity[1].activity, "meetings");
  EXPECT_EQ(w.byActivity[1].minutes, 11);  // the remainder minute goes to the first
  EXPECT_EQ(w.byActivity[2].minutes, 10);
}

RC_GTEST_PROP(WeekSummary, SharesAddUpToTheTotal, ()) {
  static const std::vector<std::string> ids{"writing", "meetings", "planning", "analysis"};
  auto count = *rc::gen::inRange(0, 30);
  std::vector<Episode> episodes;
  for (int i = 0; i < count; ++i) {
    auto n = *rc::gen::inRange<size_t>(1, ids.size() + 1);
    episodes.push_back(episode("2026-03-1" + std::to_string(*rc::gen::inRange(0, 6)),
                               *rc::gen::inRange(1, 1441),
                               std::vector<std::string>(ids.begin(), ids.begin() + static_cast<long>(n))));
  }
  auto w = summarizeWeek(episodes, parseDate("2026-03-12"));
  int shares = 0, days = 0;
  for (const auto& a : w.byActivity) shares += a.minutes;
  for (int d : w.minutesByDay) days += d;
  RC_ASSERT(shares == w.minutes);
  RC_ASSERT(days == w.minutes);
}

}  // namespace
}  // namespace jobfit
