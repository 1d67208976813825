// The evidence capability's operations on the store: what `jobfit insights`, `checkin`,
// `checkins`, `expect`, `import-calendar`, `drafts`, `rate` and `report` do, shared with the
// HTTP API so that each rule (a check-in replaces the one of its date, a calendar import adds
// only new occurrences, a draft is rated once) lives in one place. Time comes in as a Clock.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "evidence/burnout.h"
#include "evidence/calendar.h"
#include "evidence/draft.h"
#include "evidence/expectation.h"
#include "evidence/insights.h"
#include "evidence/report.h"
#include "evidence/warning.h"
#include "storage/store.h"

namespace jobfit {

// Throws Error(usage): from after to (field "from"), K outside 0..1000 (field "shrink").
void validateInsightOptions(const InsightOptions& options);
// Insights over the stored episodes within options.from..to and every stored expectation.
Insights loadInsights(Store& store, const InsightOptions& options);

struct SavedCheckin {
  Checkin checkin;        // with its id
  bool replaced = false;  // an earlier check-in of the same date was replaced
  BurnoutScore score;
};
// Validates (no answer, or a date more than a day after the clock's today: Error(usage)) and
// stores the check-in; a second check-in of the same date replaces the first.
SavedCheckin saveCheckin(Store& store, Checkin checkin, const Clock& clock);

struct CheckinHistory {
  std::vector<CheckinTrendPoint> checkins;  // oldest first, with scores and changes
  EarlyWarning warning;                     // for the 28 days ending today
};
CheckinHistory loadCheckinHistory(Store& store, Date today);

// Validates and stores an expectation; answers it with its id.
Expectation recordExpectation(Store& store, Expectation expectation);

struct CalendarImport {
  Date from, to;
  std::vector<Draft> added;  // new drafts, with their ids
  int alreadyImported = 0;   // occurrences imported before (whatever became of them)
  CalendarRead read;
};
// Reads the iCalendar text for from..to (default: the 14 days ending today) and stores the
// occurrences not imported before as pending drafts, in one transaction. A malformed file, a
// span of more than a year or from after to (Error(usage)) stores nothing.
CalendarImport importCalendar(Store& store, std::string_view ics, const Clock& clock,
                              std::optional<Date> from, std::optional<Date> to);

// Throws Error(not_found) naming "id".
Draft requireDraft(Store& store, int64_t id);
// Turns a pending draft into an episode: `edit` applies the person's ratings and corrections
// to the episode the draft suggests (episodeFromDraft). Needs at least one rating and one
// activity; the episode is validated, stored and the draft marked rated in one transaction.
// Error(conflict) for a draft already rated or discarded. Answers the stored episode's id.
int64_t rateDraft(Store& store, int64_t draftId, const std::function<void(Episode&)>& edit,
                  const Clock& clock);
// Marks pending drafts discarded, all or none (Error(not_found) / Error(conflict)).
void discardDrafts(Store& store, const std::vector<int64_t>& ids);

// The weekly report for the week holding `day`, the warning as of `today`.
WeeklyReport loadWeeklyReport(Store& store, Date day, Date today,
                              const ReportOptions& options = {});

}  // namespace jobfit
