#include "applications/search_ops.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "applications/applications_json.h"
#include "core/error.h"

namespace jobfit {

using nlohmann::json;

namespace {

std::string describe(const Application& a) { return fmt::format("{} at {}", a.title, a.company); }

// Applications linked to each contact, and those they referred.
struct ContactUse {
  std::vector<int64_t> applications, referrals;
};

std::map<int64_t, ContactUse> contactUse(const std::vector<Application>& apps) {
  std::map<int64_t, ContactUse> use;
  for (const auto& a : apps)
    for (const auto& link : a.contacts) {
      use[link.contactId].applications.push_back(a.id);
      if (link.referrer) use[link.contactId].referrals.push_back(a.id);
    }
  return use;
}

json contactWithUse(const Contact& c, const ContactUse& use) {
  auto j = toJson(c);
  j["applications"] = use.applications;
  j["referrals"] = use.referrals;
  return j;
}

}  // namespace

Application requireApplication(Store& store, int64_t id, std::string_view field) {
  auto a = store.applications().find(id);
  if (!a)
    throw Error(ErrorCode::not_found, fmt::format("no application with id {}", id),
                std::string(field), "list them with 'jobfit apps'");
  return *a;
}

void requirePostingId(Store& store, int64_t id, std::string_view field) {
  if (!store.postings().find(id))
    throw Error(ErrorCode::not_found, fmt::format("no posting with id {}", id), std::string(field),
                "list them with 'jobfit postings'");
}

Contact requireContact(Store& store, int64_t id, std::string_view field) {
  auto c = store.contacts().find(id);
  if (!c)
    throw Error(ErrorCode::not_found, fmt::format("no contact with id {}", id), std::string(field),
                "list them with 'jobfit contacts'");
  return *c;
}

Reminder requireReminder(Store& store, int64_t id, std::string_view field) {
  auto r = store.reminders().find(id);
  if (!r)
    throw Error(ErrorCode::not_found, fmt::format("no reminder with id {}", id), std::string(field),
                "list them with 'jobfit reminders'");
  return *r;
}

SilenceThresholds silenceThresholds(Store& store) {
  return SilenceThresholds::fromSettings(store.settings().all());
}

std::vector<Application> listApplications(Store& store, std::optional<Stage> stage,
                                          bool silentOnly, Date today) {
  auto apps = stage ? store.applications().inStage(*stage) : store.applications().list();
  if (silentOnly) {
    auto thresholds = silenceThresholds(store);
    std::erase_if(apps, [&](const Application& a) { return !silence(a, thresholds, today); });
  }
  return apps;
}

json applicationsJson(const std::vector<Application>& applications,
                      const SilenceThresholds& thresholds, Date today) {
  auto out = json::array();
  for (const auto& a : applications) {
    auto j = toJson(a);
    j["status"] = toJson(statusOf(a, thresholds, today));
    out.push_back(std::move(j));
  }
  return out;
}

json applicationDetailJson(Store& store, const Application& a, Date today) {
  auto j = toJson(a);
  j["status"] = toJson(statusOf(a, silenceThresholds(store), today));
  auto reminders = json::array();
  for (const auto& r : store.reminders().forApplication(a.id)) reminders.push_back(toJson(r));
  j["reminders"] = std::move(reminders);
  auto contacts = json::array();
  for (const auto& link : a.contacts)
    if (auto c = store.contacts().find(link.contactId)) {
      auto cj = toJson(*c);
      cj["referrer"] = link.referrer;
      contacts.push_back(std::move(cj));
    }
  j["linked_contacts"] = std::move(contacts);
  return j;
}

PriorAttempts priorAttempts(Store& store, const Application& candidate, Date today) {
  if (candidate.postingId) requirePostingId(store, *candidate.postingId);
  auto thresholds = silenceThresholds(store);
  auto existing = store.applications().list();
  auto check = checkDuplicates(candidate, appliedDate(candidate).value_or(startDate(candidate)),
                               existing, [&](const Application& x) {
                                 return silence(x, thresholds, today).has_value();
                               });
  PriorAttempts out;
  for (const auto* a : check.duplicates) out.duplicates.push_back(*a);
  for (const auto* a : check.unanswered) out.unanswered.push_back(*a);
  return out;
}

void refuseDuplicate(const Application& candidate, const Application& d) {
  bool samePosting = candidate.postingId && d.postingId == candidate.postingId;
  throw Error(ErrorCode::conflict,
              fmt::format("this looks like application {} ({}, {} {}, {})", d.id, describe(d),
                          appliedDate(d) ? "applied" : "added",
                          formatDate(appliedDate(d).value_or(startDate(d))),
                          samePosting ? "the same posting"
                                      : fmt::format("same company and title within {} days",
                                                    kDuplicateWindowDays)),
              "title", "add it anyway with force (--force)");
}

FeedbackNote feedbackFor(Store& store, const Application& a) {
  std::optional<Contact> contact;
  auto who = referrerOf(a);
  if (!who && !a.contacts.empty()) who = a.contacts.front().contactId;
  if (who) contact = store.contacts().find(*who);
  return feedbackNote(a, contact);
}

json feedbackJson(const Application& a, const FeedbackNote& note) {
  return {{"application_id", a.id}, {"subject", note.subject}, {"body", note.body}};
}

json contactsJson(Store& store) {
  auto use = contactUse(store.applications().list());
  auto out = json::array();
  for (const auto& c : store.contacts().list()) out.push_back(contactWithUse(c, use[c.id]));
  return out;
}

json contactJson(Store& store, const Contact& c) {
  auto use = contactUse(store.applications().withContact(c.id));
  return contactWithUse(c, use[c.id]);
}

Contact logContactInteraction(Store& store, int64_t contactId, Interaction i, Date today) {
  auto c = requireContact(store, contactId);
  if (i.applicationId) requireApplication(store, *i.applicationId, "application_id");
  logInteraction(c, std::move(i), today);
  store.contacts().update(c);
  return c;
}

Reminder makeReminder(Store& store, const ReminderRequest& q, const Clock& clock) {
  auto a = requireApplication(store, q.applicationId, "application_id");
  Reminder r;
  r.applicationId = a.id;
  r.kind = q.interview ? ReminderKind::interview : ReminderKind::followup;
  r.due = q.due;
  if (q.at) r.at = clock.fromLocal(parseLocalDateTime(formatDate(q.due) + " " + *q.at, "at"));
  r.minutes = q.minutes.value_or(q.interview ? kDefaultInterviewMinutes : 0);
  r.text = q.text;
  r.created = clock.now();
  validateReminder(r);
  return r;
}

Reminder markReminderDone(Store& store, int64_t id, Date today, std::string_view field) {
  auto r = requireReminder(store, id, field);
  if (r.done)
    throw Error(ErrorCode::conflict, fmt::format("reminder {} is already done", id),
                std::string(field));
  r.done = today;
  store.reminders().update(r);
  if (r.kind == ReminderKind::followup) {
    auto a = requireApplication(store, r.applicationId);
    addEvent(a, EventKind::followup, today, r.text.empty() ? std::string("followed up") : r.text,
             true, today);
    store.applications().update(a);
  }
  return r;
}

Inbox inboxFor(Store& store, Date today) {
  return buildInbox(store.applications().list(), store.reminders().list(false),
                    store.contacts().list(), silenceThresholds(store), today);
}

SearchStats statsFor(Store& store, const StatsRange& range, Date today) {
  if (range.from && range.to && *range.from > *range.to)
    throw Error(ErrorCode::usage, "from is after to", "from");
  return computeStats(store.applications().list(), range, today);
}

}  // namespace jobfit
