// Statistics of the search, all computed from the event history (docs/applications.md gives
// the definitions): the funnel, rates by channel, time to first response as a Kaplan-Meier
// estimate with unanswered applications censored, weekly volume, and per-company figures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "applications/application.h"

namespace jobfit {

// One application's wait for a first answer: `days` until the answer (event) or until it
// stopped being observed without one (censored).
struct Observation {
  int days = 0;
  bool responded = false;
};

// One step of the Kaplan-Meier curve, at a time when something happened.
struct SurvivalStep {
  int days = 0;
  int atRisk = 0;     // still waiting just before `days`
  int responses = 0;  // answers on that day
  int censored = 0;   // stopped being observed on that day without an answer
  double survival = 1;  // share still without an answer after `days`
};

struct SurvivalCurve {
  int n = 0, responses = 0, censored = 0;
  std::vector<SurvivalStep> steps;
  // First time the estimate falls to 0.5 or below; p25 to 0.75 or below (a quarter has been
  // answered), p75 to 0.25 or below. nullopt when the curve never gets that low.
  std::optional<int> median, p25, p75;
};

// The product-limit estimator. Censoring on a day with answers counts after those answers
// (the censored applications were still at risk on that day).
SurvivalCurve kaplanMeier(const std::vector<Observation>& observations);
// The first day on which the estimate is <= level, or nullopt.
std::optional<int> survivalQuantile(const SurvivalCurve& curve, double level);

// The wait of one sent application, as of `today`: answered (first response - applied), or
// censored at the day it was closed or withdrawn, or at today while still open. nullopt for
// applications never sent.
std::optional<Observation> observe(const Application& a, Date today);

struct FunnelStep {
  Stage stage = Stage::saved;
  int reached = 0;                   // applications that ever got this far
  std::optional<double> conversion;  // reached / reached at the previous step
};

struct Outcomes {
  int open = 0, accepted = 0, rejected = 0, withdrawn = 0, closed = 0;
};

struct ChannelStats {
  Channel channel = Channel::other;
  int applications = 0;  // sent
  int responses = 0, interviews = 0, offers = 0;
  std::optional<double> responseRate, interviewRate, offerRate;
  SurvivalCurve timeToResponse;
};

struct WeekVolume {
  Date week;  // its Monday
  int applications = 0;  // sent that week
  int responses = 0;     // first answers that week
};

struct CompanyStats {
  std::string company;
  int applications = 0, responses = 0;
  std::optional<int> medianDays;  // Kaplan-Meier median over this company's applications
};

struct StatsRange {
  std::optional<Date> from, to;  // inclusive, on the date an application was sent (or added)
};

struct SearchStats {
  Date asOf;
  StatsRange range;
  int applications = 0;  // in range, sent or not
  int sent = 0;
  std::vector<FunnelStep> funnel;
  Outcomes outcomes;
  std::vector<ChannelStats> channels;  // channels with at least one sent application
  SurvivalCurve timeToResponse;
  std::vector<WeekVolume> weekly;
  std::vector<CompanyStats> companies;  // most applications first
};

SearchStats computeStats(const std::vector<Application>& applications, const StatsRange& range,
                         Date today);

}  // namespace jobfit
