#include "applications/stats.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace jobfit {

SurvivalCurve kaplanMeier(const std::vector<Observation>& observations) {
  SurvivalCurve curve;
  curve.n = static_cast<int>(observations.size());
  std::map<int, std::pair<int, int>> byDay;  // day -> (responses, censored)
  for (const auto& o : observations) {
    auto& slot = byDay[std::max(0, o.days)];
    (o.responded ? slot.first : slot.second) += 1;
    (o.responded ? curve.responses : curve.censored) += 1;
  }
  int atRisk = curve.n;
  double survival = 1.0;
  for (const auto& [day, counts] : byDay) {
    auto [responses, censored] = counts;
    if (responses > 0) survival *= 1.0 - static_cast<double>(responses) / atRisk;
    curve.steps.push_back({day, atRisk, responses, censored, survival});
    atRisk -= responses + censored;
  }
  curve.median = survivalQuantile(curve, 0.5);
  curve.p25 = survivalQuantile(curve, 0.75);
  curve.p75 = survivalQuantile(curve, 0.25);
  return curve;
}

std::optional<int> survivalQuantile(const SurvivalCurve& curve, double level) {
  // A small tolerance so that 1 - 1/2 lands on 0.5 whatever the rounding.
  for (const auto& s : curve.steps)
    if (s.responses > 0 && s.survival <= level + 1e-12) return s.days;
  return std::nullopt;
}

std::optional<Observation> observe(const Application& a, Date today) {
  auto applied = appliedDate(a);
  if (!applied) return std::nullopt;
  if (auto response = firstResponseDate(a))
    return Observation{static_cast<int>(std::max(0L, daysBetween(*applied, *response))), true};
  Date end = today;
  if (isFinal(currentStage(a)))
    if (auto f = finalDate(a); f && *f >= *applied) end = *f;
  return Observation{static_cast<int>(std::max(0L, daysBetween(*applied, end))), false};
}

namespace {

std::optional<double> rate(int part, int whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / whole;
}

bool inRange(Date d, const StatsRange& r) {
  return (!r.from || d >= *r.from) && (!r.to || d <= *r.to);
}

}  // namespace

SearchStats computeStats(const std::vector<Application>& applications, const StatsRange& range,
                         Date today) {
  SearchStats s;
  s.asOf = today;
  s.range = range;
  std::vector<const Application*> cohort;
  for (const auto& a : applications)
    if (!a.events.empty() && inRange(appliedDate(a).value_or(startDate(a)), range))
      cohort.push_back(&a);
  s.applications = static_cast<int>(cohort.size());

  std::array<int, kPipeline.size()> reached{};
  std::vector<Observation> all;
  std::map<Channel, std::vector<Observation>> byChannel;
  std::map<Channel, ChannelStats> channels;
  std::map<Date, WeekVolume> weeks;
  struct CompanyAcc {
    std::string name;
    int applications = 0, responses = 0;
    std::vector<Observation> observations;
  };
  std::map<std::string, CompanyAcc> companies;

  for (const auto* a : cohort) {
    auto furthest = *pipelineRank(furthestStage(*a));
    for (int i = 0; i <= furthest; ++i) ++reached[static_cast<size_t>(i)];
    switch (currentStage(*a)) {
      case Stage::accepted: ++s.outcomes.accepted; break;
      case Stage::rejected: ++s.outcomes.rejected; break;
      case Stage::withdrawn: ++s.outcomes.withdrawn; break;
      case Stage::closed: ++s.outcomes.closed; break;
      default: ++s.outcomes.open; break;
    }
    auto o = observe(*a, today);
    if (!o) continue;
    ++s.sent;
    all.push_back(*o);
    auto& c = channels[a->channel];
    c.channel = a->channel;
    ++c.applications;
    if (o->responded) ++c.responses;
    if (furthest >= *pipelineRank(Stage::interviewing)) ++c.interviews;
    if (furthest >= *pipelineRank(Stage::offer)) ++c.offers;
    byChannel[a->channel].push_back(*o);

    Date applied = *appliedDate(*a);
    auto& w = weeks[weekStart(applied)];
    w.week = weekStart(applied);
    ++w.applications;
    if (auto r = firstResponseDate(*a)) {
      auto& rw = weeks[weekStart(*r)];
      rw.week = weekStart(*r);
      ++rw.responses;
    }

    auto& co = companies[normalizeKey(a->company)];
    if (co.name.empty()) co.name = a->company;
    ++co.applications;
    if (o->responded) ++co.responses;
    co.observations.push_back(*o);
  }

  for (size_t i = 0; i < kPipeline.size(); ++i) {
    FunnelStep step{kPipeline[i], reached[i], std::nullopt};
    if (i > 0) step.conversion = rate(reached[i], reached[i - 1]);
    s.funnel.push_back(step);
  }
  for (auto ch : kChannels) {
    auto it = channels.find(ch);
    if (it == channels.end()) continue;
    auto c = it->second;
    c.responseRate = rate(c.responses, c.applications);
    c.interviewRate = rate(c.interviews, c.applications);
    c.offerRate = rate(c.offers, c.applications);
    c.timeToResponse = kaplanMeier(byChannel[ch]);
    s.channels.push_back(std::move(c));
  }
  s.timeToResponse = kaplanMeier(all);
  // Every week from the first to the last with anything in it, empty weeks included.
  if (!weeks.empty()) {
    for (Date w = weeks.begin()->first; w <= weeks.rbegin()->first; w = addDays(w, 7)) {
      auto it = weeks.find(w);
      s.weekly.push_back(it != weeks.end() ? it->second : WeekVolume{w, 0, 0});
    }
  }
  for (auto& [key, co] : companies)
    s.companies.push_back({co.name, co.applications, co.responses, kaplanMeier(co.observations).median});
  std::stable_sort(s.companies.begin(), s.companies.end(),
                   [](const CompanyStats& a, const CompanyStats& b) {
                     return a.applications > b.applications;
                   });
  return s;
}

}  // namespace jobfit
