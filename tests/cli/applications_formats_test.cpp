// End to end: applications as CSV (export, history, import) and as iCalendar.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

// A search with moves back and forth, notes with commas, quotes and line breaks, a reply, a
// referral and a closed application: everything the two CSV files must carry.
void buildSearch(const Jobfit& jf) {
  addPostings(jf, 12);
  jf.ok({"contact", "add", "Jane \"JD\" Doe"});
  jf.ok({"app", "add", "--company", "Acme, Inc.", "--title", "Data Analyst", "--referrer", "1",
         "--applied", "2026-01-05", "--url", "https://acme.example/jobs/1", "--salary", "60-70k EUR",
         "--resume", "v3", "--posting", "12", "--note", "line one\nline \"two\", with a comma"});
  jf.ok({"app", "move", "1", "screening", "--date", "2026-01-09"});
  jf.ok({"app", "move", "1", "interviewing", "--date", "2026-01-20", "--note", "panel"});
  jf.ok({"app", "move", "1", "screening", "--date", "2026-01-22", "--note", "back to a screen"});
  jf.ok({"app", "note", "1", "recruiter wrote", "--reply", "--date", "2026-01-23"});
  jf.ok({"app", "add", "--company", "Beta", "--title", "Engineer", "--applied", "2026-01-10",
         "--channel", "cold"});
  jf.ok({"app", "close", "2", "--date", "2026-02-15", "--learned", "too late in the cycle"});
  jf.ok({"app", "add", "--company", "Gamma", "--title", "Scientist", "--stage", "saved",
         "--applied", "2026-02-01"});
}

TEST(SearchCsv, ExportPlusHistoryImportGivesTheSameApplicationsAndDates) {
  Jobfit jf;
  buildSearch(jf);
  auto apps = jf.dir() / "apps.csv";
  auto history = jf.dir() / "history.csv";
  jf.ok({"apps", "export", "--csv", apps.string()});
  jf.ok({"apps", "history", "--csv", history.string()});
  auto appsText = readFile(apps);
  EXPECT_EQ(appsText.substr(0, appsText.find("\r\n")),
            "id,company,title,stage,channel,url,posting_id,resume,salary,referrer,learned,notes,"
            "saved,applied,screening,interviewing,offer,accepted,rejected,withdrawn,closed");
  EXPECT_NE(appsText.find("\"Acme, Inc.\""), std::string::npos);

  Jobfit other;
  auto dry = other.ok({"apps", "import", apps.string(), "--history", history.string(), "--dry-run"});
  EXPECT_NE(dry.find("Would import 3 applications and 1 new contacts"), std::string::npos) << dry;
  EXPECT_FALSE(std::filesystem::exists(other.db()) &&
               json::parse(other.ok({"apps", "--json"})).size() > 0);
  other.ok({"apps", "import", apps.string(), "--history", history.string()});
  auto apps2 = other.dir() / "apps.csv";
  auto history2 = other.dir() / "history.csv";
  other.ok({"apps", "export", "--csv", apps2.string()});
  other.ok({"apps", "history", "--csv", history2.string()});
  EXPECT_EQ(readFile(apps2), appsText);
  EXPECT_EQ(readFile(history2), readFile(history));
  // The applications themselves (not just the files) are the same.
  auto a = json::parse(jf.ok({"apps", "--json"}));
  auto b = json::parse(other.ok({"apps", "--json"}));
  EXPECT_EQ(a, b);

  // Importing the same export again skips what is already there.
  auto again = other.ok({"apps", "import", apps.string(), "--history", history.string()});
  EXPECT_NE(again.find("Skipped 3 rows"), std::string::npos) << again;
  EXPECT_EQ(json::parse(other.ok({"apps", "--json"})).size(), 3u);
}

TEST(SearchCsv, TheExportAloneKeepsStageDates) {
  Jobfit jf;
  buildSearch(jf);
  auto apps = jf.dir() / "apps.csv";
  jf.ok({"apps", "export", "--csv", apps.string()});
  Jobfit other;
  other.ok({"apps", "import", apps.string()});
  auto list = json::parse(other.ok({"apps", "--json"}));
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0]["status"]["applied"], "2026-01-05");
  EXPECT_EQ(list[0]["status"]["first_response"], "2026-01-09");
  EXPECT_EQ(list[0]["channel"], "referral");
  EXPECT_EQ(list[1]["status"]["stage"], "closed");
  EXPECT_EQ(list[1]["learned"], "too late in the cycle");
  EXPECT_EQ(list[2]["status"]["stage"], "saved");
}

