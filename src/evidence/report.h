// The weekly report: this week's time by activity, the evidence of the last few weeks (net
// affect by activity with intervals, energizers and drainers, expected vs experienced), the
// U-index and energy trend, the burnout trend and the early warning. Built from plain values;
// rendered as a self-contained HTML page with inline SVG charts (report_html.h), as text by
// the CLI, and as JSON.
#pragma once

#include <vector>

#include "evidence/burnout.h"
#include "evidence/insights.h"
#include "evidence/warning.h"

namespace jobfit {

struct ReportOptions {
  int evidenceWeeks = 4;  // weeks of episodes behind the per-activity evidence
  int trendWeeks = 8;     // weeks shown in the U-index and energy trend
  int checkins = 12;      // latest check-ins shown in the burnout trend
  double shrinkK = 3.0;
};

struct WeeklyReport {
  Date weekStart, weekEnd;  // Monday .. Sunday
  ReportOptions options;
  Insights week;      // this week's episodes
  Insights evidence;  // the evidenceWeeks weeks ending with this week
  Insights trend;     // the trendWeeks weeks ending with this week (its .weeks)
  std::vector<CheckinTrendPoint> burnout;  // the latest check-ins up to the week's end
  EarlyWarning warning;
};

// The report for the week (Monday to Sunday) that contains `day`. The early warning is
// evaluated as of `asOf` (the week's end, or today when the week is not over).
WeeklyReport buildWeeklyReport(const std::vector<Episode>& episodes,
                               const std::vector<Checkin>& checkins,
                               const std::vector<Expectation>& expectations,
                               const ActivityCatalog& catalog, Date day, Date asOf,
                               const ReportOptions& options = {});

// The first date of episodes the report needs (for loading only what it uses).
Date reportFirstDate(Date day, const ReportOptions& options = {});

}  // namespace jobfit
