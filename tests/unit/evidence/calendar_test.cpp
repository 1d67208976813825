// Reading .ics fixtures (tests/fixtures/calendar) into drafts. Times were worked out by hand
// for the user's zone Europe/Berlin (CET +01:00 until 2026-03-29, then CEST +02:00).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/error.h"
#include "evidence/calendar.h"
#include "support/cli.h"

namespace jobfit {
namespace {

const Clock kClock = Clock::fixed(parseInstant("2026-04-05T12:00:00Z"),
                                  date::locate_zone("Europe/Berlin"));

std::string fixture(const std::string& name) {
  return testing::readFile(std::string(JOBFIT_SOURCE_DIR) + "/tests/fixtures/calendar/" + name);
}

CalendarRead read(const std::string& name, const char* from, const char* to) {
  return readCalendar(fixture(name), kClock, parseDate(from), parseDate(to),
                      ActivityCatalog::builtIn());
}

TEST(Calendar, TzidUtcAndFloatingTimes) {
  auto r = read("zones.ics", "2026-03-09", "2026-03-13");
  EXPECT_EQ(r.events, 4);
  ASSERT_EQ(r.drafts.size(), 4u);
  // Floating 08:00 is taken in the user's zone: 07:00Z, the latest of the four.
  EXPECT_EQ(r.drafts[3].title, "Inbox zero");
  EXPECT_EQ(formatInstant(r.drafts[3].start), "2026-03-12T07:00:00Z");
  // Sorted by start: Berlin 09:00 CET = 08:00Z; Outlook zone 14:00 CET = 13:00Z; New York
  // 09:00 EDT (summer time there since 8 March) = 13:00Z.
  const Draft* berlin = nullptr;
  const Draft* newYork = nullptr;
  const Draft* outlook = nullptr;
  for (const auto& d : r.drafts) {
    if (d.source == "zones-berlin@jobfit.test") berlin = &d;
    if (d.source == "zones-new-york@jobfit.test") newYork = &d;
    if (d.source == "zones-outlook@jobfit.test") outlook = &d;
  }
  ASSERT_TRUE(berlin && newYork && outlook);
  EXPECT_EQ(formatInstant(berlin->start), "2026-03-10T08:00:00Z");
  EXPECT_EQ(berlin->minutes, 90);
  EXPECT_EQ(berlin->activity, "writing");
  EXPECT_EQ(formatInstant(newYork->start), "2026-03-10T13:00:00Z");
  EXPECT_EQ(newYork->minutes, 60);
  EXPECT_EQ(newYork->activity, "meetings");
  EXPECT_EQ(formatInstant(outlook->start), "2026-03-11T13:00:00Z");
  EXPECT_EQ(outlook->minutes, 45);
  EXPECT_EQ(outlook->activity, "hiring");
  EXPECT_EQ(r.drafts[3].activity, "messages");
  for (const auto& d : r.drafts) EXPECT_EQ(d.status, DraftStatus::pending);
}

TEST(Calendar, UtcTimesDurationsAndSkips) {
  auto r = read("utc.ics", "2026-03-09", "2026-03-13");
  ASSERT_EQ(r.drafts.size(), 2u);
  EXPECT_EQ(r.drafts[0].title, "Team sync");
  EXPECT_EQ(r.drafts[0].minutes, 45);  // DURATION:PT45M
  EXPECT_EQ(formatDate(r.drafts[0].date), "2026-03-10");
  // 23:30Z on the 10th is 00:30 on the 11th in Berlin: the draft belongs to the 11th.
  EXPECT_EQ(r.drafts[1].title, "Late deploy");
  EXPECT_EQ(formatDate(r.drafts[1].date), "2026-03-11");
  EXPECT_EQ(r.drafts[1].activity, "operations");
  EXPECT_EQ(r.withoutDuration, 1);
  EXPECT_EQ(r.cancelled, 1);
}

TEST(Calendar, AllDayEventsAreSkipped) {
  auto r = read("all-day.ics", "2026-03-09", "2026-03-13");
  EXPECT_EQ(r.allDay, 2);
  ASSERT_EQ(r.drafts.size(), 1u);
  EXPECT_EQ(r.drafts[0].title, "Quarterly planning");
  EXPECT_EQ(r.drafts[0].activity, "planning");
}

TEST(Calendar, RecurringEventsExpandWithinTheWindow) {
  auto r = read("recurring.ics", "2026-03-16", "2026-04-05");
  std::vector<std::string> got;
  for (const auto& d : r.drafts)
    got.push_back(fmt::format("{} {} {}", formatInstant(d.start), d.minutes, d.title));
  // Standup Mon/Wed 09:00 Berlin, COUNT=8 from 03-16; 03-18 excluded (EXDATE); 03-30 moved to
  // 14:00 (RECURRENCE-ID); after 29 March 09:00 is 07:00Z. The open-ended weekly 1:1 since
  // 2020 yields only the Mondays in the window.
  std::vector<std::string> want{
      "2026-03-16T08:00:00Z 15 Standup",
      "2026-03-16T16:00:00Z 60 Weekly 1:1 with Sam",
      "2026-03-23T08:00:00Z 15 Standup",
      "2026-03-23T16:00:00Z 60 Weekly 1:1 with Sam",
      "2026-03-25T08:00:00Z 15 Standup",
      "2026-03-30T12:00:00Z 30 Standup (moved)",
      "2026-03-30T16:00:00Z 60 Weekly 1:1 with Sam",
      "2026-04-01T07:00:00Z 15 Standup",
  };
  EXPECT_EQ(got, want);
  EXPECT_EQ(r.drafts[1].activity, "managing-people");
  EXPECT_EQ(r.drafts[0].activity, "meetings");
}

TEST(Calendar, MalformedFilesAreRefusedWithAClearError) {
  for (const char* name : {"malformed-value.ics", "malformed-truncated.ics"}) {
    try {
      read(name, "2026-03-09", "2026-03-13");
      ADD_FAILURE() << name << " was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::invalid) << name;
      EXPECT_EQ(e.field(), "file");
    }
  }
  try {
    read("malformed-value.ics", "2026-03-09", "2026-03-13");
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("line 12: DTSTART value '2026-03-1x'"), std::string::npos)
        << e.what();
  }
  try {
    read("unknown-zone.ics", "2026-03-09", "2026-03-13");
    ADD_FAILURE() << "an unknown TZID was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("Mars/Olympus_Mons"), std::string::npos) << e.what();
  }
  EXPECT_THROW(readCalendar("not a calendar", kClock, parseDate("2026-03-01"),
                            parseDate("2026-03-02"), ActivityCatalog::builtIn()),
               Error);
}

TEST(Calendar, GuessesFromIdsLabelsAndKeywords) {
  const auto& catalog = ActivityCatalog::builtIn();
  EXPECT_EQ(guessActivity("Writing block", catalog), "writing");
  EXPECT_EQ(guessActivity("Daily stand-up", catalog), "meetings");
  EXPECT_EQ(guessActivity("Interviewing: frontend", catalog), "hiring");
  EXPECT_EQ(guessActivity("Code review with Ana", catalog), "reviewing");
  EXPECT_EQ(guessActivity("Product demo for ACME", catalog), "presenting");
  EXPECT_EQ(guessActivity("Dentist", catalog), std::nullopt);
  ActivityCatalog mine = catalog;
  mine.add({"pair-programming", "Pair programming", "", {}, true});
  EXPECT_EQ(guessActivity("Pair programming with Li", mine), "pair-programming");
}

}  // namespace
}  // namespace jobfit

namespace jobfit {
namespace {

TEST(Calendar, AFloodOfOccurrencesIsRefused) {
  // Every minute for a week: 10,080 occurrences, more than one import takes.
  std::string ics =
      "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//EN\nBEGIN:VEVENT\nUID:flood\n"
      "DTSTART:20260302T000000Z\nDTEND:20260302T000100Z\nRRULE:FREQ=MINUTELY\nSUMMARY:Tick\n"
      "END:VEVENT\nEND:VCALENDAR\n";
  try {
    readCalendar(ics, kClock, parseDate("2026-03-02"), parseDate("2026-03-08"),
                 ActivityCatalog::builtIn());
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::too_large);
  }
}

}  // namespace
}  // namespace jobfit
