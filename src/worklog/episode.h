// An episode of a workday, as the Day Reconstruction Method records it: when, how long,
// doing what, with whom, and how it felt.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "worklog/activity.h"

namespace jobfit {

// Each rating is optional: a person rates what they remember.
struct Ratings {
  std::optional<int> happy, engaged;        // positive items, 0-6
  std::optional<int> stressed, frustrated;  // negative items, 0-6
  std::optional<int> tired, meaningful;     // other items, 0-6
  std::optional<int> energy;                // -2 drained .. +2 energized
  bool operator==(const Ratings&) const = default;
};

enum class Valence { positive, negative, other };

// One rating item: its name (as a flag, JSON key and column), range and meaning.
struct RatingItem {
  std::string_view name;
  int min, max;
  Valence valence;
  std::optional<int> Ratings::*member;
  std::string_view question;
};

inline constexpr std::array<RatingItem, 7> kRatingItems{{
    {"happy", 0, 6, Valence::positive, &Ratings::happy, "How happy did you feel?"},
    {"engaged", 0, 6, Valence::positive, &Ratings::engaged, "How absorbed, in flow, were you?"},
    {"stressed", 0, 6, Valence::negative, &Ratings::stressed, "How stressed did you feel?"},
    {"frustrated", 0, 6, Valence::negative, &Ratings::frustrated, "How frustrated were you?"},
    {"tired", 0, 6, Valence::other, &Ratings::tired, "How tired did you feel?"},
    {"meaningful", 0, 6, Valence::other, &Ratings::meaningful, "How meaningful was it?"},
    {"energy", -2, 2, Valence::other, &Ratings::energy,
     "Did it drain (-2) or energize (+2) you?"},
}};

struct Episode {
  int64_t id = 0;
  std::optional<Instant> start;  // absent when only the date is known
  Date date;                     // the local date the episode belongs to
  int minutes = 0;
  std::vector<std::string> activities;  // at least one activity id, in the order given
  std::string with;                     // "alone", "manager", "team", "clients", ... or empty
  std::string note;
  Ratings ratings;
  bool operator==(const Episode&) const = default;
};

// Checks every field against its range and the catalog; throws Error(usage) naming the field.
// `now` bounds the start: an episode may not start more than a day in the future.
void validateEpisode(const Episode& e, const ActivityCatalog& catalog, const Clock& clock);
// Places an episode of e.minutes so that it ends at the clock's now (start and date).
void endNow(Episode& e, const Clock& clock);
// Validates one rating value against its item's range.
void validateRating(const RatingItem& item, int value);
// Parses "writing,meetings" into ids, each checked against the catalog, no repeats.
std::vector<std::string> parseActivityList(std::string_view text, const ActivityCatalog& catalog);

}  // namespace jobfit
