// jobfit remind ID DATE [TEXT] [--at HH:MM] [--interview] [--minutes N]
// jobfit reminders [--all] [--json] [--done RID] [--rm RID]
#include <fmt/format.h>

#include "applications/applications_json.h"
#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "cli/commands/search_common.h"
#include "cli/table.h"
#include "core/error.h"

namespace jobfit::cli {

void attachRemind(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    std::string id, date, text;
    std::optional<std::string> at;
    std::optional<int> minutes;
    bool interview = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("id", args->id, "Application id")->required();
  cmd->add_option("date", args->date, "When, YYYY-MM-DD")->required();
  cmd->add_option("text", args->text, "What to do");
  cmd->add_option("--at", args->at, "Local time HH:MM");
  cmd->add_flag("--interview", args->interview, "It is an interview (needs --at)");
  cmd->add_option("--minutes", args->minutes, "How long (interviews default to 60)");
  cmd->footer("Examples:\n  jobfit remind 3 2026-03-20 \"ask Jane about the timeline\"\n"
              "  jobfit remind 3 2026-03-24 \"second round\" --interview --at 14:00\n");
  cmd->callback([args, &ctx] {
    auto& store = ctx.store();
    auto r = makeReminder(store,
                          {.applicationId = parseId(args->id, "application id"),
                           .due = parseDate(args->date, "date"),
                           .at = args->at,
                           .interview = args->interview,
                           .minutes = args->minutes,
                           .text = args->text},
                          ctx.clock());
    int64_t id = 0;
    store.transaction([&] { id = store.reminders().add(r); });
    ctx.out() << id << '\n';
  });
}

void attachReminders(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    bool all = false, json = false;
    std::vector<std::string> done, rm;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_flag("--all", args->all, "Include the ones already done");
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->add_option("--done", args->done, "Mark a reminder done (a follow-up is logged on its application)");
  cmd->add_option("--rm", args->rm, "Delete a reminder");
  cmd->callback([args, &ctx] {
    auto& store = ctx.store();
    Date today = ctx.clock().today();
    if (!args->done.empty() || !args->rm.empty()) {
      std::vector<std::string> said;
      store.transaction([&] {
        for (const auto& text : args->done) {
          auto id = parseId(text, "reminder id");
          markReminderDone(store, id, today, "done");
          said.push_back(fmt::format("Done: reminder {}", id));
        }
        for (const auto& text : args->rm) {
          auto id = parseId(text, "reminder id");
          store.reminders().remove(id);
          said.push_back(fmt::format("Deleted reminder {}", id));
        }
      });
      for (const auto& s : said) ctx.out() << s << '\n';
      return;
    }
    auto reminders = store.reminders().list(args->all);
    if (args->json) {
      auto out = nlohmann::json::array();
      for (const auto& r : reminders) out.push_back(toJson(r));
      printJson(ctx, out);
      return;
    }
    if (reminders.empty()) {
      ctx.out() << "No reminders. Add one with: jobfit remind APP_ID DATE \"what to do\"\n";
      return;
    }
    std::map<int64_t, Application> apps;
    for (auto& a : store.applications().list()) apps.emplace(a.id, std::move(a));
    Table t;
    t.column("ID", Table::Align::right);
    t.column("When");
    t.column("Kind");
    t.column("App", Table::Align::right);
    t.column("Application");
    t.column("What");
    t.column("Done");
    for (const auto& r : reminders) {
      std::string when = r.at ? formatLocal(ctx.clock(), *r.at) : formatDate(r.due);
      auto it = apps.find(r.applicationId);
      t.row({std::to_string(r.id), when, std::string(toString(r.kind)),
             std::to_string(r.applicationId), it != apps.end() ? cut(describe(it->second), 40) : "",
             cut(r.text, 40), r.done ? formatDate(*r.done) : (isDue(r, today) ? "due" : "")});
    }
    t.print(ctx.out());
  });
}

}  // namespace jobfit::cli
