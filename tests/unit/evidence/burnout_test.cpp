// Copenhagen Burnout Inventory scoring, computed by hand.
#include <gtest/gtest.h>

#include "core/error.h"
#include "evidence/burnout.h"
#include "evidence/checkin_json.h"

namespace jobfit {
namespace {

Date day(int d) { return Date{date::year{2026}, date::month{3}, date::day{unsigned(d)}}; }

TEST(Cbi, ItemsFollowThePublishedInventory) {
  ASSERT_EQ(kCbiItems.size(), 13u);
  EXPECT_EQ(kCbiItems[0].question, "How often do you feel tired?");
  EXPECT_EQ(kCbiItems[3].question, "How often do you think: \"I can't take it anymore\"?");
  EXPECT_EQ(kCbiItems[7].question, "Do you feel burnt out because of your work?");
  EXPECT_EQ(kCbiItems[12].question,
            "Do you have enough energy for family and friends during leisure time?");
  // w1..w3 ask to what degree, the rest how often; only w7 is reversed.
  for (const auto& item : kCbiItems) {
    bool degree = item.key == "w1" || item.key == "w2" || item.key == "w3";
    EXPECT_EQ(item.response == CbiResponse::degree, degree) << item.key;
    EXPECT_EQ(item.reversed, item.key == "w7") << item.key;
  }
  EXPECT_EQ(kFrequencyAnswers[4].label, "Never/almost never");
  EXPECT_EQ(kDegreeAnswers[0].label, "To a very high degree");
}

TEST(Cbi, ScoresByHandIncludingTheReversedItem) {
  Checkin c;
  c.date = day(13);
  // p1 always 100, p2 often 75, p3 sometimes 50, p4 seldom 25, p5 never 0, p6 skipped:
  //   personal = (100 + 75 + 50 + 25 + 0) / 5 = 50 -> high (>= 50)
  // w1 very-high 100, w2 high 75, w3 low 25, w7 seldom 25 reversed to 75:
  //   work = (100 + 75 + 25 + 75) / 4 = 68.75
  c.answers = parseCbiAnswers("p1=always,p2=often,p3=sometimes,p4=seldom,p5=never,"
                              "w1=very-high,w2=high,w3=low,w7=seldom");
  auto s = burnoutScore(c);
  EXPECT_EQ(s.personalAnswered, 5);
  EXPECT_EQ(s.workAnswered, 4);
  EXPECT_DOUBLE_EQ(*s.personal, 50.0);
  EXPECT_TRUE(isHigh(s.personal));
  EXPECT_DOUBLE_EQ(*s.work, 68.75);
  EXPECT_EQ(itemScore(kCbiItems[12], 25), 75);
  EXPECT_EQ(itemScore(kCbiItems[12], 100), 0);
}

TEST(Cbi, AScaleWithTooFewAnswersHasNoScore) {
  Checkin c;
  c.date = day(13);
  // Personal: 2 answers (< 3) -> no score. Work: w4 never 0, w5 never 0, w6 seldom 25,
  // w7 always 100 reversed to 0 -> 4 answers -> (0 + 0 + 25 + 0) / 4 = 6.25.
  c.answers = parseCbiAnswers("p1=often,p2=often,w4=never,w5=never,w6=seldom,w7=always");
  auto s = burnoutScore(c);
  EXPECT_FALSE(s.personal);
  EXPECT_EQ(s.personalAnswered, 2);
  EXPECT_DOUBLE_EQ(*s.work, 6.25);
  EXPECT_FALSE(isHigh(s.work));
  // Three work answers are too few for the work scale (it needs 4); three personal suffice.
  c.answers = parseCbiAnswers("p1=often,p2=often,p3=seldom,w1=high,w2=high,w3=high");
  s = burnoutScore(c);
  EXPECT_DOUBLE_EQ(*s.personal, (75 + 75 + 25) / 3.0);
  EXPECT_FALSE(s.work);
}

TEST(Cbi, AnswersAreCheckedAgainstTheirScale) {
  auto expectUsage = [](const char* text, const char* field) {
    try {
      parseCbiAnswers(text);
      ADD_FAILURE() << text << " was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::usage) << text;
      EXPECT_EQ(e.field(), field) << text;
    }
  };
  expectUsage("w1=often", "w1");        // a degree item answered with a frequency
  expectUsage("p1=very-high", "p1");    // and the other way round
  expectUsage("p7=often", "answers");   // no such item
  expectUsage("p1=often,p1=seldom", "p1");
  expectUsage("p1", "answers");
  expectUsage("", "answers");
  EXPECT_EQ(parseCbiAnswers(" P1 = Often ")[0], 75);
}

TEST(Cbi, TrendMeasuresChangeSinceThePreviousScore) {
  Checkin a{1, day(1), {}}, b{2, day(8), {}}, c{3, day(15), {}};
  a.answers = parseCbiAnswers("p1=seldom,p2=seldom,p3=seldom,w4=seldom,w5=seldom,w6=seldom,w7=often");
  b.answers = parseCbiAnswers("p1=often");  // too few for either scale
  c.answers = parseCbiAnswers("p1=often,p2=often,p3=often,w4=often,w5=often,w6=often,w7=seldom");
  auto trend = checkinTrend({c, a, b});
  ASSERT_EQ(trend.size(), 3u);
  EXPECT_EQ(trend[0].checkin.id, 1);
  EXPECT_DOUBLE_EQ(*trend[0].score.personal, 25);
  EXPECT_DOUBLE_EQ(*trend[0].score.work, 25);  // (25 + 25 + 25 + (100 - 75)) / 4
  EXPECT_FALSE(trend[1].score.personal);
  EXPECT_FALSE(trend[1].personalChange);
  // The third is compared with the first, the last one that had scores.
  EXPECT_DOUBLE_EQ(*trend[2].score.work, 75);  // (75 + 75 + 75 + (100 - 25)) / 4
  EXPECT_DOUBLE_EQ(*trend[2].workChange, 50);
  EXPECT_DOUBLE_EQ(*trend[2].personalChange, 50);
}

TEST(Cbi, JsonRoundTrip) {
  Checkin c{7, day(13), {}};
  c.answers = parseCbiAnswers("p1=often,w1=very-low,w7=never");
  auto j = toJson(c);
  EXPECT_EQ(j["answers"]["p1"], "often");
  EXPECT_EQ(j["answers"]["w1"], "very-low");
  EXPECT_TRUE(j["answers"]["p2"].is_null());
  EXPECT_EQ(checkinFromJson(j, "c"), c);
  j["answers"]["w2"] = "often";
  EXPECT_THROW(checkinFromJson(j, "c"), Error);
}

}  // namespace
}  // namespace jobfit
