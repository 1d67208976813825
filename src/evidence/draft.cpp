#include "evidence/draft.h"

#include <fmt/format.h>

#include "core/error.h"

namespace jobfit {

std::string_view draftStatusName(DraftStatus s) {
  switch (s) {
    case DraftStatus::pending: return "pending";
    case DraftStatus::rated: return "rated";
    case DraftStatus::discarded: return "discarded";
  }
  return "";
}

DraftStatus parseDraftStatus(std::string_view name) {
  for (auto s : {DraftStatus::pending, DraftStatus::rated, DraftStatus::discarded})
    if (draftStatusName(s) == name) return s;
  throw Error(ErrorCode::usage,
              fmt::format("status must be pending, rated or discarded, got '{}'", name), "status");
}

void validateDraft(const Draft& d) {
  if (d.minutes <= 0 || d.minutes > 24 * 60)
    throw Error(ErrorCode::usage, fmt::format("minutes must be from 1 to 1440, got {}", d.minutes),
                "minutes");
  if (!d.date.ok()) throw Error(ErrorCode::usage, "date is not a valid calendar date", "date");
  if (d.source.empty()) throw Error(ErrorCode::usage, "source is empty", "source");
  if (d.source.size() > 1000) throw Error(ErrorCode::usage, "source is too long", "source");
  if (d.title.size() > 1000)
    throw Error(ErrorCode::usage, "title is longer than 1000 characters", "title");
  if (d.episodeId && d.status != DraftStatus::rated)
    throw Error(ErrorCode::usage, "only a rated draft links to an episode", "episode_id");
}

Episode episodeFromDraft(const Draft& d) {
  Episode e;
  e.start = d.start;
  e.date = d.date;
  e.minutes = d.minutes;
  if (!d.activity.empty()) e.activities.push_back(d.activity);
  e.note = d.title;
  return e;
}

}  // namespace jobfit
