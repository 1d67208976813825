// The postings API against the real server: analyse, add (pasted and by URL), import, list,
// search, show with evidence, delete, and every refusal.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "support/cli.h"
#include "support/server.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

const std::string kText = "text/plain";

const std::string kPosting =
    "Senior Data Engineer\n"
    "Company: Acme\n"
    "Location: Berlin, Germany\n\n"
    "Acme is hiring. You will build data pipelines in Python and SQL, mentor two junior "
    "engineers and present results to clients. This role is fully remote. "
    "Salary: $150,000 - $180,000 a year.\n";

const std::string kCsv =
    "Job Title,company,location,description\n"
    "Data Analyst,Northwind,\"Berlin, Germany\",\"Analyze sales data with SQL and Tableau. "
    "Hybrid: two days a week in the office. Salary: €55,000 - €65,000 per year.\"\n"
    ",Ghost Corp,Nowhere,\n"
    "Site Reliability Engineer,Contoso,Remote,\"Keep our services running. You will join the "
    "on-call rotation. Fully remote. $140,000 - $170,000 a year.\"\n";

httplib::Result post(const TestServer& s, const std::string& path, const std::string& body,
                     const std::string& type = kText) {
  return s.client()->Post(path, s.writeHeaders(), body, type);
}

// The text a span points at: byte offsets into title + "\n" + description.
std::string spanText(const json& posting, const json& span) {
  std::string text = posting["title"].get<std::string>() + "\n" +
                     posting["description"].get<std::string>();
  size_t b = span["begin"], e = span["end"];
  return text.substr(b, e - b);
}

TEST(PostingsApi, AnalyzeAnswersTheAnalysisWithEvidenceAndStoresNothing) {
  TestServer s;
  auto r = post(s, "/api/postings/analyze", kPosting);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = parse(r);
  ASSERT_EQ(j["postings"].size(), 1u);
  const auto& p = j["postings"][0];
  EXPECT_EQ(p["title"], "Senior Data Engineer");
  EXPECT_EQ(p["company"], "Acme");
  EXPECT_EQ(p["work_mode"], "remote");
  EXPECT_EQ(p["pay"]["currency"], "USD");
  EXPECT_EQ(p["pay"]["annual_min"], 150000.0);
  EXPECT_EQ(p["pay"]["annual_max"], 180000.0);
  ASSERT_FALSE(p["evidence"]["pay"].empty());
  ASSERT_FALSE(p["evidence"]["work_mode"].empty());
  // Every span points at its own phrase in the analysed text.
  for (const auto& key : {"pay", "work_mode"})
    for (const auto& span : p["evidence"][key]) EXPECT_EQ(spanText(p, span), span["text"]) << key;
  ASSERT_FALSE(p["activities"].empty());
  for (const auto& a : p["activities"])
    for (const auto& span : a["evidence"]) EXPECT_EQ(spanText(p, span), span["text"]);
  EXPECT_EQ(parse(s.client()->Get("/api/postings")), json::array());
}

TEST(PostingsApi, AddsShowsListsAndDeletesAPosting) {
  TestServer s;
  auto r = post(s, "/api/postings", kPosting);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  auto added = parse(r);
  EXPECT_EQ(added["new"], 1);
  ASSERT_EQ(added["postings"].size(), 1u);
  EXPECT_EQ(added["postings"][0]["outcome"], "added");
  int64_t id = added["postings"][0]["id"];

  // The same text again changes nothing.
  r = post(s, "/api/postings", kPosting);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(parse(r)["postings"][0]["outcome"], "unchanged");

  auto one = parse(s.client()->Get("/api/postings/" + std::to_string(id)));
  EXPECT_EQ(one["id"], id);
  EXPECT_EQ(one["first_seen"], "2026-03-13T17:00:00Z");
  EXPECT_EQ(one["locations"], json::array({"Berlin, Germany"}));
  EXPECT_FALSE(one["evidence"]["pay"].empty());
  EXPECT_NE(one["description"].get<std::string>().find("data pipelines"), std::string::npos);

  auto list = parse(s.client()->Get("/api/postings"));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], id);
  EXPECT_EQ(list[0]["pay"]["annual_max"], 180000.0);
  EXPECT_FALSE(list[0].contains("description"));

  auto del = s.client()->Delete("/api/postings/" + std::to_string(id), s.writeHeaders());
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 204);
  auto gone = s.client()->Get("/api/postings/" + std::to_string(id));
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404);
  EXPECT_EQ(parse(gone)["error"]["code"], "not_found");
  del = s.client()->Delete("/api/postings/" + std::to_string(id), s.writeHeaders());
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 404);
}

