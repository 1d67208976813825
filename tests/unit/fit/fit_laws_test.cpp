// The laws the fit model must obey, proven over random profiles and postings.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "fit/fit.h"

namespace jobfit {
namespace {

const std::vector<std::string> kActivities = {"writing", "meetings", "managing-people", "selling",
                                              "analysis", "travel"};

const ActivityCatalog& catalog() {
  static const ActivityCatalog c = ActivityCatalog::builtIn();
  return c;
}

rc::Gen<Evidence> evidence() {
  return rc::gen::exec([] {
    Evidence e;
    e.overallNetAffect = *rc::gen::inRange(-300, 300) / 100.0;
    e.overallSd = *rc::gen::inRange(50, 300) / 100.0;
    e.episodes = *rc::gen::inRange(1, 200);
    for (const auto& id : kActivities) {
      if (*rc::gen::inRange(0, 3) == 0) continue;
      ActivityEvidence a;
      a.activity = id;
      a.n = *rc::gen::inRange(1, 30);
      a.meanNetAffect = *rc::gen::inRange(-500, 500) / 100.0;
      a.shrunkNetAffect = (a.n * a.meanNetAffect + 3 * e.overallNetAffect) / (a.n + 3);
      a.meanEnergy = *rc::gen::inRange(-200, 200) / 100.0;
      e.activities.push_back(a);
    }
    return e;
  });
}

rc::Gen<Values> values() {
  return rc::gen::exec([] {
    Values v;
    for (auto& w : v.weight) w = *rc::gen::inRange(0, 6);
    if (*rc::gen::arbitrary<bool>()) v.targetPay = *rc::gen::inRange(30, 300) * 1000.0;
    return v;
  });
}

rc::Gen<Posting> posting() {
  return rc::gen::exec([] {
    Posting p;
    p.id = *rc::gen::inRange(1, 1000000);
    p.title = "Job";
    double total = 0;
    std::vector<double> raw;
    for (size_t i = 0; i < kActivities.size(); ++i) {
      double x = *rc::gen::inRange(0, 100);
      raw.push_back(x);
      total += x;
    }
    for (size_t i = 0; i < kActivities.size(); ++i)
      if (raw[i] > 0) p.activities.push_back({kActivities[i], raw[i] / total, {}});
    if (*rc::gen::arbitrary<bool>()) {
      Pay pay;
      pay.currency = *rc::gen::element<std::string>("USD", "EUR");
      pay.annualMin = *rc::gen::inRange(20, 200) * 1000.0;
      pay.annualMax = *pay.annualMin + *rc::gen::inRange(0, 80) * 1000.0;
      pay.min = pay.annualMin;
      pay.max = pay.annualMax;
      p.pay = pay;
    }
    p.workMode = static_cast<WorkMode>(*rc::gen::inRange(0, 4));
    p.employmentType = static_cast<EmploymentType>(*rc::gen::inRange(0, 8));
    p.seniority = static_cast<Seniority>(*rc::gen::inRange(0, 9));
    if (*rc::gen::arbitrary<bool>()) p.travelShare = *rc::gen::inRange(0, 80) / 100.0;
    p.onCall.value = *rc::gen::arbitrary<bool>();
    p.overtime.value = *rc::gen::arbitrary<bool>();
    p.locations = {*rc::gen::element<std::string>("Berlin", "London", "New York, NY", "")};
    return p;
  });
}

rc::Gen<Constraints> constraints() {
  return rc::gen::exec([] {
    Constraints c;
    if (*rc::gen::arbitrary<bool>()) c.minPay = MinPay{*rc::gen::inRange(20, 200) * 1000.0, "USD", PayPeriod::year};
    if (*rc::gen::arbitrary<bool>()) c.workModes = {WorkMode::remote, WorkMode::hybrid};
    if (*rc::gen::arbitrary<bool>()) c.locations = {"Berlin"};
    if (*rc::gen::arbitrary<bool>()) c.maxTravel = 0.2;
    c.onCallAccepted = *rc::gen::arbitrary<bool>();
    if (*rc::gen::arbitrary<bool>()) c.employmentTypes = {EmploymentType::full_time};
    return c;
  });
}

RC_GTEST_PROP(FitLaws, MoreOfADrainingActivityNeverRaisesTheScore, ()) {
  Profile profile{*evidence(), *values(), {}};
  Posting p = *posting();
  // Make one activity draining: its episodes rate below the person's mean.
  auto& acts = profile.evidence.activities;
  std::string drainId = *rc::gen::elementOf(kActivities);
  acts.erase(std::remove_if(acts.begin(), acts.end(),
                            [&](const ActivityEvidence& a) { return a.activity == drainId; }),
             acts.end());
  ActivityEvidence d;
  d.activity = drainId;
  d.n = *rc::gen::inRange(1, 30);
  d.meanNetAffect = profile.evidence.overallNetAffect - *rc::gen::inRange(1, 500) / 100.0;
  d.shrunkNetAffect = (d.n * d.meanNetAffect + 3 * profile.evidence.overallNetAffect) / (d.n + 3);
  acts.push_back(d);
  const ActivityEvidence* drain = &acts.back();
  double before = fitPosting(profile, p, catalog()).score;
  Posting more = p;
  double extra = *rc::gen::inRange(1, 50) / 100.0;
  bool found = false;
  for (auto& s : more.activities)
    if (s.activity == drain->activity) s.share += extra, found = true;
  if (!found) more.activities.push_back({drain->activity, extra, {}});
  RC_ASSERT(fitPosting(profile, more, catalog()).score <= before + 1e-4);
}

RC_GTEST_PROP(FitLaws, MorePayNeverLowersTheScore, ()) {
  Profile profile{*evidence(), *values(), *constraints()};
  Posting p = *posting();
  RC_PRE(p.pay.has_value());
  double before = fitPosting(profile, p, catalog()).score;
  Posting richer = p;
  double raise = *rc::gen::inRange(1, 100) * 1000.0;
  *richer.pay->annualMin += raise;
  *richer.pay->annualMax += raise;
  RC_ASSERT(fitPosting(profile, richer, catalog()).score >= before - 1e-4);
}

RC_GTEST_PROP(FitLaws, AViolationExcludesFromRankAndIsReported, ()) {
  Profile profile{*evidence(), *values(), *constraints()};
  auto postings = *rc::gen::container<std::vector<Posting>>(posting());
  std::vector<std::string> columns;
  for (const auto& a : catalog().all()) columns.push_back(a.id);
  RankingIndex index(columns);
  std::map<int64_t, bool> violates;
  int64_t next = 1;
  for (auto& p : postings) {
    p.id = next++;
    auto result = fitPosting(profile, p, catalog());
    violates[p.id] = !result.violations.empty();
    index.add(featuresOf(p, valueSignals(p)));
  }
  auto ranked = index.rank(profile, postings.size());
  std::set<int64_t> inRank;
  for (const auto& r : ranked) inRank.insert(r.id);
  for (const auto& [id, bad] : violates) RC_ASSERT(bad != (inRank.count(id) == 1));
}

RC_GTEST_PROP(FitLaws, RankingIsDeterministicAndAgreesWithFit, ()) {
  Profile profile{*evidence(), *values(), *constraints()};
  auto postings = *rc::gen::container<std::vector<Posting>>(posting());
  // Duplicates force ties, which must break by id.
  if (!postings.empty()) postings.push_back(postings.front());
  std::vector<std::string> columns;
  for (const auto& a : catalog().all()) columns.push_back(a.id);
  RankingIndex a(columns), b(columns);
  int64_t next = 1;
  for (auto& p : postings) p.id = next++;
  for (const auto& p : postings) a.add(featuresOf(p, valueSignals(p)));
  for (auto it = postings.rbegin(); it != postings.rend(); ++it) b.add(featuresOf(*it, valueSignals(*it)));
  auto ra = a.rank(profile, 10), rb = b.rank(profile, 10);
  RC_ASSERT(ra.size() == rb.size());
  for (size_t i = 0; i < ra.size(); ++i) {
    RC_ASSERT(ra[i].id == rb[i].id);
    if (i > 0)
      RC_ASSERT(ra[i - 1].score.score > ra[i].score.score ||
                (ra[i - 1].score.score == ra[i].score.score && ra[i - 1].id < ra[i].id));
    const Posting& p = postings[static_cast<size_t>(ra[i].id - 1)];
    RC_ASSERT(std::abs(fitPosting(profile, p, catalog()).score - ra[i].score.score) < 1e-4);
  }
}

RC_GTEST_PROP(FitLaws, WithoutEvidenceOnlyValuesAndConstraintsCount, ()) {
  Profile profile{Evidence{}, *values(), *constraints()};
  Posting p = *posting();
  auto result = fitPosting(profile, p, catalog());
  RC_ASSERT(!result.expectedNetAffect.has_value());
  RC_ASSERT(!result.enoughEvidence);
  RC_ASSERT(result.basis.find(profile.values.any() ? "values and constraints only" : "nothing yet") !=
            std::string::npos);
  // The activity mix cannot move the score.
  Posting other = p;
  for (auto& s : other.activities) s.share = 1.0 / static_cast<double>(other.activities.size());
  RC_ASSERT(std::abs(fitPosting(profile, other, catalog()).score - result.score) < 1e-6);
  RC_ASSERT(result.low == result.score && result.high == result.score);
}

TEST(Fit, ExplainsWithThePersonsOwnEvidence) {
  Profile profile;
  profile.evidence.overallNetAffect = 1.0;
  profile.evidence.overallSd = 2.0;
  profile.evidence.episodes = 40;
  profile.evidence.activities = {{"managing-people", 11, -1.4 * 11 / 14 + 3.0 / 14, -1.4, -1.0},
                                 {"writing", 9, (9 * 2.1 + 3) / 12, 2.1, 1.5}};
  Posting p;
  p.id = 7;
  p.title = "Engineering Manager";
  p.activities = {{"managing-people", 0.4, {{10, 26, "manage a team of 8"}}},
                  {"writing", 0.6, {{40, 60, "write design documents"}}}};
  auto r = fitPosting(profile, p, catalog());
  ASSERT_EQ(r.contributions.size(), 2u);
  EXPECT_EQ(r.contributions[0].name, "managing-people");  // the larger effect
  EXPECT_EQ(r.contributions[0].text,
            "\u224840% managing people \u00b7 you rated 11 such episodes \u22121.4 on average");
  EXPECT_LT(r.contributions[0].points, 0);
  EXPECT_GT(r.contributions[1].points, 0);
  EXPECT_TRUE(r.enoughEvidence);
  EXPECT_NEAR(*r.expectedNetAffect,
              0.4 * profile.evidence.activities[0].shrunkNetAffect +
                  0.6 * profile.evidence.activities[1].shrunkNetAffect,
              1e-5);
  EXPECT_LT(r.low, r.score);
  EXPECT_GT(r.high, r.score);
}

TEST(Fit, ViolationsComeWithReasons) {
  Profile profile;
  profile.constraints.minPay = MinPay{100000, "USD", PayPeriod::year};
  profile.constraints.onCallAccepted = false;
  profile.constraints.workModes = {WorkMode::remote};
  Posting p;
  p.pay = Pay{40, 45, "USD", PayPeriod::hour, 83200, 93600, {}};
  p.onCall.value = true;
  p.workMode = WorkMode::onsite;
  auto r = fitPosting(profile, p, catalog());
  ASSERT_EQ(r.violations.size(), 3u);
  EXPECT_EQ(r.violations[0].constraint, "min_pay");
  EXPECT_EQ(r.violations[0].reason, "pays at most USD 93600 a year; your minimum is USD 100000 a year");
  EXPECT_EQ(r.topReason(), r.violations[0].reason);
}

TEST(Fit, IdeaFlagNamesTheDrainingActivities) {
  Profile profile;
  profile.evidence.overallNetAffect = 1.0;
  profile.evidence.episodes = 30;
  profile.evidence.activities = {{"managing-people", 12, -1.2, -1.6, {}}, {"writing", 10, 2.4, 2.8, {}}};
  std::vector<AppealRating> rated;
  auto make = [&](int64_t id, std::string title, int appeal, double manage) {
    Posting p;
    p.id = id;
    p.title = title;
    p.activities = {{"managing-people", manage, {}}, {"writing", 1 - manage, {}}};
    rated.push_back({id, title, appeal, fitPosting(profile, p, catalog())});
  };
  make(1, "Head of Engineering", 5, 0.8);
  make(2, "Staff Writer", 2, 0.0);
  make(3, "Tech Writer", 3, 0.1);
  make(4, "Docs Lead", 1, 0.2);
  auto flags = ideaFlags(rated, catalog());
  ASSERT_FALSE(flags.empty());
  EXPECT_EQ(flags[0].postingId, 1);
  EXPECT_EQ(flags[0].appealRank, 1);
  EXPECT_EQ(flags[0].fitRank, 4);
  EXPECT_EQ(flags[0].drainingActivities, std::vector<std::string>{"managing people"});
}

}  // namespace
}  // namespace jobfit
