// The JSON form of an expectation: {"id", "activity", "date", "happy", ..., "energy"} with
// every rating item present (null when not given).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "evidence/expectation.h"

namespace jobfit {

nlohmann::json toJson(const Expectation& e);
// Throws Error(invalid) naming `path` and the field on a wrong shape; ranges are checked by
// validateExpectation.
Expectation expectationFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace jobfit
