// The JSON form of the fit profile and results, shared by the CLI and the HTTP API.
#pragma once

#include <nlohmann/json.hpp>

#include "fit/fit.h"
#include "fit/rank_ops.h"
#include "storage/fit_store.h"

namespace jobfit {

nlohmann::json toJson(const Values& v);
nlohmann::json toJson(const Constraints& c);
nlohmann::json toJson(const FitResult& r);
nlohmann::json toJson(const IdeaFlag& f);
nlohmann::json toJson(const RankReport& r);
nlohmann::json toJson(const Appeal& a);
// Throws Error(invalid) naming the place (path.field) of the first problem.
Appeal appealFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace jobfit
