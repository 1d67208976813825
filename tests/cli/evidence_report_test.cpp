// End to end: three weeks of episodes, check-ins and expectations into the weekly report, and
// the export/import round trip of everything the evidence capability stores.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

// Three weeks (from Monday 2026-02-23 to Friday 2026-03-13): writing keeps energizing,
// meetings drain more and more, presenting was expected to be great.
void logThreeWeeks(const Jobfit& jf) {
  jf.ok({"activities", "add", "deep-review", "--label", "Review <b>& \"friends\""});
  const char* days[] = {"2026-02-23", "2026-02-25", "2026-02-27", "2026-03-02", "2026-03-04",
                        "2026-03-06", "2026-03-09", "2026-03-11", "2026-03-13"};
  for (int i = 0; i < 9; ++i) {
    std::string d = days[i];
    jf.ok({"log", "2h", "writing", "--date", d, "--happy", "5", "--engaged", std::to_string(4 + i % 3),
           "--stressed", "1", "--energy", "1"});
    jf.ok({"log", "1h", "meetings", "--date", d, "--happy", std::to_string(i < 6 ? 3 : 1),
           "--stressed", std::to_string(i < 6 ? 2 : 5), "--energy", i < 6 ? "0" : "-2",
           "--with", "team"});
  }
  jf.ok({"log", "45m", "presenting", "--date", "2026-03-10", "--happy", "2", "--stressed", "4"});
  jf.ok({"log", "30m", "deep-review", "--date", "2026-03-12", "--happy", "3", "--stressed", "2"});
  // Expected net affect (6 + 5) / 2 - 1 = +4.5.
  jf.ok({"expect", "presenting", "--happy", "6", "--engaged", "5", "--stressed", "1", "--date",
         "2026-02-20"});
  jf.ok({"checkin", "--date", "2026-02-27", "--answers",
         "p1=seldom,p2=seldom,p3=seldom,w1=low,w2=low,w3=low,w4=seldom"});
  jf.ok({"checkin", "--date", "2026-03-13", "--answers",
         "p1=often,p2=often,p3=often,w1=high,w2=high,w3=high,w4=often"});
}

