// The JSON form of the fit profile and results, shared by the CLI and the HTTP API.
#pragma once

#include <nlohmann/json.hpp>

#include "fit/fit.h"

namespace jobfit {

nlohmann::json toJson(const Values& v);
nlohmann::json toJson(const Constraints& c);
nlohmann::json toJson(const FitResult& r);
nlohmann::json toJson(const IdeaFlag& f);

}  // namespace jobfit
