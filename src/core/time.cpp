#include "core/time.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>

#include <fmt/format.h>

#include "core/error.h"

namespace jobfit {

using namespace std::chrono;

Clock Clock::fixed(Instant at, const date::time_zone* zone) {
  return Clock([at] { return at; }, zone);
}

Date Clock::today() const { return dateOf(now()); }

Date Clock::dateOf(Instant t) const {
  auto local = zone_->to_local(t);
  return Date{date::floor<date::days>(local)};
}

Instant Clock::fromLocal(date::local_seconds local) const {
  auto info = zone_->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:
      return Instant{local.time_since_epoch() - info.first.offset};
    case date::local_info::nonexistent:
      // A time skipped by a daylight-saving jump: interpret with the offset before the jump.
      return Instant{local.time_since_epoch() - info.first.offset};
  }
  return Instant{local.time_since_epoch()};
}

Instant Clock::startOf(Date d) const { return fromLocal(date::local_days{d}); }

namespace {

bool allDigits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

int toInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// The number written by the digits t[from, from + n), or -1 when one is not a digit. Dates are
// read for every stored row, so this is written out rather than built on general parsing.
int digitsAt(std::string_view t, size_t from, size_t n) {
  int v = 0;
  for (size_t i = from; i < from + n; ++i) {
    unsigned d = static_cast<unsigned char>(t[i]) - unsigned{'0'};
    if (d > 9) return -1;
    v = v * 10 + static_cast<int>(d);
  }
  return v;
}

std::optional<Date> tryDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int y = digitsAt(t, 0, 4), m = digitsAt(t, 5, 2), d = digitsAt(t, 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  Date out{date::year{y}, date::month{unsigned(m)}, date::day{unsigned(d)}};
  if (!out.ok()) return std::nullopt;
  return out;
}

std::optional<seconds> tryClock(std::string_view t, bool allowSeconds) {
  // HH:MM or HH:MM:SS
  if (t.size() != 5 && !(allowSeconds && t.size() == 8)) return std::nullopt;
  if (t[2] != ':' || !allDigits(t.substr(0, 2)) || !allDigits(t.substr(3, 2)))
    return std::nullopt;
  int h = toInt(t.substr(0, 2)), m = toInt(t.substr(3, 2)), s = 0;
  if (t.size() == 8) {
    if (t[5] != ':' || !allDigits(t.substr(6, 2))) return std::nullopt;
    s = toInt(t.substr(6, 2));
  }
  if (h > 23 || m > 59 || s > 59) return std::nullopt;
  return hours{h} + minutes{m} + seconds{s};
}

}  // namespace

Date parseDate(std::string_view text, std::string_view field) {
  if (auto d = tryDate(text)) return *d;
  throw Error(ErrorCode::usage, fmt::format("{} must be a date YYYY-MM-DD, got '{}'", field, text),
              std::string(field));
}

date::local_seconds parseLocalDateTime(std::string_view text, std::string_view field) {
  if (text.size() >= 16 && (text[10] == ' ' || text[10] == 'T')) {
    auto d = tryDate(text.substr(0, 10));
    auto c = tryClock(text.substr(11), true);
    if (d && c) return date::local_days{*d} + *c;
  }
  throw Error(ErrorCode::usage,
              fmt::format("{} must be a local time \"YYYY-MM-DD HH:MM\", got '{}'", field, text),
              std::string(field));
}

Instant parseInstant(std::string_view text, std::string_view field) {
  auto fail = [&] {
    return Error(ErrorCode::usage,
                 fmt::format("{} must be an ISO 8601 time like 2026-03-10T08:00:00Z, got '{}'",
                             field, text),
                 std::string(field));
  };
  if (text.size() < 20 || text[10] != 'T') throw fail();
  auto d = tryDate(text.substr(0, 10));
  auto c = tryClock(text.substr(11, 8), true);
  if (!d || !c) throw fail();
  Instant base{date::sys_days{*d}.time_since_epoch() + *c};
  auto zone = text.substr(19);
  if (zone == "Z") return base;
  if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' &&
      allDigits(zone.substr(1, 2)) && allDigits(zone.substr(4, 2))) {
    seconds off = hours{toInt(zone.substr(1, 2))} + minutes{toInt(zone.substr(4, 2))};
    return zone[0] == '+' ? base - off : base + off;
  }
  throw fail();
}

