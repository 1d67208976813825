// jobfit demo [--db PATH] [--force] [--seed N]
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "demo/demo.h"

namespace jobfit::cli {

void attachDemo(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    bool force = false;
    uint64_t seed = DemoOptions{}.seed;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_flag("--force", args->force,
                "Write the demo even if the database holds data (it is added beside it)");
  cmd->add_option("--seed", args->seed, "Another seed gives another (equally realistic) story");
  cmd->footer(
      "Six weeks of episodes ending today, weekly burnout check-ins, expectations, calendar "
      "drafts, 100 postings and 40 applications with contacts and reminders.\n"
      "Example: jobfit demo --db /tmp/demo.db && jobfit --db /tmp/demo.db serve");
  cmd->callback([args, &ctx] {
    auto summary = writeDemo(ctx.store(), ctx.clock(), {.seed = args->seed, .force = args->force});
    auto& out = ctx.out();
    out << fmt::format("Wrote the demo into {}:\n", ctx.databasePath().string());
    out << fmt::format("  {} episodes over six weeks, {} check-ins, {} expectations, {} drafts to rate\n",
                       summary.episodes, summary.checkins, summary.expectations, summary.drafts);
    out << fmt::format("  postings: {}\n", summary.postings.summary());
    out << fmt::format("  {} applications, {} contacts, {} reminders\n", summary.applications,
                       summary.contacts, summary.reminders);
    out << fmt::format("Look around: jobfit --db {} insights | inbox | postings | serve\n",
                       ctx.databasePath().string());
  });
}

}  // namespace jobfit::cli
