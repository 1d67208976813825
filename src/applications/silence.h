// Silence is derived, never written over the stage: an application is silent when its last
// event is at least the threshold for its current stage old. Any new event clears it.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "applications/application.h"

namespace jobfit {

// Days without any event after which an application in a stage counts as silent. Stages
// without a threshold (saved, and the final stages) are never silent.
class SilenceThresholds {
 public:
  // The defaults: applied 21 days, screening 10, interviewing 10, offer 7.
  SilenceThresholds();
  // The defaults overridden by the "silence.<stage>" entries of the settings.
  static SilenceThresholds fromSettings(const std::map<std::string, std::string>& settings);

  std::optional<int> days(Stage s) const;
  void set(Stage s, int days);

 private:
  std::map<Stage, int> days_;
};

// The stages whose threshold can be set, and the default for one.
bool hasSilenceThreshold(Stage s);
int defaultSilenceDays(Stage s);

// Checks a "silence.<stage>" setting; returns the normalised value. Throws Error(usage).
std::string validateSilenceSetting(const std::string& key, const std::string& value);

struct Silence {
  Date since;     // the first day it counted as silent: last event + threshold
  long days = 0;  // days since its last event
  int threshold = 0;
};

// Silent today, or nullopt.
std::optional<Silence> silence(const Application& a, const SilenceThresholds& t, Date today);

}  // namespace jobfit
