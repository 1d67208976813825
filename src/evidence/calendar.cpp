#include "evidence/calendar.h"

#include <libical/ical.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace jobfit {

namespace {

// Keywords people put in event titles, each pointing at the activity it most often means.
// Checked in order after the activity ids and labels themselves; a keyword matches the start
// of a word ("interview" matches "Interviewing").
struct Keyword {
  std::string_view activity;
  std::string_view words;  // comma-separated
};
constexpr Keyword kKeywords[] = {
    {"hiring", "interview,candidate,hiring,recruit,screening call"},
    {"presenting", "presentation,present,demo,keynote,webinar,talk at"},
    {"mentoring", "mentor,coaching,training,teach,onboarding"},
    {"selling", "sales,pitch,prospect,negotiat,deal review"},
    {"client-support", "customer,support,client call,helpdesk"},
    {"networking", "coffee chat,networking,meetup,conference"},
    {"managing-people", "performance review,skip level,team lead,1 1,1on1,one on one"},
    {"planning", "planning,roadmap,strategy,okr,prioriti"},
    {"reviewing", "code review,review,feedback"},
    {"writing", "writing,write,draft,documentation,docs,blog,report"},
    {"building", "focus,deep work,coding,code,build,implement,develop,programming"},
    {"analysis", "analysis,analys,analyz,data,metrics,dashboard"},
    {"research", "research,experiment,literature"},
    {"learning", "course,learning,study,lecture,reading"},
    {"administration", "admin,expense,invoice,paperwork,timesheet,tax"},
    {"operations", "on call,oncall,incident,postmortem,post mortem,maintenance,deploy,release"},
    {"travel", "flight,travel,trip,commute"},
    {"messages", "email,inbox,slack"},
    {"creative", "design,brainstorm,ideation,sketch"},
    {"meetings", "meeting,sync,standup,stand up,retro,call,check in,catch up,all hands,weekly"},
};

bool containsWordPrefix(const std::string& haystack, std::string_view needle) {
  // haystack is " normalized words "; needle normalized; match at a word start.
  std::string pattern = " " + std::string(needle);
  return haystack.find(pattern) != std::string::npos;
}

bool containsWords(const std::string& haystack, std::string_view needle) {
  std::string pattern = " " + std::string(needle) + " ";
  return haystack.find(pattern) != std::string::npos;
}

struct IcalDeleter {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

// The first parse error libical recorded anywhere in the tree, if any.
std::optional<std::string> firstError(icalcomponent* c) {
  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
    const char* text = icalproperty_get_xlicerror(p);
    return text ? std::string(text) : std::string("unknown error");
  }
  for (icalcomponent* sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); sub;
       sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
    if (auto e = firstError(sub)) return e;
  return std::nullopt;
}

std::string titleOf(icalcomponent* event) {
  const char* summary = icalcomponent_get_summary(event);
  std::string title = summary ? std::string(trim(summary)) : std::string();
  for (char& c : title)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (title.size() > 500) title.resize(500);
  return title.empty() ? "(untitled)" : title;
}

// A time as libical's time_t: UTC for UTC and zoned times, wall clock for floating ones.
time_t icalSeconds(icaltimetype t) {
  return icaltime_as_timet_with_zone(t, t.zone ? t.zone : icaltimezone_get_utc_timezone());
}

// The RECURRENCE-ID as libical's time_t, with its TZID resolved the way DTSTART's is (libical
// leaves it unresolved): a VTIMEZONE in the file, else a zone libical knows.
std::optional<time_t> recurrenceSeconds(icalcomponent* root, icalcomponent* event) {
  icalproperty* prop = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY);
  if (!prop) return std::nullopt;
  icaltimetype t = icalproperty_get_recurrenceid(prop);
  if (icaltime_is_null_time(t)) return std::nullopt;
  if (!t.zone && !icaltime_is_utc(t)) {
    if (icalparameter* tzid = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER)) {
      const char* name = icalparameter_get_tzid(tzid);
      icaltimezone* zone = icalcomponent_get_timezone(root, name);
      if (!zone) zone = icaltimezone_get_builtin_timezone(name);
      if (zone) t.zone = zone;
    }
  }
  return icalSeconds(t);
}

