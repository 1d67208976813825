#include <gtest/gtest.h>

#include "applications/calendar.h"
#include "core/text.h"

namespace jobfit {
namespace {

Clock berlin() {
  return Clock::fixed(parseInstant("2026-03-13T17:00:00Z"), date::locate_zone("Europe/Berlin"));
}

std::vector<Application> apps() {
  Application a;
  a.id = 3;
  a.company = "Ärzte ohne Grenzen — Gesellschaft für humanitäre Hilfe";
  a.title = "Senior Data Analyst für Einsatzplanung und Logistik (Vollzeit, unbefristet)";
  a.url = "https://example.org/jobs/3";
  a.events = {{0, parseDate("2026-03-01"), EventKind::stage, Stage::applied, ""}};
  return {a};
}

std::vector<Reminder> reminders() {
  Reminder interview;
  interview.id = 1;
  interview.applicationId = 3;
  interview.kind = ReminderKind::interview;
  interview.due = parseDate("2026-03-16");
  interview.at = parseInstant("2026-03-16T13:00:00Z");
  interview.minutes = 45;
  interview.text = "second round";
  interview.created = parseInstant("2026-03-10T08:00:00Z");
  Reminder followup;
  followup.id = 2;
  followup.applicationId = 3;
  followup.due = parseDate("2026-07-01");
  followup.created = parseInstant("2026-03-11T08:00:00Z");
  Reminder done = followup;
  done.id = 4;
  done.done = parseDate("2026-03-12");
  return {interview, followup, done};
}

TEST(Calendar, EventsInUtcWithAlarmsAndFoldedLines) {
  auto ics = calendarIcs(reminders(), apps(), berlin());
  EXPECT_NE(ics.find("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART:20260316T130000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTEND:20260316T134500Z\r\n"), std::string::npos);
  // A follow-up without a time: 09:00 in Berlin, which is 07:00 UTC in summer time.
  EXPECT_NE(ics.find("DTSTART:20260701T070000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("TRIGGER:-PT1H\r\n"), std::string::npos);
  EXPECT_EQ(ics.find("BEGIN:VTODO"), std::string::npos);
  EXPECT_EQ(ics.find("jobfit-reminder-4-"), std::string::npos);  // done: not exported
  size_t events = 0, alarms = 0;
  for (size_t p = 0; (p = ics.find("BEGIN:VEVENT", p)) != std::string::npos; ++p) ++events;
  for (size_t p = 0; (p = ics.find("BEGIN:VALARM", p)) != std::string::npos; ++p) ++alarms;
  EXPECT_EQ(events, 2u);
  EXPECT_EQ(alarms, 2u);
  // RFC 5545 3.1: lines of at most 75 octets, CRLF, folded without splitting a UTF-8 sequence.
  bool folded = false;
  size_t start = 0;
  while (start < ics.size()) {
    auto end = ics.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    auto line = std::string_view(ics).substr(start, end - start);
    EXPECT_LE(line.size(), 75u) << line;
    if (!line.empty() && line[0] == ' ') {
      folded = true;
      EXPECT_NE(static_cast<unsigned char>(line[1]) & 0xC0, 0x80u) << "split UTF-8: " << line;
    }
    start = end + 2;
  }
  EXPECT_TRUE(folded);
}

TEST(Calendar, UidsAreStableAcrossExports) {
  auto r = reminders();
  EXPECT_EQ(calendarUid(r[0]), "jobfit-reminder-1-1773129600@jobfit.local");
  auto later = Clock::fixed(parseInstant("2026-03-20T10:00:00Z"), date::locate_zone("Europe/Berlin"));
  r[0].text = "second round, moved";
  auto first = calendarIcs(reminders(), apps(), berlin());
  auto second = calendarIcs(r, apps(), later);
  EXPECT_NE(second.find("UID:" + calendarUid(r[0])), std::string::npos);
  EXPECT_NE(first.find("UID:" + calendarUid(r[0])), std::string::npos);
}

}  // namespace
}  // namespace jobfit
