// jobfit import-calendar FILE.ics [--from DATE] [--to DATE] [--json]
// jobfit drafts [--all] [--json];  jobfit drafts rm ID...
// jobfit rate ID [--activities A,B] [--duration D] [rating flags as for log]
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/episode_flags.h"
#include "cli/commands/registry.h"
#include "cli/table.h"
#include "core/error.h"
#include "core/text.h"
#include "evidence/calendar.h"
#include "evidence/draft_json.h"
#include "evidence/operations.h"
#include "evidence/operations_json.h"

namespace jobfit::cli {

namespace {

std::string readCalendarFile(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw Error(ErrorCode::io, fmt::format("cannot read {}: {}", path, ec.message()), "file");
  if (size > kMaxCalendarBytes)
    throw Error(ErrorCode::too_large,
                fmt::format("{} is larger than {} MB", path, kMaxCalendarBytes / 1024 / 1024),
                "file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, fmt::format("cannot read {}", path), "file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string plural(int n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

void attachImportCalendar(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    std::string file;
    std::optional<std::string> from, to;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("file", args->file, "An iCalendar file (.ics)")->required();
  cmd->add_option("--from", args->from, "First date, YYYY-MM-DD (default: 13 days before --to)");
  cmd->add_option("--to", args->to, "Last date, YYYY-MM-DD (default: today)");
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->footer(
      "Each event becomes a draft episode to rate ('jobfit drafts', 'jobfit rate ID ...'). "
      "All-day events are skipped; recurring events are expanded within the dates.\nImporting "
      "the same calendar again adds only new events. A malformed file imports nothing.");
  cmd->callback([args, &ctx] {
    std::optional<Date> to, from;
    if (args->to) to = parseDate(*args->to, "to");
    if (args->from) from = parseDate(*args->from, "from");
    std::string text = readCalendarFile(args->file);
    CalendarImport import = importCalendar(ctx.store(), text, ctx.clock(), from, to);
    if (args->json) {
      printJson(ctx, toJson(import));
      return;
    }
    const auto& read = import.read;
    const auto& added = import.added;
    int already = import.alreadyImported;
    ctx.out() << fmt::format("Imported {} from {} ({} .. {}).\n", plural(int(added.size()), "draft"),
                             args->file, formatDate(import.from), formatDate(import.to));
    std::vector<std::string> skipped;
    if (already) skipped.push_back(fmt::format("{} already imported", already));
    if (read.allDay) skipped.push_back(plural(read.allDay, "all-day event"));
    if (read.cancelled) skipped.push_back(plural(read.cancelled, "cancelled event"));
    if (read.withoutDuration) skipped.push_back(fmt::format("{} without a duration", read.withoutDuration));
    if (read.longerThanADay) skipped.push_back(fmt::format("{} longer than a day", read.longerThanADay));
    if (!skipped.empty()) ctx.out() << fmt::format("Skipped: {}.\n", join(skipped, ", "));
    if (!added.empty()) ctx.out() << "Rate them with 'jobfit drafts' and 'jobfit rate ID ...'.\n";
  });
}

void attachDrafts(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    bool all = false, json = false;
    std::vector<std::string> rmIds;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_flag("--all", args->all, "Also list rated and discarded drafts");
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->footer("Rate a draft with 'jobfit rate ID --happy N ...'; discard one with 'jobfit drafts rm ID'.");
  cmd->callback([args, cmd, &ctx] {
    if (!cmd->get_subcommands().empty()) return;
    auto& store = ctx.store();
    auto drafts = store.drafts().list(args->all ? std::nullopt
                                                : std::optional<DraftStatus>(DraftStatus::pending));
    if (args->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& d : drafts) out.push_back(toJson(d));
      printJson(ctx, out);
      return;
    }
    if (drafts.empty()) {
      ctx.out() << (args->all ? "No drafts.\n"
                              : "No drafts waiting. Import some with: jobfit import-calendar "
                                "FILE.ics\n");
      return;
    }
    Table t;
    t.column("ID", Table::Align::right);
    t.column("Date");
    t.column("Start");
    t.column("Time", Table::Align::right);
    t.column("Guess");
    t.column("Title");
    if (args->all) t.column("Status");
    for (const auto& d : drafts) {
      std::string title = d.title.size() > 50 ? d.title.substr(0, 47) + "..." : d.title;
      std::vector<std::string> row{std::to_string(d.id), formatDate(d.date),
                                   formatLocal(ctx.clock(), d.start).substr(11),
                                   formatDuration(d.minutes), d.activity.empty() ? "?" : d.activity,
                                   title};
      if (args->all)
        row.push_back(d.episodeId ? fmt::format("rated (episode {})", *d.episodeId)
                                  : std::string(draftStatusName(d.status)));
      t.row(std::move(row));
    }
    t.print(ctx.out());
    ctx.out() << fmt::format("{}. Rate one: jobfit rate ID --happy N --stressed N ... "
                             "(--activities to change the guess)\n",
                             plural(int(drafts.size()), "draft"));
  });

  auto* rm = cmd->add_subcommand("rm", "Discard drafts that were not work worth rating");
  rm->add_option("ids", args->rmIds, "Draft ids")->required();
  rm->callback([args, &ctx] {
    std::vector<int64_t> ids;
    for (const auto& text : args->rmIds) ids.push_back(parseId(text, "draft id"));
    discardDrafts(ctx.store(), ids);
    ctx.out() << fmt::format("Discarded {}\n", plural(int(ids.size()), "draft"));
  });
}

void attachRate(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    std::string id;
    std::optional<std::string> activities, duration;
    EpisodeFlags flags;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("id", args->id, "Draft id (see 'jobfit drafts')")->required();
  cmd->add_option("--activities", args->activities,
                  "What you did, comma-separated (default: the guess shown by 'jobfit drafts')");
  cmd->add_option("--duration", args->duration, "Correct the duration: 90m, 1h30m, 2h");
  args->flags.attach(*cmd);
  cmd->footer(
      "The draft becomes an episode with its start, duration and the event title as note.\n"
      "Example: jobfit rate 3 --happy 4 --engaged 5 --stressed 1 --energy 1");
  cmd->callback([args, &ctx] {
    auto& store = ctx.store();
    int64_t id = parseId(args->id, "draft id");
    int64_t episodeId = 0;
    try {
      episodeId = rateDraft(
          store, id,
          [&](Episode& e) {
            if (args->activities)
              e.activities = parseActivityList(*args->activities, loadCatalog(store));
            if (args->duration) e.minutes = parseDuration(*args->duration);
            args->flags.applyTo(e, ctx.clock());
          },
          ctx.clock());
    } catch (const Error& e) {
      // The same refusals, with the flags that answer them.
      if (e.field() == "activities" && !args->activities)
        throw Error(e.code(), e.what(), e.field(), "pass --activities, e.g. --activities meetings");
      if (e.field() == "ratings")
        throw Error(e.code(), e.what(), e.field(), "e.g. --happy 4 --stressed 1");
      throw;
    }
    ctx.out() << fmt::format("Rated draft {} as episode {}\n", id, episodeId);
  });
}

}  // namespace jobfit::cli