// Refuses a DTSTART whose TZID libical could not resolve (neither a VTIMEZONE in the file nor
// a zone it knows): reading it as floating would silently shift the event.
void requireKnownZone(icalcomponent* event, icaltimetype start, const std::string& title) {
  icalproperty* prop = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
  if (!prop) return;
  icalparameter* tzid = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER);
  if (tzid && !start.zone && !icaltime_is_utc(start))
    throw Error(ErrorCode::invalid,
                fmt::format("event '{}' uses the time zone '{}', which the file does not define "
                            "and jobfit does not know",
                            title, icalparameter_get_tzid(tzid)),
                "file", "export the calendar with its time zone definitions (VTIMEZONE)");
}

std::string toUpperAscii(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// RFC 5545 DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS, optionally Z), with ranges checked.
bool validDateOrDateTime(std::string_view v) {
  if (v.size() < 8 || !digits(v.substr(0, 8))) return false;
  Date d{date::year{number(v.substr(0, 4))}, date::month{unsigned(number(v.substr(4, 2)))},
         date::day{unsigned(number(v.substr(6, 2)))}};
  if (!d.ok()) return false;
  if (v.size() == 8) return true;
  if (v[8] != 'T' || (v.size() != 15 && !(v.size() == 16 && v[15] == 'Z'))) return false;
  if (!digits(v.substr(9, 6))) return false;
  return number(v.substr(9, 2)) < 24 && number(v.substr(11, 2)) < 60 &&
         number(v.substr(13, 2)) <= 60;
}

// libical reads some malformed dates leniently ("2026-03-1x" as 1 March), so the date values
// jobfit relies on are checked against the RFC's grammar on the raw, unfolded lines first.
void checkDateValues(std::string_view ics) {
  static constexpr std::string_view kNames[] = {"DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE",
                                                "RDATE"};
  int lineNumber = 0;
  std::string logical;
  int logicalLine = 0;
  auto check = [&] {
    if (logical.empty()) return;
    size_t nameEnd = logical.find_first_of(";:");
    if (nameEnd == std::string::npos) return;
    std::string name = toLower(logical.substr(0, nameEnd));
    bool wanted = false;
    for (auto n : kNames) wanted = wanted || toLower(n) == name;
    if (!wanted) return;
    // The value starts after the first colon outside a quoted parameter value.
    bool quoted = false;
    size_t colon = std::string::npos;
    for (size_t i = nameEnd; i < logical.size(); ++i) {
      if (logical[i] == '"') quoted = !quoted;
      if (logical[i] == ':' && !quoted) {
        colon = i;
        break;
      }
    }
    std::string value = colon == std::string::npos ? "" : logical.substr(colon + 1);
    for (const auto& piece : splitList(value, ',')) {
      std::string_view first = std::string_view(piece).substr(0, piece.find('/'));  // RDATE periods
      if (!validDateOrDateTime(first))
        throw Error(ErrorCode::invalid,
                    fmt::format("malformed calendar: line {}: {} value '{}' is not an iCalendar "
                                "date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS, Z for UTC)",
                                logicalLine, toUpperAscii(name), piece),
                    "file", "nothing was imported; fix or re-export the file");
    }
  };
  size_t pos = 0;
  while (pos <= ics.size()) {
    size_t end = ics.find('\n', pos);
    if (end == std::string_view::npos) end = ics.size();
    std::string_view line = ics.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++lineNumber;
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      logical += line.substr(1);  // a folded continuation
    } else {
      check();
      logical = std::string(line);
      logicalLine = lineNumber;
    }
    pos = end + 1;
  }
  check();
}

struct Span {
  time_t start, end;
};

void collectSpan(icalcomponent*, icaltime_span* span, void* data) {
  // Called from C: must not throw. Collected spans are converted after the walk.
  auto* spans = static_cast<std::vector<Span>*>(data);
  if (spans->size() <= kMaxCalendarDrafts) spans->push_back({span->start, span->end});
}

}  // namespace

std::optional<std::string> guessActivity(std::string_view title, const ActivityCatalog& catalog) {
  std::string haystack = " " + normalizeKey(title) + " ";
  // The person's own words first: an activity whose id or label is in the title.
  for (const auto& a : catalog.all()) {
    if (containsWords(haystack, normalizeKey(a.id)) || containsWords(haystack, normalizeKey(a.label)))
      return a.id;
  }
  for (const auto& k : kKeywords) {
    if (!catalog.find(k.activity)) continue;
    for (const auto& word : splitList(k.words, ','))
      if (containsWordPrefix(haystack, normalizeKey(word))) return std::string(k.activity);
  }
  return std::nullopt;
}

