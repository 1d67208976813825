// The interactive questionnaire, driven through string streams.
#include <sstream>

#include <gtest/gtest.h>

#include "cli/commands/checkin_prompt.h"

namespace jobfit::cli {
namespace {

TEST(CheckinPrompt, AsksEveryItemWithItsWordingAndScale) {
  // p1 by number (1 = Always), p2 by word, p3 skipped, p4 first wrong then right, p5..p6 by
  // number, w1 "2" = To a high degree, then input ends: the rest stay unanswered.
  std::istringstream in("1\noften\n\nvery-high\nseldom\n5\n3\n2\n");
  std::ostringstream out;
  auto answers = askCbiItems(in, out);
  EXPECT_EQ(answers[0], 100);
  EXPECT_EQ(answers[1], 75);
  EXPECT_FALSE(answers[2]);
  EXPECT_EQ(answers[3], 25);  // "very-high" was refused for a frequency item
  EXPECT_EQ(answers[4], 0);
  EXPECT_EQ(answers[5], 50);
  EXPECT_EQ(answers[6], 75);
  EXPECT_FALSE(answers[7]);
  auto text = out.str();
  EXPECT_NE(text.find("p4. How often do you think: \"I can't take it anymore\"?"), std::string::npos);
  EXPECT_NE(text.find("5) Never/almost never"), std::string::npos);
  EXPECT_NE(text.find("w1. Is your work emotionally exhausting?\n   1) To a very high degree"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("p4 is answered with always|often|sometimes|seldom|never"), std::string::npos);
  EXPECT_NE(text.find("Part two: work-related burnout"), std::string::npos);
  EXPECT_NE(text.find("Work & Stress 19(3)"), std::string::npos);
}

}  // namespace
}  // namespace jobfit::cli
