// A draft episode: something the calendar says happened (start, duration, a guessed
// activity), waiting for the person to rate it (`jobfit rate`) or discard it. Rated and
// discarded drafts are kept, marked, so that importing the same calendar again does not bring
// them back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"
#include "worklog/episode.h"

namespace jobfit {

enum class DraftStatus { pending, rated, discarded };

struct Draft {
  int64_t id = 0;
  std::string source;  // the calendar event's UID (or "title@start" when it has none)
  Instant start;       // this occurrence's start
  Date date;           // its local date
  int minutes = 0;
  std::string title;     // the event's summary
  std::string activity;  // the guessed activity id, empty when there was no guess
  DraftStatus status = DraftStatus::pending;
  std::optional<int64_t> episodeId;  // the episode a rated draft became (while it exists)
  bool operator==(const Draft&) const = default;
};

std::string_view draftStatusName(DraftStatus s);
// Throws Error(usage) naming the field on an unknown name.
DraftStatus parseDraftStatus(std::string_view name);
// Throws Error(usage) naming the field: minutes out of 1..1440, an over-long title, an
// episode id on a draft that is not rated.
void validateDraft(const Draft& d);
// The episode a draft becomes before ratings are applied: its start, date, duration, the
// guessed activity (if any) and the event title as the note.
Episode episodeFromDraft(const Draft& d);

}  // namespace jobfit
