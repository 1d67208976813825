#include "evidence/insights.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "evidence/affect.h"

namespace jobfit {

namespace {

// A total order on episodes by content, so that sums run in the same order whatever order
// the episodes came in: the result is then exactly, not just nearly, order-invariant.
auto sortKey(const Episode& e) {
  const Ratings& r = e.ratings;
  return std::tie(e.date, e.start, e.minutes, e.activities, e.with, e.note, r.happy, r.engaged,
                  r.stressed, r.frustrated, r.tired, r.meaningful, r.energy, e.id);
}

std::optional<double> meanOf(const std::vector<const Episode*>& episodes,
                             std::optional<int> Ratings::*member) {
  std::vector<Weighted> obs;
  for (const auto* e : episodes)
    if (const auto& v = e->ratings.*member) obs.push_back({double(*v), double(e->minutes)});
  auto est = weightedEstimate(obs);
  if (!est) return std::nullopt;
  return est->mean;
}

std::string plural(int n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// "your 7 episodes say", "your 1 episode says".
std::string episodesSay(int n) {
  return fmt::format("your {} {}", plural(n, "episode"), n == 1 ? "says" : "say");
}

Verdict verdictFor(const AffectStats& s, int minEvidence) {
  if (!s.netAffect || s.netAffect->n < minEvidence) return Verdict::not_enough_evidence;
  const Estimate& e = *s.netAffect;
  if (e.low && *e.low > 0) return Verdict::clearly_energizing;
  if (e.high && *e.high < 0) return Verdict::clearly_draining;
  if (e.mean > 0) return Verdict::leaning_energizing;
  if (e.mean < 0) return Verdict::leaning_draining;
  return Verdict::neutral;
}

std::string activityLine(const ActivityInsight& a, int minEvidence) {
  std::string head = fmt::format("{}: {}, {}, {}", a.label, plural(a.stats.n, "episode"),
                                 formatDuration(a.stats.minutes), verdictPhrase(a.verdict));
  if (a.verdict == Verdict::not_enough_evidence) {
    int rated = a.stats.netAffect ? a.stats.netAffect->n : 0;
    return fmt::format("{} ({} with a net affect; {} needed)", head, rated, minEvidence);
  }
  const Estimate& e = *a.stats.netAffect;
  return fmt::format("{} ({}, 95% CI {}..{})", head, signedFixed(e.mean), signedFixed(*e.low),
                     signedFixed(*e.high));
}

ExpectationGap gapFor(const Expectation& x, const ActivityInsight& a, int minEvidence) {
  ExpectationGap g;
  g.activity = a.activity;
  g.label = a.label;
  g.expected = x;
  g.expectedNetAffect = netAffect(x.ratings);
  if (x.ratings.energy) g.expectedEnergy = *x.ratings.energy;
  g.n = a.stats.netAffect ? a.stats.netAffect->n : 0;
  if (a.stats.netAffect) g.experiencedNetAffect = a.stats.netAffect->mean;
  if (a.stats.energy) g.experiencedEnergy = a.stats.energy->mean;
  if (g.expectedNetAffect && g.experiencedNetAffect)
    g.gap = *g.experiencedNetAffect - *g.expectedNetAffect;
  if (g.expectedEnergy && g.experiencedEnergy) g.energyGap = *g.experiencedEnergy - *g.expectedEnergy;
  g.enoughEvidence = g.n >= minEvidence;
  if (g.gap) {
    g.line = fmt::format("You expected {} to feel {}; {} {}", a.label,
                         signedFixed(*g.expectedNetAffect), episodesSay(g.n),
                         signedFixed(*g.experiencedNetAffect));
  } else {
    int n = a.stats.energy ? a.stats.energy->n : 0;
    g.line = fmt::format("You expected {} to leave your energy at {}; {} {}", a.label,
                         signedFixed(*g.expectedEnergy), episodesSay(n),
                         signedFixed(*g.experiencedEnergy));
  }
  if (!g.enoughEvidence) g.line += " (too few episodes to be sure)";
  return g;
}

}  // namespace

const ActivityInsight* Insights::find(std::string_view activity) const {
  for (const auto& a : activities)
    if (a.activity == activity) return &a;
  return nullptr;
}

AffectStats affectStats(const std::vector<const Episode*>& episodes, int totalMinutes,
                        std::optional<double> netAffectPrior, std::optional<double> energyPrior,
                        double k) {
  AffectStats s;
  std::vector<Weighted> affect, energy;
  double definedMinutes = 0, unpleasantMinutes = 0;
  for (const auto* e : episodes) {
    ++s.n;
    s.minutes += e->minutes;
    if (auto na = netAffect(e->ratings)) {
      affect.push_back({*na, double(e->minutes)});
      definedMinutes += e->minutes;
      if (*unpleasant(e->ratings)) unpleasantMinutes += e->minutes;
    } else {
      ++s.excluded;
    }
    if (e->ratings.energy) energy.push_back({double(*e->ratings.energy), double(e->minutes)});
  }
  s.share = totalMinutes > 0 ? double(s.minutes) / totalMinutes : 0;
  s.netAffect = weightedEstimate(affect);
  if (s.netAffect && netAffectPrior)
    s.netAffect->shrunk = shrink(s.netAffect->mean, s.netAffect->n, *netAffectPrior, k);
  if (definedMinutes > 0) s.uIndex = unpleasantMinutes / definedMinutes;
  s.energy = weightedEstimate(energy);
  if (s.energy && energyPrior)
    s.energy->shrunk = shrink(s.energy->mean, s.energy->n, *energyPrior, k);
  s.engaged = meanOf(episodes, &Ratings::engaged);
  s.tired = meanOf(episodes, &Ratings::tired);
  s.meaningful = meanOf(episodes, &Ratings::meaningful);
  return s;
}

Insights computeInsights(const std::vector<Episode>& episodes,
                         const std::vector<Expectation>& expectations,
                         const ActivityCatalog& catalog, const InsightOptions& options) {
  Insights out;
  out.options = options;
  std::vector<const Episode*> inPeriod;
  for (const auto& e : episodes) {
    if (options.from && e.date < *options.from) continue;
    if (options.to && e.date > *options.to) continue;
    inPeriod.push_back(&e);
  }
  std::sort(inPeriod.begin(), inPeriod.end(),
            [](const Episode* a, const Episode* b) { return sortKey(*a) < sortKey(*b); });

  int total = 0;
  for (const auto* e : inPeriod) total += e->minutes;
  out.overall = affectStats(inPeriod, total, std::nullopt, std::nullopt, options.shrinkK);
  std::optional<double> affectPrior, energyPrior;
  if (out.overall.netAffect) affectPrior = out.overall.netAffect->mean;
  if (out.overall.energy) energyPrior = out.overall.energy->mean;

  // Per activity: an episode with several activities counts fully toward each.
  std::map<std::string, std::vector<const Episode*>> byActivity;
  std::map<std::string, std::vector<const Episode*>> byCompany;
  for (const auto* e : inPeriod) {
    for (const auto& a : e->activities) byActivity[a].push_back(e);
    byCompany[e->with].push_back(e);
  }
  for (const auto& [id, list] : byActivity) {
    ActivityInsight a;
    a.activity = id;
    const Activity* known = catalog.find(id);
    a.label = known ? known->label : id;
    a.stats = affectStats(list, total, affectPrior, energyPrior, options.shrinkK);
    a.verdict = verdictFor(a.stats, options.minEvidence);
    a.line = activityLine(a, options.minEvidence);
    out.activities.push_back(std::move(a));
  }
  std::stable_sort(out.activities.begin(), out.activities.end(),
                   [](const ActivityInsight& a, const ActivityInsight& b) {
                     return a.stats.minutes > b.stats.minutes;
                   });
  for (const auto& [with, list] : byCompany)
    out.company.push_back({with, affectStats(list, total, std::nullopt, std::nullopt, 0)});
  std::stable_sort(out.company.begin(), out.company.end(),
                   [](const CompanyInsight& a, const CompanyInsight& b) {
                     return a.stats.minutes > b.stats.minutes;
                   });

  // Energizers and drainers, by shrunken net affect; ties by id for a stable order.
  std::vector<const ActivityInsight*> ranked;
  for (const auto& a : out.activities) {
    if (a.verdict == Verdict::not_enough_evidence)
      out.notEnoughEvidence.push_back(a.activity);
    else
      ranked.push_back(&a);
  }
  std::sort(out.notEnoughEvidence.begin(), out.notEnoughEvidence.end());
  std::sort(ranked.begin(), ranked.end(), [](const ActivityInsight* a, const ActivityInsight* b) {
    double sa = a->stats.netAffect->shrunk, sb = b->stats.netAffect->shrunk;
    return sa != sb ? sa > sb : a->activity < b->activity;
  });
  for (const auto* a : ranked) {
    if (a->stats.netAffect->mean > 0) out.energizers.push_back(a->activity);
  }
  for (auto it = ranked.rbegin(); it != ranked.rend(); ++it) {
    if ((*it)->stats.netAffect->mean < 0) out.drainers.push_back((*it)->activity);
  }

  // Weekly trend over the weeks the episodes span within the period.
  if (!inPeriod.empty()) {
    Date first = inPeriod.front()->date, last = inPeriod.front()->date;
    for (const auto* e : inPeriod) first = std::min(first, e->date), last = std::max(last, e->date);
    std::map<Date, std::vector<const Episode*>> byWeek;
    for (const auto* e : inPeriod) byWeek[weekStart(e->date)].push_back(e);
    for (Date w = weekStart(first); w <= last; w = addDays(w, 7))
      out.weeks.push_back({w, affectStats(byWeek[w], total, std::nullopt, std::nullopt, 0)});
  }

  // Expected vs experienced, for each activity with an expectation and some evidence.
  for (const auto& x : latestExpectations(expectations)) {
    const ActivityInsight* a = out.find(x.activity);
    if (!a) continue;
    bool affectPair = a->stats.netAffect && netAffect(x.ratings);
    bool energyPair = a->stats.energy && x.ratings.energy;
    if (!affectPair && !energyPair) continue;
    out.gaps.push_back(gapFor(x, *a, options.minEvidence));
  }
  std::sort(out.gaps.begin(), out.gaps.end(), [](const ExpectationGap& a, const ExpectationGap& b) {
    // Net-affect gaps first, largest first; then energy-only gaps, largest first.
    auto key = [](const ExpectationGap& g) {
      return g.gap ? std::make_pair(0, -std::fabs(*g.gap))
                   : std::make_pair(1, -std::fabs(*g.energyGap));
    };
    auto ka = key(a), kb = key(b);
    return ka != kb ? ka < kb : a.activity < b.activity;
  });
  return out;
}

std::string_view verdictName(Verdict v) {
  switch (v) {
    case Verdict::clearly_energizing: return "clearly_energizing";
    case Verdict::leaning_energizing: return "leaning_energizing";
    case Verdict::neutral: return "neutral";
    case Verdict::leaning_draining: return "leaning_draining";
    case Verdict::clearly_draining: return "clearly_draining";
    case Verdict::not_enough_evidence: return "not_enough_evidence";
  }
  return "";
}

std::string_view verdictPhrase(Verdict v) {
  switch (v) {
    case Verdict::clearly_energizing: return "clearly energizing";
    case Verdict::leaning_energizing: return "leaning energizing, not yet certain";
    case Verdict::neutral: return "neither energizing nor draining so far";
    case Verdict::leaning_draining: return "leaning draining, not yet certain";
    case Verdict::clearly_draining: return "clearly draining";
    case Verdict::not_enough_evidence: return "not enough evidence yet";
  }
  return "";
}

std::string signedFixed(double v, int decimals) {
  double scale = std::pow(10.0, decimals);
  double rounded = std::round(v * scale) / scale;
  if (rounded == 0) return fmt::format("{:.{}f}", 0.0, decimals);
  return fmt::format("{:+.{}f}", rounded, decimals);
}

}  // namespace jobfit
