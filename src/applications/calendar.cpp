#include "applications/calendar.h"

#include <map>

#include <fmt/format.h>
#include <libical/ical.h>

#include "core/error.h"

namespace jobfit {

std::string calendarUid(const Reminder& r) {
  return fmt::format("jobfit-reminder-{}-{}@jobfit.local", r.id,
                     r.created.time_since_epoch().count());
}

namespace {

icaltimetype utc(Instant t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t.time_since_epoch().count()), 0,
                                       icaltimezone_get_utc_timezone());
}

// Owns a libical component tree and frees it on every path.
struct ComponentPtr {
  icalcomponent* p;
  ~ComponentPtr() {
    if (p) icalcomponent_free(p);
  }
};

}  // namespace

std::string calendarIcs(const std::vector<Reminder>& reminders,
                        const std::vector<Application>& applications, const Clock& clock) {
  std::map<int64_t, const Application*> byId;
  for (const auto& a : applications) byId[a.id] = &a;

  ComponentPtr cal{icalcomponent_new(ICAL_VCALENDAR_COMPONENT)};
  if (!cal.p) throw Error(ErrorCode::io, "cannot build the calendar");
  icalcomponent_add_property(cal.p, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.p, icalproperty_new_prodid("-//jobfit//jobfit//EN"));
  icalcomponent_add_property(cal.p, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal.p, icalproperty_new_method(ICAL_METHOD_PUBLISH));

  for (const auto& r : reminders) {
    if (r.done) continue;
    auto it = byId.find(r.applicationId);
    if (it == byId.end()) continue;
    const auto& a = *it->second;
    bool interview = r.kind == ReminderKind::interview;
    Instant start = r.at ? *r.at
                         : clock.fromLocal(date::local_days{r.due} + std::chrono::hours{kFollowupHour});
    int minutes = r.minutes > 0 ? r.minutes : (interview ? kDefaultInterviewMinutes : kFollowupMinutes);
    Instant end = start + std::chrono::minutes{minutes};

    std::string summary = interview ? fmt::format("Interview: {} at {}", a.title, a.company)
                                    : fmt::format("Follow up: {} at {}", a.title, a.company);
    std::string description;
    if (!r.text.empty()) description += r.text + "\n";
    if (!a.url.empty()) description += a.url + "\n";
    description += fmt::format("jobfit app show {}", a.id);

    icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_component(cal.p, ev);  // owned by the calendar from here on
    icalcomponent_add_property(ev, icalproperty_new_uid(calendarUid(r).c_str()));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc(clock.now())));
    icalcomponent_add_property(ev, icalproperty_new_dtstart(utc(start)));
    icalcomponent_add_property(ev, icalproperty_new_dtend(utc(end)));
    icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_categories(interview ? "Interview" : "Follow-up"));
    icalcomponent_add_property(ev, icalproperty_new_transp(interview ? ICAL_TRANSP_OPAQUE
                                                                     : ICAL_TRANSP_TRANSPARENT));

    icalcomponent* alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
    icalcomponent_add_component(ev, alarm);
    icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
    icaltriggertype trigger{};
    trigger.time = icaltime_null_time();
    // An hour's notice before an interview; a follow-up rings when it starts.
    trigger.duration = icaldurationtype_from_int(interview ? -3600 : 0);
    icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
    icalcomponent_add_property(alarm, icalproperty_new_description(summary.c_str()));
  }

  char* text = icalcomponent_as_ical_string_r(cal.p);
  if (!text) throw Error(ErrorCode::io, "cannot write the calendar");
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace jobfit
