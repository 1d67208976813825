// Reminders: follow-ups due on a date, and interviews at a time. Both go to the calendar.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace jobfit {

enum class ReminderKind { followup, interview };
std::string_view toString(ReminderKind k);
std::optional<ReminderKind> parseReminderKind(std::string_view s);

struct Reminder {
  int64_t id = 0;
  int64_t applicationId = 0;
  ReminderKind kind = ReminderKind::followup;
  Date due;                   // the local date it is due
  std::optional<Instant> at;  // the exact time, when one was given (always for interviews)
  int minutes = 0;            // how long (interviews); 0 for a plain reminder
  std::string text;
  std::optional<Date> done;   // when it was marked done
  Instant created{};          // when it was recorded: part of its stable calendar UID
  bool operator==(const Reminder&) const = default;
};

inline constexpr int kDefaultInterviewMinutes = 60;

// Throws Error(usage) naming the field.
void validateReminder(const Reminder& r);
// Due on or before `today` and not done.
bool isDue(const Reminder& r, Date today);

}  // namespace jobfit
