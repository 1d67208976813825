#include "postings/formats.h"

#include <gtest/gtest.h>

#include <sstream>

#include "core/error.h"
#include "fixture_support.h"

namespace jobfit {
namespace {

using testing::readPostingString;

TEST(PostingFormats, DetectsFormatsFromNamesAndFirstBytes) {
  EXPECT_EQ(detectFormat("jobs.csv", ""), InputFormat::csv);
  EXPECT_EQ(detectFormat("jobs.ndjson", ""), InputFormat::jsonl);
  EXPECT_EQ(detectFormat("page.HTML", ""), InputFormat::html);
  EXPECT_EQ(detectFormat("https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true", ""),
            InputFormat::greenhouse);
  EXPECT_EQ(detectFormat("https://api.lever.co/v0/postings/acme?mode=json", ""), InputFormat::lever);
  EXPECT_EQ(detectFormat("https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true", ""),
            InputFormat::ashby);
  EXPECT_EQ(detectFormat("-", "\xEF\xBB\xBF<!doctype html><html>"), InputFormat::html);
  EXPECT_EQ(detectFormat("-", R"({"jobs":[{"absolute_url":"x"}]})"), InputFormat::greenhouse);
  EXPECT_EQ(detectFormat("-", R"({"apiVersion":"1","jobs":[]})"), InputFormat::ashby);
  EXPECT_EQ(detectFormat("-", R"([{"id":"1","text":"A","hostedUrl":"x"}])"), InputFormat::lever);
  EXPECT_EQ(detectFormat("-", R"({"@context":"https://schema.org","@type":"JobPosting"})"), InputFormat::html);
  EXPECT_EQ(detectFormat("-", "{\"title\":\"a\"}\n{\"title\":\"b\"}\n"), InputFormat::jsonl);
  EXPECT_EQ(detectFormat("-", "Job Title,Company,Description\nA,B,C\n"), InputFormat::csv);
  EXPECT_EQ(detectFormat("-", "Senior Engineer\nWe build things."), InputFormat::text);
  for (auto f : {InputFormat::detect, InputFormat::text, InputFormat::html, InputFormat::greenhouse,
                 InputFormat::lever, InputFormat::ashby, InputFormat::csv, InputFormat::jsonl})
    EXPECT_EQ(parseInputFormat(toString(f)), f);
  EXPECT_FALSE(parseInputFormat("xml"));
}

TEST(PostingFormats, CsvFollowsRfc4180) {
  std::string csv =
      "\xEF\xBB\xBF" "Job Title,Company Name,Job Description,Salary Estimate\r\n"
      "\"Analyst, Senior\",Acme,\"Line one\r\nline \"\"two\"\"\",$50K-$60K\r\n"
      "Engineer,Beta,Plain,\r\n"
      ",,,\r\n"
      "Writer,Gamma,\"Ends without a line break\"";
  auto r = readPostingString(csv, "x.csv");
  ASSERT_TRUE(r.rejected.empty());
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].title, "Analyst, Senior");
  EXPECT_EQ(r.records[0].company, "Acme");
  EXPECT_EQ(r.records[0].description, "Line one\r\nline \"two\"");
  EXPECT_EQ(r.records[0].payHint, "$50K-$60K");
  EXPECT_EQ(r.records[1].title, "Engineer");
  EXPECT_EQ(r.records[2].description, "Ends without a line break");
}

TEST(PostingFormats, CsvColumnMappingAndErrors) {
  std::string csv = "Role,Org,Text,WFH\nData Lead,Acme,Lead the data team,1\n,,,\nX,Y,Z,0\n";
  auto r = readPostingString(csv, "x.csv", InputFormat::csv,
                             {{"title", "Role"}, {"company", "Org"}, {"description", "text"}, {"remote", "WFH"}});
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].title, "Data Lead");
  EXPECT_EQ(r.records[0].company, "Acme");
  EXPECT_EQ(r.records[0].workModeHint, "Remote");
  EXPECT_EQ(r.records[1].workModeHint, "");
  try {
    readPostingString(csv, "x.csv", InputFormat::csv, {{"title", "Nope"}});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::usage);
  }
  EXPECT_THROW(readPostingString(csv, "x.csv", InputFormat::csv, {{"colour", "Role"}}), Error);
  EXPECT_THROW(readPostingString("a,b\n1,2\n", "x.csv", InputFormat::csv), Error);
  auto bad = readPostingString("title,description\n,\nok,\n", "x.csv", InputFormat::csv);
  EXPECT_EQ(bad.records.size(), 1u);
}

TEST(PostingFormats, CsvStreamsLargeInputs) {
  // 20,000 records through a stream: each reaches the sink as it is read.
  std::stringstream in;
  in << "title,description\n";
  for (int i = 0; i < 20000; ++i) in << "Job " << i << ",\"Line\nbreak " << i << "\"\n";
  size_t count = 0;
  RecordSink sink;
  sink.accept = [&](PostingInput&& p) { count += p.title == "Job " + std::to_string(count); };
  sink.reject = [](const std::string&, const std::string&) {};
  readPostings(in, "big.csv", InputFormat::detect, {}, sink);
  EXPECT_EQ(count, 20000u);
}

