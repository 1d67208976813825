// The fit routes against the real server: values and constraints with their validation, the
// fit of a stored and of a pasted posting with its explanation, the ranking with the postings
// its constraints exclude, appeal ratings and the "mostly the idea of it" flag; the same JSON
// as the CLI's --json over the same database.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/cli.h"
#include "support/server.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

const std::string kJson = "application/json";

// Writing is what this person's days are made of and enjoy; managing people drains them.
const std::string kWriter =
    "Technical Writer\nCompany: Docs Co\nLocation: Remote\n\n"
    "You will write documentation, write tutorials and edit the writing of others. "
    "Mentorship and a training budget are included. Fully remote. "
    "Salary: $120,000 - $140,000 a year.\n";
const std::string kManager =
    "Engineering Manager\nCompany: Big Corp\nLocation: Berlin, Germany\n\n"
    "You will manage a team of eight engineers: one-on-ones, performance reviews, hiring, "
    "supervising the team and people management. You will join the on-call rotation. "
    "Salary: $150,000 - $170,000 a year.\n";
const std::string kCheap =
    "Junior Copywriter\nCompany: Small Shop\nLocation: Remote\n\n"
    "You will write copy and write blog posts. Fully remote. Salary: $40,000 a year.\n";

httplib::Result put(const TestServer& s, const std::string& path, const json& body) {
  return s.client()->Put(path, s.writeHeaders(), body.dump(), kJson);
}

httplib::Result postText(const TestServer& s, const std::string& path, const std::string& body) {
  return s.client()->Post(path, s.writeHeaders(), body, "text/plain");
}

json get(const TestServer& s, const std::string& path) {
  auto r = s.client()->Get(path);
  EXPECT_TRUE(r);
  EXPECT_EQ(r->status, 200) << path << ": " << r->body;
  return parse(r);
}

void expectError(const httplib::Result& r, int status, const std::string& field) {
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, status) << r->body;
  EXPECT_EQ(parse(r)["error"]["field"], field) << r->body;
}

int64_t addPosting(const TestServer& s, const std::string& text) {
  auto r = postText(s, "/api/postings", text);
  EXPECT_EQ(r->status, 201) << r->body;
  return parse(r)["postings"][0]["id"];
}

// Two weeks: writing every day, rated high; managing people most days, rated low.
void seedEpisodes(const TestServer& s) {
  auto episode = [&](const std::string& date, const char* activity, int happy, int stressed) {
    json body = {{"date", date},      {"minutes", 60},          {"activities", {activity}},
                 {"happy", happy},    {"engaged", happy},       {"stressed", stressed},
                 {"frustrated", stressed}, {"energy", happy > 3 ? 2 : -2}};
    auto r = s.client()->Post("/api/episodes", s.writeHeaders(), body.dump(), kJson);
    ASSERT_EQ(r->status, 201) << r->body;
  };
  for (int day = 2; day <= 13; ++day) {
    std::string date = fmt::format("2026-03-{:02}", day);
    episode(date, "writing", 6, 1);
    episode(date, "managing-people", 1, 6);
  }
}

// The CLI's --json over the server's database.
json cli(const TestServer& s, const std::vector<std::string>& args) {
  Jobfit jf;
  jf.env["JOBFIT_DB"] = s.db().string();
  return json::parse(jf.ok(args));
}

std::string spanText(const json& posting, const json& span) {
  std::string text = posting["title"].get<std::string>() + "\n" + posting["description"].get<std::string>();
  size_t b = span["begin"], e = span["end"];
  return text.substr(b, e - b);
}

TEST(FitApi, ValuesAreSetReadAndValidatedAllOrNothing) {
  TestServer s;
  auto v = get(s, "/api/values");
  EXPECT_EQ(v["learning"], 0.0);
  EXPECT_TRUE(v["target_pay"].is_null());

  auto r = put(s, "/api/values", {{"learning", 3}, {"time_and_health", 4}, {"target_pay", 120000}});
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(parse(r)["learning"], 3.0);
  EXPECT_EQ(get(s, "/api/values"), parse(r));
  EXPECT_EQ(get(s, "/api/values"), cli(s, {"values", "--json"}));

  expectError(put(s, "/api/values", {{"pay", 2}, {"learning", 7}}), 400, "learning");
  expectError(put(s, "/api/values", {{"learning", 2.5}}), 400, "learning");
  expectError(put(s, "/api/values", {{"happiness", 1}}), 400, "happiness");
  expectError(put(s, "/api/values", {{"target_pay", -5}}), 400, "target_pay");
  expectError(put(s, "/api/values", json::object()), 400, "values");
  expectError(put(s, "/api/values", json::array()), 400, "body");
  // Nothing of a refused body was written.
  EXPECT_EQ(get(s, "/api/values")["pay"], 0.0);
  EXPECT_EQ(get(s, "/api/values")["learning"], 3.0);

  r = put(s, "/api/values", {{"target_pay", nullptr}});
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_TRUE(parse(r)["target_pay"].is_null());
}

