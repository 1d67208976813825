#include "worklog/episode.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace jobfit {

void validateRating(const RatingItem& item, int value) {
  if (value < item.min || value > item.max)
    throw Error(ErrorCode::usage,
                fmt::format("{} must be an integer from {} to {}, got {}", item.name, item.min,
                            item.max, value),
                std::string(item.name));
}

void endNow(Episode& e, const Clock& clock) {
  e.start = clock.now() - std::chrono::minutes{e.minutes};
  e.date = clock.dateOf(*e.start);
}

void validateEpisode(const Episode& e, const ActivityCatalog& catalog, const Clock& clock) {
  if (e.minutes <= 0 || e.minutes > 24 * 60)
    throw Error(ErrorCode::usage,
                fmt::format("minutes must be from 1 to 1440, got {}", e.minutes), "minutes");
  if (!e.date.ok()) throw Error(ErrorCode::usage, "date is not a valid calendar date", "date");
  if (e.activities.empty())
    throw Error(ErrorCode::usage, "an episode needs at least one activity", "activities");
  for (size_t i = 0; i < e.activities.size(); ++i) {
    catalog.require(e.activities[i], "activities");
    if (std::find(e.activities.begin(), e.activities.begin() + static_cast<long>(i),
                  e.activities[i]) != e.activities.begin() + static_cast<long>(i))
      throw Error(ErrorCode::usage, fmt::format("activity '{}' is listed twice", e.activities[i]),
                  "activities");
  }
  for (const auto& item : kRatingItems)
    if (const auto& v = e.ratings.*item.member) validateRating(item, *v);
  auto tomorrow = clock.now() + std::chrono::hours{24};
  if (e.start && *e.start > tomorrow)
    throw Error(ErrorCode::usage,
                fmt::format("start {} is more than a day in the future",
                            formatLocal(clock, *e.start)),
                "start");
  if (!e.start && daysBetween(clock.today(), e.date) > 1)
    throw Error(ErrorCode::usage,
                fmt::format("date {} is more than a day in the future", formatDate(e.date)),
                "date");
  if (e.with.size() > 200) throw Error(ErrorCode::usage, "with is longer than 200 characters", "with");
  if (e.note.size() > 10000)
    throw Error(ErrorCode::usage, "note is longer than 10000 characters", "note");
}

std::vector<std::string> parseActivityList(std::string_view text, const ActivityCatalog& catalog) {
  auto ids = splitList(text, ',');
  if (ids.empty())
    throw Error(ErrorCode::usage, "name at least one activity, e.g. writing or writing,meetings",
                "activities");
  for (auto& id : ids) {
    id = toLower(id);
    catalog.require(id, "activities");
  }
  return ids;
}

}  // namespace jobfit