TEST(PostingFormats, JsonLinesRejectsBadLinesAndGoesOn) {
  auto r = readPostingString(
      "{\"title\":\"A\",\"remote\":true,\"salary\":\"$1\"}\nnot json\n\n[1]\n{\"description\":\"only text\"}\n{}\n",
      "x.jsonl");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].workModeHint, "Remote");
  ASSERT_EQ(r.rejected.size(), 3u);
  EXPECT_EQ(r.rejected[0].rfind("line 2:", 0), 0u);
}

TEST(PostingFormats, JsonLdLenientAndNested) {
  std::string page = R"(<html><head><script type="application/ld+json">
  // a comment
  {"@context": "https://schema.org", "@graph": [
    {"@type": ["JobPosting"], "title": "Cook", "description": "Line
cook", "hiringOrganization": "Diner",
     "jobLocation": [{"address": {"addressLocality": "Austin", "addressRegion": "TX"}}, {"address": "Dallas, TX"}],
     "baseSalary": {"currency": "USD", "value": {"value": "18", "unitText": "HOUR"}},
     "employmentType": ["PART_TIME", "TEMPORARY"], "datePosted": "2026-01-05T10:00:00Z",},
  ]}</script></head><body><p>ignored</p></body></html>)";
  auto r = readPostingString(page, "page.html");
  ASSERT_EQ(r.records.size(), 1u);
  const auto& p = r.records[0];
  EXPECT_EQ(p.source, "json-ld");
  EXPECT_EQ(p.title, "Cook");
  EXPECT_EQ(p.company, "Diner");
  EXPECT_EQ(p.locations, (std::vector<std::string>{"Austin, TX", "Dallas, TX"}));
  EXPECT_EQ(p.payHint, "USD 18 per hour");
  EXPECT_EQ(p.employmentTypeHint, "PART_TIME, TEMPORARY");
  EXPECT_EQ(p.postedDate, "2026-01-05");
  EXPECT_EQ(p.description, "Line cook");
}

TEST(PostingFormats, HtmlWithoutJsonLdGivesTheMainText) {
  auto r = readPostingString(
      "<html><head><title>T</title><meta property=\"og:site_name\" content=\"Acme\"><style>p{}</style></head>"
      "<body><nav>Menu</nav><main><h1>Welder</h1><p>Weld &amp; fit.</p><ul><li>MIG</li><li>TIG</li></ul></main>"
      "<footer>(c)</footer></body></html>",
      "https://acme.example/jobs/1");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].title, "Welder");
  EXPECT_EQ(r.records[0].company, "Acme");
  EXPECT_EQ(r.records[0].url, "https://acme.example/jobs/1");
  EXPECT_EQ(r.records[0].description, "Weld & fit.\n\n\xE2\x80\xA2 MIG\n\xE2\x80\xA2 TIG");
}

TEST(PostingFormats, BoardsUseTheirDocumentedFields) {
  auto dir = testing::postingFixtures() / "labelled";
  auto gh = testing::readPostingFile(dir / "greenhouse.json");
  ASSERT_EQ(gh.records.size(), 3u);
  EXPECT_EQ(gh.records[0].source, "greenhouse");
  EXPECT_EQ(gh.records[0].sourceId, "4410021");
  EXPECT_EQ(gh.records[0].url, "https://boards.greenhouse.io/fernwood/jobs/4410021");
  EXPECT_EQ(gh.records[0].locations, std::vector<std::string>{"Remote - US"});
  EXPECT_EQ(gh.records[0].postedDate, "2026-02-10");
  EXPECT_NE(gh.records[0].description.find("\xE2\x80\xA2 Build services in Ruby"), std::string::npos);
  EXPECT_EQ(gh.records[1].employmentTypeHint, "Full-time");

  auto lever = testing::readPostingFile(dir / "lever.json");
  ASSERT_EQ(lever.records.size(), 3u);
  EXPECT_EQ(lever.records[0].title, "Warehouse Supervisor");
  EXPECT_EQ(lever.records[0].payHint, "USD 26 - 31 per hour");
  EXPECT_EQ(lever.records[0].workModeHint, "On-site");
  EXPECT_EQ(lever.records[0].postedDate, "2026-01-01");
  EXPECT_EQ(lever.records[2].employmentTypeHint, "Contract");

  auto ashby = testing::readPostingFile(dir / "ashby.json");
  ASSERT_EQ(ashby.records.size(), 3u);
  EXPECT_EQ(ashby.records[0].locations, (std::vector<std::string>{"San Francisco", "New York"}));
  EXPECT_EQ(ashby.records[0].payHint, "USD 180000 - 240000 per year");
  EXPECT_EQ(ashby.records[1].workModeHint, "Remote");
  EXPECT_EQ(ashby.records[1].employmentTypeHint, "PartTime");

  auto broken = readPostingString(R"({"jobs":[{"id":1},{"id":2,"title":"Ok"},7]})", "-", InputFormat::greenhouse);
  EXPECT_EQ(broken.records.size(), 1u);
  EXPECT_EQ(broken.rejected.size(), 2u);
  EXPECT_THROW(readPostingString("{not json", "-", InputFormat::ashby), Error);
}

}  // namespace
}  // namespace jobfit
