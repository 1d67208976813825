// The flags that describe an episode, shared by `log` and `episode edit`.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "worklog/episode.h"

namespace jobfit::cli {

struct EpisodeFlags {
  std::optional<std::string> at, date, with, note;
  std::array<std::optional<int>, kRatingItems.size()> ratings;

  void attach(CLI::App& cmd);
  // Applies the flags given to e (ratings, with, note, and when: --at or --date).
  // `minutes` is the episode's (new) duration, for placing an episode that ends now.
  void applyTo(Episode& e, const Clock& clock) const;
};

}  // namespace jobfit::cli
