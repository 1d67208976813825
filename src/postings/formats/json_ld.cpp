// schema.org JobPosting in JSON-LD, as pages write it (often not quite valid JSON).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "core/text.h"
#include "postings/formats/readers.h"

namespace jobfit::formats {

using nlohmann::json;

namespace {

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Comments and wrappers off, trailing commas out, raw control characters in strings escaped.
std::string cleanJson(std::string_view text) {
  text = trim(text);
  for (std::string_view wrapper : {"<!--", "//<![CDATA[", "<![CDATA["})
    if (text.substr(0, wrapper.size()) == wrapper) text = trim(text.substr(wrapper.size()));
  for (std::string_view wrapper : {"-->", "//]]>", "]]>"})
    if (text.size() >= wrapper.size() && text.substr(text.size() - wrapper.size()) == wrapper)
      text = trim(text.substr(0, text.size() - wrapper.size()));
  std::string out;
  out.reserve(text.size());
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\' && i + 1 < text.size()) {
        out += c;
        out += text[++i];
        continue;
      }
      if (c == '"') inString = false;
      if (static_cast<unsigned char>(c) < 0x20) {
        out += c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "" : " ";
        continue;
      }
      out += c;
      continue;
    }
    if (c == '"') inString = true;
    if (c == ',') {
      size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\n' || text[j] == '\r' ||
                                 text[j] == '\t'))
        ++j;
      if (j < text.size() && (text[j] == '}' || text[j] == ']')) continue;
    }
    out += c;
  }
  return out;
}

bool isType(const json& j, std::string_view type) {
  auto it = j.find("@type");
  if (it == j.end()) return false;
  auto matches = [&](const json& t) {
    if (!t.is_string()) return false;
    std::string s = t.get<std::string>();
    // "JobPosting", "schema:JobPosting", "http://schema.org/JobPosting"
    return s == type || (s.size() > type.size() && s.compare(s.size() - type.size(), type.size(), type) == 0 &&
                         (s[s.size() - type.size() - 1] == '/' || s[s.size() - type.size() - 1] == ':'));
  };
  if (it->is_array()) {
    for (const auto& t : *it)
      if (matches(t)) return true;
    return false;
  }
  return matches(*it);
}

const json* field(const json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<double> number(const json* j) {
  if (!j) return std::nullopt;
  if (j->is_number()) return j->get<double>();
  if (j->is_string()) {
    // "120,000", "$120000.00", "120000 USD"
    std::string digits;
    for (char c : j->get<std::string>()) {
      if ((c >= '0' && c <= '9') || c == '.') digits += c;
    }
    if (digits.empty() || digits == ".") return std::nullopt;
    char* end = nullptr;
    double v = std::strtod(digits.c_str(), &end);
    if (!std::isfinite(v)) return std::nullopt;
    return v;
  }
  if (j->is_object()) return number(field(*j, "value"));
  return std::nullopt;
}

std::string periodWords(std::string unit) {
  unit = toLower(unit);
  if (unit.find("hour") != std::string::npos) return "per hour";
  if (unit.find("day") != std::string::npos) return "per day";
  if (unit.find("week") != std::string::npos) return "per week";
  if (unit.find("month") != std::string::npos) return "per month";
  if (unit.find("year") != std::string::npos || unit.find("annu") != std::string::npos)
    return "per year";
  return "";
}

// baseSalary as text the pay parser reads: "USD 120000 - 150000 per year".
std::string salaryText(const json& salary) {
  if (salary.is_array()) return salary.empty() ? "" : salaryText(salary.front());
  if (salary.is_string()) return salary.get<std::string>();
  if (salary.is_number()) return formatAmount(salary.get<double>());
  if (!salary.is_object()) return "";
  std::string currency = jsonText(salary, "currency");
  const json* value = field(salary, "value");
  std::string unit = jsonText(salary, "unitText");
  std::optional<double> lo, hi;
  if (value && value->is_object()) {
    if (unit.empty()) unit = jsonText(*value, "unitText");
    if (currency.empty()) currency = jsonText(*value, "currency");
    lo = number(field(*value, "minValue"));
    hi = number(field(*value, "maxValue"));
    if (!lo && !hi) lo = hi = number(field(*value, "value"));
  } else if (value && value->is_string() && !number(value)) {
    return value->get<std::string>();
  } else {
    lo = number(field(salary, "minValue"));
    hi = number(field(salary, "maxValue"));
    if (!lo && !hi) lo = hi = number(value);
  }
  if (!lo && !hi) return "";
  std::string out = currency.empty() ? "" : currency + " ";
  if (lo && hi && *lo != *hi) out += formatAmount(*lo) + " - " + formatAmount(*hi);
  else out += formatAmount(lo ? *lo : *hi);
  std::string per = periodWords(unit);
  if (!per.empty()) out += " " + per;
  return out;
}

std::string addressText(const json& address) {
  if (address.is_string()) return address.get<std::string>();
  if (!address.is_object()) return "";
  std::vector<std::string> parts;
  for (std::string_view key : {"addressLocality", "addressRegion", "addressCountry"}) {
    const json* v = field(address, key);
    std::string s;
    if (v && v->is_string()) s = v->get<std::string>();
    else if (v && v->is_object()) s = jsonText(*v, "name");
    s = std::string(trim(s));
    if (!s.empty() && std::find(parts.begin(), parts.end(), s) == parts.end()) parts.push_back(s);
  }
  return join(parts, ", ");
}

void addLocations(const json& place, std::vector<std::string>& out) {
  if (place.is_array()) {
    for (const auto& p : place) addLocations(p, out);
    return;
  }
  std::string text;
  if (place.is_string()) text = place.get<std::string>();
  else if (const json* address = field(place, "address")) text = addressText(*address);
  else if (place.is_object()) text = jsonText(place, "name");
  text = std::string(trim(text));
  if (!text.empty() && std::find(out.begin(), out.end(), text) == out.end()) out.push_back(text);
}

std::string joinedText(const json* j) {
  if (!j) return "";
  if (j->is_string()) return j->get<std::string>();
  if (j->is_array()) {
    std::vector<std::string> parts;
    for (const auto& v : *j)
      if (v.is_string()) parts.push_back(v.get<std::string>());
    return join(parts, ", ");
  }
  return "";
}

}  // namespace

