#include <gtest/gtest.h>

#include "applications/silence.h"
#include "core/error.h"

namespace jobfit {
namespace {

Date d(const char* s) { return parseDate(s); }

Application at(Stage stage, const char* on) {
  Application a;
  a.company = "Acme";
  a.title = "Analyst";
  a.events.push_back({0, d(on), EventKind::stage, stage, ""});
  return a;
}

TEST(Silence, DefaultsPerStage) {
  SilenceThresholds t;
  EXPECT_EQ(t.days(Stage::applied), 21);
  EXPECT_EQ(t.days(Stage::screening), 10);
  EXPECT_EQ(t.days(Stage::interviewing), 10);
  EXPECT_EQ(t.days(Stage::offer), 7);
  EXPECT_FALSE(t.days(Stage::saved));
  for (auto s : {Stage::accepted, Stage::rejected, Stage::withdrawn, Stage::closed})
    EXPECT_FALSE(t.days(s)) << toString(s);
}

TEST(Silence, SilentOnceTheLastEventIsThresholdDaysOld) {
  SilenceThresholds t;
  auto a = at(Stage::applied, "2026-03-01");
  EXPECT_FALSE(silence(a, t, d("2026-03-21")));  // 20 days
  auto s = silence(a, t, d("2026-03-22"));        // 21 days
  ASSERT_TRUE(s);
  EXPECT_EQ(s->days, 21);
  EXPECT_EQ(s->since, d("2026-03-22"));
  EXPECT_EQ(s->threshold, 21);
}

TEST(Silence, AnyNewEventClearsItAndTheStageIsNeverOverwritten) {
  SilenceThresholds t;
  auto a = at(Stage::applied, "2026-03-01");
  ASSERT_TRUE(silence(a, t, d("2026-04-01")));
  addEvent(a, EventKind::followup, d("2026-04-01"), "nudged the recruiter", false, d("2026-04-01"));
  EXPECT_FALSE(silence(a, t, d("2026-04-01")));
  EXPECT_EQ(currentStage(a), Stage::applied);
}

TEST(Silence, FinalAndSavedApplicationsAreNeverSilent) {
  SilenceThresholds t;
  for (auto s : {Stage::saved, Stage::rejected, Stage::closed, Stage::accepted, Stage::withdrawn})
    EXPECT_FALSE(silence(at(s, "2025-01-01"), t, d("2026-03-01"))) << toString(s);
}

TEST(Silence, SettingsOverrideDefaults) {
  auto t = SilenceThresholds::fromSettings(
      {{"silence.applied", "30"}, {"silence.offer", "junk"}, {"other.key", "1"}});
  EXPECT_EQ(t.days(Stage::applied), 30);
  EXPECT_EQ(t.days(Stage::offer), 7);  // a value that does not parse keeps the default
  auto a = at(Stage::applied, "2026-03-01");
  EXPECT_FALSE(silence(a, t, d("2026-03-25")));
  EXPECT_TRUE(silence(a, t, d("2026-03-31")));
}

TEST(Silence, ValidatesSettingKeysAndValues) {
  EXPECT_EQ(validateSilenceSetting("silence.applied", " 30 "), "30");
  EXPECT_EQ(validateSilenceSetting("silence.offer", "1"), "1");
  for (auto [k, v] : std::vector<std::pair<std::string, std::string>>{
           {"silence.saved", "5"},
           {"silence.rejected", "5"},
           {"silence.Applied", "5"},
           {"silence", "5"},
           {"x", "5"},
           {"silence.applied", "0"},
           {"silence.applied", "-3"},
           {"silence.applied", "366"},
           {"silence.applied", "2w"},
           {"silence.applied", ""}}) {
    EXPECT_THROW(validateSilenceSetting(k, v), Error) << k << "=" << v;
  }
}

}  // namespace
}  // namespace jobfit