CalendarRead readCalendar(std::string_view ics, const Clock& clock, Date from, Date to,
                          const ActivityCatalog& catalog) {
  if (ics.size() > kMaxCalendarBytes)
    throw Error(ErrorCode::too_large,
                fmt::format("the calendar is larger than {} MB", kMaxCalendarBytes / 1024 / 1024),
                "file");
  if (from > to) throw Error(ErrorCode::usage, "--from is after --to", "from");
  checkDateValues(ics);
  std::string text(ics);
  std::unique_ptr<icalcomponent, IcalDeleter> root(icalparser_parse_string(text.c_str()));
  if (!root || icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT)
    throw Error(ErrorCode::invalid,
                "not an iCalendar file: expected BEGIN:VCALENDAR ... END:VCALENDAR with every "
                "BEGIN matched by an END",
                "file");
  if (auto error = firstError(root.get()))
    throw Error(ErrorCode::invalid, fmt::format("malformed calendar: {}", *error), "file",
                "nothing was imported; fix or re-export the file");

  CalendarRead out;
  std::vector<icalcomponent*> events;
  for (icalcomponent* c = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT); c;
       c = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT))
    events.push_back(c);
  out.events = static_cast<int>(events.size());

  // Occurrences moved or changed by a RECURRENCE-ID component replace the rule's occurrence.
  std::set<std::pair<std::string, time_t>> overridden;
  for (icalcomponent* e : events) {
    auto rid = recurrenceSeconds(root.get(), e);
    const char* uid = icalcomponent_get_uid(e);
    if (rid && uid) overridden.insert({uid, *rid});
  }

  Instant windowStart = clock.startOf(from) - std::chrono::hours{48};
  Instant windowEnd = clock.startOf(addDays(to, 1)) + std::chrono::hours{48};
  icaltimezone* utc = icaltimezone_get_utc_timezone();
  icaltimetype icalFrom =
      icaltime_from_timet_with_zone(windowStart.time_since_epoch().count(), 0, utc);
  icaltimetype icalTo = icaltime_from_timet_with_zone(windowEnd.time_since_epoch().count(), 0, utc);

  std::set<std::pair<std::string, Instant>> seen;
  for (icalcomponent* e : events) {
    std::string title = titleOf(e);
    icaltimetype start = icalcomponent_get_dtstart(e);
    if (icaltime_is_null_time(start))
      throw Error(ErrorCode::invalid, fmt::format("event '{}' has no start (DTSTART)", title),
                  "file", "nothing was imported; fix or re-export the file");
    if (start.is_date) {
      ++out.allDay;
      continue;
    }
    if (icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED) {
      ++out.cancelled;
      continue;
    }
    requireKnownZone(e, start, title);
    bool floating = !start.zone && !icaltime_is_utc(start);
    const char* uidText = icalcomponent_get_uid(e);
    std::string uid = uidText && *uidText ? std::string(uidText) : "no-uid:" + title;
    bool isOverride = !icaltime_is_null_time(icalcomponent_get_recurrenceid(e));

    std::vector<Span> spans;
    icalcomponent_foreach_recurrence(e, icalFrom, icalTo, collectSpan, &spans);
    for (const Span& span : spans) {
      if (!isOverride && overridden.count({uid, span.start})) continue;
      Instant at = floating ? clock.fromLocal(date::local_seconds{std::chrono::seconds{span.start}})
                            : Instant{std::chrono::seconds{span.start}};
      Date day = clock.dateOf(at);
      if (day < from || day > to) continue;
      long minutes = std::lround(double(span.end - span.start) / 60.0);
      if (minutes <= 0) {
        ++out.withoutDuration;
        continue;
      }
      if (minutes > 24 * 60) {
        ++out.longerThanADay;
        continue;
      }
      if (!seen.insert({uid, at}).second) continue;
      Draft d;
      d.source = uid;
      d.start = at;
      d.date = day;
      d.minutes = static_cast<int>(minutes);
      d.title = title;
      d.activity = guessActivity(title, catalog).value_or("");
      out.drafts.push_back(std::move(d));
    }
    if (spans.size() > kMaxCalendarDrafts || out.drafts.size() > kMaxCalendarDrafts)
      throw Error(ErrorCode::too_large,
                  fmt::format("the calendar has more than {} event occurrences between {} and {}",
                              kMaxCalendarDrafts, formatDate(from), formatDate(to)),
                  "file", "import a shorter period with --from and --to");
  }
  std::sort(out.drafts.begin(), out.drafts.end(), [](const Draft& a, const Draft& b) {
    return std::tie(a.start, a.source) < std::tie(b.start, b.source);
  });
  return out;
}

}  // namespace jobfit
