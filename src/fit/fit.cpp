#include "fit/fit.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/text.h"

namespace jobfit {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

std::string signedNumber(double v) {
  // U+2212 minus, as people print it.
  return v < 0 ? fmt::format("\u2212{:.1f}", -v) : fmt::format("+{:.1f}", v);
}

std::string labelOf(const ActivityCatalog& catalog, const std::string& id) {
  const Activity* a = catalog.find(id);
  return a ? toLower(a->label) : id;
}

std::string valueLabel(Value v) {
  std::string s(kValueNames[static_cast<size_t>(v)]);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

}  // namespace

std::string FitResult::topReason() const {
  if (!violations.empty()) return violations.front().reason;
  if (contributions.empty()) return basis;
  return contributions.front().text;
}

std::string fitBasis(const Profile& profile) {
  bool hasEvidence = profile.evidence.episodes > 0;
  if (hasEvidence && profile.values.any()) return "your episodes and your values";
  if (hasEvidence) return "your episodes (no values set)";
  if (profile.values.any()) return "your values and constraints only: no rated episodes yet";
  return "nothing yet: log rated episodes and set your values for a real score";
}

FitResult fitPosting(const Profile& profile, const Posting& posting, const ActivityCatalog& catalog) {
  FitResult r;
  r.postingId = posting.id;
  r.title = posting.title;
  r.company = posting.company;
  ValueSignals signals = valueSignals(posting);
  FitFeatures f = featuresOf(posting, signals);

  // Score through the same row scorer the ranking uses.
  RankingIndex one([&] {
    std::vector<std::string> columns;
    for (const auto& a : catalog.all()) columns.push_back(a.id);
    for (const auto& [id, share] : f.shares)
      if (!catalog.find(id)) columns.push_back(id);
    return columns;
  }());
  one.add(f);
  ScoringModel m = buildModel(profile, one.columns());
  std::vector<float> shares(one.columns().size(), 0.0f);
  for (const auto& [id, share] : f.shares)
    for (size_t i = 0; i < one.columns().size(); ++i)
      if (one.columns()[i] == id) shares[i] += share;
  bool currencyMatches = f.currency == m.currency;
  RowScore row = scoreRow(m, shares.data(), f.valueSignal.data(), f.annualPayMin.value_or(kNaN),
                          f.annualPayMax.value_or(kNaN), currencyMatches);
  r.score = row.score;
  r.low = row.low;
  r.high = row.high;
  r.coverage = row.coverage;
  r.violations = checkConstraints(profile.constraints, f);

  const Evidence& ev = profile.evidence;
  bool hasEvidence = ev.episodes > 0;
  double totalShare = 0;
  for (const auto& [id, share] : f.shares) totalShare += share;
  r.enoughEvidence = hasEvidence && totalShare > 0 && row.coverage >= 0.5 * totalShare;
  if (hasEvidence) r.expectedNetAffect = ev.overallNetAffect + row.expectedDelta;

  // Expected energy: the share-weighted energy of the activities with energy ratings.
  double energySum = 0, energyShare = 0;
  for (const auto& [id, share] : f.shares)
    if (const auto* a = ev.find(id); a && a->meanEnergy) {
      energySum += share * *a->meanEnergy;
      energyShare += share;
    }
  if (energyShare > 0) r.expectedEnergy = energySum / energyShare;

  r.basis = fitBasis(profile);
  if (hasEvidence && !r.enoughEvidence)
    r.notes.push_back(fmt::format(
        "not enough evidence: your episodes cover {:.0f}% of this job's day (at least 3 episodes "
        "of an activity count)",
        totalShare > 0 ? 100 * row.coverage / totalShare : 0.0));
  if (f.shares.empty()) r.notes.push_back("the posting names no activities jobfit recognises");
  if (profile.constraints.minPay && !f.currency.empty() &&
      f.currency != profile.constraints.minPay->currency)
    r.notes.push_back(fmt::format("pay is in {}, your minimum in {}: not compared", f.currency,
                                  profile.constraints.minPay->currency));
  if (!posting.pay) r.notes.push_back("the posting states no pay");

  // Contributions. Activities: the effect as if it were the only difference from your
  // average day; values: exact, the values term is linear.
  float total = m.evidenceWeight + m.valuesWeight;
  if (total > 0) {
    for (const auto& share : posting.activities) {
      double s = share.share;
      const auto* a = ev.find(share.activity);
      double delta = (hasEvidence && a) ? a->shrunkNetAffect - ev.overallNetAffect : 0;
      Contribution c;
      c.kind = "activity";
      c.name = share.activity;
      c.points = 50.0 * m.evidenceWeight / total * std::tanh(s * delta / 2);
      c.evidence = share.evidence;
      std::string what = fmt::format("\u2248{:.0f}% {}", s * 100, labelOf(catalog, share.activity));
      if (!hasEvidence || !a)
        c.text = fmt::format("{} \u00b7 no rated episodes of yours yet", what);
      else
        c.text = fmt::format("{} \u00b7 you rated {} such episode{} {} on average", what, a->n,
                             a->n == 1 ? "" : "s", signedNumber(a->meanNetAffect));
      r.contributions.push_back(std::move(c));
    }
    for (const auto& hit : signals.hits) {
      size_t v = static_cast<size_t>(hit.value);
      if (m.valueWeight[v] == 0) continue;
      Contribution c;
      c.kind = "value";
      c.name = std::string(kValueNames[v]);
      c.points = 50.0 * m.valuesWeight / total * m.valueWeight[v] * hit.weight;
      c.evidence = hit.evidence;
      c.text = fmt::format("{} \u00b7 {} for {} (you weigh it {:.0f})", hit.reason,
                           hit.weight > 0 ? "good" : "bad", valueLabel(hit.value),
                           profile.values.weight[v]);
      r.contributions.push_back(std::move(c));
    }
    size_t pay = static_cast<size_t>(Value::pay);
    float x = paySignal(m, f.annualPayMin.value_or(kNaN), f.annualPayMax.value_or(kNaN), currencyMatches);
    if (m.valueWeight[pay] > 0 && x != 0) {
      Contribution c;
      c.kind = "value";
      c.name = "pay";
      c.points = 50.0 * m.valuesWeight / total * m.valueWeight[pay] * x;
      if (posting.pay) c.evidence = posting.pay->evidence;
      c.text = fmt::format("pay {:+.0f}% against your target of {} {:.0f}", x * 100, m.currency,
                           *m.targetPay);
      r.contributions.push_back(std::move(c));
    }
  }
  std::stable_sort(r.contributions.begin(), r.contributions.end(),
                   [](const Contribution& a, const Contribution& b) {
                     return std::abs(a.points) > std::abs(b.points);
                   });
  return r;
}

std::vector<IdeaFlag> ideaFlags(const std::vector<AppealRating>& rated, const ActivityCatalog& catalog) {
  std::vector<IdeaFlag> out;
  const size_t n = rated.size();
  if (n == 0) return out;
  // Ranks: 1 = best. Ties share the better rank; order is stable by posting id.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  auto rankBy = [&](auto key) {
    std::vector<int> rank(n);
    std::vector<size_t> idx = order;
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
      return key(a) != key(b) ? key(a) > key(b) : rated[a].postingId < rated[b].postingId;
    });
    for (size_t pos = 0; pos < n; ++pos) {
      size_t i = idx[pos];
      rank[i] = (pos > 0 && key(idx[pos - 1]) == key(i)) ? rank[idx[pos - 1]] : static_cast<int>(pos + 1);
    }
    return rank;
  };
  auto appealRank = rankBy([&](size_t i) { return static_cast<double>(rated[i].appeal); });
  auto fitRank = rankBy([&](size_t i) { return rated[i].fit.score; });
  for (size_t i = 0; i < n; ++i) {
    const auto& r = rated[i];
    int gap = fitRank[i] - appealRank[i];
    bool farApart = n >= 4 && gap * 2 >= static_cast<int>(n);
    bool idea = r.appeal >= 4 && r.fit.score < 40;
    if (!farApart && !idea) continue;
    IdeaFlag flag;
    flag.postingId = r.postingId;
    flag.title = r.title;
    flag.appeal = r.appeal;
    flag.score = r.fit.score;
    flag.appealRank = appealRank[i];
    flag.fitRank = fitRank[i];
    for (const auto& c : r.fit.contributions)
      if (c.kind == "activity" && c.points < -0.5) flag.drainingActivities.push_back(labelOf(catalog, c.name));
    flag.text = fmt::format(
        "{}: you rate its appeal {}/5 (#{} of {}) but it fits #{} ({:.0f}/100){}", r.title,
        r.appeal, flag.appealRank, n, flag.fitRank, r.fit.score,
        flag.drainingActivities.empty()
            ? std::string()
            : fmt::format(" — its days are dominated by {}, which drain you",
                          join(flag.drainingActivities, " and ")));
    out.push_back(std::move(flag));
  }
  std::stable_sort(out.begin(), out.end(), [](const IdeaFlag& a, const IdeaFlag& b) {
    return (a.fitRank - a.appealRank) > (b.fitRank - b.appealRank);
  });
  return out;
}

}  // namespace jobfit
