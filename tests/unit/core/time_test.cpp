#include "core/time.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "core/error.h"

namespace jobfit {
namespace {

TEST(Duration, AcceptsTheDocumentedForms) {
  EXPECT_EQ(parseDuration("90m"), 90);
  EXPECT_EQ(parseDuration("1h30m"), 90);
  EXPECT_EQ(parseDuration("2h"), 120);
  EXPECT_EQ(parseDuration("45"), 45);
  EXPECT_EQ(parseDuration("1.5h"), 90);
  EXPECT_EQ(parseDuration("1H15M"), 75);
  EXPECT_EQ(parseDuration("20min"), 20);
}

TEST(Duration, RefusesNonsenseWithTheFieldNamed) {
  for (const char* bad : {"-5m", "abc", "", "0", "0m", "5x", "25h", "1h30", "1..5h", "m"}) {
    try {
      parseDuration(bad);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::usage) << bad;
      EXPECT_EQ(e.field(), "duration") << bad;
    }
  }
}

TEST(Duration, FormatsCompactly) {
  EXPECT_EQ(formatDuration(45), "45m");
  EXPECT_EQ(formatDuration(120), "2h");
  EXPECT_EQ(formatDuration(95), "1h35m");
}

TEST(Dates, ParseValidateAndFormat) {
  EXPECT_EQ(formatDate(parseDate("2026-02-28")), "2026-02-28");
  EXPECT_THROW(parseDate("2026-02-30"), Error);
  EXPECT_THROW(parseDate("26-2-3"), Error);
  EXPECT_THROW(parseDate("2026-1a-01"), Error);
  EXPECT_THROW(parseDate("2026-00-10"), Error);
  EXPECT_THROW(parseDate("2026-03-1 "), Error);
  EXPECT_THROW(parseDate("+026-03-10"), Error);
  EXPECT_EQ(formatDate(weekStart(parseDate("2026-03-12"))), "2026-03-09");  // Thursday -> Monday
  EXPECT_EQ(formatDate(weekStart(parseDate("2026-03-09"))), "2026-03-09");
  EXPECT_EQ(daysBetween(parseDate("2026-02-27"), parseDate("2026-03-02")), 3);
}

TEST(Clock, LocalTimesUseThePinnedZone) {
  auto clock = Clock::fixed(parseInstant("2026-03-10T12:00:00Z"), date::locate_zone("Europe/Berlin"));
  EXPECT_EQ(formatDate(clock.today()), "2026-03-10");
  auto start = clock.fromLocal(parseLocalDateTime("2026-03-10 09:00"));
  EXPECT_EQ(formatInstant(start), "2026-03-10T08:00:00Z");
  EXPECT_EQ(formatLocal(clock, start), "2026-03-10 09:00");
  // Summer time: +02:00.
  EXPECT_EQ(formatInstant(clock.fromLocal(parseLocalDateTime("2026-07-01 09:00"))),
            "2026-07-01T07:00:00Z");
  // Just after midnight UTC is still the previous day in New York.
  auto ny = Clock::fixed(parseInstant("2026-03-10T02:00:00Z"), date::locate_zone("America/New_York"));
  EXPECT_EQ(formatDate(ny.today()), "2026-03-09");
}

TEST(Instants, AcceptOffsets) {
  EXPECT_EQ(formatInstant(parseInstant("2026-03-10T09:00:00+01:00")), "2026-03-10T08:00:00Z");
  EXPECT_THROW(parseInstant("2026-03-10 09:00"), Error);
}

// The hand-written formatters give exactly the text of the general formatting they replace,
// appended after what the string already holds.
RC_GTEST_PROP(TimeText, DatesAndInstantsAreIsoText, ()) {
  auto seconds = *rc::gen::inRange<int64_t>(-70'000'000'000, 260'000'000'000);
  Instant t{std::chrono::seconds{seconds}};
  auto day = date::floor<date::days>(t);
  Date d{day};
  date::hh_mm_ss<std::chrono::seconds> hms{t - day};
  auto dateText = fmt::format("{:04}-{:02}-{:02}", int(d.year()), unsigned(d.month()),
                              unsigned(d.day()));
  RC_ASSERT(formatDate(d) == dateText);
  RC_ASSERT(formatInstant(t) == fmt::format("{}T{:02}:{:02}:{:02}Z", dateText, hms.hours().count(),
                                            hms.minutes().count(), hms.seconds().count()));
  if (int(d.year()) >= 0 && int(d.year()) <= 9999) RC_ASSERT(parseDate(dateText) == d);
  std::string out = "x";
  appendDate(out, d);
  appendInstant(out, t);
  RC_ASSERT(out == "x" + formatDate(d) + formatInstant(t));
}

}  // namespace
}  // namespace jobfit
