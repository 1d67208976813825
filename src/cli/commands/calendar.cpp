// jobfit calendar export FILE.ics
#include <fmt/format.h>

#include "applications/calendar.h"
#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "cli/commands/search_common.h"

namespace jobfit::cli {

void attachCalendar(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto* group = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  group->require_subcommand(1);
  auto file = std::make_shared<std::string>();
  auto* cmd = group->add_subcommand(
      "export", "Write interviews and open follow-ups as iCalendar events with alarms");
  cmd->add_option("file", *file, "The .ics file to write (- for standard output)")->required();
  cmd->footer("Each event keeps its UID on every export, so importing the file again updates\n"
              "the events in your calendar instead of adding copies.\n");
  cmd->callback([=, &ctx] {
    auto& store = ctx.store();
    auto reminders = store.reminders().list(false);
    writeOutput(ctx, *file, calendarIcs(reminders, store.applications().list(), ctx.clock()));
    if (*file != "-")
      ctx.out() << fmt::format("Wrote {} events to {}\n", reminders.size(), *file);
  });
}

}  // namespace jobfit::cli
