// End-to-end: importing, adding, showing, searching, listing and deleting postings through the
// real jobfit binary.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

const char* kCsv =
    "title,company,location,description\n"
    "Data Analyst,Northwind,\"Berlin, Germany\",\"Analyze sales data with SQL and Tableau.\n"
    "Hybrid: two days a week in the office. Salary: €55,000 - €65,000 per year.\"\n"
    "Site Reliability Engineer,Contoso,Remote,\"Keep our services running. You will join the "
    "on-call rotation. Fully remote. $140,000 - $170,000 a year.\"\n"
    "Engineering Manager,Fabrikam,\"Munich, Germany\",\"Manage a team of 8 engineers, run "
    "one-on-ones and hiring, plan the roadmap.\"\n";

// A record with a company but neither a title nor any text, between two good ones.
const char* kCsvWithBadRecord =
    "title,company,location,description\n"
    "Data Analyst,Northwind,\"Berlin, Germany\",\"Analyze sales data with SQL and Tableau.\"\n"
    ",Ghost Corp,Nowhere,\n"
    "Technical Writer,Litware,Remote,\"Write API documentation and tutorials.\"\n";

TEST(PostingsImport, ImportingTheSameFileTwiceChangesNothing) {
  Jobfit jf;
  auto file = jf.dir() / "jobs.csv";
  writeFile(file, kCsv);
  auto out = jf.ok({"postings", "import", file.string()});
  EXPECT_NE(out.find("3 new, 0 updated, 0 unchanged, 0 rejected"), std::string::npos) << out;
  out = jf.ok({"postings", "import", file.string()});
  EXPECT_NE(out.find("0 new, 0 updated, 3 unchanged, 0 rejected"), std::string::npos) << out;
  auto list = json::parse(jf.ok({"postings", "--json"}));
  EXPECT_EQ(list.size(), 3u);
}

TEST(PostingsImport, AChangedRecordUpdatesTheStoredPosting) {
  Jobfit jf;
  auto file = jf.dir() / "jobs.csv";
  writeFile(file, kCsv);
  jf.ok({"postings", "import", file.string()});
  std::string changed = kCsv;
  changed.replace(changed.find("Keep our services running."), 26, "Keep our platform running.");
  writeFile(file, changed);
  auto out = jf.ok({"postings", "import", file.string()});
  EXPECT_NE(out.find("0 new, 1 updated, 2 unchanged, 0 rejected"), std::string::npos) << out;
  EXPECT_NE(jf.ok({"postings", "search", "platform"}).find("Site Reliability Engineer"),
            std::string::npos);
}

