// The person's side of fit: their evidence (how activities felt), their values (what they
// want from work) and their hard constraints.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postings/posting.h"

namespace jobfit {

enum class Value { learning, autonomy, pay, stability, time_and_health, people, meaning, status };
inline constexpr size_t kValueCount = 8;
inline constexpr std::array<std::string_view, kValueCount> kValueNames{
    "learning", "autonomy", "pay", "stability", "time_and_health", "people", "meaning", "status"};
std::optional<Value> parseValue(std::string_view name);

// Weights 0-5 over the values; all zero means "no values stated".
struct Values {
  std::array<double, kValueCount> weight{};
  // The annual pay the person aims for, in the constraints' currency (for the `pay` value).
  std::optional<double> targetPay;
  bool any() const;
  bool operator==(const Values&) const = default;
};

struct MinPay {
  double amount = 0;
  std::string currency = "USD";
  PayPeriod period = PayPeriod::year;
  double annual() const;
  bool operator==(const MinPay&) const = default;
};

// Hard limits: a posting that breaks one is excluded from rankings, whatever it scores.
struct Constraints {
  std::optional<MinPay> minPay;
  std::vector<WorkMode> workModes;              // accepted; empty = any
  std::vector<std::string> locations;           // accepted place names; empty = any
  std::vector<EmploymentType> employmentTypes;  // accepted; empty = any
  std::optional<double> maxTravel;              // 0-1
  bool onCallAccepted = true;
  bool operator==(const Constraints&) const = default;
};

// What the person's own episodes say about one activity (from the insights engine).
struct ActivityEvidence {
  std::string activity;
  int n = 0;                       // episodes with a defined net affect
  double shrunkNetAffect = 0;      // (n*mean + k*overall) / (n + k)
  double meanNetAffect = 0;        // duration-weighted, unshrunk
  std::optional<double> meanEnergy;
};

struct Evidence {
  std::vector<ActivityEvidence> activities;
  double overallNetAffect = 0;  // the person's mean over all rated episodes
  double overallSd = 2;         // spread of episode net affect, for uncertainty
  int episodes = 0;             // rated episodes; 0 means no evidence at all
  int shrinkK = 3;
  const ActivityEvidence* find(std::string_view activity) const;
};

struct Profile {
  Evidence evidence;
  Values values;
  Constraints constraints;
};

}  // namespace jobfit
