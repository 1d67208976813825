#include "fit/ranking.h"

#include <algorithm>
#include <queue>

#include <fmt/format.h>

#include "core/text.h"

namespace jobfit {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

std::string money(double amount, const std::string& currency) {
  return fmt::format("{} {:.0f}", currency, amount);
}

bool locationAccepted(const Constraints& c, const std::string& locations, WorkMode mode) {
  if (c.locations.empty()) return true;
  bool remoteAccepted =
      c.workModes.empty() ||
      std::find(c.workModes.begin(), c.workModes.end(), WorkMode::remote) != c.workModes.end();
  if (mode == WorkMode::remote && remoteAccepted) return true;
  if (trim(locations).empty()) return true;  // not stated: not a violation
  auto haystack = toLower(locations);
  for (const auto& place : c.locations)
    if (haystack.find(toLower(place)) != std::string::npos) return true;
  return false;
}

// The best annual pay a posting offers (max, else min), NaN when unknown.
float bestPay(float payMin, float payMax) { return std::isnan(payMax) ? payMin : payMax; }

}  // namespace

FitFeatures featuresOf(const Posting& p, const ValueSignals& signals) {
  FitFeatures f;
  f.id = p.id;
  for (const auto& a : p.activities) f.shares.emplace_back(a.activity, static_cast<float>(a.share));
  if (p.pay) {
    if (p.pay->annualMin) f.annualPayMin = static_cast<float>(*p.pay->annualMin);
    if (p.pay->annualMax) f.annualPayMax = static_cast<float>(*p.pay->annualMax);
    f.currency = p.pay->currency;
  }
  f.workMode = p.workMode;
  f.employmentType = p.employmentType;
  if (p.travelShare) f.travelShare = static_cast<float>(*p.travelShare);
  f.onCall = p.onCall.value;
  f.locations = join(p.locations, "; ");
  f.valueSignal = signals.signal;
  return f;
}

std::vector<Violation> checkConstraints(const Constraints& c, const FitFeatures& f) {
  std::vector<Violation> out;
  if (c.minPay && f.currency == c.minPay->currency) {
    float best = bestPay(f.annualPayMin.value_or(kNaN), f.annualPayMax.value_or(kNaN));
    if (!std::isnan(best) && best < c.minPay->annual())
      out.push_back({"min_pay", fmt::format("pays at most {} a year; your minimum is {} a year",
                                            money(best, f.currency),
                                            money(c.minPay->annual(), c.minPay->currency))});
  }
  if (!c.workModes.empty() && f.workMode != WorkMode::unknown &&
      std::find(c.workModes.begin(), c.workModes.end(), f.workMode) == c.workModes.end())
    out.push_back({"work_modes", fmt::format("it is {}; you accept {}", toString(f.workMode),
                                             [&] {
                                               std::vector<std::string> names;
                                               for (auto m : c.workModes) names.emplace_back(toString(m));
                                               return join(names, ", ");
                                             }())});
  if (!locationAccepted(c, f.locations, f.workMode))
    out.push_back({"locations", fmt::format("it is in {}; you accept {}", f.locations,
                                            join(c.locations, ", "))});
  if (!c.employmentTypes.empty() && f.employmentType != EmploymentType::unknown &&
      std::find(c.employmentTypes.begin(), c.employmentTypes.end(), f.employmentType) ==
          c.employmentTypes.end())
    out.push_back({"employment_types", fmt::format("it is {}", toString(f.employmentType))});
  if (c.maxTravel && f.travelShare && *f.travelShare > *c.maxTravel + 1e-6)
    out.push_back({"max_travel", fmt::format("it asks for {:.0f}% travel; your limit is {:.0f}%",
                                             *f.travelShare * 100, *c.maxTravel * 100)});
  if (!c.onCallAccepted && f.onCall) out.push_back({"on_call", "it includes on-call duty"});
  return out;
}

