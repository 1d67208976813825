#include "worklog/episode_json.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace jobfit {
namespace {

std::string anyText() {
  // Mostly plain words, sometimes quotes, control characters, non-ASCII and broken UTF-8.
  return *rc::gen::oneOf(
      rc::gen::just(std::string()), rc::gen::just(std::string("team")),
      rc::gen::just(std::string("said \"no\"\\n")), rc::gen::just(std::string("tab\there\x01")),
      rc::gen::just(std::string("Zürich – 東京")), rc::gen::just(std::string("bad \xff\xfe utf8")),
      rc::gen::container<std::string>(rc::gen::inRange<char>(' ', '~')));
}

RC_GTEST_PROP(EpisodeJson, TextWriterIsExactlyTheJsonForm, ()) {
  Episode e;
  e.id = *rc::gen::inRange<int64_t>(1, 1'000'000'000);
  if (*rc::gen::arbitrary<bool>())
    e.start = Instant{std::chrono::seconds{*rc::gen::inRange<int64_t>(0, 4'000'000'000)}};
  e.date = Date{date::sys_days{Date{date::year{2020}, date::month{1}, date::day{1}}} +
                date::days{*rc::gen::inRange(0, 3000)}};
  e.minutes = *rc::gen::inRange(1, 1441);
  auto n = *rc::gen::inRange(1, 4);
  for (int i = 0; i < n; ++i) e.activities.push_back(anyText());
  e.with = anyText();
  e.note = anyText();
  for (const auto& item : kRatingItems)
    if (*rc::gen::arbitrary<bool>())
      e.ratings.*item.member = *rc::gen::inRange(item.min, item.max + 1);
  std::string text;
  appendJson(text, e);
  RC_ASSERT(text == toJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

TEST(EpisodeJson, ListTextIsAnArray) {
  Episode e;
  e.id = 3;
  e.date = parseDate("2026-03-10");
  e.minutes = 45;
  e.activities = {"writing"};
  e.ratings.happy = 5;
  EXPECT_EQ(nlohmann::json::parse(toJsonText({e, e})), nlohmann::json::array({toJson(e), toJson(e)}));
  EXPECT_EQ(toJsonText({}), "[]");
}

}  // namespace
}  // namespace jobfit
