// jobfit values [set K=V...]; jobfit constraints [set K=V...]; jobfit fit ID|FILE|URL|-;
// jobfit rank [--query] [--limit]; jobfit posting appeal ID 1-5
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/posting_source.h"
#include "cli/commands/registry.h"
#include "cli/table.h"
#include "core/error.h"
#include "core/text.h"
#include "fit/fit_json.h"
#include "fit/person.h"
#include "fit/profile_settings.h"
#include "fit/rank_ops.h"
#include "postings/analyze.h"

namespace jobfit::cli {

namespace {

std::string scoreText(double score) { return fmt::format("{:.0f}", score); }
std::string intervalText(double low, double high) { return fmt::format("{:.0f}-{:.0f}", low, high); }

// A stored posting (by id), or the first posting read from a file, URL or standard input.
Posting postingFrom(Context& ctx, const std::string& what) {
  bool digits = !what.empty() && what.find_first_not_of("0123456789") == std::string::npos;
  if (digits && !std::filesystem::exists(what)) {
    auto stored = ctx.store().postings().find(parseId(what, "posting id"));
    if (!stored)
      throw Error(ErrorCode::not_found, fmt::format("no posting with id {}", what), "id",
                  "list them with 'jobfit postings'");
    return stored->posting;
  }
  Source source(ctx, what);
  std::optional<PostingInput> first;
  std::string firstProblem;
  RecordSink sink{[&](PostingInput&& record) {
                    if (!first) first = std::move(record);
                  },
                  [&](const std::string& where, const std::string& why) {
                    if (firstProblem.empty()) firstProblem = where + ": " + why;
                  }};
  readPostings(source.stream(), source.name(), InputFormat::detect, {}, sink);
  if (!first)
    throw Error(ErrorCode::invalid,
                fmt::format("{} holds no posting that could be read{}", what,
                            firstProblem.empty() ? "" : " (" + firstProblem + ")"),
                "posting");
  return PostingAnalyzer::shared().analyze(*first);
}

void printFit(Context& ctx, const FitResult& r) {
  auto& out = ctx.out();
  std::string name = r.company.empty() ? r.title : fmt::format("{} at {}", r.title, r.company);
  out << ctx.bold(fmt::format("{} - fit {}/100", name.empty() ? "This posting" : name,
                              scoreText(r.score)))
      << fmt::format(" (interval {})\n", intervalText(r.low, r.high));
  if (!r.violations.empty()) {
    out << ctx.red("Breaks your constraints:") << '\n';
    for (const auto& v : r.violations) out << fmt::format("  - {}: {}\n", v.constraint, v.reason);
  }
  if (r.expectedNetAffect)
    out << fmt::format("Expected working day: net affect {:+.1f}", *r.expectedNetAffect)
        << (r.expectedEnergy ? fmt::format(", energy {:+.1f}", *r.expectedEnergy) : "") << '\n';
  out << "Based on: " << r.basis << '\n';
  if (!r.contributions.empty()) {
    out << "Why:\n";
    size_t shown = 0;
    for (const auto& c : r.contributions) {
      if (shown++ == 8) break;
      std::string phrase = c.evidence.empty() ? "" : fmt::format("  \"{}\"", c.evidence.front().text);
      std::string points = fmt::format("{:+5.1f}", c.points);
      out << "  " << (c.points < 0 ? ctx.red(points) : ctx.green(points)) << "  " << c.text
          << ctx.dim(phrase) << '\n';
    }
  }
  for (const auto& n : r.notes) out << "Note: " << n << '\n';
}

}  // namespace

void attachValues(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->callback([=, &ctx] {
    if (!cmd->get_subcommands().empty()) return;
    Values v = readValues(ctx.store().settings());
    if (*json) return printJson(ctx, toJson(v));
    Table t;
    t.column("Value");
    t.column("Weight (0-5)", Table::Align::right);
    for (size_t i = 0; i < kValueCount; ++i)
      t.row({std::string(kValueNames[i]), fmt::format("{:.0f}", v.weight[i])});
    t.print(ctx.out());
    ctx.out() << (v.targetPay ? fmt::format("Target pay: {:.0f} a year\n", *v.targetPay)
                              : "Target pay: not set (your minimum pay is used)\n");
    if (!v.any()) ctx.out() << "No values set yet: jobfit values set learning=3 time_and_health=4 pay=2\n";
  });
  auto assignments = std::make_shared<std::vector<std::string>>();
  auto* set = cmd->add_subcommand("set", "Set value weights: learning=3 pay=2 target_pay=120000");
  set->add_option("assignments", *assignments, "VALUE=WEIGHT (0-5), or target_pay=AMOUNT")->required();
  set->footer("Values: learning, autonomy, pay, stability, time_and_health, people, meaning, status.\n"
              "How each is read from a posting: docs/fit.md.\n");
  set->callback([=, &ctx] {
    setValues(ctx.store(), *assignments);
    ctx.out() << "Values saved.\n";
  });
}

void attachConstraints(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->callback([=, &ctx] {
    if (!cmd->get_subcommands().empty()) return;
    Constraints c = readConstraints(ctx.store().settings());
    if (*json) return printJson(ctx, toJson(c));
    auto& out = ctx.out();
    auto names = [](const auto& list) {
      std::vector<std::string> s;
      for (auto x : list) s.emplace_back(toString(x));
      return s.empty() ? std::string("any") : join(s, ", ");
    };
    out << "Minimum pay:      "
        << (c.minPay ? fmt::format("{} {:.0f} per {} ({:.0f} a year)", c.minPay->currency,
                                   c.minPay->amount, toString(c.minPay->period), c.minPay->annual())
                     : std::string("none"))
        << '\n';
    out << "Work modes:       " << names(c.workModes) << '\n';
    out << "Locations:        " << (c.locations.empty() ? "any" : join(c.locations, "; ")) << '\n';
    out << "Employment types: " << names(c.employmentTypes) << '\n';
    out << "Maximum travel:   "
        << (c.maxTravel ? fmt::format("{:.0f}%", *c.maxTravel * 100) : std::string("any")) << '\n';
    out << "On-call:          " << (c.onCallAccepted ? "accepted" : "no") << '\n';
  });
  auto assignments = std::make_shared<std::vector<std::string>>();
  auto* set = cmd->add_subcommand("set", "Set hard constraints: min_pay=100000 on_call=no ...");
  set->add_option("assignments", *assignments, "KEY=VALUE; an empty value clears it")->required();
  set->footer(
      "Keys: min_pay, currency (USD), period (hour|day|week|month|year), work_modes "
      "(remote,hybrid,onsite),\nlocations (Berlin;London), employment_types (full_time,...), "
      "max_travel (0-1), on_call (yes|no).\n");
  set->callback([=, &ctx] {
    setConstraints(ctx.store(), *assignments);
    ctx.out() << "Constraints saved.\n";
  });
}

void attachFit(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto what = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("posting", *what, "A stored posting's id, a file, an http(s) URL, or - for standard input")
      ->required();
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->footer("How the score is computed: docs/fit.md.\n");
  cmd->callback([=, &ctx] {
    Posting posting = postingFrom(ctx, *what);
    auto& store = ctx.store();
    ActivityCatalog catalog = loadCatalog(store);
    FitResult r = fitPosting(loadProfile(store, catalog), posting, catalog);
    if (*json) return printJson(ctx, toJson(r));
    printFit(ctx, r);
  });
}

void attachRank(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    std::optional<std::string> query;
    int limit = 20;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("--query", args->query, "Only postings matching this full-text query");
  cmd->add_option("--limit", args->limit, "How many to show (1-10000)");
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->callback([args, &ctx] {
    if (args->limit < 1 || args->limit > static_cast<int>(kMaxRankLimit))
      throw Error(ErrorCode::usage,
                  fmt::format("--limit must be from 1 to {}, got {}", kMaxRankLimit, args->limit), "limit");
    auto& store = ctx.store();
    RankReport report = rankStored(store, loadCatalog(store), {args->query, static_cast<size_t>(args->limit)});
    if (args->json) return printJson(ctx, toJson(report));
    if (report.total == 0) {
      ctx.out() << (args->query ? "No postings match that query.\n"
                                : "No postings yet. Add some with 'jobfit posting add FILE' or 'jobfit postings import'.\n");
      return;
    }
    Table t;
    t.column("#", Table::Align::right);
    t.column("ID", Table::Align::right);
    t.column("Fit", Table::Align::right);
    t.column("Interval", Table::Align::right);
    t.column("Posting");
    t.column("Top reason");
    for (size_t i = 0; i < report.ranked.size(); ++i) {
      const auto& r = report.ranked[i];
      std::string name = r.company.empty() ? r.title : r.title + " at " + r.company;
      if (name.size() > 44) name = name.substr(0, 41) + "...";
      t.row({std::to_string(i + 1), std::to_string(r.postingId), scoreText(r.score),
             intervalText(r.low, r.high), name, r.topReason()});
    }
    t.print(ctx.out());
    ctx.out() << fmt::format("{} of {} postings meet your constraints; scores rest on {}.\n", report.eligible,
                             report.total, report.basis);
    if (!report.ideaFlags.empty()) {
      ctx.out() << '\n' << ctx.yellow("Mostly the idea of it:") << '\n';
      for (const auto& f : report.ideaFlags) ctx.out() << "  - " << f.text << '\n';
    }
  });
}

void attachAppeal(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  // `appeal` belongs to the posting group, which the postings commands create first.
  auto* group = parent.get_subcommand("posting");
  struct Args {
    std::string id;
    int appeal = 0;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = group->add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("id", args->id, "Posting id")->required();
  cmd->add_option("appeal", args->appeal, "1 (not at all) to 5 (it is my dream job)")->required();
  cmd->callback([args, &ctx] {
    if (args->appeal < 1 || args->appeal > 5)
      throw Error(ErrorCode::usage, fmt::format("appeal must be from 1 to 5, got {}", args->appeal), "appeal");
    auto& store = ctx.store();
    Appeal a{parseId(args->id, "posting id"), args->appeal, ctx.clock().today()};
    store.transaction([&] { store.fit().setAppeal(a); });
    ctx.out() << fmt::format("Posting {} appeals {}/5 to you.\n", a.postingId, a.appeal);
  });
}

}  // namespace jobfit::cli