ScoringModel buildModel(const Profile& profile, const std::vector<std::string>& columns) {
  ScoringModel m;
  const auto& ev = profile.evidence;
  bool hasEvidence = ev.episodes > 0;
  m.evidenceWeight = hasEvidence ? 2.0f : 0.0f;
  m.overallNetAffect = static_cast<float>(ev.overallNetAffect);
  double sd2 = ev.overallSd * ev.overallSd;
  for (const auto& column : columns) {
    const ActivityEvidence* a = hasEvidence ? ev.find(column) : nullptr;
    if (a) {
      m.delta.push_back(static_cast<float>(a->shrunkNetAffect - ev.overallNetAffect));
      m.variance.push_back(static_cast<float>(sd2 / (a->n + ev.shrinkK)));
      m.covered.push_back(a->n >= 3 ? 1 : 0);
    } else {
      // No episodes of this activity: the shrunken mean is the overall mean, with the
      // prior's uncertainty.
      m.delta.push_back(0);
      m.variance.push_back(hasEvidence ? static_cast<float>(sd2 / ev.shrinkK) : 0.0f);
      m.covered.push_back(0);
    }
  }
  double total = 0;
  for (double w : profile.values.weight) total += std::max(0.0, w);
  if (total > 0) {
    m.valuesWeight = 1;
    for (size_t i = 0; i < kValueCount; ++i)
      m.valueWeight[i] = static_cast<float>(std::max(0.0, profile.values.weight[i]) / total);
  }
  const auto& c = profile.constraints;
  m.currency = c.minPay ? c.minPay->currency : "USD";
  if (profile.values.targetPay)
    m.targetPay = static_cast<float>(*profile.values.targetPay);
  else if (c.minPay && c.minPay->annual() > 0)
    m.targetPay = static_cast<float>(c.minPay->annual());
  return m;
}

RankingIndex::RankingIndex(std::vector<std::string> activityColumns)
    : columns_(std::move(activityColumns)) {
  for (size_t i = 0; i < columns_.size(); ++i) columnOf_.emplace(columns_[i], static_cast<uint32_t>(i));
}

void RankingIndex::reserve(size_t postings) {
  ids_.reserve(postings);
  shares_.reserve(postings * columns_.size());
  values_.reserve(postings * kValueCount);
  for (auto* v : {&payMin_, &payMax_, &travel_}) v->reserve(postings);
  currency_.reserve(postings);
  location_.reserve(postings);
  for (auto* v : {&workMode_, &employmentType_, &onCall_}) v->reserve(postings);
}

uint32_t RankingIndex::columnOf(std::string_view activity) const {
  auto it = columnOf_.find(activity);
  return it == columnOf_.end() ? kNoColumn : it->second;
}

void RankingIndex::add(const FitFeatures& f) {
  std::vector<std::pair<uint32_t, float>> shares;
  for (const auto& [activity, share] : f.shares)
    if (uint32_t column = columnOf(activity); column != kNoColumn) shares.emplace_back(column, share);
  add(Row{f.id, shares, f.valueSignal, f.annualPayMin.value_or(kNaN), f.annualPayMax.value_or(kNaN),
          f.travelShare.value_or(kNaN), f.currency, f.locations, f.workMode, f.employmentType, f.onCall});
}

void RankingIndex::add(const Row& row) {
  ids_.push_back(row.id);
  size_t base = shares_.size();
  shares_.resize(base + columns_.size(), 0.0f);
  for (const auto& [column, share] : row.shares) shares_[base + column] += share;
  if (row.values.size() == kValueCount)
    values_.insert(values_.end(), row.values.begin(), row.values.end());
  else
    values_.resize(values_.size() + kValueCount, 0.0f);
  payMin_.push_back(row.payMin);
  payMax_.push_back(row.payMax);
  travel_.push_back(row.travel);
  auto cur = currencyIndex_.find(row.currency);
  if (cur == currencyIndex_.end()) {
    cur = currencyIndex_.emplace(std::string(row.currency), static_cast<uint16_t>(currencies_.size())).first;
    currencies_.emplace_back(row.currency);
  }
  currency_.push_back(cur->second);
  auto loc = locationIndex_.find(row.locations);
  if (loc == locationIndex_.end()) {
    loc = locationIndex_.emplace(std::string(row.locations), static_cast<uint32_t>(locationTable_.size())).first;
    locationTable_.emplace_back(row.locations);
  }
  location_.push_back(loc->second);
  workMode_.push_back(static_cast<uint8_t>(row.workMode));
  employmentType_.push_back(static_cast<uint8_t>(row.employmentType));
  onCall_.push_back(row.onCall ? 1 : 0);
}

void RankingIndex::setValues(size_t position, const std::array<float, kValueCount>& values) {
  std::copy(values.begin(), values.end(), values_.begin() + static_cast<std::ptrdiff_t>(position * kValueCount));
}

