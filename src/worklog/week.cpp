#include "worklog/week.h"

#include <algorithm>
#include <map>

namespace jobfit {

WeekSummary summarizeWeek(const std::vector<Episode>& episodes, Date day) {
  WeekSummary week;
  week.from = weekStart(day);
  week.to = addDays(week.from, 6);
  week.minutesByDay.assign(7, 0);
  std::map<std::string, ActivityTime> byActivity;
  for (const auto& e : episodes) {
    if (e.date < week.from || e.date > week.to || e.activities.empty()) continue;
    week.minutes += e.minutes;
    ++week.episodes;
    week.minutesByDay[static_cast<size_t>(daysBetween(week.from, e.date))] += e.minutes;
    int n = static_cast<int>(e.activities.size());
    for (int i = 0; i < n; ++i) {
      auto& a = byActivity[e.activities[static_cast<size_t>(i)]];
      a.activity = e.activities[static_cast<size_t>(i)];
      a.minutes += e.minutes / n + (i < e.minutes % n ? 1 : 0);
      ++a.episodes;
    }
  }
  for (auto& [id, a] : byActivity) week.byActivity.push_back(std::move(a));
  std::stable_sort(week.byActivity.begin(), week.byActivity.end(),
                   [](const ActivityTime& a, const ActivityTime& b) { return a.minutes > b.minutes; });
  return week;
}

}  // namespace jobfit