TEST(FitApi, ConstraintsAreSetInTheirJsonFormAndErrorsNameTheField) {
  TestServer s;
  auto c = get(s, "/api/constraints");
  EXPECT_TRUE(c["min_pay"].is_null());
  EXPECT_EQ(c["on_call"], true);

  json body = {{"min_pay", {{"amount", 100000}, {"currency", "usd"}, {"period", "year"}}},
               {"work_modes", {"remote", "hybrid"}},
               {"locations", {"Berlin", "London"}},
               {"employment_types", {"full_time"}},
               {"max_travel", 0.2},
               {"on_call", false}};
  auto r = put(s, "/api/constraints", body);
  ASSERT_EQ(r->status, 200) << r->body;
  c = parse(r);
  EXPECT_EQ(c["min_pay"]["currency"], "USD");
  EXPECT_EQ(c["min_pay"]["annual"], 100000.0);
  EXPECT_EQ(c["work_modes"], json({"remote", "hybrid"}));
  EXPECT_EQ(c["locations"], json({"Berlin", "London"}));
  EXPECT_EQ(c["max_travel"], 0.2);
  EXPECT_EQ(c["on_call"], false);
  EXPECT_EQ(get(s, "/api/constraints"), cli(s, {"constraints", "--json"}));
  // What GET answers can be sent back as it is.
  r = put(s, "/api/constraints", c);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(parse(r), c);

  expectError(put(s, "/api/constraints", {{"max_travel", 1.5}}), 400, "max_travel");
  expectError(put(s, "/api/constraints", {{"work_modes", {"moon"}}}), 400, "work_modes");
  expectError(put(s, "/api/constraints", {{"min_pay", {{"amount", 1}, {"tip", 2}}}}), 400, "min_pay.tip");
  expectError(put(s, "/api/constraints", {{"min_pay", {{"amount", "lots"}}}}), 400, "min_pay");
  expectError(put(s, "/api/constraints", {{"min_pay", 5}}), 400, "min_pay");
  expectError(put(s, "/api/constraints", {{"min_pay", {{"amount", 1}, {"currency", "EURO"}}}}), 400, "currency");
  expectError(put(s, "/api/constraints", {{"locations", {"Berlin; Paris"}}}), 400, "locations");
  expectError(put(s, "/api/constraints", {{"on_call", false}, {"commute", 30}}), 400, "commute");
  EXPECT_EQ(get(s, "/api/constraints"), c);  // all or nothing

  r = put(s, "/api/constraints", {{"min_pay", nullptr}, {"locations", json::array()}, {"on_call", true}});
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_TRUE(parse(r)["min_pay"].is_null());
  EXPECT_EQ(parse(r)["locations"], json::array());
  EXPECT_EQ(parse(r)["work_modes"], json({"remote", "hybrid"}));  // not sent, kept
}

