// A week of the work-day log at a glance: logged time per day and per activity.
#pragma once

#include <string>
#include <vector>

#include "core/time.h"
#include "worklog/episode.h"

namespace jobfit {

struct ActivityTime {
  std::string activity;
  int minutes = 0;   // the activity's share of its episodes' time
  int episodes = 0;  // episodes that include the activity
};

struct WeekSummary {
  Date from, to;                 // Monday .. Sunday
  int minutes = 0;               // all logged time in the week
  int episodes = 0;
  std::vector<int> minutesByDay;  // 7 entries, Monday first
  std::vector<ActivityTime> byActivity;  // most time first, then by id
};

// Summarizes the episodes of the ISO week that contains `day` (episodes outside it are
// ignored). An episode with several activities gives each an equal share of its minutes
// (the remainder minute by minute to the first ones), so the shares add up to the total.
WeekSummary summarizeWeek(const std::vector<Episode>& episodes, Date day);

}  // namespace jobfit
