// The backend-independent parts of posting storage: the duplicate keys and the content hash.
#include "storage/posting_store.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "core/text.h"

namespace jobfit {

namespace {

// Query parameters that say where a visitor came from, not which job it is.
bool isTrackingParameter(std::string_view name) {
  std::string n = toLower(name);
  if (n.starts_with("utm_")) return true;
  static constexpr std::string_view kTracking[] = {
      "gh_src", "lever-source", "lever-origin", "ref", "referrer", "source", "src", "trk",
      "trackingid", "refid", "fbclid", "gclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi"};
  return std::find(std::begin(kTracking), std::end(kTracking), n) != std::end(kTracking);
}

// FNV-1a over a length-prefixed serialisation: unambiguous and stable across builds.
class Hasher {
 public:
  void bytes(const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) {
      h_ ^= p[i];
      h_ *= 0x100000001b3ULL;
    }
  }
  void number(uint64_t v) {
    unsigned char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(v >> (8 * i));
    bytes(b, 8);
  }
  void text(std::string_view s) {
    number(s.size());
    bytes(s.data(), s.size());
  }
  void real(double d) { number(std::bit_cast<uint64_t>(d)); }
  void optionalReal(const std::optional<double>& d) {
    number(d ? 1 : 0);
    if (d) real(*d);
  }
  void spans(const std::vector<Span>& spans) {
    number(spans.size());
    for (const auto& s : spans) {
      number(s.begin);
      number(s.end);
      text(s.text);
    }
  }
  void flag(const Flag& f) {
    number(f.value ? 1 : 0);
    spans(f.evidence);
  }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string canonicalUrl(std::string_view url) {
  url = trim(url);
  if (url.empty()) return {};
  if (auto hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
  std::string_view rest = url;
  if (auto scheme = rest.find("://"); scheme != std::string_view::npos) rest = rest.substr(scheme + 3);
  // The same page over http and https, with or without www, is the same posting.
  size_t hostEnd = rest.find_first_of("/?");
  std::string host = toLower(rest.substr(0, hostEnd));
  rest = hostEnd == std::string_view::npos ? std::string_view{} : rest.substr(hostEnd);
  if (host.starts_with("www.")) host.erase(0, 4);
  if (host.ends_with(":443")) host.resize(host.size() - 4);
  if (host.ends_with(":80")) host.resize(host.size() - 3);
  std::string_view path = rest, query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    path = rest.substr(0, q);
    query = rest.substr(q + 1);
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::vector<std::string> kept;
  for (const auto& param : splitList(query, '&')) {
    auto name = std::string_view(param).substr(0, param.find('='));
    if (!isTrackingParameter(name)) kept.push_back(param);
  }
  std::sort(kept.begin(), kept.end());
  std::string out = "https://" + host + std::string(path);
  if (!kept.empty()) out += "?" + join(kept, "&");
  return out;
}

std::string identityKey(const Posting& p) {
  std::string company = normalizeKey(p.company), title = normalizeKey(p.title);
  if (company.empty() || title.empty()) return {};
  return company + "|" + title + "|" + (p.locations.empty() ? "" : normalizeKey(p.locations[0]));
}

uint64_t contentHash(const Posting& p) {
  Hasher h;
  for (const auto* s : {&p.title, &p.company, &p.url, &p.source, &p.sourceId, &p.description,
                        &p.postedDate})
    h.text(*s);
  h.number(p.locations.size());
  for (const auto& l : p.locations) h.text(l);
  h.number(static_cast<uint64_t>(p.workMode));
  h.spans(p.workModeEvidence);
  h.number(static_cast<uint64_t>(p.employmentType));
  h.spans(p.employmentTypeEvidence);
  h.number(static_cast<uint64_t>(p.seniority));
  h.spans(p.seniorityEvidence);
  h.number(p.pay ? 1 : 0);
  if (p.pay) {
    h.optionalReal(p.pay->min);
    h.optionalReal(p.pay->max);
    h.text(p.pay->currency);
    h.number(static_cast<uint64_t>(p.pay->period));
    h.optionalReal(p.pay->annualMin);
    h.optionalReal(p.pay->annualMax);
    h.spans(p.pay->evidence);
  }
  h.optionalReal(p.travelShare);
  h.spans(p.travelEvidence);
  for (const auto* f : {&p.onCall, &p.shifts, &p.weekends, &p.overtime, &p.managesPeople})
    h.flag(*f);
  h.number(p.reports ? 1 : 0);
  if (p.reports) h.number(static_cast<uint64_t>(*p.reports));
  h.number(p.activities.size());
  for (const auto& a : p.activities) {
    h.text(a.activity);
    h.real(a.share);
    h.spans(a.evidence);
  }
  h.number(p.skills.size());
  for (const auto& s : p.skills) h.text(s);
  h.spans(p.skillEvidence);
  return h.value();
}

}  // namespace jobfit