TEST(FitApi, FitOfAStoredPostingExplainsItWithPhrasesAndEvidence) {
  TestServer s;
  seedEpisodes(s);
  int64_t writer = addPosting(s, kWriter);
  int64_t manager = addPosting(s, kManager);
  auto posting = get(s, fmt::format("/api/postings/{}", manager));
  auto fit = get(s, fmt::format("/api/postings/{}/fit", manager));
  EXPECT_EQ(fit["posting_id"], manager);
  EXPECT_LT(fit["score"].get<double>(), 40);
  EXPECT_LE(fit["interval"]["low"].get<double>(), fit["score"].get<double>());
  EXPECT_GE(fit["interval"]["high"].get<double>(), fit["score"].get<double>());
  EXPECT_TRUE(fit["expected_net_affect"].is_number());
  ASSERT_FALSE(fit["contributions"].empty());
  const auto& top = fit["contributions"][0];
  EXPECT_EQ(top["name"], "managing-people");
  EXPECT_LT(top["points"].get<double>(), 0);
  // The person's evidence behind it, and the posting's phrases at their offsets.
  EXPECT_NE(top["text"].get<std::string>().find("you rated 12 such episodes"), std::string::npos) << top;
  ASSERT_FALSE(top["evidence"].empty());
  for (const auto& c : fit["contributions"])
    for (const auto& span : c["evidence"]) EXPECT_EQ(spanText(posting, span), span["text"]);
  EXPECT_EQ(fit, cli(s, {"fit", std::to_string(manager), "--json"}));

  EXPECT_GT(get(s, fmt::format("/api/postings/{}/fit", writer))["score"].get<double>(), 60);

  // A constraint it breaks is reported first.
  ASSERT_EQ(put(s, "/api/constraints", {{"on_call", false}})->status, 200);
  fit = get(s, fmt::format("/api/postings/{}/fit", manager));
  EXPECT_EQ(fit["eligible"], false);
  ASSERT_EQ(fit["violations"].size(), 1u);
  EXPECT_EQ(fit["violations"][0]["constraint"], "on_call");
  EXPECT_EQ(fit["top_reason"], fit["violations"][0]["reason"]);

  expectError(s.client()->Get("/api/postings/999/fit"), 404, "id");
}

TEST(FitApi, FitOfAPastedPostingStoresNothingAndMatchesTheStoredOne) {
  TestServer s;
  seedEpisodes(s);
  auto r = postText(s, "/api/fit", kWriter);
  ASSERT_EQ(r->status, 200) << r->body;
  auto pasted = parse(r);
  EXPECT_EQ(pasted["title"], "Technical Writer");
  EXPECT_EQ(get(s, "/api/postings"), json::array());
  int64_t id = addPosting(s, kWriter);
  auto stored = get(s, fmt::format("/api/postings/{}/fit", id));
  EXPECT_EQ(pasted["score"], stored["score"]);
  EXPECT_EQ(pasted["contributions"], stored["contributions"]);

  expectError(postText(s, "/api/fit", "  \n"), 400, "body");
  r = postText(s, "/api/fit", "title,company,description\n,Ghost Corp,\n");
  expectError(r, 400, "body");
  EXPECT_NE(parse(r)["error"]["message"].get<std::string>().find("no title and no description"), std::string::npos);
}

TEST(FitApi, RankListsEligiblePostingsBestFirstAndWhatTheConstraintsExclude) {
  TestServer s;
  seedEpisodes(s);
  int64_t writer = addPosting(s, kWriter);
  int64_t manager = addPosting(s, kManager);
  int64_t cheap = addPosting(s, kCheap);

  auto all = get(s, "/api/rank");
  EXPECT_EQ(all["total"], 3);
  EXPECT_EQ(all["eligible"], 3);
  EXPECT_EQ(all["excluded"], 0);
  ASSERT_EQ(all["ranked"].size(), 3u);
  EXPECT_EQ(all["ranked"].back()["posting_id"], manager);
  EXPECT_EQ(all["excluded_postings"], json::array());

  ASSERT_EQ(put(s, "/api/constraints",
                {{"on_call", false}, {"min_pay", {{"amount", 60000}, {"currency", "USD"}, {"period", "year"}}}})
                ->status,
            200);
  auto ranked = get(s, "/api/rank?excluded=10");
  EXPECT_EQ(ranked["total"], 3);
  EXPECT_EQ(ranked["eligible"], 1);
  EXPECT_EQ(ranked["excluded"], 2);
  ASSERT_EQ(ranked["ranked"].size(), 1u);
  const auto& first = ranked["ranked"][0];
  EXPECT_EQ(first["posting_id"], writer);
  EXPECT_EQ(first["rank"], 1);
  EXPECT_TRUE(first["score"].is_number());
  EXPECT_TRUE(first["interval"]["low"].is_number());
  EXPECT_FALSE(first["top_reason"].get<std::string>().empty());
  // The excluded ones, best score first, each with the constraint it breaks and the same
  // score its own fit gives.
  ASSERT_EQ(ranked["excluded_postings"].size(), 2u);
  std::map<int64_t, std::string> broken;
  for (const auto& f : ranked["excluded_postings"]) {
    broken[f["posting_id"]] = f["violations"][0]["constraint"];
    EXPECT_EQ(f["score"], get(s, fmt::format("/api/postings/{}/fit", f["posting_id"].get<int64_t>()))["score"]);
  }
  EXPECT_EQ(broken[manager], "on_call");
  EXPECT_EQ(broken[cheap], "min_pay");
  EXPECT_GE(ranked["excluded_postings"][0]["score"].get<double>(), ranked["excluded_postings"][1]["score"].get<double>());
  EXPECT_EQ(get(s, "/api/rank?excluded=1")["excluded_postings"].size(), 1u);

  // The CLI ranks the same.
  auto fromCli = cli(s, {"rank", "--json"});
  auto plain = get(s, "/api/rank");
  EXPECT_EQ(plain["ranked"], fromCli["ranked"]);
  EXPECT_EQ(plain["eligible"], fromCli["eligible"]);

  auto queried = get(s, "/api/rank?query=copy&excluded=5");
  EXPECT_EQ(queried["total"], 1);
  EXPECT_EQ(queried["eligible"], 0);
  ASSERT_EQ(queried["excluded_postings"].size(), 1u);
  EXPECT_EQ(queried["excluded_postings"][0]["posting_id"], cheap);

  // The best excluded posting is listed however far down the ranking it would come.
  ASSERT_EQ(put(s, "/api/constraints", {{"min_pay", nullptr}})->status, 200);
  auto one = get(s, "/api/rank?limit=1&excluded=1");
  ASSERT_EQ(one["ranked"].size(), 1u);
  EXPECT_EQ(one["eligible"], 2);
  ASSERT_EQ(one["excluded_postings"].size(), 1u);
  EXPECT_EQ(one["excluded_postings"][0]["posting_id"], manager);

  expectError(s.client()->Get("/api/rank?limit=0"), 400, "limit");
  expectError(s.client()->Get("/api/rank?limit=10001"), 400, "limit");
  expectError(s.client()->Get("/api/rank?excluded=101"), 400, "excluded");
}