TEST(PostingsApi, AddsAPostingFetchedFromAUrl) {
  httplib::Server page;
  page.Get("/jobs/7", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<html><head><title>Technical Writer</title></head><body><main><h1>Technical Writer"
        "</h1><p>Write API documentation and tutorials. Hybrid: three days a week in our "
        "Lisbon office.</p></main></body></html>",
        "text/html");
  });
  int port = page.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { page.listen_after_bind(); });
  while (!page.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  TestServer s;
  std::string url = "http://127.0.0.1:" + std::to_string(port) + "/jobs/7";
  auto r = post(s, "/api/postings", json{{"url", url}}.dump(), "application/json");
  page.stop();
  thread.join();
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  auto id = parse(r)["postings"][0]["id"].get<int64_t>();
  auto one = parse(s.client()->Get("/api/postings/" + std::to_string(id)));
  EXPECT_EQ(one["title"], "Technical Writer");
  EXPECT_EQ(one["url"], url);
  EXPECT_EQ(one["work_mode"], "hybrid");
}

TEST(PostingsApi, RefusesWhatItCannotAdd) {
  TestServer s;
  auto expect = [&](const httplib::Result& r, int status, const std::string& field) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(parse(r)["error"]["field"], field) << r->body;
  };
  expect(post(s, "/api/postings", "  \n"), 400, "body");
  expect(post(s, "/api/postings/analyze", ""), 400, "body");
  expect(post(s, "/api/postings", R"({"url": "ftp://example.com/job"})", "application/json"), 400,
         "url");
  expect(post(s, "/api/postings", R"({"url": 7})", "application/json"), 400, "url");
  expect(post(s, "/api/postings?format=xml", kPosting), 400, "format");
  // A JSON record with neither a title nor a text.
  expect(post(s, "/api/postings", R"({"company": "Ghost"})", "application/json"), 400, "from");
  // Writes need the CSRF token.
  auto r = s.client()->Post("/api/postings", kPosting, kText);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(parse(s.client()->Get("/api/postings")), json::array());
}

TEST(PostingsApi, ImportReportsEveryOutcomeWithReasons) {
  TestServer s;
  auto r = post(s, "/api/postings/import?name=jobs.csv&map=title%3DJob%20Title", kCsv, "text/csv");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = parse(r);
  EXPECT_EQ(j["new"], 2);
  EXPECT_EQ(j["rejected"], 1);
  EXPECT_EQ(j["summary"], "2 new, 0 updated, 0 unchanged, 1 rejected");
  ASSERT_EQ(j["rejections"].size(), 1u);
  EXPECT_FALSE(j["rejections"][0]["where"].get<std::string>().empty());
  EXPECT_FALSE(j["rejections"][0]["why"].get<std::string>().empty());

  std::string changed = kCsv;
  changed.replace(changed.find("Keep our services running."), 26, "Keep our platform running.");
  j = parse(post(s, "/api/postings/import?format=csv&map=title%3DJob%20Title", changed));
  EXPECT_EQ(j["summary"], "0 new, 1 updated, 1 unchanged, 1 rejected");

  // A mapping to a column the file does not have, and a malformed mapping.
  r = post(s, "/api/postings/import?format=csv&map=title%3DHeadline", kCsv);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400) << r->body;
  r = post(s, "/api/postings/import?format=csv&map=title", kCsv);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400) << r->body;
  EXPECT_EQ(parse(r)["error"]["field"], "map");
}

TEST(PostingsApi, SearchAndListFilterLikeTheCli) {
  TestServer s;
  ASSERT_EQ(post(s, "/api/postings/import?format=csv&map=title%3DJob%20Title", kCsv)->status, 200);
  ASSERT_EQ(post(s, "/api/postings", kPosting)->status, 201);

  auto hits = parse(s.client()->Get("/api/postings/search?q=SQL"));
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_GT(hits[0]["score"].get<double>(), 0);
  EXPECT_FALSE(hits[0]["snippet"].get<std::string>().empty());

  hits = parse(s.client()->Get("/api/postings/search?q=SQL&remote=true"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["title"], "Senior Data Engineer");
  hits = parse(s.client()->Get("/api/postings/search?q=SQL&min_pay=100000"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["title"], "Senior Data Engineer");

  EXPECT_EQ(parse(s.client()->Get("/api/postings?no_on_call=true")).size(), 2u);
  EXPECT_EQ(parse(s.client()->Get("/api/postings?mode=hybrid")).size(), 1u);
  EXPECT_EQ(parse(s.client()->Get("/api/postings?limit=1")).size(), 1u);
  EXPECT_EQ(parse(s.client()->Get("/api/postings?limit=2&offset=2")).size(), 1u);

  for (const auto& [path, field] : std::vector<std::pair<std::string, std::string>>{
           {"/api/postings/search", "q"},
           {"/api/postings/search?q=SQL&mode=moon", "mode"},
           {"/api/postings?min_pay=lots", "min_pay"},
           {"/api/postings?max_travel=2", "max_travel"},
           {"/api/postings?currency=EURO", "currency"},
           {"/api/postings?limit=0", "limit"},
           {"/api/postings?remote=maybe", "remote"},
           {"/api/postings/abc", "id"}}) {
    auto r = s.client()->Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path << " " << r->body;
    EXPECT_EQ(parse(r)["error"]["field"], field) << path;
  }
}

}  // namespace
}  // namespace jobfit::testing
