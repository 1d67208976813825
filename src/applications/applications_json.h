// The JSON forms of the job search's types, shared by --json, the export archive and the HTTP
// API. Keys are snake_case; absent text is null.
#pragma once

#include <nlohmann/json.hpp>

#include "applications/application.h"
#include "applications/contact.h"
#include "applications/inbox.h"
#include "applications/reminder.h"
#include "applications/silence.h"
#include "applications/stats.h"

namespace jobfit {

nlohmann::json toJson(const Application& a);
// Reads an application with its events and links; throws Error(invalid) naming `path`.
// Values are checked by validateApplication/validateEvents, not here.
Application applicationFromJson(const nlohmann::json& j, const std::string& path);

// What is derived from an application's history as of a day: its stage, when it was sent and
// answered, and whether it is silent.
struct ApplicationStatus {
  Stage stage = Stage::saved;
  std::optional<Date> applied, firstResponse;
  Date lastEvent;
  std::optional<Silence> silence;
};
ApplicationStatus statusOf(const Application& a, const SilenceThresholds& t, Date today);
nlohmann::json toJson(const ApplicationStatus& s);

nlohmann::json toJson(const Contact& c);
Contact contactFromJson(const nlohmann::json& j, const std::string& path);

nlohmann::json toJson(const Reminder& r);
Reminder reminderFromJson(const nlohmann::json& j, const std::string& path);

nlohmann::json toJson(const SurvivalCurve& c);
nlohmann::json toJson(const SearchStats& s);
nlohmann::json toJson(const Inbox& inbox);

}  // namespace jobfit
