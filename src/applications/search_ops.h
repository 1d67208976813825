// The job search's operations on the store, shared by the CLI commands (app, apps, contact,
// remind, reminders, inbox, stats) and the HTTP API (src/server/routes_applications.cpp): each
// reads what it needs through the Store, applies the engine's rules and gives back plain
// values or their one JSON form. Callers own the transaction around writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "applications/application.h"
#include "applications/contact.h"
#include "applications/inbox.h"
#include "applications/reminder.h"
#include "applications/silence.h"
#include "applications/stats.h"
#include "core/time.h"
#include "storage/store.h"

namespace jobfit {

// Throw Error(not_found) naming `field` when there is no such record.
Application requireApplication(Store& store, int64_t id, std::string_view field = "id");
Contact requireContact(Store& store, int64_t id, std::string_view field = "id");
Reminder requireReminder(Store& store, int64_t id, std::string_view field = "id");
// Throws Error(not_found) naming `field` when no stored posting has this id.
void requirePostingId(Store& store, int64_t id, std::string_view field = "posting");

// The silence thresholds from the settings.
SilenceThresholds silenceThresholds(Store& store);

// Applications, by id: all, or those in a stage, and only the silent ones when asked.
std::vector<Application> listApplications(Store& store, std::optional<Stage> stage,
                                          bool silentOnly, Date today);
// The list form (`jobfit apps --json`): each application with its "status".
nlohmann::json applicationsJson(const std::vector<Application>& applications,
                                const SilenceThresholds& thresholds, Date today);
// The detail form (`jobfit app show --json`): the application with its "status", its
// "reminders" (done ones too) and "linked_contacts" (the linked contacts' records).
nlohmann::json applicationDetailJson(Store& store, const Application& a, Date today);

// What the store says about a new application before it is added. Throws Error(not_found)
// when the candidate names a posting that is not stored.
struct PriorAttempts {
  std::vector<Application> duplicates;  // the same posting, or company and title within 90 days
  std::vector<Application> unanswered;  // the company left earlier ones without an answer
};
PriorAttempts priorAttempts(Store& store, const Application& candidate, Date today);
// Throws Error(conflict) describing the duplicate the candidate looks like.
[[noreturn]] void refuseDuplicate(const Application& candidate, const Application& duplicate);

// The polite note after a rejection, addressed to the referrer or else the first contact.
FeedbackNote feedbackFor(Store& store, const Application& a);
// {"application_id", "subject", "body"} (`jobfit app feedback --json`).
nlohmann::json feedbackJson(const Application& a, const FeedbackNote& note);

// Contacts with the applications that link them and those they referred
// (`jobfit contacts --json`, `jobfit contact show --json`).
nlohmann::json contactsJson(Store& store);
nlohmann::json contactJson(Store& store, const Contact& c);
// Logs an interaction (about an application, when given: it must exist) and stores the contact.
Contact logContactInteraction(Store& store, int64_t contactId, Interaction i, Date today);

// A reminder as asked for: a follow-up on a date, or an interview at a local time "HH:MM"
// (needed for interviews); interviews last 60 minutes unless told. Validated, not stored.
struct ReminderRequest {
  int64_t applicationId = 0;
  Date due;
  std::optional<std::string> at;
  bool interview = false;
  std::optional<int> minutes;
  std::string text;
};
Reminder makeReminder(Store& store, const ReminderRequest& request, const Clock& clock);
// Marks a reminder done today; a follow-up is recorded on its application (it restarts the
// silence clock). Throws Error(not_found) or Error(conflict) when it is already done.
Reminder markReminderDone(Store& store, int64_t id, Date today, std::string_view field = "id");

Inbox inboxFor(Store& store, Date today);
// Throws Error(usage) when from is after to.
SearchStats statsFor(Store& store, const StatsRange& range, Date today);

}  // namespace jobfit
