// The JSON form of posting listings and search hits (what `jobfit postings --json` and
// `jobfit postings search --json` print, and the HTTP API returns). Keys match the posting's
// own JSON form (posting_json.h) where they overlap.
#pragma once

#include <nlohmann/json.hpp>

#include "storage/posting_store.h"

namespace jobfit {

nlohmann::json toJson(const PostingSummary& s);
// A stored posting: its own JSON form (posting_json.h), evidence included, plus first_seen and
// last_seen (`jobfit posting show --json`, GET /api/postings/{id}).
nlohmann::json toJson(const StoredPosting& sp);
// The summary's keys plus score, snippet and highlights ([[begin, end], ...] byte offsets).
nlohmann::json toJson(const SearchHit& hit);
// {"min", "max", "currency", "period", "annual_min", "annual_max"} without evidence; null when absent.
nlohmann::json payJson(const std::optional<Pay>& pay);

}  // namespace jobfit
