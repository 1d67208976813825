// The burnout early-warning rule (docs/evidence.md): it fires only when the episodes of the
// last four weeks got worse (rising U-index or falling energy, compared as medians of daily
// values so that no single day can move them) AND the check-ins read high or rising.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "evidence/burnout.h"
#include "worklog/episode.h"

namespace jobfit {

inline constexpr int kWarningWindowDays = 28;     // two halves of 14 days
inline constexpr int kWarningMinDaysPerHalf = 3;  // days with ratings each half needs
inline constexpr double kWarningURise = 0.15;     // U-index rise (15 points) that counts
inline constexpr double kWarningEnergyDrop = 0.5; // energy drop (on -2..+2) that counts
inline constexpr double kWarningCheckinRise = 10; // CBI points that count as rising

enum class WarningLevel {
  none,     // nothing worrying, or not enough data to say
  watch,    // the episodes got worse on both counts, but no check-in confirms it
  warning,  // the episodes got worse and the check-ins read high or rising
};

// One half of the window: median of daily values over the days that have one.
struct HalfWindow {
  Date from, to;
  int uDays = 0, energyDays = 0;
  std::optional<double> uIndex, energy;  // medians; nothing with fewer than the days needed
};

struct EarlyWarning {
  WarningLevel level = WarningLevel::none;
  Date asOf;
  HalfWindow earlier, recent;
  bool uRising = false, energyFalling = false;
  std::optional<CheckinTrendPoint> latestCheckin;  // the latest check-in in the window
  bool checkinSignal = false;
  std::vector<std::string> observations;  // what it saw, in plain words
  std::string summary;                    // one plain paragraph
};

// Evaluates the rule for the 28 days ending on asOf (inclusive). `checkins` may hold the
// whole history: the change is measured against the check-in before the latest.
EarlyWarning earlyWarning(const std::vector<Episode>& episodes, const std::vector<Checkin>& checkins,
                          Date asOf);

std::string_view warningLevelName(WarningLevel level);

}  // namespace jobfit
