// The JSON forms of the evidence operations' results: the check-in history with the early
// warning, and what a calendar import added. Used by --json and the HTTP API.
#pragma once

#include <nlohmann/json.hpp>

#include "evidence/operations.h"

namespace jobfit {

// {"checkins": [as `jobfit checkins --json`], "early_warning": {...}}
nlohmann::json toJson(const CheckinHistory& history);
// {"from", "to", "added": [drafts], "already_imported", "events", "skipped_all_day",
//  "skipped_cancelled", "skipped_without_duration", "skipped_longer_than_a_day"}
nlohmann::json toJson(const CalendarImport& import);

}  // namespace jobfit
