#include "evidence/report.h"

#include <algorithm>

namespace jobfit {

Date reportFirstDate(Date day, const ReportOptions& options) {
  Date start = weekStart(day);
  int weeks = std::max({options.evidenceWeeks, options.trendWeeks, 1});
  Date first = addDays(start, -7L * (weeks - 1));
  // The early warning looks back 4 weeks from its date.
  return std::min(first, addDays(addDays(start, 6), -(kWarningWindowDays - 1)));
}

WeeklyReport buildWeeklyReport(const std::vector<Episode>& episodes,
                               const std::vector<Checkin>& checkins,
                               const std::vector<Expectation>& expectations,
                               const ActivityCatalog& catalog, Date day, Date asOf,
                               const ReportOptions& options) {
  WeeklyReport r;
  r.options = options;
  r.weekStart = weekStart(day);
  r.weekEnd = addDays(r.weekStart, 6);
  auto window = [&](int weeks) {
    InsightOptions o;
    o.from = addDays(r.weekStart, -7L * (std::max(weeks, 1) - 1));
    o.to = r.weekEnd;
    o.shrinkK = options.shrinkK;
    return o;
  };
  r.week = computeInsights(episodes, expectations, catalog, window(1));
  r.evidence = computeInsights(episodes, expectations, catalog, window(options.evidenceWeeks));
  r.trend = computeInsights(episodes, {}, catalog, window(options.trendWeeks));
  // The trend shows every week of its window, including empty ones at either end.
  {
    std::vector<WeekInsight> weeks;
    for (Date w = *window(options.trendWeeks).from; w <= r.weekStart; w = addDays(w, 7)) {
      auto it = std::find_if(r.trend.weeks.begin(), r.trend.weeks.end(),
                             [&](const WeekInsight& x) { return x.week == w; });
      weeks.push_back(it != r.trend.weeks.end() ? *it : WeekInsight{w, {}});
    }
    r.trend.weeks = std::move(weeks);
  }
  auto trend = checkinTrend(checkins);
  std::erase_if(trend, [&](const CheckinTrendPoint& p) { return p.checkin.date > r.weekEnd; });
  if (trend.size() > static_cast<size_t>(options.checkins))
    trend.erase(trend.begin(), trend.end() - options.checkins);
  r.burnout = std::move(trend);
  r.warning = earlyWarning(episodes, checkins, std::min(asOf, r.weekEnd));
  return r;
}

}  // namespace jobfit
