// jobfit expect ACTIVITY [--happy N] [--engaged N] [--stressed N] [--frustrated N] [--energy N]
// jobfit expect [--json]   (lists the latest expectation per activity)
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "cli/evidence_text.h"
#include "cli/table.h"
#include "core/error.h"
#include "core/text.h"
#include "evidence/affect.h"
#include "evidence/expectation_json.h"
#include "evidence/operations.h"

namespace jobfit::cli {

void attachExpect(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    std::string activity;
    std::optional<std::string> date;
    std::array<std::optional<int>, kRatingItems.size()> ratings;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("activity", args->activity,
                  "The activity you have an expectation about (without it: list them)");
  for (size_t i = 0; i < kRatingItems.size(); ++i) {
    const auto& item = kRatingItems[i];
    cmd->add_option(fmt::format("--{}", item.name), args->ratings[i],
                    fmt::format("How you expect it to feel: {} ({}..{})", item.question, item.min,
                                item.max));
  }
  cmd->add_option("--date", args->date, "When you hold this belief, YYYY-MM-DD (default: today)");
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->footer(
      "The latest expectation for an activity counts; 'jobfit insights' sets it beside what your "
      "episodes say.\nExample: jobfit expect presenting --happy 5 --engaged 5 --stressed 2 "
      "--energy 2");
  cmd->callback([args, &ctx] {
    auto& store = ctx.store();
    ActivityCatalog catalog = loadCatalog(store);
    if (args->activity.empty()) {
      auto latest = latestExpectations(store.expectations().list());
      if (args->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : latest) out.push_back(toJson(e));
        printJson(ctx, out);
        return;
      }
      if (latest.empty()) {
        ctx.out() << "No expectations yet. Record one with: jobfit expect presenting --happy 5 "
                     "--stressed 2\n";
        return;
      }
      Table t;
      t.column("Activity");
      t.column("Since");
      for (const auto& item : kRatingItems) t.column(std::string(item.name), Table::Align::right);
      t.column("Net affect", Table::Align::right);
      for (const auto& e : latest) {
        const Activity* a = catalog.find(e.activity);
        std::vector<std::string> row{a ? a->label : e.activity, formatDate(e.date)};
        for (const auto& item : kRatingItems) {
          const auto& v = e.ratings.*item.member;
          row.push_back(v ? std::to_string(*v) : "·");
        }
        row.push_back(affectCell(netAffect(e.ratings)));
        t.row(std::move(row));
      }
      t.print(ctx.out());
      return;
    }
    Expectation e;
    e.activity = toLower(args->activity);
    e.date = args->date ? parseDate(*args->date, "date") : ctx.clock().today();
    for (size_t i = 0; i < kRatingItems.size(); ++i)
      if (args->ratings[i]) e.ratings.*kRatingItems[i].member = *args->ratings[i];
    e = recordExpectation(store, e);
    if (args->json) {
      printJson(ctx, toJson(e));
      return;
    }
    auto na = netAffect(e.ratings);
    ctx.out() << fmt::format("Expected {} recorded (id {}){}.\n", catalog.require(e.activity).label,
                             e.id,
                             na ? fmt::format(": net affect {}", signedFixed(*na)) : "");
  });
}

}  // namespace jobfit::cli
