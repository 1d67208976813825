#include "applications/reminder.h"

#include "core/error.h"
#include "core/text.h"

namespace jobfit {

std::string_view toString(ReminderKind k) {
  return k == ReminderKind::interview ? "interview" : "followup";
}

std::optional<ReminderKind> parseReminderKind(std::string_view s) {
  auto key = toLower(trim(s));
  if (key == "followup" || key == "follow-up") return ReminderKind::followup;
  if (key == "interview") return ReminderKind::interview;
  return std::nullopt;
}

void validateReminder(const Reminder& r) {
  if (r.applicationId <= 0)
    throw Error(ErrorCode::usage, "a reminder belongs to an application", "application_id");
  if (r.kind == ReminderKind::interview && !r.at)
    throw Error(ErrorCode::usage, "an interview needs a time", "at",
                "pass --at HH:MM (local time)");
  if (r.minutes < 0 || r.minutes > 24 * 60)
    throw Error(ErrorCode::usage, "minutes must be between 0 and 1440", "minutes");
  if (r.text.size() > 1000) throw Error(ErrorCode::usage, "text is too long (1000 max)", "text");
}

bool isDue(const Reminder& r, Date today) { return !r.done && r.due <= today; }

}  // namespace jobfit
