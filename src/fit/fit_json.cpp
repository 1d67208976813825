#include "fit/fit_json.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/json_read.h"

namespace jobfit {

using nlohmann::json;

namespace {
json spans(const std::vector<Span>& evidence) {
  json out = json::array();
  for (const auto& s : evidence) out.push_back({{"text", s.text}, {"begin", s.begin}, {"end", s.end}});
  return out;
}
double round2(double v) { return std::round(v * 100) / 100; }
}  // namespace

json toJson(const Values& v) {
  json out = json::object();
  for (size_t i = 0; i < kValueCount; ++i) out[std::string(kValueNames[i])] = v.weight[i];
  out["target_pay"] = v.targetPay ? json(*v.targetPay) : json(nullptr);
  return out;
}

json toJson(const Constraints& c) {
  json out;
  if (c.minPay)
    out["min_pay"] = {{"amount", c.minPay->amount},
                      {"currency", c.minPay->currency},
                      {"period", toString(c.minPay->period)},
                      {"annual", c.minPay->annual()}};
  else
    out["min_pay"] = nullptr;
  json modes = json::array(), types = json::array();
  for (auto m : c.workModes) modes.push_back(toString(m));
  for (auto t : c.employmentTypes) types.push_back(toString(t));
  out["work_modes"] = modes;
  out["locations"] = c.locations;
  out["employment_types"] = types;
  out["max_travel"] = c.maxTravel ? json(*c.maxTravel) : json(nullptr);
  out["on_call"] = c.onCallAccepted;
  return out;
}

json toJson(const FitResult& r) {
  json out;
  out["posting_id"] = r.postingId;
  out["title"] = r.title;
  out["company"] = r.company;
  out["score"] = round2(r.score);
  out["interval"] = {{"low", round2(r.low)}, {"high", round2(r.high)}};
  out["enough_evidence"] = r.enoughEvidence;
  out["coverage"] = round2(r.coverage);
  out["expected_net_affect"] = r.expectedNetAffect ? json(round2(*r.expectedNetAffect)) : json(nullptr);
  out["expected_energy"] = r.expectedEnergy ? json(round2(*r.expectedEnergy)) : json(nullptr);
  out["basis"] = r.basis;
  out["eligible"] = r.violations.empty();
  json violations = json::array();
  for (const auto& v : r.violations) violations.push_back({{"constraint", v.constraint}, {"reason", v.reason}});
  out["violations"] = violations;
  out["notes"] = r.notes;
  json contributions = json::array();
  for (const auto& c : r.contributions)
    contributions.push_back({{"kind", c.kind},
                             {"name", c.name},
                             {"points", round2(c.points)},
                             {"text", c.text},
                             {"evidence", spans(c.evidence)}});
  out["contributions"] = contributions;
  out["top_reason"] = r.topReason();
  return out;
}

json toJson(const IdeaFlag& f) {
  return json{{"posting_id", f.postingId},   {"title", f.title},
              {"appeal", f.appeal},          {"score", round2(f.score)},
              {"appeal_rank", f.appealRank}, {"fit_rank", f.fitRank},
              {"draining_activities", f.drainingActivities}, {"text", f.text}};
}

json toJson(const RankReport& r) {
  json out;
  out["total"] = r.total;
  out["eligible"] = r.eligible;
  out["basis"] = r.basis;
  json list = json::array();
  for (size_t i = 0; i < r.ranked.size(); ++i) {
    const auto& f = r.ranked[i];
    list.push_back({{"rank", i + 1},
                    {"posting_id", f.postingId},
                    {"title", f.title},
                    {"company", f.company},
                    {"score", round2(f.score)},
                    {"interval", {{"low", round2(f.low)}, {"high", round2(f.high)}}},
                    {"enough_evidence", f.enoughEvidence},
                    {"top_reason", f.topReason()}});
  }
  out["ranked"] = list;
  json flags = json::array();
  for (const auto& f : r.ideaFlags) flags.push_back(toJson(f));
  out["idea_flags"] = flags;
  return out;
}

json toJson(const Appeal& a) {
  return json{{"posting_id", a.postingId}, {"appeal", a.appeal}, {"day", formatDate(a.day)}};
}

Appeal appealFromJson(const json& j, const std::string& path) {
  JsonReader r(j, path);
  Appeal a;
  a.postingId = r.requiredInt("posting_id");
  if (a.postingId <= 0)
    throw Error(ErrorCode::invalid, fmt::format("{}.posting_id must be positive", path), r.path("posting_id"));
  auto appeal = r.requiredInt("appeal");
  if (appeal < 1 || appeal > 5)
    throw Error(ErrorCode::invalid, fmt::format("{}.appeal must be from 1 to 5, got {}", path, appeal),
                r.path("appeal"));
  a.appeal = static_cast<int>(appeal);
  a.day = parseDateField(r.requiredString("day"), r.path("day"));
  return a;
}

}  // namespace jobfit
