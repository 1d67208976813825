#include "postings/listing_json.h"

#include "postings/posting_json.h"

namespace jobfit {

using nlohmann::json;

namespace {
json optionalNumber(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
}  // namespace

json payJson(const std::optional<Pay>& pay) {
  if (!pay) return nullptr;
  return {{"min", optionalNumber(pay->min)},
          {"max", optionalNumber(pay->max)},
          {"currency", pay->currency},
          {"period", toString(pay->period)},
          {"annual_min", optionalNumber(pay->annualMin)},
          {"annual_max", optionalNumber(pay->annualMax)}};
}

json toJson(const PostingSummary& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"company", s.company},
          {"locations", s.locations},
          {"work_mode", toString(s.workMode)},
          {"employment_type", toString(s.employmentType)},
          {"seniority", toString(s.seniority)},
          {"pay", payJson(s.pay)},
          {"source", s.source},
          {"url", s.url},
          {"posted_date", s.postedDate},
          {"first_seen", formatInstant(s.firstSeen)},
          {"last_seen", formatInstant(s.lastSeen)}};
}

json toJson(const StoredPosting& sp) {
  json j = toJson(sp.posting);
  j["id"] = sp.posting.id;
  j["first_seen"] = formatInstant(sp.firstSeen);
  j["last_seen"] = formatInstant(sp.lastSeen);
  return j;
}

json toJson(const SearchHit& hit) {
  json j = toJson(hit.posting);
  j["score"] = hit.score;
  j["snippet"] = hit.snippet;
  json highlights = json::array();
  for (const auto& [b, e] : hit.highlights) highlights.push_back({b, e});
  j["highlights"] = std::move(highlights);
  return j;
}

}  // namespace jobfit