TEST(FitApi, AppealIsRatedListedClearedAndFlagsTheIdeaOfIt) {
  TestServer s;
  seedEpisodes(s);
  int64_t writer = addPosting(s, kWriter);
  int64_t manager = addPosting(s, kManager);

  auto r = put(s, fmt::format("/api/postings/{}/appeal", manager), {{"appeal", 5}});
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(parse(r), json({{"posting_id", manager}, {"appeal", 5}, {"date", "2026-03-13"}}));
  ASSERT_EQ(put(s, fmt::format("/api/postings/{}/appeal", writer), {{"appeal", 2}})->status, 200);

  auto report = get(s, "/api/appeal");
  ASSERT_EQ(report["ratings"].size(), 2u);
  EXPECT_EQ(report["ratings"][0]["posting_id"], writer);
  EXPECT_EQ(report["ratings"][0]["appeal"], 2);
  EXPECT_TRUE(report["ratings"][1]["fit"]["score"].is_number());
  // Loved, but its days would be made of what drains this person.
  ASSERT_EQ(report["idea_flags"].size(), 1u);
  const auto& flag = report["idea_flags"][0];
  EXPECT_EQ(flag["posting_id"], manager);
  EXPECT_EQ(flag["draining_activities"], json({"managing people"}));
  EXPECT_EQ(get(s, "/api/rank")["idea_flags"], report["idea_flags"]);

  expectError(put(s, fmt::format("/api/postings/{}/appeal", writer), {{"appeal", 6}}), 400, "appeal");
  expectError(put(s, fmt::format("/api/postings/{}/appeal", writer), {{"appeal", "5"}}), 400, "appeal");
  expectError(put(s, fmt::format("/api/postings/{}/appeal", writer), {{"appeal", 3}, {"why", "x"}}), 400, "why");
  expectError(put(s, "/api/postings/999/appeal", {{"appeal", 3}}), 404, "id");
  EXPECT_EQ(get(s, "/api/appeal")["ratings"][0]["appeal"], 2);

  r = s.client()->Delete(fmt::format("/api/postings/{}/appeal", manager), s.writeHeaders());
  ASSERT_EQ(r->status, 204) << r->body;
  EXPECT_EQ(get(s, "/api/appeal")["ratings"].size(), 1u);
  EXPECT_EQ(get(s, "/api/appeal")["idea_flags"], json::array());
  expectError(s.client()->Delete(fmt::format("/api/postings/{}/appeal", manager), s.writeHeaders()), 404, "id");
}

}  // namespace
}  // namespace jobfit::testing
