// The iCalendar reader on arbitrary input: it may refuse a file as a whole (Error), but must
// not crash or leak, and every draft it returns must be a valid episode-to-be inside the
// window asked for (1..1440 minutes, a local date in the window, no more than the cap).
#include <cstdlib>
#include <string_view>

#include "core/error.h"
#include "evidence/calendar.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jobfit;
  static const Clock clock =
      Clock::fixed(parseInstant("2026-04-05T12:00:00Z"), date::locate_zone("Europe/Berlin"));
  static const Date from = parseDate("2026-01-01");
  static const Date to = parseDate("2026-12-31");
  std::string_view ics(reinterpret_cast<const char*>(data), size);
  try {
    auto read = readCalendar(ics, clock, from, to, ActivityCatalog::builtIn());
    if (read.drafts.size() > kMaxCalendarDrafts) std::abort();
    for (const auto& d : read.drafts) {
      if (d.minutes < 1 || d.minutes > 1440) std::abort();
      if (d.date < from || d.date > to) std::abort();
      validateDraft(d);
    }
  } catch (const Error&) {
  }
  return 0;
}
