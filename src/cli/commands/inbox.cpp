// jobfit inbox [--json]
#include "cli/commands/inbox.h"

#include <fmt/format.h>

#include "applications/applications_json.h"
#include "applications/inbox.h"
#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "cli/commands/search_common.h"

namespace jobfit::cli {

void showInbox(Context& ctx, bool json) {
  auto& store = ctx.store();
  Date today = ctx.clock().today();
  auto inbox = inboxFor(store, today);
  if (json) {
    printJson(ctx, toJson(inbox));
    return;
  }
  auto& out = ctx.out();
  out << ctx.bold(fmt::format("Today, {}", formatDate(today))) << '\n';
  if (inbox.empty()) {
    size_t open = 0;
    for (const auto& a : store.applications().list())
      if (!isFinal(currentStage(a))) ++open;
    out << fmt::format("Nothing needs you today. {} applications in progress ('jobfit apps').\n",
                       open);
    return;
  }
  std::optional<InboxItem::Kind> section;
  for (const auto& item : inbox.items) {
    if (item.kind != section) {
      section = item.kind;
      out << '\n'
          << ctx.bold(item.kind == InboxItem::Kind::interview  ? "Interviews"
                      : item.kind == InboxItem::Kind::followup ? "Follow-ups due"
                                                               : "Gone quiet")
          << '\n';
    }
    std::string when;
    if (item.reminder) {
      const auto& r = *item.reminder;
      when = r.at ? formatLocal(ctx.clock(), *r.at) : formatDate(r.due);
      if (r.kind == ReminderKind::followup && r.due < today)
        when = ctx.yellow(fmt::format("due {}", when));
    } else if (item.silence) {
      when = fmt::format("{}, no news for {} days", toString(item.stage), item.silence->days);
    }
    out << fmt::format("  #{} {} at {} · {}\n", item.applicationId, item.title, item.company, when);
    out << fmt::format("     {}\n     {}\n", item.suggestion, ctx.dim(item.command));
  }
}

void attachInbox(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->footer("'jobfit' with no arguments shows the inbox too, once there are applications.\n");
  cmd->callback([=, &ctx] { showInbox(ctx, *json); });
}

}  // namespace jobfit::cli
