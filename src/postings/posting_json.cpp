#include "postings/posting_json.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/json_read.h"

namespace jobfit {

using nlohmann::json;

namespace {

json spans(const std::vector<Span>& list) {
  json out = json::array();
  for (const auto& s : list) out.push_back(toJson(s));
  return out;
}

json optionalNumber(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

std::vector<Span> spansFrom(const json& j, const std::string& path) {
  std::vector<Span> out;
  if (j.is_null()) return out;
  if (!j.is_array()) throw Error(ErrorCode::invalid, fmt::format("{} must be an array", path), path);
  for (size_t i = 0; i < j.size(); ++i) {
    std::string at = fmt::format("{}[{}]", path, i);
    JsonReader r(j[i], at);
    Span s;
    s.text = r.requiredString("text");
    auto begin = r.requiredInt("begin"), end = r.requiredInt("end");
    if (begin < 0 || end < begin || end > 0xFFFFFFFFLL)
      throw Error(ErrorCode::invalid, fmt::format("{} must have 0 <= begin <= end", at), at);
    s.begin = static_cast<uint32_t>(begin);
    s.end = static_cast<uint32_t>(end);
    out.push_back(std::move(s));
  }
  return out;
}

template <typename E>
E enumField(const JsonReader& r, std::string_view key, std::optional<E> (*parse)(std::string_view),
            E fallback) {
  auto text = r.optionalString(key);
  if (!text) return fallback;
  auto v = parse(*text);
  if (!v)
    throw Error(ErrorCode::invalid, fmt::format("{} has an unknown value '{}'", r.path(key), *text),
                r.path(key));
  return *v;
}

const json& objectOrNull(const json& j, std::string_view key) {
  static const json null;
  auto it = j.find(std::string(key));
  return it == j.end() ? null : *it;
}

}  // namespace

json toJson(const Span& s) { return json{{"text", s.text}, {"begin", s.begin}, {"end", s.end}}; }

json toJson(const Posting& p) {
  json j;
  j["id"] = p.id;
  j["title"] = p.title;
  j["company"] = p.company;
  j["locations"] = p.locations;
  j["url"] = p.url;
  j["source"] = p.source;
  j["source_id"] = p.sourceId;
  j["posted_date"] = p.postedDate.empty() ? json(nullptr) : json(p.postedDate);
  j["work_mode"] = toString(p.workMode);
  j["employment_type"] = toString(p.employmentType);
  j["seniority"] = toString(p.seniority);
  if (p.pay) {
    j["pay"] = json{{"min", optionalNumber(p.pay->min)},
                    {"max", optionalNumber(p.pay->max)},
                    {"currency", p.pay->currency},
                    {"period", toString(p.pay->period)},
                    {"annual_min", optionalNumber(p.pay->annualMin)},
                    {"annual_max", optionalNumber(p.pay->annualMax)}};
  } else {
    j["pay"] = nullptr;
  }
  j["travel_share"] = optionalNumber(p.travelShare);
  j["schedule"] = json{{"on_call", p.onCall.value},
                       {"shifts", p.shifts.value},
                       {"weekends", p.weekends.value},
                       {"overtime", p.overtime.value}};
  j["management"] = json{{"manages_people", p.managesPeople.value},
                         {"reports", p.reports ? json(*p.reports) : json(nullptr)}};
  json activities = json::array();
  for (const auto& a : p.activities)
    activities.push_back(
        json{{"activity", a.activity}, {"share", a.share}, {"evidence", spans(a.evidence)}});
  j["activities"] = activities;
  j["skills"] = p.skills;
  j["evidence"] = json{{"work_mode", spans(p.workModeEvidence)},
                       {"employment_type", spans(p.employmentTypeEvidence)},
                       {"seniority", spans(p.seniorityEvidence)},
                       {"pay", spans(p.pay ? p.pay->evidence : std::vector<Span>{})},
                       {"travel_share", spans(p.travelEvidence)},
                       {"on_call", spans(p.onCall.evidence)},
                       {"shifts", spans(p.shifts.evidence)},
                       {"weekends", spans(p.weekends.evidence)},
                       {"overtime", spans(p.overtime.evidence)},
                       {"manages_people", spans(p.managesPeople.evidence)},
                       {"skills", spans(p.skillEvidence)}};
  j["description"] = p.description;
  return j;
}

Posting postingFromJson(const json& j, const std::string& path) {
  JsonReader r(j, path);
  Posting p;
  p.id = r.optionalInt("id").value_or(0);
  p.title = r.optionalString("title").value_or("");
  p.company = r.optionalString("company").value_or("");
  p.locations = r.stringList("locations");
  p.url = r.optionalString("url").value_or("");
  p.source = r.optionalString("source").value_or("");
  p.sourceId = r.optionalString("source_id").value_or("");
  p.postedDate = r.optionalString("posted_date").value_or("");
  p.description = r.optionalString("description").value_or("");
  p.workMode = enumField(r, "work_mode", parseWorkMode, WorkMode::unknown);
  p.employmentType = enumField(r, "employment_type", parseEmploymentType, EmploymentType::unknown);
  p.seniority = enumField(r, "seniority", parseSeniority, Seniority::unknown);
  p.travelShare = r.optionalNumber("travel_share");
  if (p.travelShare && (*p.travelShare < 0 || *p.travelShare > 1))
    throw Error(ErrorCode::invalid, fmt::format("{} must be between 0 and 1", r.path("travel_share")),
                r.path("travel_share"));

  const json& evidence = objectOrNull(j, "evidence");
  if (!evidence.is_null() && !evidence.is_object())
    throw Error(ErrorCode::invalid, fmt::format("{} must be an object", r.path("evidence")),
                r.path("evidence"));
  auto evidenceOf = [&](std::string_view key) {
    return spansFrom(objectOrNull(evidence, key), fmt::format("{}.{}", r.path("evidence"), key));
  };

  const json& pay = objectOrNull(j, "pay");
  if (!pay.is_null()) {
    JsonReader pr(pay, r.path("pay"));
    Pay out;
    out.min = pr.optionalNumber("min");
    out.max = pr.optionalNumber("max");
    out.currency = pr.requiredString("currency");
    out.period = enumField(pr, "period", parsePayPeriod, PayPeriod::year);
    out.annualMin = pr.optionalNumber("annual_min");
    out.annualMax = pr.optionalNumber("annual_max");
    out.evidence = evidenceOf("pay");
    p.pay = std::move(out);
  }
  const json& schedule = objectOrNull(j, "schedule");
  if (!schedule.is_null()) {
    JsonReader sr(schedule, r.path("schedule"));
    p.onCall.value = sr.optionalBool("on_call").value_or(false);
    p.shifts.value = sr.optionalBool("shifts").value_or(false);
    p.weekends.value = sr.optionalBool("weekends").value_or(false);
    p.overtime.value = sr.optionalBool("overtime").value_or(false);
  }
  const json& management = objectOrNull(j, "management");
  if (!management.is_null()) {
    JsonReader mr(management, r.path("management"));
    p.managesPeople.value = mr.optionalBool("manages_people").value_or(false);
    if (auto n = mr.optionalInt("reports")) p.reports = static_cast<int>(*n);
  }
  const json& activities = r.array("activities");
  for (size_t i = 0; i < activities.size(); ++i) {
    std::string at = fmt::format("{}[{}]", r.path("activities"), i);
    JsonReader ar(activities[i], at);
    ActivityShare a;
    a.activity = ar.requiredString("activity");
    a.share = ar.optionalNumber("share").value_or(0);
    a.evidence = spansFrom(objectOrNull(activities[i], "evidence"), at + ".evidence");
    p.activities.push_back(std::move(a));
  }
  p.skills = r.stringList("skills");
  p.workModeEvidence = evidenceOf("work_mode");
  p.employmentTypeEvidence = evidenceOf("employment_type");
  p.seniorityEvidence = evidenceOf("seniority");
  p.travelEvidence = evidenceOf("travel_share");
  p.onCall.evidence = evidenceOf("on_call");
  p.shifts.evidence = evidenceOf("shifts");
  p.weekends.evidence = evidenceOf("weekends");
  p.overtime.evidence = evidenceOf("overtime");
  p.managesPeople.evidence = evidenceOf("manages_people");
  p.skillEvidence = evidenceOf("skills");
  return p;
}

}  // namespace jobfit
