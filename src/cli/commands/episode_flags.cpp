#include "cli/commands/episode_flags.h"

#include <fmt/format.h>

#include "core/error.h"

namespace jobfit::cli {

void EpisodeFlags::attach(CLI::App& cmd) {
  auto* atOpt = cmd.add_option("--at", at, "Start as local time \"YYYY-MM-DD HH:MM\"");
  auto* dateOpt = cmd.add_option("--date", date, "Date only, YYYY-MM-DD");
  atOpt->excludes(dateOpt);
  for (size_t i = 0; i < kRatingItems.size(); ++i) {
    const auto& item = kRatingItems[i];
    cmd.add_option(fmt::format("--{}", item.name), ratings[i],
                   fmt::format("{} ({}..{})", item.question, item.min, item.max));
  }
  cmd.add_option("--with", with, "With whom: alone, manager, team, reports, clients, ...");
  cmd.add_option("--note", note, "A short note");
}

void EpisodeFlags::applyTo(Episode& e, const Clock& clock) const {
  if (at) {
    e.start = clock.fromLocal(parseLocalDateTime(*at, "at"));
    e.date = clock.dateOf(*e.start);
  } else if (date) {
    e.start.reset();
    e.date = parseDate(*date, "date");
  }
  for (size_t i = 0; i < kRatingItems.size(); ++i) {
    if (!ratings[i]) continue;
    validateRating(kRatingItems[i], *ratings[i]);
    e.ratings.*kRatingItems[i].member = *ratings[i];
  }
  if (with) e.with = *with;
  if (note) e.note = *note;
}

}  // namespace jobfit::cli
