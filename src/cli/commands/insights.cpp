// jobfit insights [--from DATE] [--to DATE] [--shrink K] [--json]
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "cli/evidence_text.h"
#include "core/error.h"
#include "evidence/insights.h"
#include "evidence/insights_json.h"
#include "evidence/operations.h"

namespace jobfit::cli {

void attachInsights(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    std::optional<std::string> from, to;
    double shrink = 3.0;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("--from", args->from, "First date, YYYY-MM-DD (default: the first episode)");
  cmd->add_option("--to", args->to, "Last date, YYYY-MM-DD (default: the last episode)");
  cmd->add_option("--shrink", args->shrink,
                  "K in the shrunken mean (n*mean + K*overall)/(n + K); default 3");
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->footer(
      "Net affect = mean(happy, engaged) - mean(stressed, frustrated), per episode, weighted by "
      "duration.\nU-index = share of rated time in which the strongest negative feeling beat "
      "the strongest positive one.\nThe formulas are in docs/evidence.md.");
  cmd->callback([args, &ctx] {
    InsightOptions options;
    if (args->from) options.from = parseDate(*args->from, "from");
    if (args->to) options.to = parseDate(*args->to, "to");
    options.shrinkK = args->shrink;
    auto insights = loadInsights(ctx.store(), options);
    if (args->json)
      printJson(ctx, toJson(insights));
    else
      printInsights(ctx.out(), insights);
  });
}

}  // namespace jobfit::cli
