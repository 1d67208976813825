// Time for all of jobfit's logic: a clock and a time zone passed in, never read from the
// wall inside the engine. Dates are calendar dates in the user's zone.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <date/tz.h>

namespace jobfit {

using Instant = std::chrono::sys_seconds;
using Date = date::year_month_day;

// A source of "now" together with the user's time zone.
class Clock {
 public:
  Clock(std::function<Instant()> source, const date::time_zone* zone)
      : source_(std::move(source)), zone_(zone) {}
  // A clock fixed at one instant, for tests and reproducible runs.
  static Clock fixed(Instant at, const date::time_zone* zone);

  Instant now() const { return source_(); }
  const date::time_zone& zone() const { return *zone_; }
  // Today's date in the user's zone.
  Date today() const;
  // The calendar date of an instant in the user's zone.
  Date dateOf(Instant t) const;
  // The instant of a local wall-clock time in the user's zone (earliest if ambiguous).
  Instant fromLocal(date::local_seconds local) const;
  // Start of a local date in the user's zone.
  Instant startOf(Date d) const;

 private:
  std::function<Instant()> source_;
  const date::time_zone* zone_;
};

// Parses YYYY-MM-DD; throws Error(usage) naming `field` on anything else.
Date parseDate(std::string_view text, std::string_view field = "date");
// Parses "YYYY-MM-DD HH:MM" (or with a T) as local wall-clock time.
date::local_seconds parseLocalDateTime(std::string_view text, std::string_view field = "at");
// Parses an ISO 8601 UTC instant "YYYY-MM-DDTHH:MM:SSZ" (offsets like +02:00 are accepted too).
Instant parseInstant(std::string_view text, std::string_view field = "start");

std::string formatDate(Date d);
// ISO 8601 in UTC with a Z: 2026-03-10T08:00:00Z.
std::string formatInstant(Instant t);
// The same texts appended to out, without allocating (the hot paths writing many of them).
void appendDate(std::string& out, Date d);
void appendInstant(std::string& out, Instant t);
// Local wall-clock "YYYY-MM-DD HH:MM" in the clock's zone.
std::string formatLocal(const Clock& clock, Instant t);
// Days from a to b (b - a).
long daysBetween(Date a, Date b);
Date addDays(Date d, long days);
// Monday of the ISO week that contains d.
Date weekStart(Date d);

// Parses a duration: "90m", "1h30m", "2h", "1.5h", "45" (minutes). Returns minutes (> 0).
int parseDuration(std::string_view text, std::string_view field = "duration");
// "1h30m", "45m", "2h".
std::string formatDuration(int minutes);

}  // namespace jobfit
