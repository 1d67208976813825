// Reading an iCalendar (RFC 5545) file into draft episodes with libical: times with a TZID
// (a VTIMEZONE in the file or a known zone name), UTC and floating times (taken in the user's
// zone); all-day events skipped; recurring events (RRULE, RDATE, EXDATE, moved occurrences)
// expanded within the window. A malformed file is refused as a whole.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "evidence/draft.h"
#include "worklog/activity.h"

namespace jobfit {

struct CalendarRead {
  std::vector<Draft> drafts;  // pending, ordered by start then source
  int events = 0;             // VEVENT components in the file
  int allDay = 0;             // skipped: all-day events (a date, no time)
  int cancelled = 0;          // skipped: STATUS:CANCELLED
  int withoutDuration = 0;    // skipped occurrences: no end, or an end not after the start
  int longerThanADay = 0;     // skipped occurrences: an episode is at most 24h
};

// Largest file read, so that a stray huge file is refused before parsing.
inline constexpr size_t kMaxCalendarBytes = 20 * 1024 * 1024;
// Most occurrences one import turns into drafts (a year of a busy calendar fits).
inline constexpr size_t kMaxCalendarDrafts = 10000;

// Reads every event occurrence starting on a local date in from..to (inclusive, in the clock's
// zone). Throws Error(invalid) with a clear message on a malformed file, an event without a
// start, or a TZID that is neither defined in the file nor a known zone; Error(too_large) when
// the window holds more than kMaxCalendarDrafts occurrences.
CalendarRead readCalendar(std::string_view ics, const Clock& clock, Date from, Date to,
                          const ActivityCatalog& catalog);

// The activity an event title most likely means: an activity whose id or label appears in the
// title, else the first matching keyword ("standup" -> meetings); nothing when none match.
std::optional<std::string> guessActivity(std::string_view title, const ActivityCatalog& catalog);

}  // namespace jobfit