TEST(SearchCsv, MalformedFileWritesNothing) {
  Jobfit jf;
  jf.ok({"app", "add", "--company", "Keep", "--title", "Me", "--applied", "2026-03-01"});
  auto bad = jf.dir() / "bad.csv";
  writeFile(bad, "Company,Title,Date Applied\nAcme,Analyst,2026-03-01\n\"Beta,Engineer,2026-03-02\n");
  auto r = jf.run({"apps", "import", bad.string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("line 3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was imported"), std::string::npos) << r.err;
  EXPECT_EQ(json::parse(jf.ok({"apps", "--json"})).size(), 1u);

  auto noTitle = jf.dir() / "notitle.csv";
  writeFile(noTitle, "Company,Whatever\nAcme,x\n");
  EXPECT_EQ(jf.run({"apps", "import", noTitle.string()}).status, 1);
  EXPECT_EQ(json::parse(jf.ok({"apps", "--json"})).size(), 1u);
}

TEST(SearchCsv, BadRowsAreListedAndBlockTheImportUnlessSkipped) {
  Jobfit jf;
  auto file = jf.dir() / "teal.csv";
  writeFile(file,
            "Company,Job Position,Status,Date Applied\r\n"
            "Acme,Analyst,Applied,2026-03-01\r\n"
            "Beta,Engineer,Dreaming,2026-03-02\r\n"
            "Gamma,Scientist,No Response,2026-02-01\r\n");
  auto dry = jf.ok({"apps", "import", file.string(), "--preset", "teal", "--dry-run"});
  EXPECT_NE(dry.find("line 3: unknown status 'Dreaming'"), std::string::npos) << dry;
  auto r = jf.run({"apps", "import", file.string(), "--preset", "teal"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("line 3: unknown status 'Dreaming'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--skip-bad"), std::string::npos);
  EXPECT_EQ(json::parse(jf.ok({"apps", "--json"})).size(), 0u);
  auto ok = jf.ok({"apps", "import", file.string(), "--preset", "teal", "--skip-bad"});
  EXPECT_NE(ok.find("Imported 2 applications"), std::string::npos);
  auto list = json::parse(jf.ok({"apps", "--json"}));
  EXPECT_EQ(list[1]["status"]["stage"], "closed");
  EXPECT_EQ(jf.run({"apps", "import", file.string(), "--preset", "monster"}).status, 2);
  EXPECT_EQ(jf.run({"apps", "import", file.string(), "--map", "Nope=company"}).status, 2);
}

TEST(SearchCalendar, GoldenFileAndStableUids) {
  Jobfit jf;
  jf.ok({"app", "add", "--company", "Ärzte ohne Grenzen", "--title",
         "Senior Data Analyst für Einsatzplanung, Logistik und Berichtswesen (Vollzeit)",
         "--applied", "2026-03-01", "--url", "https://example.org/jobs/3"});
  jf.ok({"app", "add", "--company", "Beta", "--title", "Engineer", "--applied", "2026-03-02"});
  jf.ok({"remind", "1", "2026-03-16", "second round; bring the case study", "--interview", "--at",
         "14:00", "--minutes", "90"});
  jf.ok({"remind", "2", "2026-03-20", "ask about the timeline"});
  jf.ok({"remind", "2", "2026-03-10", "already done"});
  jf.ok({"reminders", "--done", "3"});
  auto ics = jf.dir() / "jobfit.ics";
  jf.ok({"calendar", "export", ics.string()});
  auto golden = std::string(JOBFIT_SOURCE_DIR) + "/tests/cli/data/applications_calendar.ics";
  EXPECT_EQ(readFile(ics), readFile(golden)) << "compare " << ics << " with " << golden;

  // Later, with a changed reminder text: same UIDs, so calendars update the events.
  jf.env["JOBFIT_NOW"] = "2026-03-14T09:00:00Z";
  jf.ok({"app", "move", "2", "screening"});
  jf.ok({"calendar", "export", ics.string()});
  auto again = readFile(ics);
  for (const char* uid : {"UID:jobfit-reminder-1-1773421200@jobfit.local",
                          "UID:jobfit-reminder-2-1773421200@jobfit.local"})
    EXPECT_NE(again.find(uid), std::string::npos) << uid;
  EXPECT_NE(again.find("DTSTAMP:20260314T090000Z"), std::string::npos);
}

}  // namespace
}  // namespace jobfit::testing
