// Interviews and follow-up reminders as an iCalendar (RFC 5545) file, written with libical:
// one VEVENT with a VALARM each (calendars ignore VTODO), times in UTC, lines folded, and a
// UID that stays the same on every export so that re-importing updates rather than duplicates.
#pragma once

#include <string>
#include <vector>

#include "applications/application.h"
#include "applications/reminder.h"
#include "core/time.h"

namespace jobfit {

// A follow-up without a time is placed at this local time on its day, for this long.
inline constexpr int kFollowupHour = 9;
inline constexpr int kFollowupMinutes = 15;

// The stable UID of a reminder: its id and the instant it was recorded.
std::string calendarUid(const Reminder& r);

// The whole calendar. Open reminders only; `applications` give summaries and descriptions.
// DTSTAMP is `clock.now()`; local times are placed with `clock.zone()`.
std::string calendarIcs(const std::vector<Reminder>& reminders,
                        const std::vector<Application>& applications, const Clock& clock);

}  // namespace jobfit
