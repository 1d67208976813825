// What the logged episodes say: per activity, per "with whom", overall and per week, the
// duration-weighted net affect with its interval and shrunken mean, the U-index and energy;
// which activities energize and which drain; and how that compares with what the person
// expected. Pure functions over plain values (see docs/evidence.md for every formula), shared
// by the CLI, the report, the web server and the fit engine.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "evidence/expectation.h"
#include "evidence/statistics.h"
#include "worklog/activity.h"
#include "worklog/episode.h"

namespace jobfit {

struct InsightOptions {
  std::optional<Date> from, to;  // inclusive local dates; episodes outside are ignored
  double shrinkK = 3.0;          // weight of the overall mean in the shrunken means
  int minEvidence = 3;           // rated episodes an activity needs before a verdict
};

// The figures for one set of episodes (an activity, a companion, a week, everything).
struct AffectStats {
  int n = 0;           // episodes
  int minutes = 0;     // their total duration
  double share = 0;    // minutes / all minutes logged in the period
  int excluded = 0;    // episodes without a positive and a negative rating: in time, not affect
  std::optional<Estimate> netAffect;  // over the n - excluded episodes with a net affect
  std::optional<double> uIndex;       // unpleasant minutes / minutes with a net affect
  std::optional<Estimate> energy;     // over the episodes that rated energy
  std::optional<double> engaged, tired, meaningful;  // duration-weighted means where rated
};

// How sure the evidence is about an activity, from its net affect and 95% interval.
enum class Verdict {
  clearly_energizing,  // the whole interval is above 0
  leaning_energizing,  // mean above 0, interval includes 0
  neutral,             // mean exactly 0, interval includes 0
  leaning_draining,    // mean below 0, interval includes 0
  clearly_draining,    // the whole interval is below 0
  not_enough_evidence  // fewer than minEvidence episodes with a net affect
};

// Per activity: the result the fit engine reuses (stats.netAffect->shrunk and stats.energy).
struct ActivityInsight {
  std::string activity;  // id
  std::string label;     // from the catalog, else the id
  AffectStats stats;
  Verdict verdict = Verdict::not_enough_evidence;
  std::string line;  // "Writing: 9 episodes, 11h, clearly energizing (+2.1, 95% CI +1.4..+2.8)"
};

struct CompanyInsight {
  std::string with;  // empty: the episodes that did not say
  AffectStats stats;
};

struct WeekInsight {
  Date week;  // Monday
  AffectStats stats;
};

// Expected (the latest expectation) next to experienced (the episodes) for one activity.
struct ExpectationGap {
  std::string activity, label;
  Expectation expected;
  std::optional<double> expectedNetAffect, expectedEnergy;
  int n = 0;                                   // episodes with a net affect
  std::optional<double> experiencedNetAffect;  // their duration-weighted mean
  std::optional<double> experiencedEnergy;
  std::optional<double> gap;        // experienced - expected net affect
  std::optional<double> energyGap;  // experienced - expected energy
  bool enoughEvidence = false;      // n >= minEvidence
  std::string line;  // "You expected Presenting to feel +3.0; your 7 episodes say -0.4"
};

struct Insights {
  InsightOptions options;
  AffectStats overall;
  std::vector<ActivityInsight> activities;  // by minutes, most first, then id
  std::vector<CompanyInsight> company;      // by minutes, most first
  // Activities with enough evidence, by shrunken net affect: energizers (mean above 0) from
  // the most energizing, drainers (mean below 0) from the most draining.
  std::vector<std::string> energizers, drainers, notEnoughEvidence;
  std::vector<WeekInsight> weeks;     // every week of the period, oldest first
  std::vector<ExpectationGap> gaps;   // largest |gap| first

  const ActivityInsight* find(std::string_view activity) const;
};

// Computes everything for the episodes within options.from..to. The result does not depend on
// the order of `episodes`. `expectations` may hold history; the latest per activity counts.
Insights computeInsights(const std::vector<Episode>& episodes,
                         const std::vector<Expectation>& expectations,
                         const ActivityCatalog& catalog, const InsightOptions& options = {});

// The figures for one set of episodes; shares relative to totalMinutes, means shrunk toward
// the priors (when given) with weight k.
AffectStats affectStats(const std::vector<const Episode*>& episodes, int totalMinutes,
                        std::optional<double> netAffectPrior, std::optional<double> energyPrior,
                        double k);

std::string_view verdictName(Verdict v);
// "clearly energizing", "not enough evidence yet", ...
std::string_view verdictPhrase(Verdict v);
// "+2.1", "-0.4", "0.0": one decimal with a sign.
std::string signedFixed(double v, int decimals = 1);

}  // namespace jobfit
