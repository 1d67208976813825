#include "evidence/insights_json.h"

#include "evidence/checkin_json.h"
#include "evidence/expectation_json.h"

namespace jobfit {

using nlohmann::json;

namespace {

json orNull(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json activityRef(const Insights& insights, const std::string& id) {
  const ActivityInsight* a = insights.find(id);
  return json{{"activity", id},
              {"label", a->label},
              {"shrunk_net_affect", a->stats.netAffect->shrunk},
              {"line", a->line}};
}

}  // namespace

json toJson(const AffectStats& s) {
  json j;
  j["n"] = s.n;
  j["minutes"] = s.minutes;
  j["share"] = s.share;
  j["excluded"] = s.excluded;
  j["net_affect_n"] = s.netAffect ? s.netAffect->n : 0;
  j["net_affect"] = s.netAffect ? json(s.netAffect->mean) : json(nullptr);
  j["ci_low"] = s.netAffect ? orNull(s.netAffect->low) : json(nullptr);
  j["ci_high"] = s.netAffect ? orNull(s.netAffect->high) : json(nullptr);
  j["u_index"] = orNull(s.uIndex);
  j["energy_n"] = s.energy ? s.energy->n : 0;
  j["energy"] = s.energy ? json(s.energy->mean) : json(nullptr);
  j["energy_ci_low"] = s.energy ? orNull(s.energy->low) : json(nullptr);
  j["energy_ci_high"] = s.energy ? orNull(s.energy->high) : json(nullptr);
  j["engaged"] = orNull(s.engaged);
  j["tired"] = orNull(s.tired);
  j["meaningful"] = orNull(s.meaningful);
  return j;
}

json toJson(const ActivityInsight& a) {
  json j = {{"activity", a.activity}, {"label", a.label}};
  j.update(toJson(a.stats));
  j["shrunk_net_affect"] = a.stats.netAffect ? json(a.stats.netAffect->shrunk) : json(nullptr);
  j["shrunk_energy"] = a.stats.energy ? json(a.stats.energy->shrunk) : json(nullptr);
  j["verdict"] = verdictName(a.verdict);
  j["line"] = a.line;
  return j;
}

json toJson(const ExpectationGap& g) {
  return json{{"activity", g.activity},
              {"label", g.label},
              {"expected", toJson(g.expected)},
              {"expected_net_affect", orNull(g.expectedNetAffect)},
              {"experienced_net_affect", orNull(g.experiencedNetAffect)},
              {"gap", orNull(g.gap)},
              {"expected_energy", orNull(g.expectedEnergy)},
              {"experienced_energy", orNull(g.experiencedEnergy)},
              {"energy_gap", orNull(g.energyGap)},
              {"n", g.n},
              {"enough_evidence", g.enoughEvidence},
              {"line", g.line}};
}

json toJson(const Insights& insights) {
  const auto& o = insights.options;
  json j;
  j["from"] = o.from ? json(formatDate(*o.from)) : json(nullptr);
  j["to"] = o.to ? json(formatDate(*o.to)) : json(nullptr);
  j["shrink_k"] = o.shrinkK;
  j["min_evidence"] = o.minEvidence;
  j["overall"] = toJson(insights.overall);
  j["excluded"] = insights.overall.excluded;
  j["activities"] = json::array();
  for (const auto& a : insights.activities) j["activities"].push_back(toJson(a));
  j["with_whom"] = json::array();
  for (const auto& c : insights.company) {
    json row = {{"with", c.with.empty() ? json(nullptr) : json(c.with)}};
    row.update(toJson(c.stats));
    j["with_whom"].push_back(std::move(row));
  }
  j["energizers"] = json::array();
  for (const auto& id : insights.energizers) j["energizers"].push_back(activityRef(insights, id));
  j["drainers"] = json::array();
  for (const auto& id : insights.drainers) j["drainers"].push_back(activityRef(insights, id));
  j["not_enough_evidence"] = json::array();
  for (const auto& id : insights.notEnoughEvidence) {
    const ActivityInsight* a = insights.find(id);
    j["not_enough_evidence"].push_back(
        {{"activity", id}, {"label", a->label}, {"n", a->stats.n}, {"line", a->line}});
  }
  j["trend"] = json::array();
  for (const auto& w : insights.weeks) {
    json row = {{"week", formatDate(w.week)}};
    row.update(toJson(w.stats));
    row.erase("share");
    j["trend"].push_back(std::move(row));
  }
  j["expected_vs_experienced"] = json::array();
  for (const auto& g : insights.gaps) j["expected_vs_experienced"].push_back(toJson(g));
  return j;
}

json toJson(const CheckinTrendPoint& p) {
  json j = toJson(p.checkin);
  j["personal"] = orNull(p.score.personal);
  j["work"] = orNull(p.score.work);
  j["personal_answered"] = p.score.personalAnswered;
  j["work_answered"] = p.score.workAnswered;
  j["personal_high"] = isHigh(p.score.personal);
  j["work_high"] = isHigh(p.score.work);
  j["personal_change"] = orNull(p.personalChange);
  j["work_change"] = orNull(p.workChange);
  return j;
}

json toJson(const EarlyWarning& w) {
  auto half = [](const HalfWindow& h) {
    return json{{"from", formatDate(h.from)},
                {"to", formatDate(h.to)},
                {"u_index_days", h.uDays},
                {"energy_days", h.energyDays},
                {"u_index", orNull(h.uIndex)},
                {"energy", orNull(h.energy)}};
  };
  return json{{"level", warningLevelName(w.level)},
              {"as_of", formatDate(w.asOf)},
              {"earlier", half(w.earlier)},
              {"recent", half(w.recent)},
              {"u_index_rising", w.uRising},
              {"energy_falling", w.energyFalling},
              {"checkin_signal", w.checkinSignal},
              {"latest_checkin", w.latestCheckin ? toJson(*w.latestCheckin) : json(nullptr)},
              {"observations", w.observations},
              {"summary", w.summary}};
}

}  // namespace jobfit
