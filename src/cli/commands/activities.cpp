// jobfit activities [--json]; jobfit activities add ID --label ... [--description] [--onet]
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "cli/table.h"
#include "core/error.h"
#include "core/text.h"
#include "worklog/episode_json.h"

namespace jobfit::cli {

void attachActivities(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->callback([=, &ctx] {
    if (!cmd->get_subcommands().empty()) return;
    auto catalog = loadCatalog(ctx.store());
    if (*json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& a : catalog.all()) out.push_back(toJson(a));
      printJson(ctx, out);
      return;
    }
    Table t;
    t.column("ID");
    t.column("Label");
    t.column("Description");
    for (const auto& a : catalog.all())
      t.row({a.id, a.label + (a.custom ? " (yours)" : ""), a.description});
    t.print(ctx.out());
    ctx.out() << "\nActivities map to O*NET Generalized Work Activities (O*NET data, CC BY 4.0, "
                 "U.S. Department of Labor); see 'jobfit activities --json'.\n";
  });

  struct AddArgs {
    std::string id, label, description, onet;
  };
  auto add = std::make_shared<AddArgs>();
  auto* addCmd = cmd->add_subcommand("add", "Add an activity of your own");
  addCmd->add_option("id", add->id, "Id: lower-case words joined by dashes, e.g. pair-programming")
      ->required();
  addCmd->add_option("--label", add->label, "How it reads, e.g. \"Pair programming\"")->required();
  addCmd->add_option("--description", add->description, "One line describing it");
  addCmd->add_option("--onet", add->onet, "O*NET GWA ids it covers, comma-separated");
  addCmd->callback([add, &ctx] {
    Activity a = customActivity(add->id, add->label, add->description, splitList(add->onet));
    auto& store = ctx.store();
    store.transaction([&] { store.activities().add(a); });
    ctx.out() << fmt::format("Added activity {}\n", a.id);
  });
}

}  // namespace jobfit::cli
