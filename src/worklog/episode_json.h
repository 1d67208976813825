// The JSON form of episodes and activities, shared by the CLI, the export and the HTTP API.
#pragma once

#include <nlohmann/json.hpp>

#include "worklog/activity.h"
#include "worklog/episode.h"
#include "worklog/week.h"

namespace jobfit {

nlohmann::json toJson(const Episode& e);
// Reads an episode; throws Error(invalid) naming `path` and the field on a wrong shape.
// Ranges are checked by validateEpisode, not here.
Episode episodeFromJson(const nlohmann::json& j, const std::string& path);
// Reads a new episode as a client sends it: the same form without "id"; "date" may be left
// out (it is then the local date of "start", and with no "start" either the episode ends now).
Episode episodeInputFromJson(const nlohmann::json& j, const Clock& clock);

nlohmann::json toJson(const WeekSummary& w);

nlohmann::json toJson(const Activity& a);
Activity activityFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace jobfit