double RankingIndex::bytesPerPosting() const {
  return sizeof(int64_t) + columns_.size() * sizeof(float) + kValueCount * sizeof(float) +
         3 * sizeof(float) + sizeof(uint16_t) + sizeof(uint32_t) + 3 * sizeof(uint8_t);
}

std::vector<RankingIndex::Ranked> RankingIndex::rank(const Profile& profile, size_t limit,
                                                     size_t* eligible) const {
  const ScoringModel m = buildModel(profile, columns_);
  const Constraints& c = profile.constraints;
  const size_t k = columns_.size();
  // Constraint parts that depend only on a small table are decided once per entry.
  std::vector<uint8_t> currencyMatches(currencies_.size());
  for (size_t i = 0; i < currencies_.size(); ++i) currencyMatches[i] = currencies_[i] == m.currency;
  std::vector<uint8_t> modeOk(4, 1), typeOk(8, 1);
  if (!c.workModes.empty())
    for (int i = 1; i < 4; ++i)
      modeOk[i] = std::find(c.workModes.begin(), c.workModes.end(), static_cast<WorkMode>(i)) != c.workModes.end();
  if (!c.employmentTypes.empty())
    for (int i = 1; i < 8; ++i)
      typeOk[i] = std::find(c.employmentTypes.begin(), c.employmentTypes.end(),
                            static_cast<EmploymentType>(i)) != c.employmentTypes.end();
  std::vector<std::array<uint8_t, 4>> locationOk(locationTable_.size());
  for (size_t i = 0; i < locationTable_.size(); ++i)
    for (int mode = 0; mode < 4; ++mode)
      locationOk[i][mode] = locationAccepted(c, locationTable_[i], static_cast<WorkMode>(mode));
  const float minPay = c.minPay ? static_cast<float>(c.minPay->annual()) : kNaN;
  std::vector<uint8_t> minPayApplies(currencies_.size());
  for (size_t i = 0; i < currencies_.size(); ++i)
    minPayApplies[i] = c.minPay && currencies_[i] == c.minPay->currency;
  const float maxTravel = c.maxTravel ? static_cast<float>(*c.maxTravel) + 1e-6f : kNaN;

  auto better = [](const Ranked& a, const Ranked& b) {
    return a.score.score != b.score.score ? a.score.score > b.score.score : a.id < b.id;
  };
  // A min-heap of the best `limit` so far: its top is the worst kept.
  std::priority_queue<Ranked, std::vector<Ranked>, decltype(better)> heap(better);
  size_t passed = 0;
  for (size_t i = 0; i < ids_.size(); ++i) {
    if (!modeOk[workMode_[i]] || !typeOk[employmentType_[i]]) continue;
    if (!c.onCallAccepted && onCall_[i]) continue;
    if (c.maxTravel && travel_[i] > maxTravel) continue;
    if (minPayApplies[currency_[i]]) {
      float best = bestPay(payMin_[i], payMax_[i]);
      if (!std::isnan(best) && best < minPay) continue;
    }
    if (!locationOk[location_[i]][workMode_[i]]) continue;
    ++passed;
    Ranked r{ids_[i], scoreRow(m, &shares_[i * k], &values_[i * kValueCount], payMin_[i],
                               payMax_[i], currencyMatches[currency_[i]])};
    if (heap.size() < limit) {
      heap.push(r);
    } else if (limit > 0 && better(r, heap.top())) {
      heap.pop();
      heap.push(r);
    }
  }
  if (eligible) *eligible = passed;
  std::vector<Ranked> out;
  out.reserve(heap.size());
  while (!heap.empty()) {
    out.push_back(heap.top());
    heap.pop();
  }
  std::reverse(out.begin(), out.end());
  return out;
}

double RankingIndex::touchAll() const {
  double sum = 0;
  const size_t k = columns_.size();
  for (size_t i = 0; i < ids_.size(); ++i) {
    float row = 0;
    for (size_t a = 0; a < k; ++a) row += shares_[i * k + a];
    for (size_t v = 0; v < kValueCount; ++v) row += values_[i * kValueCount + v];
    row += payMin_[i] + payMax_[i] + travel_[i] + currency_[i] + location_[i] + workMode_[i] +
           employmentType_[i] + onCall_[i];
    sum += row + static_cast<double>(ids_[i]);
  }
  return sum;
}

}  // namespace jobfit
