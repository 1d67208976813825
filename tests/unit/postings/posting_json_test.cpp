#include "postings/posting_json.h"

#include <gtest/gtest.h>

#include <thread>

#include "core/error.h"
#include "fixture_support.h"

namespace jobfit {
namespace {

std::vector<PostingInput> allFixtureRecords() {
  std::vector<PostingInput> out;
  auto dir = testing::postingFixtures() / "labelled";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "labels.json") continue;
    for (auto& r : testing::readPostingFile(entry.path()).records) out.push_back(std::move(r));
  }
  return out;
}

TEST(PostingJson, RoundTripsEveryFixtureAnalysis) {
  for (const auto& in : allFixtureRecords()) {
    Posting p = PostingAnalyzer::shared().analyze(in);
    p.id = 42;
    auto j = toJson(p);
    for (const char* key : {"title", "company", "locations", "url", "source", "source_id", "work_mode",
                            "employment_type", "seniority", "pay", "travel_share", "schedule",
                            "management", "activities", "skills", "evidence"})
      EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(postingFromJson(nlohmann::json::parse(j.dump()), "posting"), p) << in.title;
  }
}

TEST(PostingJson, EnumsHaveStableNames) {
  for (auto v : {WorkMode::unknown, WorkMode::remote, WorkMode::hybrid, WorkMode::onsite})
    EXPECT_EQ(parseWorkMode(toString(v)), v);
  for (int i = 0; i <= static_cast<int>(EmploymentType::other); ++i)
    EXPECT_EQ(parseEmploymentType(toString(static_cast<EmploymentType>(i))), static_cast<EmploymentType>(i));
  for (int i = 0; i <= static_cast<int>(Seniority::executive); ++i)
    EXPECT_EQ(parseSeniority(toString(static_cast<Seniority>(i))), static_cast<Seniority>(i));
  for (int i = 0; i <= static_cast<int>(PayPeriod::year); ++i)
    EXPECT_EQ(parsePayPeriod(toString(static_cast<PayPeriod>(i))), static_cast<PayPeriod>(i));
  EXPECT_EQ(toString(EmploymentType::full_time), "full_time");
  EXPECT_FALSE(parseWorkMode("Remote"));
}

TEST(PostingJson, RejectsWrongShapesNamingTheField) {
  try {
    postingFromJson(nlohmann::json{{"work_mode", "sometimes"}}, "postings[3]");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "postings[3].work_mode");
  }
  EXPECT_THROW(postingFromJson(nlohmann::json{{"travel_share", 3}}, "p"), Error);
  EXPECT_THROW(postingFromJson(nlohmann::json{{"evidence", {{"skills", {{{"text", "x"}, {"begin", 5}, {"end", 1}}}}}}}, "p"), Error);
}

TEST(PostingAnalysis, EvidencePointsIntoTheAnalysedText) {
  for (const auto& in : allFixtureRecords()) {
    Posting p = PostingAnalyzer::shared().analyze(in);
    std::string text = p.title + "\n" + p.description;
    auto check = [&](const std::vector<Span>& spans) {
      for (const auto& s : spans) {
        ASSERT_LE(s.end, text.size()) << in.title;
        EXPECT_EQ(text.substr(s.begin, s.end - s.begin), s.text) << in.title;
      }
    };
    check(p.workModeEvidence);
    check(p.employmentTypeEvidence);
    check(p.seniorityEvidence);
    if (p.pay) check(p.pay->evidence);
    check(p.travelEvidence);
    check(p.onCall.evidence);
    check(p.managesPeople.evidence);
    check(p.skillEvidence);
    double total = 0;
    for (const auto& a : p.activities) {
      check(a.evidence);
      total += a.share;
    }
    if (!p.activities.empty()) {
      EXPECT_NEAR(total, 1.0, 1e-9);
    }
    // Every fact stated has its evidence.
    EXPECT_EQ(p.workMode != WorkMode::unknown, !p.workModeEvidence.empty());
    EXPECT_EQ(p.travelShare.has_value(), !p.travelEvidence.empty());
    EXPECT_EQ(p.skills.size(), p.skillEvidence.size());
  }
}

TEST(PostingAnalysis, ReanalysingAStoredPostingGivesTheSameResult) {
  for (const auto& in : allFixtureRecords()) {
    Posting first = PostingAnalyzer::shared().analyze(in);
    PostingInput again;
    again.title = first.title;
    again.company = first.company;
    again.locations = first.locations;
    again.url = first.url;
    again.source = first.source;
    again.sourceId = first.sourceId;
    again.postedDate = first.postedDate;
    again.description = first.description;
    auto second = PostingAnalyzer::shared().analyze(again);
    EXPECT_EQ(second, first) << nlohmann::json::diff(toJson(first), toJson(second)).dump();
  }
}

TEST(PostingAnalysis, IsThreadSafeAndDeterministic) {
  auto records = allFixtureRecords();
  std::vector<Posting> expected;
  for (const auto& r : records) expected.push_back(PostingAnalyzer::shared().analyze(r));
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int round = 0; round < 5; ++round)
        for (size_t i = 0; i < records.size(); ++i)
          if (!(PostingAnalyzer::shared().analyze(records[i]) == expected[i])) ++mismatches;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(PostingAnalysis, NegationsAndIndividualContributors) {
  PostingInput in;
  in.title = "Analyst";
  in.description = "This is an individual contributor role with no direct reports. No on-call, no weekends. No travel required.";
  Posting p = PostingAnalyzer::shared().analyze(in);
  EXPECT_FALSE(p.managesPeople.value);
  EXPECT_FALSE(p.onCall.value);
  EXPECT_FALSE(p.weekends.value);
  ASSERT_TRUE(p.travelShare);
  EXPECT_EQ(*p.travelShare, 0);
  for (const auto& a : p.activities) EXPECT_NE(a.activity, "managing-people");
}

}  // namespace
}  // namespace jobfit
