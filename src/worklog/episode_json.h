// The JSON form of episodes and activities, shared by the CLI, the export and the HTTP API.
#pragma once

#include <nlohmann/json.hpp>

#include "worklog/activity.h"
#include "worklog/episode.h"
#include "worklog/week.h"

namespace jobfit {

nlohmann::json toJson(const Episode& e);
// The same form written straight to text: exactly toJson(e).dump() (invalid UTF-8 replaced),
// without building the JSON value first. The HTTP API uses it for pages of episodes; a
// property test keeps the two identical.
void appendJson(std::string& out, const Episode& e);
// A JSON array of episodes as text, each as appendJson writes it.
std::string toJsonText(const std::vector<Episode>& episodes);
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
