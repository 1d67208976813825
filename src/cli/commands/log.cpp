// jobfit log DURATION ACTIVITY[,ACTIVITY...] [ratings] [--at|--date] [--with] [--note]
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/episode_flags.h"
#include "cli/commands/registry.h"
#include "worklog/episode.h"

namespace jobfit::cli {

void attachLog(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    std::string duration, activities;
    EpisodeFlags flags;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("duration", args->duration, "How long: 90m, 1h30m, 2h, 45 (minutes)")
      ->required();
  cmd->add_option("activities", args->activities,
                  "What you did: one or more activity ids, comma-separated")
      ->required();
  args->flags.attach(*cmd);
  cmd->footer(
      "With neither --at nor --date the episode ends now.\n"
      "Example: jobfit log 1h30m writing --happy 5 --engaged 6 --stressed 1 --energy 1\n");
  cmd->callback([args, &ctx] {
    Episode e;
    e.minutes = parseDuration(args->duration);
    auto& store = ctx.store();
    ActivityCatalog catalog = loadCatalog(store);
    e.activities = parseActivityList(args->activities, catalog);
    endNow(e, ctx.clock());
    args->flags.applyTo(e, ctx.clock());
    validateEpisode(e, catalog, ctx.clock());
    int64_t id = 0;
    store.transaction([&] { id = store.episodes().add(e); });
    ctx.out() << id << '\n';
  });
}

}  // namespace jobfit::cli