TEST(PostingsImport, ABadRecordIsRejectedWithItsReasonAndTheOthersAreImported) {
  Jobfit jf;
  auto file = jf.dir() / "mixed.csv";
  writeFile(file, kCsvWithBadRecord);
  auto r = jf.run({"postings", "import", file.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("2 new, 0 updated, 0 unchanged, 1 rejected"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("rejected"), std::string::npos) << r.err;
  auto list = json::parse(jf.ok({"postings", "--json"}));
  EXPECT_EQ(list.size(), 2u);
}

TEST(PostingsImport, ALargeImportPrintsNoProgressWhenStdoutIsNotATerminal) {
  Jobfit jf;
  std::string csv = "title,company,location,description\n";
  for (int i = 0; i < 1200; ++i)
    csv += "Analyst " + std::to_string(i) + ",Company " + std::to_string(i % 37) +
           ",Berlin,\"Analyze data and write reports, number " + std::to_string(i) + ".\"\n";
  auto file = jf.dir() / "many.csv";
  writeFile(file, csv);
  auto out = jf.ok({"postings", "import", file.string()});
  EXPECT_EQ(out, file.string() + ": 1200 new, 0 updated, 0 unchanged, 0 rejected\n");
}

TEST(PostingsImport, StdinAndSeveralFilesAddUp) {
  Jobfit jf;
  auto file = jf.dir() / "jobs.csv";
  writeFile(file, kCsv);
  auto out = jf.ok({"postings", "import", file.string(), "-", "--format", "csv"}, kCsvWithBadRecord);
  // Northwind's Data Analyst comes again with a shorter text: the same posting, updated.
  EXPECT_NE(out.find("-: 1 new, 1 updated, 0 unchanged, 1 rejected"), std::string::npos) << out;
  EXPECT_NE(out.find("Total: 4 new, 1 updated, 0 unchanged, 1 rejected"), std::string::npos) << out;
}

TEST(PostingsImport, UnknownFlagsValuesAreUsageErrors) {
  Jobfit jf;
  auto file = jf.dir() / "jobs.csv";
  writeFile(file, kCsv);
  EXPECT_EQ(jf.run({"postings", "import", file.string(), "--format", "xml"}).status, 2);
  EXPECT_EQ(jf.run({"postings", "import", file.string(), "--map", "title"}).status, 2);
  EXPECT_EQ(jf.run({"postings", "import", (jf.dir() / "missing.csv").string()}).status, 1);
}

TEST(Posting, AddShowSearchAndRemove) {
  Jobfit jf;
  auto out = jf.ok({"posting", "add", "-"},
                   "Senior Data Engineer\n\nAcme is hiring. You will build data pipelines in "
                   "Python and SQL, mentor two junior engineers and present results to clients. "
                   "This role is fully remote. Salary: $150,000 - $180,000 a year.\n");
  EXPECT_NE(out.find("Added posting 1"), std::string::npos) << out;

  auto show = jf.ok({"posting", "show", "1"});
  EXPECT_NE(show.find("Senior Data Engineer"), std::string::npos) << show;
  // Not a terminal: the supporting phrases are marked with [[...]].
  EXPECT_NE(show.find("[["), std::string::npos) << show;
  EXPECT_NE(show.find("]]"), std::string::npos) << show;
  EXPECT_EQ(show.find("\x1b["), std::string::npos) << show;

  auto j = json::parse(jf.ok({"posting", "show", "1", "--json"}));
  EXPECT_EQ(j["id"], 1);
  EXPECT_EQ(j["first_seen"], "2026-03-13T17:00:00Z");

  auto hits = json::parse(jf.ok({"postings", "search", "pipelines", "--json"}));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["id"], 1);
  EXPECT_GT(hits[0]["score"].get<double>(), 0);

  // Added again: the same posting, unchanged.
  out = jf.ok({"posting", "add", "-"},
              "Senior Data Engineer\n\nAcme is hiring. You will build data pipelines in "
              "Python and SQL, mentor two junior engineers and present results to clients. "
              "This role is fully remote. Salary: $150,000 - $180,000 a year.\n");
  EXPECT_NE(out.find("unchanged"), std::string::npos) << out;

  EXPECT_NE(jf.ok({"posting", "rm", "1"}).find("Deleted posting 1"), std::string::npos);
  EXPECT_EQ(jf.run({"posting", "show", "1"}).status, 1);
  EXPECT_EQ(jf.run({"posting", "rm", "1"}).status, 1);
  EXPECT_EQ(jf.run({"posting", "show", "abc"}).status, 2);
  EXPECT_EQ(json::parse(jf.ok({"postings", "search", "pipelines", "--json"})).size(), 0u);
}

TEST(Posting, AnalyzeStoresNothing) {
  Jobfit jf;
  auto out = jf.ok({"posting", "analyze", "-"},
                   "Account Executive\n\nSell our software to retailers. Travel up to 50% of "
                   "the time.\n");
  auto j = json::parse(out);
  EXPECT_TRUE(j.contains("work_mode")) << out;
  EXPECT_TRUE(j.contains("activities")) << out;
  EXPECT_EQ(jf.ok({"postings", "--json"}), "[]\n");
  EXPECT_EQ(jf.run({"posting", "analyze", "-"}, "").status, 1);
}

TEST(PostingsSearch, FiltersOnExtractedFacts) {
  Jobfit jf;
  auto file = jf.dir() / "jobs.csv";
  writeFile(file, kCsv);
  jf.ok({"postings", "import", file.string()});
  auto all = json::parse(jf.ok({"postings", "search", "engineer OR analyst OR manager", "--json"}));
  EXPECT_EQ(all.size(), 3u);
  auto remote = json::parse(jf.ok({"postings", "search", "engineer OR analyst", "--remote", "--json"}));
  for (const auto& h : remote) EXPECT_EQ(h["work_mode"], "remote") << h.dump();
  EXPECT_EQ(jf.run({"postings", "search", "x", "--mode", "sometimes"}).status, 2);
  EXPECT_EQ(jf.run({"postings", "search", "--", "--"}).status, 2);
  auto table = jf.ok({"postings"});
  EXPECT_NE(table.find("3 postings"), std::string::npos) << table;
}

TEST(PostingsArchive, ExportImportExportIsLossless) {
  Jobfit jf;
  auto file = jf.dir() / "jobs.csv";
  writeFile(file, kCsv);
  jf.ok({"postings", "import", file.string()});
  auto first = jf.ok({"export"});
  auto doc = json::parse(first);
  ASSERT_EQ(doc["postings"].size(), 3u);
  auto exported = jf.dir() / "export.json";
  writeFile(exported, first);

  Jobfit fresh;
  auto out = fresh.ok({"import", exported.string()});
  EXPECT_NE(out.find("3 postings"), std::string::npos) << out;
  EXPECT_EQ(fresh.ok({"export"}), first);
  // Search works on the imported postings too.
  EXPECT_EQ(json::parse(fresh.ok({"postings", "search", "tableau", "--json"})).size(), 1u);
}

}  // namespace
}  // namespace jobfit::testing