TEST(EvidenceCli, WeeklyReportAsHtml) {
  Jobfit jf;
  logThreeWeeks(jf);
  auto path = jf.dir() / "week.html";
  auto out = jf.ok({"report", "--week", "--html", path.string()});
  EXPECT_NE(out.find("Wrote the report for the week of 2026-03-09"), std::string::npos) << out;
  auto html = readFile(path);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  // Self-contained: inline SVG charts, no scripts, nothing fetched from anywhere.
  size_t charts = 0;
  for (size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
    ++charts;
  EXPECT_EQ(charts, 6u);  // time, net affect, U-index, energy, burnout, expected vs experienced
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  // User text is escaped.
  EXPECT_EQ(html.find("<b>&"), std::string::npos);
  EXPECT_NE(html.find("Review &lt;b&gt;&amp; &quot;friends&quot;"), std::string::npos);
  for (const char* section : {"Time by activity", "Net affect by activity, with 95% intervals",
                              "U-index: share of rated time", "Burnout check-ins",
                              "Expected vs experienced", "Burnout early warning",
                              "Energizers", "Drainers", "Kristensen"})
    EXPECT_NE(html.find(section), std::string::npos) << section;
  EXPECT_NE(html.find("You expected Presenting to feel +4.5; your 1 episode says -2.0"),
            std::string::npos);
  EXPECT_NE(html.find("class=\"warning warning\""), std::string::npos);  // the rule fired
}

TEST(EvidenceCli, WeeklyReportAsTextAndJson) {
  Jobfit jf;
  logThreeWeeks(jf);
  auto text = jf.ok({"report", "--week", "2026-03-11", "--format", "text"});
  EXPECT_NE(text.find("Your week at work: Monday 2026-03-09 to Sunday 2026-03-15"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Time by activity"), std::string::npos);
  EXPECT_NE(text.find("Early warning: over the last 4 weeks"), std::string::npos) << text;
  EXPECT_NE(text.find("Energizers\n  Writing: 9 episodes, 18h, clearly energizing"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("U-index and energy, the last 8 weeks"), std::string::npos);
  EXPECT_NE(text.find("Burnout check-ins"), std::string::npos);
  auto j = json::parse(jf.ok({"report", "--week", "2026-03-11", "--format", "json"}));
  EXPECT_EQ(j["week_start"], "2026-03-09");
  EXPECT_EQ(j["trend"].size(), 8u);
  EXPECT_EQ(j["early_warning"]["level"], "warning");
  EXPECT_EQ(j["burnout"].size(), 2u);
  EXPECT_EQ(j["week"]["overall"]["n"], 8);
  // An earlier week: the check-in of 2026-03-13 is not in it yet.
  j = json::parse(jf.ok({"report", "--week", "2026-02-25", "--format", "json"}));
  EXPECT_EQ(j["burnout"].size(), 1u);
  EXPECT_EQ(jf.run({"report", "--week", "yesterday"}).status, 2);
  EXPECT_EQ(jf.run({"report", "--format", "pdf"}).status, 2);
}

TEST(EvidenceCli, ExportImportIsLosslessForEvidence) {
  Jobfit jf;
  logThreeWeeks(jf);
  jf.ok({"import-calendar", std::string(JOBFIT_SOURCE_DIR) + "/tests/fixtures/calendar/zones.ics"});
  jf.ok({"rate", "1", "--happy", "4", "--stressed", "1"});
  jf.ok({"drafts", "rm", "2"});
  auto first = jf.ok({"export"});
  auto doc = json::parse(first);
  EXPECT_EQ(doc["checkins"].size(), 2u);
  EXPECT_EQ(doc["expectations"].size(), 1u);
  EXPECT_EQ(doc["drafts"].size(), 4u);
  EXPECT_EQ(doc["drafts"][0]["status"], "rated");
  writeFile(jf.dir() / "export.json", first);

  Jobfit other;
  auto summary = other.ok({"import", (jf.dir() / "export.json").string()});
  EXPECT_NE(summary.find("2 check-ins"), std::string::npos) << summary;
  EXPECT_NE(summary.find("4 drafts"), std::string::npos) << summary;
  EXPECT_EQ(other.ok({"export"}), first);
  // Importing the same document again changes nothing.
  auto again = other.ok({"import", (jf.dir() / "export.json").string()});
  EXPECT_NE(again.find("0 check-ins (2 already present)"), std::string::npos) << again;
  EXPECT_EQ(other.ok({"export"}), first);
}

TEST(EvidenceCli, ImportRefusesBadEvidenceAndWritesNothing) {
  Jobfit jf;
  json doc = {{"format", "jobfit-export"},
              {"version", 1},
              {"checkins",
               json::array({{{"id", 1}, {"date", "2026-03-01"}, {"answers", {{"p1", "often"}}}},
                            {{"id", 2}, {"date", "2026-03-02"}, {"answers", {{"w1", "often"}}}}})}};
  writeFile(jf.dir() / "bad.json", doc.dump());
  auto r = jf.run({"import", (jf.dir() / "bad.json").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("checkins[1].answers.w1"), std::string::npos) << r.err;
  EXPECT_EQ(json::parse(jf.ok({"checkins", "--json"})).size(), 0u);

  doc = {{"format", "jobfit-export"},
         {"version", 1},
         {"drafts", json::array({{{"id", 1},
                                  {"source", "x"},
                                  {"start", "2026-03-01T08:00:00Z"},
                                  {"date", "2026-03-01"},
                                  {"minutes", 30},
                                  {"status", "rated"},
                                  {"episode_id", 42}}})}};
  writeFile(jf.dir() / "bad2.json", doc.dump());
  r = jf.run({"import", (jf.dir() / "bad2.json").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("drafts[0].episode_id: no episode 42"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace jobfit::testing
