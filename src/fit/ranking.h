// Scoring postings against a profile, for one posting (with its explanation, in fit.h) or for
// millions at once. Both go through scoreRow below, so `fit` and `rank` always agree.
// The formula is written down in docs/fit.md.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "fit/profile.h"
#include "fit/value_signals.h"

namespace jobfit {

// The numbers fit needs from one posting.
struct FitFeatures {
  int64_t id = 0;
  std::vector<std::pair<std::string, float>> shares;  // activity id -> share of the day
  std::optional<float> annualPayMin, annualPayMax;
  std::string currency;
  WorkMode workMode = WorkMode::unknown;
  EmploymentType employmentType = EmploymentType::unknown;
  std::optional<float> travelShare;
  bool onCall = false;
  std::string locations;  // joined with "; "
  std::array<float, kValueCount> valueSignal{};
};

FitFeatures featuresOf(const Posting& posting, const ValueSignals& signals);

// Why a posting breaks a hard constraint.
struct Violation {
  std::string constraint;  // "min_pay", "work_modes", "locations", "employment_types", "max_travel", "on_call"
  std::string reason;
};

// Checks the constraints; an unknown fact (pay not stated) never violates one.
std::vector<Violation> checkConstraints(const Constraints& c, const FitFeatures& f);

// The profile turned into per-activity numbers for one set of activity columns.
struct ScoringModel {
  std::vector<float> delta;     // shrunk net affect - overall mean, per column
  std::vector<float> variance;  // uncertainty of that estimate, per column
  std::vector<uint8_t> covered; // 1 when the person has >= 3 episodes of the activity
  float evidenceWeight = 0;     // A: 2 with evidence, 0 without
  float valuesWeight = 0;       // B: 1 with values, 0 without
  std::array<float, kValueCount> valueWeight{};  // normalised to sum 1
  std::optional<float> targetPay;
  std::string currency;
  float overallNetAffect = 0;
};

ScoringModel buildModel(const Profile& profile, const std::vector<std::string>& columns);

struct RowScore {
  float score = 50, low = 50, high = 50;
  float expectedDelta = 0;  // expected net affect of a day minus the person's mean
  float coverage = 0;       // share of the day the person's evidence covers
};

// The value signal for pay: how the posting's pay compares with the person's target.
inline float paySignal(const ScoringModel& m, float payMin, float payMax, bool currencyMatches) {
  if (!m.targetPay || !currencyMatches || (std::isnan(payMin) && std::isnan(payMax))) return 0;
  float mid = std::isnan(payMin) ? payMax : std::isnan(payMax) ? payMin : (payMin + payMax) / 2;
  float x = (mid - *m.targetPay) / *m.targetPay;
  return x < -1 ? -1 : x > 1 ? 1 : x;
}

// Score 0-100 from the evidence term ev (net-affect units) and the values term v ([-1, 1]).
inline float combine(const ScoringModel& m, float ev, float v) {
  float total = m.evidenceWeight + m.valuesWeight;
  if (total == 0) return 50;
  return 50 + 50 * (m.evidenceWeight * std::tanh(ev / 2) + m.valuesWeight * v) / total;
}

inline RowScore scoreRow(const ScoringModel& m, const float* shares, const float* values,
                         float payMin, float payMax, bool currencyMatches) {
  float ev = 0, var = 0, coverage = 0;
  const size_t k = m.delta.size();
  for (size_t a = 0; a < k; ++a) {
    ev += shares[a] * m.delta[a];
    var += shares[a] * shares[a] * m.variance[a];
    coverage += m.covered[a] ? shares[a] : 0;
  }
  float v = 0;
  for (size_t i = 0; i < kValueCount; ++i) {
    float signal = i == static_cast<size_t>(Value::pay) ? paySignal(m, payMin, payMax, currencyMatches)
                                                        : values[i];
    v += m.valueWeight[i] * signal;
  }
  float sd = std::sqrt(var);
  RowScore r;
  r.score = combine(m, ev, v);
  r.low = combine(m, ev - 1.96f * sd, v);
  r.high = combine(m, ev + 1.96f * sd, v);
  r.expectedDelta = ev;
  r.coverage = coverage;
  return r;
}

// Many postings' features as columns, built once and ranked many times.
class RankingIndex {
 public:
  explicit RankingIndex(std::vector<std::string> activityColumns);

  static constexpr float kUnknown = std::numeric_limits<float>::quiet_NaN();
  static constexpr uint32_t kNoColumn = std::numeric_limits<uint32_t>::max();

  // One posting's facts as the index takes them, without copies: activity shares by column.
  struct Row {
    int64_t id = 0;
    std::span<const std::pair<uint32_t, float>> shares;  // column, share
    std::span<const float> values;  // kValueCount value signals, or empty for none
    float payMin = kUnknown, payMax = kUnknown, travel = kUnknown;
    std::string_view currency, locations;
    WorkMode workMode = WorkMode::unknown;
    EmploymentType employmentType = EmploymentType::unknown;
    bool onCall = false;
  };
  void reserve(size_t postings);
  void add(const FitFeatures& f);
  void add(const Row& row);
  // The column of an activity id, or kNoColumn.
  uint32_t columnOf(std::string_view activity) const;
  // Sets the value signals of the posting at `position` (0-based, in the order added).
  void setValues(size_t position, const std::array<float, kValueCount>& values);
  size_t size() const { return ids_.size(); }
  const std::vector<std::string>& columns() const { return columns_; }
  // Bytes held per posting (features only).
  double bytesPerPosting() const;

  struct Ranked {
    int64_t id;
    RowScore score;
  };
  // The best `limit` postings that break no constraint, best first; ties by id ascending.
  // `eligible`, when given, receives how many postings break no constraint.
  std::vector<Ranked> rank(const Profile& profile, size_t limit, size_t* eligible = nullptr) const;
  // A pass that only reads the same arrays (the memory-bandwidth floor of rank()).
  double touchAll() const;

 private:
  // Hashes std::string and std::string_view alike, so lookups need no copy.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename T>
  using TextMap = std::unordered_map<std::string, T, TextHash, std::equal_to<>>;

  std::vector<std::string> columns_;
  TextMap<uint32_t> columnOf_;
  std::vector<int64_t> ids_;
  std::vector<float> shares_;  // size() x columns
  std::vector<float> values_;  // size() x kValueCount
  std::vector<float> payMin_, payMax_, travel_;  // NaN when unknown
  std::vector<uint16_t> currency_;  // index into currencies_
  std::vector<uint32_t> location_;  // index into locationTable_
  std::vector<uint8_t> workMode_, employmentType_, onCall_;
  std::vector<std::string> currencies_, locationTable_;
  TextMap<uint16_t> currencyIndex_;
  TextMap<uint32_t> locationIndex_;
};

}  // namespace jobfit