std::string jsonText(const json& j, std::string_view key) {
  const json* v = field(j, key);
  if (!v) return "";
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer()) return std::to_string(v->get<int64_t>());
  if (v->is_number()) return formatAmount(v->get<double>());
  return "";
}

std::string formatAmount(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15)
    return fmt::format("{}", static_cast<int64_t>(std::round(v)));
  return fmt::format("{:.2f}", v);
}

std::string dateOnly(std::string_view s) {
  s = trim(s);
  if (s.size() < 10) return "";
  auto d = s.substr(0, 10);
  for (size_t i = 0; i < 10; ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return "";
  }
  return std::string(d);
}

std::string dateFromEpochMillis(int64_t millis) {
  // Howard Hinnant's civil_from_days.
  int64_t z = (millis >= 0 ? millis : millis - 86399999) / 86400000 + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  if (y < 0 || y > 9999) return "";
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::string decodeEntities(std::string_view s) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"},          {"lt", "<"},          {"gt", ">"},           {"quot", "\""},
      {"apos", "'"},         {"nbsp", "\xC2\xA0"}, {"ndash", "\xE2\x80\x93"},
      {"mdash", "\xE2\x80\x94"}, {"rsquo", "\xE2\x80\x99"}, {"lsquo", "\xE2\x80\x98"},
      {"ldquo", "\xE2\x80\x9C"}, {"rdquo", "\xE2\x80\x9D"}, {"bull", "\xE2\x80\xA2"},
      {"hellip", "\xE2\x80\xA6"}, {"euro", "\xE2\x82\xAC"}, {"pound", "\xC2\xA3"},
      {"yen", "\xC2\xA5"},   {"copy", "\xC2\xA9"}, {"reg", "\xC2\xAE"},  {"trade", "\xE2\x84\xA2"}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += '&';
      continue;
    }
    auto name = s.substr(i + 1, semi - i - 1);
    bool done = false;
    if (!name.empty() && name[0] == '#') {
      uint32_t cp = 0;
      bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      auto digits = name.substr(hex ? 2 : 1);
      bool ok = !digits.empty();
      for (char c : digits) {
        int v = (c >= '0' && c <= '9') ? c - '0'
                : hex && (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : hex && (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                : -1;
        if (v < 0 || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      }
      if (ok) {
        appendUtf8(out, cp);
        done = true;
      }
    } else {
      for (const auto& [n, v] : kNamed)
        if (name == n) {
          out += v;
          done = true;
          break;
        }
    }
    if (done) i = semi;
    else out += '&';
  }
  return out;
}

std::optional<json> parseLenientJson(std::string_view text) {
  std::string cleaned = cleanJson(text);
  json j = json::parse(cleaned, nullptr, false, true);
  if (!j.is_discarded()) return j;
  if (cleaned.find("&quot;") != std::string::npos) {
    j = json::parse(cleanJson(decodeEntities(cleaned)), nullptr, false, true);
    if (!j.is_discarded()) return j;
  }
  return std::nullopt;
}

void collectJobPostings(const json& doc, std::vector<const json*>& out) {
  if (doc.is_array()) {
    for (const auto& item : doc) collectJobPostings(item, out);
    return;
  }
  if (!doc.is_object()) return;
  bool posting = isType(doc, "JobPosting");
  // Malformed pages drop @type; a title with the fields only a posting has is one.
  if (!posting && !doc.contains("@type") && doc.contains("title") &&
      (doc.contains("hiringOrganization") || doc.contains("baseSalary") ||
       doc.contains("jobLocation") || doc.contains("employmentType")))
    posting = true;
  if (posting) {
    out.push_back(&doc);
    return;
  }
  for (std::string_view key : {"@graph", "mainEntity", "itemListElement", "item", "about"})
    if (const json* nested = field(doc, key)) collectJobPostings(*nested, out);
}

PostingInput fromJobPosting(const json& jp, std::string_view pageUrl) {
  PostingInput in;
  in.source = "json-ld";
  in.title = std::string(trim(jsonText(jp, "title")));
  if (in.title.empty()) in.title = std::string(trim(jsonText(jp, "name")));
  if (const json* org = field(jp, "hiringOrganization")) {
    if (org->is_string()) in.company = org->get<std::string>();
    else in.company = jsonText(*org, "name");
  }
  in.company = std::string(trim(in.company));
  if (const json* loc = field(jp, "jobLocation")) addLocations(*loc, in.locations);
  std::string locationType = joinedText(field(jp, "jobLocationType"));
  if (toLower(locationType).find("telecommute") != std::string::npos) {
    in.workModeHint = "Remote";
    if (const json* req = field(jp, "applicantLocationRequirements")) {
      std::vector<std::string> areas;
      addLocations(*req, areas);
      for (const auto& a : areas) in.locations.push_back("Remote (" + a + ")");
    }
    if (in.locations.empty()) in.locations.push_back("Remote");
  }
  std::string description = jsonText(jp, "description");
  if (description.find("&lt;") != std::string::npos) description = decodeEntities(description);
  in.description = htmlToText(description);
  for (std::string_view extra : {"responsibilities", "qualifications", "skills",
                                 "experienceRequirements", "educationRequirements"}) {
    std::string more = jsonText(jp, extra);
    if (!more.empty() && in.description.find(htmlToText(more)) == std::string::npos)
      in.description += "\n\n" + htmlToText(more);
  }
  in.url = jsonText(jp, "url");
  if (in.url.empty()) in.url = std::string(pageUrl);
  if (const json* id = field(jp, "identifier")) {
    if (id->is_object()) in.sourceId = jsonText(*id, "value");
    else if (id->is_string()) in.sourceId = id->get<std::string>();
    else if (id->is_number_integer()) in.sourceId = std::to_string(id->get<int64_t>());
  }
  in.employmentTypeHint = joinedText(field(jp, "employmentType"));
  if (const json* salary = field(jp, "baseSalary")) in.payHint = salaryText(*salary);
  if (in.payHint.empty())
    if (const json* salary = field(jp, "estimatedSalary")) in.payHint = salaryText(*salary);
  in.postedDate = dateOnly(jsonText(jp, "datePosted"));
  return in;
}

std::string boardName(std::string_view name, std::string_view marker) {
  // "greenhouse:acme", ".../v1/boards/acme/jobs?content=true"
  auto colon = name.find(':');
  if (colon != std::string_view::npos && name.substr(0, colon).find('/') == std::string_view::npos &&
      name.substr(colon + 1, 2) != "//")
    return std::string(name.substr(colon + 1));
  auto pos = name.find(marker);
  if (pos == std::string_view::npos) return "";
  auto rest = name.substr(pos + marker.size());
  auto end = rest.find_first_of("/?#");
  return std::string(rest.substr(0, end));
}

}  // namespace jobfit::formats
