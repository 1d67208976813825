// The JSON form of an analysed posting, shared by `posting analyze`, `--json` listings, the
// export archive and the HTTP API. Keys are snake_case (docs/postings.md lists them).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "postings/posting.h"

namespace jobfit {

nlohmann::json toJson(const Span& s);
nlohmann::json toJson(const Posting& p);
// Reads a posting written by toJson; throws Error(invalid) naming `path` and the field on a
// wrong shape. postingFromJson(toJson(p)) == p.
Posting postingFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace jobfit