namespace {
// Two digits of a value from 0 to 99.
void appendTwo(char* at, unsigned v) {
  at[0] = static_cast<char>('0' + v / 10);
  at[1] = static_cast<char>('0' + v % 10);
}
}  // namespace

void appendDate(std::string& out, Date d) {
  int year = int(d.year());
  if (year < 0 || year > 9999) {
    fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}", year, unsigned(d.month()),
                   unsigned(d.day()));
    return;
  }
  char text[10] = {0, 0, 0, 0, '-', 0, 0, '-', 0, 0};
  appendTwo(text, unsigned(year) / 100);
  appendTwo(text + 2, unsigned(year) % 100);
  appendTwo(text + 5, unsigned(d.month()));
  appendTwo(text + 8, unsigned(d.day()));
  out.append(text, sizeof text);
}

void appendInstant(std::string& out, Instant t) {
  auto day = date::floor<date::days>(t);
  appendDate(out, Date{day});
  auto secs = static_cast<unsigned>((t - day).count());  // 0 to 86399
  char text[10] = {'T', 0, 0, ':', 0, 0, ':', 0, 0, 'Z'};
  appendTwo(text + 1, secs / 3600);
  appendTwo(text + 4, secs / 60 % 60);
  appendTwo(text + 7, secs % 60);
  out.append(text, sizeof text);
}

std::string formatDate(Date d) {
  std::string out;
  appendDate(out, d);
  return out;
}

std::string formatInstant(Instant t) {
  std::string out;
  appendInstant(out, t);
  return out;
}

std::string formatLocal(const Clock& clock, Instant t) {
  auto local = clock.zone().to_local(t);
  auto day = date::floor<date::days>(local);
  date::hh_mm_ss<seconds> hms{local - day};
  return fmt::format("{} {:02}:{:02}", formatDate(Date{day}), hms.hours().count(),
                     hms.minutes().count());
}

long daysBetween(Date a, Date b) {
  return (date::sys_days{b} - date::sys_days{a}).count();
}

Date addDays(Date d, long days) { return Date{date::sys_days{d} + date::days{days}}; }

Date weekStart(Date d) {
  date::weekday wd{date::sys_days{d}};
  long back = (wd.c_encoding() + 6) % 7;  // Monday = 0
  return addDays(d, -back);
}

int parseDuration(std::string_view text, std::string_view field) {
  auto fail = [&](std::string_view why) {
    return Error(ErrorCode::usage,
                 fmt::format("{} '{}' {}; use forms like 90m, 1h30m, 2h, 1.5h or 45 (minutes)",
                             field, text, why),
                 std::string(field));
  };
  if (text.empty()) throw fail("is empty");
  if (text.front() == '-') throw fail("is negative");
  double total = 0;
  bool sawUnit = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.'))
      ++j;
    if (j == i) throw fail("is not a duration");
    std::string number(text.substr(i, j - i));
    if (std::count(number.begin(), number.end(), '.') > 1) throw fail("is not a duration");
    double value = std::stod(number);
    if (j == text.size()) {
      if (sawUnit) throw fail("has a number without a unit");
      total += value;  // bare number: minutes
      i = j;
      break;
    }
    char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text[j])));
    if (unit == 'h') {
      total += value * 60;
    } else if (unit == 'm') {
      total += value;
      if (j + 3 <= text.size() && text.substr(j, 3) == "min") j += 2;
    } else {
      throw fail("has an unknown unit");
    }
    sawUnit = true;
    i = j + 1;
  }
  long minutes = std::lround(total);
  if (minutes <= 0) throw fail("must be more than zero");
  if (minutes > 24 * 60) throw fail("is longer than a day (24h)");
  return static_cast<int>(minutes);
}

std::string formatDuration(int minutes) {
  int h = minutes / 60, m = minutes % 60;
  if (h == 0) return fmt::format("{}m", m);
  if (m == 0) return fmt::format("{}h", h);
  return fmt::format("{}h{:02}m", h, m);
}

}  // namespace jobfit
