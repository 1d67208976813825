// End to end: calendar import into drafts, rating and discarding them.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

std::string fixture(const std::string& name) {
  return std::string(JOBFIT_SOURCE_DIR) + "/tests/fixtures/calendar/" + name;
}

TEST(EvidenceCli, ImportCalendarRateAndDiscard) {
  Jobfit jf;  // now: 2026-03-13, Europe/Berlin
  auto out = jf.ok({"import-calendar", fixture("zones.ics")});
  EXPECT_NE(out.find("Imported 4 drafts"), std::string::npos) << out;
  EXPECT_NE(out.find("(2026-02-28 .. 2026-03-13)"), std::string::npos) << out;  // default window
  out = jf.ok({"import-calendar", fixture("utc.ics"), "--from", "2026-03-09", "--to",
               "2026-03-13"});
  EXPECT_NE(out.find("Imported 2 drafts"), std::string::npos) << out;
  EXPECT_NE(out.find("1 cancelled event, 1 without a duration"), std::string::npos) << out;
  // Importing the same file again adds nothing.
  out = jf.ok({"import-calendar", fixture("zones.ics")});
  EXPECT_NE(out.find("Imported 0 drafts"), std::string::npos) << out;
  EXPECT_NE(out.find("4 already imported"), std::string::npos) << out;

  auto drafts = json::parse(jf.ok({"drafts", "--json"}));
  ASSERT_EQ(drafts.size(), 6u);
  EXPECT_EQ(drafts[0]["title"], "Writing block");
  EXPECT_EQ(drafts[0]["start"], "2026-03-10T08:00:00Z");
  EXPECT_EQ(drafts[0]["minutes"], 90);
  EXPECT_EQ(drafts[0]["activity"], "writing");
  EXPECT_EQ(drafts[0]["status"], "pending");
  auto table = jf.ok({"drafts"});
  EXPECT_NE(table.find("09:00"), std::string::npos) << table;  // local time
  EXPECT_NE(table.find("Writing block"), std::string::npos);

  std::string writingId = std::to_string(drafts[0]["id"].get<int>());
  // Rating needs at least one rating.
  EXPECT_EQ(jf.run({"rate", writingId}).status, 2);
  out = jf.ok({"rate", writingId, "--happy", "5", "--engaged", "6", "--stressed", "1",
               "--energy", "2"});
  EXPECT_NE(out.find("Rated draft " + writingId + " as episode 1"), std::string::npos) << out;
  auto episode = json::parse(jf.ok({"episode", "show", "1", "--json"}));
  EXPECT_EQ(episode["start"], "2026-03-10T08:00:00Z");
  EXPECT_EQ(episode["minutes"], 90);
  EXPECT_EQ(episode["activities"], json::array({"writing"}));
  EXPECT_EQ(episode["note"], "Writing block");
  EXPECT_EQ(episode["happy"], 5);
  // A rated draft cannot be rated twice.
  auto again = jf.run({"rate", writingId, "--happy", "1"});
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.err.find("already rated as episode 1"), std::string::npos) << again.err;

  // Correct the guess and the duration while rating.
  std::string callId = std::to_string(drafts[1]["id"].get<int>());
  jf.ok({"rate", callId, "--activities", "client-support", "--duration", "45m", "--happy", "3",
         "--stressed", "3"});
  episode = json::parse(jf.ok({"episode", "show", "2", "--json"}));
  EXPECT_EQ(episode["activities"], json::array({"client-support"}));
  EXPECT_EQ(episode["minutes"], 45);

  std::string inboxId = std::to_string(drafts[5]["id"].get<int>());
  jf.ok({"drafts", "rm", inboxId});
  EXPECT_EQ(json::parse(jf.ok({"drafts", "--json"})).size(), 3u);
  auto all = json::parse(jf.ok({"drafts", "--all", "--json"}));
  ASSERT_EQ(all.size(), 6u);
  EXPECT_EQ(all[0]["status"], "rated");
  EXPECT_EQ(all[0]["episode_id"], 1);
  EXPECT_EQ(all[5]["status"], "discarded");
  EXPECT_EQ(jf.run({"rate", inboxId, "--happy", "3"}).status, 1);
  EXPECT_EQ(jf.run({"rate", "999", "--happy", "3"}).status, 1);
  EXPECT_EQ(jf.run({"drafts", "rm", "abc"}).status, 2);
  // Rated and discarded drafts do not come back on re-import.
  out = jf.ok({"import-calendar", fixture("zones.ics")});
  EXPECT_NE(out.find("Imported 0 drafts"), std::string::npos) << out;
}

TEST(EvidenceCli, ADraftWithoutAGuessNeedsActivities) {
  Jobfit jf;
  writeFile(jf.dir() / "dentist.ics",
            "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//EN\nBEGIN:VEVENT\nUID:d1\n"
            "DTSTART:20260312T080000Z\nDTEND:20260312T090000Z\nSUMMARY:Dentist\nEND:VEVENT\n"
            "END:VCALENDAR\n");
  jf.ok({"import-calendar", (jf.dir() / "dentist.ics").string()});
  auto r = jf.run({"rate", "1", "--happy", "2", "--stressed", "4"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("has no activity guess"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("hint: pass --activities"), std::string::npos) << r.err;
}

TEST(EvidenceCli, AMalformedCalendarWritesNothing) {
  Jobfit jf;
  for (const char* name : {"malformed-value.ics", "malformed-truncated.ics", "unknown-zone.ics"}) {
    auto r = jf.run({"import-calendar", fixture(name), "--from", "2026-03-01"});
    EXPECT_EQ(r.status, 1) << name;
    EXPECT_NE(r.err.find("jobfit: "), std::string::npos) << name;
    EXPECT_EQ(r.out, "") << name;
  }
  auto r = jf.run({"import-calendar", fixture("malformed-value.ics"), "--from", "2026-03-01"});
  EXPECT_NE(r.err.find("malformed calendar: line 12: DTSTART value '2026-03-1x'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("nothing was imported"), std::string::npos) << r.err;
  // The file's good event was not imported either.
  EXPECT_EQ(json::parse(jf.ok({"drafts", "--all", "--json"})).size(), 0u);
  EXPECT_EQ(jf.run({"import-calendar", (jf.dir() / "missing.ics").string()}).status, 1);
}

TEST(EvidenceCli, RecurringEventsImportOnlyTheWindow) {
  Jobfit jf("2026-04-05T12:00:00Z");
  auto json = nlohmann::json::parse(jf.ok({"import-calendar", fixture("recurring.ics"), "--from",
                                           "2026-03-16", "--to", "2026-04-05", "--json"}));
  EXPECT_EQ(json["added"].size(), 8u);
  auto allDay = nlohmann::json::parse(
      jf.ok({"import-calendar", fixture("all-day.ics"), "--from", "2026-03-09", "--to",
             "2026-03-13", "--json"}));
  EXPECT_EQ(allDay["skipped_all_day"], 2);
  EXPECT_EQ(allDay["added"].size(), 1u);
}

}  // namespace
}  // namespace jobfit::testing
