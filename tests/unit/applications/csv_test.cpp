#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "applications/csv.h"
#include "applications/spreadsheet.h"
#include "core/error.h"

namespace jobfit {
namespace {

Date d(const char* s) { return parseDate(s); }

TEST(CsvWriter, QuotesOnlyWhenNeededAndEndsWithCrlf) {
  std::string out;
  appendCsvRecord(out, {"plain", "a,b", "say \"hi\"", "two\nlines", ""});
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
}

TEST(CsvReader, ReadsQuotedFieldsLineBreaksBomAndBlankLines) {
  auto doc = parseCsv("\xEF\xBB\xBFname,note\r\n\"Acme, Inc.\",\"line one\nline \"\"two\"\"\"\r\n\r\nBeta,\n",
                      "t.csv");
  EXPECT_EQ(doc.header, (std::vector<std::string>{"name", "note"}));
  ASSERT_EQ(doc.records.size(), 2u);
  EXPECT_EQ(doc.records[0].fields[0], "Acme, Inc.");
  EXPECT_EQ(doc.records[0].fields[1], "line one\nline \"two\"");
  EXPECT_EQ(doc.records[0].line, 2);
  EXPECT_EQ(doc.records[1].fields, (std::vector<std::string>{"Beta", ""}));
  EXPECT_EQ(doc.records[1].line, 5);
}

TEST(CsvReader, PicksSemicolonsAndTabs) {
  EXPECT_EQ(parseCsv("a;b\n1;2\n", "t").records[0].fields[1], "2");
  EXPECT_EQ(parseCsv("a\tb\n1\t2\n", "t").records[0].fields[1], "2");
}

TEST(CsvReader, RefusesMalformedFilesNamingTheLine) {
  std::vector<std::string> malformed{"a,b\n\"open,1\n", "a,b\n\"x\"y,1\n", "a,b\nx\"y,1\n", "",
                                     "\n\n", "a,b\n1,\xff\n", std::string("a,b\n1,\0\n", 8)};
  for (const auto& bad : malformed) {
    try {
      parseCsv(bad, "t.csv");
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::invalid) << bad;
      EXPECT_NE(std::string(e.what()).find("line"), std::string::npos) << e.what();
    }
  }
}

RC_GTEST_PROP(CsvRoundTrip, WriterOutputReadsBackTheSameFields, ()) {
  auto rows = *rc::gen::container<std::vector<std::vector<std::string>>>(
      *rc::gen::inRange(1, 5),
      rc::gen::container<std::vector<std::string>>(
          3, rc::gen::container<std::string>(rc::gen::element('a', 'z', ',', '"', '\n', '\r', ' ', ';'))));
  std::string text;
  appendCsvRecord(text, {"h1", "h2", "h3"});
  for (const auto& r : rows) appendCsvRecord(text, r);
  auto doc = parseCsv(text, "t");
  // A record of three empty fields is written as ",,", which still reads back as a record.
  RC_ASSERT(doc.records.size() == rows.size());
  for (size_t i = 0; i < rows.size(); ++i) RC_ASSERT(doc.records[i].fields == rows[i]);
}

TEST(SpreadsheetDates, ReadsTheCommonForms) {
  EXPECT_EQ(parseSpreadsheetDate("2026-03-10"), d("2026-03-10"));
  EXPECT_EQ(parseSpreadsheetDate("2026-03-10T09:14:00Z"), d("2026-03-10"));
  EXPECT_EQ(parseSpreadsheetDate("3/10/2026"), d("2026-03-10"));
  EXPECT_EQ(parseSpreadsheetDate("3/10/26, 9:14 AM"), d("2026-03-10"));
  EXPECT_EQ(parseSpreadsheetDate("10.03.2026"), d("2026-03-10"));
  EXPECT_EQ(parseSpreadsheetDate("Mar 10, 2026"), d("2026-03-10"));
  EXPECT_EQ(parseSpreadsheetDate("10 March 2026"), d("2026-03-10"));
  for (const char* bad : {"", "yesterday", "13/45/2026", "2026-02-30", "10 Foo 2026"})
    EXPECT_FALSE(parseSpreadsheetDate(bad)) << bad;
}

CsvImportPlan plan(const std::string& csv, CsvImportOptions options = {}) {
  auto doc = parseCsv(csv, "t.csv");
  return planCsvImport(doc, nullptr, options, {}, {}, d("2026-03-31"));
}

TEST(SpreadsheetImport, DetectsHeadersAndMapsTrackerStatuses) {
  auto p = plan(
      "Company,Job Position,Status,Date Saved,Date Applied,Job URL,Salary,Location\n"
      "Acme,Data Analyst,Not Selected,2026-03-01,2026-03-02,acme.com/jobs/1,60k,Berlin\n"
      "Beta,Engineer,Bookmarked,2026-03-03,,,,\n",
      {CsvPreset::teal, {}});
  ASSERT_TRUE(p.bad.empty()) << p.bad[0].reason;
  ASSERT_EQ(p.rows.size(), 2u);
  const auto& a = p.rows[0].application;
  EXPECT_EQ(a.title, "Data Analyst");
  EXPECT_EQ(currentStage(a), Stage::rejected);
  EXPECT_EQ(appliedDate(a), d("2026-03-02"));
  EXPECT_EQ(startDate(a), d("2026-03-01"));
  EXPECT_EQ(a.url, "https://acme.com/jobs/1");
  EXPECT_EQ(a.salary, "60k");
  EXPECT_EQ(currentStage(p.rows[1].application), Stage::saved);
  EXPECT_EQ(p.columns.back().second, "");  // Location is ignored
}

TEST(SpreadsheetImport, LinkedInRowsAreApplicationsFromAJobBoard) {
  auto p = plan(
      "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name\n"
      "\"3/10/26, 9:14 AM\",,,Acme,Analyst,https://www.linkedin.com/jobs/view/1,cv-2026.pdf\n",
      {CsvPreset::linkedin, {}});
  ASSERT_EQ(p.rows.size(), 1u);
  const auto& a = p.rows[0].application;
  EXPECT_EQ(currentStage(a), Stage::applied);
  EXPECT_EQ(a.channel, Channel::job_board);
  EXPECT_EQ(a.resume, "cv-2026.pdf");
  EXPECT_EQ(appliedDate(a), d("2026-03-10"));
}

TEST(SpreadsheetImport, HuntrListsAndSources) {
  auto p = plan(
      "Employer,Title,List,Date Added,Source,Notes\n"
      "Acme,Analyst,Interview,2026-03-01,Referral from Jane,met at meetup\n"
      "Beta,Analyst,Wishlist,2026-03-02,LinkedIn,\n",
      {CsvPreset::huntr, {}});
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(currentStage(p.rows[0].application), Stage::interviewing);
  EXPECT_EQ(p.rows[0].application.channel, Channel::referral);
  EXPECT_EQ(p.rows[0].application.events.back().text, "met at meetup");
  EXPECT_EQ(p.rows[1].application.channel, Channel::job_board);
}

TEST(SpreadsheetImport, ListsBadRowsWithReasons) {
  auto p = plan(
      "Organization,Role,Stage,Application Date\n"
      "Acme,Analyst,applied,2026-03-01\n"
      ",Analyst,applied,2026-03-01\n"
      "Beta,Analyst,maybe,2026-03-01\n"
      "Gamma,Analyst,applied,someday\n"
      "Delta,Analyst,applied\n"
      "Epsilon,Analyst,applied,2026-04-05\n"
      "Zeta,Analyst,applied,\n");
  EXPECT_EQ(p.rows.size(), 1u);
  ASSERT_EQ(p.bad.size(), 6u);
  EXPECT_EQ(p.bad[0].line, 3);
  EXPECT_NE(p.bad[0].reason.find("company"), std::string::npos);
  EXPECT_NE(p.bad[1].reason.find("maybe"), std::string::npos);
  EXPECT_NE(p.bad[2].reason.find("someday"), std::string::npos);
  EXPECT_NE(p.bad[3].reason.find("fields"), std::string::npos);
  EXPECT_NE(p.bad[4].reason.find("future"), std::string::npos);
  EXPECT_NE(p.bad[5].reason.find("no date"), std::string::npos);
}

TEST(SpreadsheetImport, MapOverridesAndMissingColumnsRefuseTheFile) {
  auto p = plan("Firm,What,When\nAcme,Analyst,2026-03-01\n",
                {CsvPreset::generic, {{"Firm", "company"}, {"What", "title"}, {"When", "applied"}}});
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(appliedDate(p.rows[0].application), d("2026-03-01"));
  EXPECT_THROW(plan("Firm,Title\nAcme,Analyst\n"), Error);
  EXPECT_THROW(plan("Company,Title\nAcme,Analyst\n", {CsvPreset::generic, {{"Company", "boss"}}}),
               Error);
}

TEST(SpreadsheetImport, SkipsRowsAlreadyStored) {
  Application stored;
  stored.id = 7;
  stored.company = "Acme";
  stored.title = "Analyst";
  stored.events = {{0, d("2026-03-01"), EventKind::stage, Stage::applied, ""}};
  auto doc = parseCsv("Company,Title,Date Applied\nACME,analyst,2026-03-01\n", "t");
  auto p = planCsvImport(doc, nullptr, {}, {stored}, {}, d("2026-03-31"));
  EXPECT_TRUE(p.rows.empty());
  ASSERT_EQ(p.skipped.size(), 1u);
  EXPECT_NE(p.skipped[0].reason.find("application 7"), std::string::npos);
}

}  // namespace
}  // namespace jobfit
