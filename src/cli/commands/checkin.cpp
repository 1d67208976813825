// jobfit checkin [--date DATE] [--answers p1=often,...,w7=seldom]
// jobfit checkins [--json]
#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/checkin_prompt.h"
#include "cli/commands/registry.h"
#include "cli/evidence_text.h"
#include "core/error.h"
#include "evidence/insights_json.h"
#include "evidence/warning.h"

namespace jobfit::cli {

namespace {

std::string scaleSummary(std::string_view name, std::optional<double> score, int answered,
                         int items, int needed) {
  if (!score)
    return fmt::format("{}: no score ({} of {} answered; {} needed)", name, answered, items, needed);
  return fmt::format("{} {:.1f}{}", name, *score,
                     isHigh(score) ? " (high: 50 or more reads as a high degree of burnout)" : "");
}

}  // namespace

void attachCheckin(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    std::optional<std::string> date, answers;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("--date", args->date, "The date the answers are for, YYYY-MM-DD (default: today)");
  cmd->add_option("--answers", args->answers,
                  "Answer without questions: p1=often,...,w7=seldom (p1..p6 personal, w1..w7 "
                  "work-related)");
  cmd->footer(fmt::format(
      "Without --answers, the questions are asked one by one (standard input must be a "
      "terminal).\nAnswers: always|often|sometimes|seldom|never; w1..w3 take "
      "very-high|high|somewhat|low|very-low.\nA second check-in on the same date replaces the "
      "first.\nSource: {}",
      kCbiSource));
  cmd->callback([args, &ctx] {
    Checkin c;
    c.date = args->date ? parseDate(*args->date, "date") : ctx.clock().today();
    if (daysBetween(ctx.clock().today(), c.date) > 1)
      throw Error(ErrorCode::usage,
                  fmt::format("date {} is more than a day in the future", formatDate(c.date)),
                  "date");
    if (args->answers) {
      c.answers = parseCbiAnswers(*args->answers);
    } else if (::isatty(STDIN_FILENO) && &ctx.in() == &std::cin) {
      c.answers = askCbiItems(ctx.in(), ctx.out());
    } else {
      throw Error(ErrorCode::usage, "no answers: pass --answers, or run it in a terminal",
                  "answers", "e.g. jobfit checkin --answers p1=often,p2=sometimes,...,w7=seldom");
    }
    validateCheckin(c);
    auto& store = ctx.store();
    bool replaced = false;
    store.transaction([&] {
      if (auto existing = store.checkins().findByDate(c.date)) {
        c.id = existing->id;
        store.checkins().update(c);
        replaced = true;
      } else {
        c.id = store.checkins().add(c);
      }
    });
    BurnoutScore s = burnoutScore(c);
    ctx.out() << fmt::format("{} the check-in of {} (id {}).\n", replaced ? "Replaced" : "Saved",
                             formatDate(c.date), c.id);
    ctx.out() << scaleSummary("Personal burnout", s.personal, s.personalAnswered, 6,
                              kPersonalMinAnswers)
              << '\n'
              << scaleSummary("Work-related burnout", s.work, s.workAnswered, 7, kWorkMinAnswers)
              << '\n';
  });
}

void attachCheckins(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->footer("Also shows the burnout early warning for the last 4 weeks (docs/evidence.md).");
  cmd->callback([=, &ctx] {
    auto& store = ctx.store();
    auto checkins = store.checkins().list();
    auto trend = checkinTrend(checkins);
    if (*json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& p : trend) out.push_back(toJson(p));
      printJson(ctx, out);
      return;
    }
    printCheckins(ctx.out(), trend);
    Date today = ctx.clock().today();
    EpisodeQuery q;
    q.from = addDays(today, -(kWarningWindowDays - 1));
    q.to = today;
    auto warning = earlyWarning(store.episodes().list(q), checkins, today);
    ctx.out() << '\n';
    printWarning(ctx.out(), warning);
  });
}

}  // namespace jobfit::cli
