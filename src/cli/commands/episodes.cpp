// jobfit episodes [--from] [--to] [--activity] [--json]
// jobfit episode show|edit|rm ID
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/episode_flags.h"
#include "cli/commands/registry.h"
#include "cli/table.h"
#include "core/error.h"
#include "core/text.h"
#include "worklog/episode_json.h"

namespace jobfit::cli {

namespace {

std::string ratingCell(const std::optional<int>& v) { return v ? std::to_string(*v) : "·"; }

void printEpisodes(Context& ctx, const std::vector<Episode>& episodes) {
  if (episodes.empty()) {
    ctx.out() << "No episodes yet. Log one with: jobfit log 1h writing --happy 4\n";
    return;
  }
  Table t;
  t.column("ID", Table::Align::right);
  t.column("Date");
  t.column("Start");
  t.column("Time", Table::Align::right);
  t.column("Activities");
  t.column("With");
  for (const auto& item : kRatingItems)
    t.column(item.name == "energy" ? "Enrg" : std::string(1, char(std::toupper(item.name[0]))) +
                                                  std::string(item.name.substr(1, 2)),
             Table::Align::right);
  t.column("Note");
  int total = 0;
  for (const auto& e : episodes) {
    std::vector<std::string> cells{
        std::to_string(e.id), formatDate(e.date),
        e.start ? formatLocal(ctx.clock(), *e.start).substr(11) : "", formatDuration(e.minutes),
        join(e.activities, ","), e.with};
    for (const auto& item : kRatingItems) cells.push_back(ratingCell(e.ratings.*item.member));
    std::string note = e.note.size() > 40 ? e.note.substr(0, 37) + "..." : e.note;
    cells.push_back(note);
    t.row(std::move(cells));
    total += e.minutes;
  }
  t.print(ctx.out());
  ctx.out() << fmt::format("{} episodes, {}\n", episodes.size(), formatDuration(total));
}

Episode requireEpisode(Store& store, int64_t id) {
  auto e = store.episodes().find(id);
  if (!e) throw Error(ErrorCode::not_found, fmt::format("no episode with id {}", id), "id",
                      "list them with 'jobfit episodes'");
  return *e;
}

}  // namespace

void attachEpisodes(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    std::optional<std::string> from, to, activity;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("--from", args->from, "First date, YYYY-MM-DD");
  cmd->add_option("--to", args->to, "Last date, YYYY-MM-DD");
  cmd->add_option("--activity", args->activity, "Only episodes with this activity");
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->callback([args, &ctx] {
    EpisodeQuery q;
    if (args->from) q.from = parseDate(*args->from, "from");
    if (args->to) q.to = parseDate(*args->to, "to");
    if (q.from && q.to && *q.from > *q.to)
      throw Error(ErrorCode::usage, "--from is after --to", "from");
    auto& store = ctx.store();
    if (args->activity) {
      loadCatalog(store).require(*args->activity, "activity");
      q.activity = args->activity;
    }
    auto episodes = store.episodes().list(q);
    if (args->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& e : episodes) out.push_back(toJson(e));
      printJson(ctx, out);
    } else {
      printEpisodes(ctx, episodes);
    }
  });
}

void attachEpisode(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto* group = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  group->require_subcommand(1);

  auto showId = std::make_shared<std::string>();
  auto showJson = std::make_shared<bool>(false);
  auto* show = group->add_subcommand("show", "Show one episode");
  show->add_option("id", *showId, "Episode id")->required();
  show->add_flag("--json", *showJson, "Print JSON");
  show->callback([=, &ctx] {
    Episode e = requireEpisode(ctx.store(), parseId(*showId, "episode id"));
    if (*showJson)
      printJson(ctx, toJson(e));
    else
      printEpisodes(ctx, {e});
  });

  struct EditArgs {
    std::string id;
    std::optional<std::string> duration, activities;
    EpisodeFlags flags;
  };
  auto edit = std::make_shared<EditArgs>();
  auto* editCmd = group->add_subcommand("edit", "Change an episode: only the flags given change");
  editCmd->add_option("id", edit->id, "Episode id")->required();
  editCmd->add_option("--duration", edit->duration, "New duration: 90m, 1h30m, 2h");
  editCmd->add_option("--activities", edit->activities, "New activities, comma-separated");
  edit->flags.attach(*editCmd);
  editCmd->callback([edit, &ctx] {
    auto& store = ctx.store();
    Episode e = requireEpisode(store, parseId(edit->id, "episode id"));
    ActivityCatalog catalog = loadCatalog(store);
    if (edit->duration) e.minutes = parseDuration(*edit->duration);
    if (edit->activities) e.activities = parseActivityList(*edit->activities, catalog);
    edit->flags.applyTo(e, ctx.clock());
    validateEpisode(e, catalog, ctx.clock());
    store.transaction([&] { store.episodes().update(e); });
    ctx.out() << fmt::format("Updated episode {}\n", e.id);
  });

  auto rmId = std::make_shared<std::string>();
  auto* rm = group->add_subcommand("rm", "Delete an episode");
  rm->add_option("id", *rmId, "Episode id")->required();
  rm->callback([=, &ctx] {
    int64_t id = parseId(*rmId, "episode id");
    auto& store = ctx.store();
    store.transaction([&] { store.episodes().remove(id); });
    ctx.out() << fmt::format("Deleted episode {}\n", id);
  });
}

}  // namespace jobfit::cli
