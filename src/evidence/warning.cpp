#include "evidence/warning.h"

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "evidence/affect.h"
#include "evidence/insights.h"
#include "evidence/statistics.h"

namespace jobfit {

namespace {

struct Day {
  double definedMinutes = 0, unpleasantMinutes = 0;
  double energyMinutes = 0, energySum = 0;
};

HalfWindow half(const std::map<Date, Day>& days, Date from, Date to) {
  HalfWindow h{from, to};
  std::vector<double> u, energy;
  for (auto it = days.lower_bound(from); it != days.end() && it->first <= to; ++it) {
    const Day& d = it->second;
    if (d.definedMinutes > 0) u.push_back(d.unpleasantMinutes / d.definedMinutes);
    if (d.energyMinutes > 0) energy.push_back(d.energySum / d.energyMinutes);
  }
  h.uDays = static_cast<int>(u.size());
  h.energyDays = static_cast<int>(energy.size());
  if (h.uDays >= kWarningMinDaysPerHalf) h.uIndex = median(u);
  if (h.energyDays >= kWarningMinDaysPerHalf) h.energy = median(energy);
  return h;
}

std::string percent(double share) { return fmt::format("{:.0f}%", share * 100); }

std::string scaleText(std::string_view name, std::optional<double> score,
                      std::optional<double> change) {
  if (!score) return fmt::format("{}: too few answers for a score", name);
  std::string text = fmt::format("{} {:.1f}", name, *score);
  std::vector<std::string> notes;
  if (isHigh(score)) notes.push_back("high");
  if (change) notes.push_back(fmt::format("{} since the check-in before", signedFixed(*change)));
  if (!notes.empty()) text += " (" + notes[0] + (notes.size() > 1 ? ", " + notes[1] : "") + ")";
  return text;
}

// High and not easing, or rising by kWarningCheckinRise points.
bool scaleSignal(std::optional<double> score, std::optional<double> change) {
  if (!score) return false;
  if (change && *change >= kWarningCheckinRise) return true;
  return isHigh(score) && (!change || *change >= 0);
}

}  // namespace

EarlyWarning earlyWarning(const std::vector<Episode>& episodes, const std::vector<Checkin>& checkins,
                          Date asOf) {
  EarlyWarning w;
  w.asOf = asOf;
  Date start = addDays(asOf, -(kWarningWindowDays - 1));
  Date middle = addDays(asOf, -(kWarningWindowDays / 2 - 1));

  std::map<Date, Day> days;
  for (const auto& e : episodes) {
    if (e.date < start || e.date > asOf) continue;
    Day& d = days[e.date];
    if (auto bad = unpleasant(e.ratings)) {
      d.definedMinutes += e.minutes;
      if (*bad) d.unpleasantMinutes += e.minutes;
    }
    if (e.ratings.energy) {
      d.energyMinutes += e.minutes;
      d.energySum += e.minutes * double(*e.ratings.energy);
    }
  }
  w.earlier = half(days, start, addDays(middle, -1));
  w.recent = half(days, middle, asOf);

  if (w.earlier.uIndex && w.recent.uIndex) {
    w.uRising = *w.recent.uIndex - *w.earlier.uIndex >= kWarningURise - 1e-12;
    w.observations.push_back(fmt::format(
        "U-index {} in the last two weeks (median of {} days) against {} in the two weeks before "
        "(median of {} days){}.",
        percent(*w.recent.uIndex), w.recent.uDays, percent(*w.earlier.uIndex), w.earlier.uDays,
        w.uRising ? ": rising" : ""));
  } else {
    w.observations.push_back(fmt::format(
        "U-index: too few days to compare ({} and {} days with a rated episode in the two "
        "halves; {} each needed).",
        w.earlier.uDays, w.recent.uDays, kWarningMinDaysPerHalf));
  }
  if (w.earlier.energy && w.recent.energy) {
    w.energyFalling = *w.recent.energy - *w.earlier.energy <= -kWarningEnergyDrop + 1e-12;
    w.observations.push_back(fmt::format(
        "Energy {} in the last two weeks against {} in the two weeks before{}.",
        signedFixed(*w.recent.energy), signedFixed(*w.earlier.energy),
        w.energyFalling ? ": falling" : ""));
  } else {
    w.observations.push_back(fmt::format(
        "Energy: too few days to compare ({} and {} days with energy rated; {} each needed).",
        w.earlier.energyDays, w.recent.energyDays, kWarningMinDaysPerHalf));
  }

  for (auto& point : checkinTrend(checkins)) {
    if (point.checkin.date > asOf) break;
    if (point.checkin.date >= start) w.latestCheckin = point;
  }
  if (w.latestCheckin) {
    const auto& p = *w.latestCheckin;
    w.checkinSignal = scaleSignal(p.score.work, p.workChange) ||
                      scaleSignal(p.score.personal, p.personalChange);
    w.observations.push_back(fmt::format(
        "Latest check-in {}: {}; {}.", formatDate(p.checkin.date),
        scaleText("work-related burnout", p.score.work, p.workChange),
        scaleText("personal burnout", p.score.personal, p.personalChange)));
  } else {
    w.observations.push_back("No burnout check-in in the last 4 weeks.");
  }

  bool episodesWorse = w.uRising || w.energyFalling;
  std::vector<std::string> worse;
  if (w.uRising)
    worse.push_back(fmt::format("your U-index rose from {} to {}", percent(*w.earlier.uIndex),
                                percent(*w.recent.uIndex)));
  if (w.energyFalling)
    worse.push_back(fmt::format("your energy fell from {} to {}", signedFixed(*w.earlier.energy),
                                signedFixed(*w.recent.energy)));
  std::string worseText = worse.size() == 2 ? worse[0] + " and " + worse[1]
                          : worse.empty()   ? std::string()
                                            : worse[0];
  if (episodesWorse && w.checkinSignal) {
    w.level = WarningLevel::warning;
    w.summary = fmt::format(
        "Early warning: over the last 4 weeks {}, and your latest check-in reads high or rising. "
        "Together these are early signs of burnout. Look at what changed in these weeks and "
        "what you could drop or share.",
        worseText);
  } else if (w.uRising && w.energyFalling) {
    w.level = WarningLevel::watch;
    w.summary = fmt::format(
        "Worth watching: over the last 4 weeks {}. {}",
        worseText,
        w.latestCheckin ? "Your latest check-in does not read high, so this may pass."
                        : "A check-in (jobfit checkin) would show whether burnout is building.");
  } else if (episodesWorse) {
    w.summary = fmt::format("No early warning: {}, but the check-ins do not confirm it.",
                            worseText);
  } else if (w.checkinSignal) {
    w.summary = "No early warning: your latest check-in reads high or rising, but your days over "
                "the last 4 weeks have not been getting worse.";
  } else {
    w.summary = "No early warning: nothing in the last 4 weeks points to burnout building.";
  }
  return w;
}

std::string_view warningLevelName(WarningLevel level) {
  switch (level) {
    case WarningLevel::none: return "none";
    case WarningLevel::watch: return "watch";
    case WarningLevel::warning: return "warning";
  }
  return "";
}

}  // namespace jobfit
