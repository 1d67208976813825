#include "applications/applications_json.h"

#include <cmath>

#include <fmt/format.h>

#include "core/error.h"
#include "core/json_read.h"

namespace jobfit {

using nlohmann::json;

namespace {

json textOrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json dateOrNull(const std::optional<Date>& d) { return d ? json(formatDate(*d)) : json(nullptr); }
json intOrNull(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }
json rateOrNull(const std::optional<double>& v) {
  // Rates are shown to three decimals; more would be false precision.
  return v ? json(std::round(*v * 1000) / 1000) : json(nullptr);
}

Stage stageField(const std::string& text, const std::string& path) {
  auto s = parseStage(text);
  if (!s) throw Error(ErrorCode::invalid, fmt::format("{}: unknown stage '{}'", path, text), path);
  return *s;
}

}  // namespace

json toJson(const Application& a) {
  json j;
  j["id"] = a.id;
  j["company"] = a.company;
  j["title"] = a.title;
  j["posting_id"] = a.postingId ? json(*a.postingId) : json(nullptr);
  j["url"] = textOrNull(a.url);
  j["channel"] = toString(a.channel);
  j["resume"] = textOrNull(a.resume);
  j["salary"] = textOrNull(a.salary);
  j["learned"] = textOrNull(a.learned);
  json contacts = json::array();
  for (const auto& c : a.contacts)
    contacts.push_back({{"contact_id", c.contactId}, {"referrer", c.referrer}});
  j["contacts"] = std::move(contacts);
  json events = json::array();
  for (const auto& e : a.events)
    events.push_back({{"date", formatDate(e.date)},
                      {"kind", toString(e.kind)},
                      {"stage", e.stage ? json(toString(*e.stage)) : json(nullptr)},
                      {"text", textOrNull(e.text)}});
  j["events"] = std::move(events);
  return j;
}

Application applicationFromJson(const json& j, const std::string& path) {
  JsonReader r(j, path);
  Application a;
  a.id = r.optionalInt("id").value_or(0);
  a.company = r.requiredString("company");
  a.title = r.requiredString("title");
  a.postingId = r.optionalInt("posting_id");
  a.url = r.optionalString("url").value_or("");
  auto channel = r.requiredString("channel");
  auto ch = parseChannel(channel);
  if (!ch)
    throw Error(ErrorCode::invalid, fmt::format("{}: unknown channel '{}'", r.path("channel"), channel),
                r.path("channel"));
  a.channel = *ch;
  a.resume = r.optionalString("resume").value_or("");
  a.salary = r.optionalString("salary").value_or("");
  a.learned = r.optionalString("learned").value_or("");
  const auto& contacts = r.array("contacts");
  for (size_t i = 0; i < contacts.size(); ++i) {
    JsonReader c(contacts[i], fmt::format("{}.contacts[{}]", path, i));
    a.contacts.push_back({c.requiredInt("contact_id"), c.optionalBool("referrer").value_or(false)});
  }
  const auto& events = r.array("events");
  for (size_t i = 0; i < events.size(); ++i) {
    auto epath = fmt::format("{}.events[{}]", path, i);
    JsonReader e(events[i], epath);
    ApplicationEvent ev;
    ev.date = parseDateField(e.requiredString("date"), e.path("date"));
    auto kind = e.requiredString("kind");
    auto k = parseEventKind(kind);
    if (!k)
      throw Error(ErrorCode::invalid, fmt::format("{}: unknown kind '{}'", e.path("kind"), kind),
                  e.path("kind"));
    ev.kind = *k;
    if (auto s = e.optionalString("stage")) ev.stage = stageField(*s, e.path("stage"));
    ev.text = e.optionalString("text").value_or("");
    a.events.push_back(std::move(ev));
  }
  return a;
}

ApplicationStatus statusOf(const Application& a, const SilenceThresholds& t, Date today) {
  ApplicationStatus s;
  s.stage = currentStage(a);
  s.applied = appliedDate(a);
  s.firstResponse = firstResponseDate(a);
  s.lastEvent = lastEventDate(a);
  s.silence = silence(a, t, today);
  return s;
}

json toJson(const ApplicationStatus& s) {
  json j;
  j["stage"] = toString(s.stage);
  j["applied"] = dateOrNull(s.applied);
  j["first_response"] = dateOrNull(s.firstResponse);
  j["last_event"] = formatDate(s.lastEvent);
  j["silent"] = s.silence.has_value();
  j["silent_since"] = s.silence ? json(formatDate(s.silence->since)) : json(nullptr);
  j["days_since_last_event"] = s.silence ? json(s.silence->days) : json(nullptr);
  return j;
}

json toJson(const Contact& c) {
  json j;
  j["id"] = c.id;
  j["name"] = c.name;
  j["company"] = textOrNull(c.company);
  j["role"] = textOrNull(c.role);
  j["how"] = textOrNull(c.how);
  j["email"] = textOrNull(c.email);
  j["phone"] = textOrNull(c.phone);
  j["links"] = c.links;
  j["notes"] = textOrNull(c.notes);
  j["last_contacted"] = dateOrNull(lastContacted(c));
  json log = json::array();
  for (const auto& i : c.interactions)
    log.push_back({{"date", formatDate(i.date)},
                   {"text", i.text},
                   {"application_id", i.applicationId ? json(*i.applicationId) : json(nullptr)}});
  j["interactions"] = std::move(log);
  return j;
}

Contact contactFromJson(const json& j, const std::string& path) {
  JsonReader r(j, path);
  Contact c;
  c.id = r.optionalInt("id").value_or(0);
  c.name = r.requiredString("name");
  c.company = r.optionalString("company").value_or("");
  c.role = r.optionalString("role").value_or("");
  c.how = r.optionalString("how").value_or("");
  c.email = r.optionalString("email").value_or("");
  c.phone = r.optionalString("phone").value_or("");
  if (j.contains("links")) c.links = r.stringList("links");
  c.notes = r.optionalString("notes").value_or("");
  const auto& log = r.array("interactions");
  for (size_t i = 0; i < log.size(); ++i) {
    JsonReader e(log[i], fmt::format("{}.interactions[{}]", path, i));
    c.interactions.push_back({parseDateField(e.requiredString("date"), e.path("date")),
                              e.requiredString("text"), e.optionalInt("application_id")});
  }
  return c;
}

json toJson(const Reminder& r) {
  json j;
  j["id"] = r.id;
  j["application_id"] = r.applicationId;
  j["kind"] = toString(r.kind);
  j["due"] = formatDate(r.due);
  j["at"] = r.at ? json(formatInstant(*r.at)) : json(nullptr);
  j["minutes"] = r.minutes;
  j["text"] = textOrNull(r.text);
  j["done"] = dateOrNull(r.done);
  j["created"] = formatInstant(r.created);
  return j;
}

Reminder reminderFromJson(const json& j, const std::string& path) {
  JsonReader r(j, path);
  Reminder m;
  m.id = r.optionalInt("id").value_or(0);
  m.applicationId = r.requiredInt("application_id");
  auto kind = r.requiredString("kind");
  auto k = parseReminderKind(kind);
  if (!k)
    throw Error(ErrorCode::invalid, fmt::format("{}: unknown kind '{}'", r.path("kind"), kind),
                r.path("kind"));
  m.kind = *k;
  m.due = parseDateField(r.requiredString("due"), r.path("due"));
  if (auto at = r.optionalString("at")) m.at = parseInstantField(*at, r.path("at"));
  m.minutes = static_cast<int>(r.optionalInt("minutes").value_or(0));
  m.text = r.optionalString("text").value_or("");
  if (auto done = r.optionalString("done")) m.done = parseDateField(*done, r.path("done"));
  m.created = parseInstantField(r.requiredString("created"), r.path("created"));
  return m;
}

json toJson(const SurvivalCurve& c) {
  json j;
  j["applications"] = c.n;
  j["responses"] = c.responses;
  j["censored"] = c.censored;
  j["median_days"] = intOrNull(c.median);
  j["p25_days"] = intOrNull(c.p25);
  j["p75_days"] = intOrNull(c.p75);
  json curve = json::array();
  for (const auto& s : c.steps)
    curve.push_back({{"days", s.days},
                     {"at_risk", s.atRisk},
                     {"responses", s.responses},
                     {"censored", s.censored},
                     {"survival", std::round(s.survival * 10000) / 10000}});
  j["curve"] = std::move(curve);
  return j;
}

json toJson(const SearchStats& s) {
  json j;
  j["as_of"] = formatDate(s.asOf);
  j["from"] = dateOrNull(s.range.from);
  j["to"] = dateOrNull(s.range.to);
  j["applications"] = s.applications;
  j["sent"] = s.sent;
  json funnel = json::array();
  for (const auto& f : s.funnel)
    funnel.push_back({{"stage", toString(f.stage)},
                      {"reached", f.reached},
                      {"conversion", rateOrNull(f.conversion)}});
  j["funnel"] = std::move(funnel);
  j["outcomes"] = {{"open", s.outcomes.open},
                   {"accepted", s.outcomes.accepted},
                   {"rejected", s.outcomes.rejected},
                   {"withdrawn", s.outcomes.withdrawn},
                   {"closed", s.outcomes.closed}};
  json channels = json::array();
  for (const auto& c : s.channels)
    channels.push_back({{"channel", toString(c.channel)},
                        {"applications", c.applications},
                        {"responses", c.responses},
                        {"interviews", c.interviews},
                        {"offers", c.offers},
                        {"response_rate", rateOrNull(c.responseRate)},
                        {"interview_rate", rateOrNull(c.interviewRate)},
                        {"offer_rate", rateOrNull(c.offerRate)},
                        {"median_days", intOrNull(c.timeToResponse.median)},
                        {"p25_days", intOrNull(c.timeToResponse.p25)},
                        {"p75_days", intOrNull(c.timeToResponse.p75)}});
  j["by_channel"] = std::move(channels);
  j["time_to_response"] = toJson(s.timeToResponse);
  json weekly = json::array();
  for (const auto& w : s.weekly)
    weekly.push_back({{"week", formatDate(w.week)},
                      {"applications", w.applications},
                      {"responses", w.responses}});
  j["weekly"] = std::move(weekly);
  json companies = json::array();
  for (const auto& c : s.companies)
    companies.push_back({{"company", c.company},
                         {"applications", c.applications},
                         {"responses", c.responses},
                         {"median_days", intOrNull(c.medianDays)}});
  j["by_company"] = std::move(companies);
  return j;
}

json toJson(const Inbox& inbox) {
  json j;
  j["today"] = formatDate(inbox.today);
  json items = json::array();
  for (const auto& item : inbox.items) {
    json i;
    i["kind"] = toString(item.kind);
    i["application_id"] = item.applicationId;
    i["company"] = item.company;
    i["title"] = item.title;
    i["stage"] = toString(item.stage);
    i["reminder"] = item.reminder ? toJson(*item.reminder) : json(nullptr);
    i["silent_since"] = item.silence ? json(formatDate(item.silence->since)) : json(nullptr);
    i["days_since_last_event"] = item.silence ? json(item.silence->days) : json(nullptr);
    i["suggestion"] = item.suggestion;
    i["command"] = item.command;
    items.push_back(std::move(i));
  }
  j["items"] = std::move(items);
  return j;
}

}  // namespace jobfit
