// jobfit stats [--from DATE] [--to DATE] [--json]
#include <fmt/format.h>

#include "applications/applications_json.h"
#include "applications/stats.h"
#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "cli/commands/search_common.h"
#include "cli/table.h"
#include "core/error.h"

namespace jobfit::cli {

namespace {

std::string percent(const std::optional<double>& v) {
  return v ? fmt::format("{:.0f}%", *v * 100) : "—";
}
std::string days(const std::optional<int>& v) { return v ? std::to_string(*v) : "—"; }

void printStats(Context& ctx, const SearchStats& s) {
  auto& out = ctx.out();
  std::string range;
  if (s.range.from || s.range.to)
    range = fmt::format(" · {} to {}", s.range.from ? formatDate(*s.range.from) : "start",
                        s.range.to ? formatDate(*s.range.to) : "today");
  out << ctx.bold(fmt::format("Job search as of {}{}: {} applications, {} sent",
                              formatDate(s.asOf), range, s.applications, s.sent))
      << '\n';
  if (s.applications == 0) {
    out << "Nothing to count yet. Add applications with 'jobfit app add' or 'jobfit apps import'.\n";
    return;
  }
  out << '\n' << ctx.bold("Funnel") << " (applications that ever reached each stage)\n";
  Table f;
  f.column("Stage");
  f.column("Reached", Table::Align::right);
  f.column("Of previous", Table::Align::right);
  for (const auto& step : s.funnel)
    f.row({std::string(toString(step.stage)), std::to_string(step.reached),
           step.stage == Stage::saved ? "" : percent(step.conversion)});
  f.print(out);
  out << fmt::format("Now: {} open · {} accepted · {} rejected · {} withdrawn · {} closed without "
                     "a response\n",
                     s.outcomes.open, s.outcomes.accepted, s.outcomes.rejected,
                     s.outcomes.withdrawn, s.outcomes.closed);
  if (s.sent == 0) return;

  out << '\n' << ctx.bold("By channel") << '\n';
  Table c;
  c.column("Channel");
  c.column("Sent", Table::Align::right);
  c.column("Response", Table::Align::right);
  c.column("Interview", Table::Align::right);
  c.column("Offer", Table::Align::right);
  c.column("Median days", Table::Align::right);
  for (const auto& ch : s.channels)
    c.row({std::string(toString(ch.channel)), std::to_string(ch.applications),
           percent(ch.responseRate), percent(ch.interviewRate), percent(ch.offerRate),
           days(ch.timeToResponse.median)});
  c.print(out);

  const auto& t = s.timeToResponse;
  out << '\n' << ctx.bold("Time to first response") << '\n';
  out << fmt::format("  {} answered; {} unanswered (still open, or closed without a reply) count "
                     "as censored (Kaplan-Meier)\n",
                     t.responses, t.censored);
  out << fmt::format("  median {} days · a quarter answered by day {} · three quarters by day {}\n",
                     days(t.median), days(t.p25), days(t.p75));
  if (!t.median)
    out << "  (— : fewer than that share has been answered, so the figure is not known yet)\n";

  out << '\n' << ctx.bold("Weekly volume") << '\n';
  Table w;
  w.column("Week of");
  w.column("Sent", Table::Align::right);
  w.column("Responses", Table::Align::right);
  for (const auto& week : s.weekly)
    w.row({formatDate(week.week), std::to_string(week.applications), std::to_string(week.responses)});
  w.print(out);

  out << '\n' << ctx.bold("By company") << '\n';
  Table co;
  co.column("Company");
  co.column("Sent", Table::Align::right);
  co.column("Responses", Table::Align::right);
  co.column("Median days", Table::Align::right);
  for (const auto& company : s.companies)
    co.row({cut(company.company, 32), std::to_string(company.applications),
            std::to_string(company.responses), days(company.medianDays)});
  co.print(out);
}

}  // namespace

void attachStats(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    std::optional<std::string> from, to;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("--from", args->from, "Only applications sent (or added) on or after, YYYY-MM-DD");
  cmd->add_option("--to", args->to, "Only applications sent (or added) on or before, YYYY-MM-DD");
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->footer("Definitions: docs/applications.md.\n");
  cmd->callback([args, &ctx] {
    StatsRange range;
    if (args->from) range.from = parseDate(*args->from, "from");
    if (args->to) range.to = parseDate(*args->to, "to");
    auto stats = statsFor(ctx.store(), range, ctx.clock().today());
    if (args->json)
      printJson(ctx, toJson(stats));
    else
      printStats(ctx, stats);
  });
}

}  // namespace jobfit::cli
