// The JSON form of a calendar draft: {"id", "source", "start", "date", "minutes", "title",
// "activity" (null when there was no guess), "status", "episode_id"}.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "evidence/draft.h"

namespace jobfit {

nlohmann::json toJson(const Draft& d);
// Throws Error(invalid) naming `path` and the field on a wrong shape.
Draft draftFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace jobfit
