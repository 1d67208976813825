// The JSON form of what an import or an add did (the HTTP API answers with it): the counts,
// the kept rejections with where and why, and the postings an add stored.
#pragma once

#include <nlohmann/json.hpp>

#include "postings/import.h"

namespace jobfit {

// {"new", "updated", "unchanged", "rejected", "summary", "rejections": [{"where", "why"}]}
nlohmann::json toJson(const PostingImportReport& report);
// The report's keys plus "postings": [{"id", "outcome", "title", "company"}].
nlohmann::json toJson(const PostingAddResult& result);
// "added", "updated" or "unchanged".
std::string_view toString(UpsertOutcome outcome);

}  // namespace jobfit
