// jobfit checkin [--date DATE] [--answers p1=often,...,w7=seldom]
// jobfit checkins [--json]
#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/checkin_prompt.h"
#include "cli/commands/registry.h"
#include "cli/evidence_text.h"
#include "core/error.h"
#include "evidence/operations.h"
#include "evidence/operations_json.h"

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
    if (args->answers) {
      c.answers = parseCbiAnswers(*args->answers);
    } else if (::isatty(STDIN_FILENO) && &ctx.in() == &std::cin) {
      c.answers = askCbiItems(ctx.in(), ctx.out());
    } else {
      throw Error(ErrorCode::usage, "no answers: pass --answers, or run it in a terminal",
                  "answers", "e.g. jobfit checkin --answers p1=often,p2=sometimes,...,w7=seldom");
    }
    SavedCheckin saved = saveCheckin(ctx.store(), c, ctx.clock());
    const BurnoutScore& s = saved.score;
    ctx.out() << fmt::format("{} the check-in of {} (id {}).\n",
                             saved.replaced ? "Replaced" : "Saved", formatDate(saved.checkin.date),
                             saved.checkin.id);
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
    auto history = loadCheckinHistory(ctx.store(), ctx.clock().today());
    if (*json) {
      printJson(ctx, toJson(history)["checkins"]);
      return;
    }
    printCheckins(ctx.out(), history.checkins);
    ctx.out() << '\n';
    printWarning(ctx.out(), history.warning);
  });
}

}  // namespace jobfit::cli
