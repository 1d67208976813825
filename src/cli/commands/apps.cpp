// jobfit apps [--stage S] [--silent] [--json]
// jobfit apps export --csv FILE; jobfit apps history --csv FILE
// jobfit apps import FILE.csv [--preset P] [--map COLUMN=FIELD ...] [--history FILE] [--dry-run]
#include <fmt/format.h>

#include "applications/applications_json.h"
#include "applications/spreadsheet.h"
#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "cli/commands/search_common.h"
#include "cli/table.h"
#include "core/error.h"
#include "core/text.h"

namespace jobfit::cli {

namespace {

void printApplications(Context& ctx, const std::vector<Application>& apps,
                       const SilenceThresholds& thresholds) {
  if (apps.empty()) {
    ctx.out() << "No applications here. Add one with: jobfit app add --company C --title T\n";
    return;
  }
  Date today = ctx.clock().today();
  Table t;
  t.column("ID", Table::Align::right);
  t.column("Stage");
  t.column("Company");
  t.column("Title");
  t.column("Channel");
  t.column("Applied");
  t.column("Last event");
  t.column("Silent", Table::Align::right);
  int silentCount = 0;
  for (const auto& a : apps) {
    auto s = statusOf(a, thresholds, today);
    if (s.silence) ++silentCount;
    t.row({std::to_string(a.id), std::string(toString(s.stage)), cut(a.company, 24),
           cut(a.title, 32), std::string(toString(a.channel)),
           s.applied ? formatDate(*s.applied) : "", formatDate(s.lastEvent),
           s.silence ? fmt::format("{}d", s.silence->days) : ""});
  }
  t.print(ctx.out());
  ctx.out() << fmt::format("{} applications{}\n", apps.size(),
                           silentCount ? fmt::format(", {} silent", silentCount) : "");
}

void attachExportCsv(CLI::App& group, Context& ctx) {
  auto file = std::make_shared<std::string>();
  auto* cmd = group.add_subcommand("export", "Write one CSV row per application, stage dates as columns");
  cmd->add_option("--csv", *file, "The CSV file to write (- for standard output)")->required();
  cmd->footer("With 'jobfit apps history --csv' it holds every date; import both with\n"
              "'jobfit apps import APPS.csv --history HISTORY.csv'.\n");
  cmd->callback([=, &ctx] {
    auto& store = ctx.store();
    auto apps = store.applications().list();
    writeOutput(ctx, *file, applicationsCsv(apps, store.contacts().list()));
    if (*file != "-") ctx.out() << fmt::format("Exported {} applications to {}\n", apps.size(), *file);
  });
}

void attachHistoryCsv(CLI::App& group, Context& ctx) {
  auto file = std::make_shared<std::string>();
  auto* cmd = group.add_subcommand("history", "Write one CSV row per event of every application");
  cmd->add_option("--csv", *file, "The CSV file to write (- for standard output)")->required();
  cmd->callback([=, &ctx] {
    auto apps = ctx.store().applications().list();
    size_t events = 0;
    for (const auto& a : apps) events += a.events.size();
    writeOutput(ctx, *file, historyCsv(apps));
    if (*file != "-") ctx.out() << fmt::format("Exported {} events to {}\n", events, *file);
  });
}

void printPlan(Context& ctx, const CsvImportPlan& plan, bool dryRun) {
  auto& out = ctx.out();
  std::vector<std::string> columns;
  for (const auto& [header, field] : plan.columns)
    columns.push_back(field.empty() ? fmt::format("{} (ignored)", header)
                                    : fmt::format("{} -> {}", header, field));
  out << "Columns: " << join(columns, ", ") << '\n';
  if (dryRun) {
    out << fmt::format("Would import {} applications", plan.rows.size());
    if (!plan.newContacts.empty())
      out << fmt::format(" and {} new contacts ({})", plan.newContacts.size(),
                         join(plan.newContacts, ", "));
    out << '\n';
    for (const auto& r : plan.rows) {
      const auto& a = r.application;
      auto applied = appliedDate(a);
      out << fmt::format("  line {}: {} · {} · {}{}\n", r.line, describe(a), toString(a.channel),
                         applied ? "applied " + formatDate(*applied)
                                 : "saved " + formatDate(startDate(a)),
                         currentStage(a) == Stage::applied || currentStage(a) == Stage::saved
                             ? ""
                             : fmt::format(", now {}", toString(currentStage(a))));
    }
  }
  if (!plan.skipped.empty()) {
    out << fmt::format("Skipped {} rows:\n", plan.skipped.size());
    for (const auto& s : plan.skipped) out << fmt::format("  line {}: {}\n", s.line, s.reason);
  }
  if (!plan.bad.empty()) {
    auto& err = dryRun ? ctx.out() : ctx.err();
    err << fmt::format("Rows that cannot be imported ({}):\n", plan.bad.size());
    for (const auto& b : plan.bad) err << fmt::format("  line {}: {}\n", b.line, b.reason);
  }
}

void attachImportCsv(CLI::App& group, Context& ctx) {
  struct Args {
    std::string file, preset = "generic";
    std::optional<std::string> history;
    std::vector<std::string> map;
    bool dryRun = false, skipBad = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = group.add_subcommand("import", "Read applications from a CSV file");
  cmd->add_option("file", args->file, "The CSV file (- for standard input)")->required();
  cmd->add_option("--preset", args->preset,
                  "Whose export it is: generic (jobfit or a spreadsheet), huntr, teal, linkedin");
  cmd->add_option("--map", args->map,
                  "COLUMN=FIELD: read a column as a field (or 'ignore'); repeatable");
  cmd->add_option("--history", args->history,
                  "A file from 'jobfit apps history --csv': take every event from it");
  cmd->add_flag("--dry-run", args->dryRun, "Show what would be imported; write nothing");
  cmd->add_flag("--skip-bad", args->skipBad, "Import the good rows even if some are bad");
  cmd->footer(
      "Columns are recognised by their usual names (Company/Employer/Organization, Title/Role/\n"
      "Position/Job Title, Status/Stage/List, Date Applied/Application Date, URL/Link, Source,\n"
      "Notes, Salary, ...). Fields: " +
      join(csvImportFields(), ", ") +
      ".\nIf the file is malformed, or a row is bad and --skip-bad is not given, nothing is "
      "written.\n");
  cmd->callback([args, &ctx] {
    auto preset = parseCsvPreset(args->preset);
    if (!preset)
      throw Error(ErrorCode::usage, fmt::format("unknown preset '{}'", args->preset), "preset",
                  "presets: generic, huntr, teal, linkedin");
    CsvImportOptions options{*preset, {}};
    for (const auto& m : args->map) {
      auto eq = m.rfind('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == m.size())
        throw Error(ErrorCode::usage, fmt::format("--map '{}' must be COLUMN=FIELD", m), "map");
      options.map.emplace_back(std::string(trim(m.substr(0, eq))),
                               toLower(trim(m.substr(eq + 1))));
    }
    auto doc = parseCsv(readInput(ctx, args->file), args->file);
    std::optional<CsvDocument> history;
    if (args->history) history = parseCsv(readInput(ctx, *args->history), *args->history);
    auto& store = ctx.store();
    auto plan = planCsvImport(doc, history ? &*history : nullptr, options,
                              store.applications().list(), store.contacts().list(),
                              ctx.clock().today());
    printPlan(ctx, plan, args->dryRun);
    if (args->dryRun) return;
    if (!plan.bad.empty() && !args->skipBad)
      throw Error(ErrorCode::invalid,
                  fmt::format("{} rows cannot be imported; nothing was written", plan.bad.size()),
                  "file",
                  fmt::format("fix them, or pass --skip-bad to import the other {}",
                              plan.rows.size()));
    store.transaction([&] {
      std::map<std::string, int64_t> created;
      for (const auto& name : plan.newContacts) {
        Contact c;
        c.name = name;
        c.how = "referred me (imported)";
        created[normalizeKey(name)] = store.contacts().add(c);
      }
      for (auto row : plan.rows) {
        auto& a = row.application;
        if (!row.referrer.empty()) {
          int64_t id = row.referrerId ? *row.referrerId : created.at(normalizeKey(row.referrer));
          a.contacts.push_back({id, true});
        }
        store.applications().add(a);
      }
    });
    ctx.out() << fmt::format("Imported {} applications{}\n", plan.rows.size(),
                             plan.newContacts.empty()
                                 ? ""
                                 : fmt::format(" and {} contacts", plan.newContacts.size()));
  });
}

}  // namespace

void attachApps(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    std::optional<std::string> stage;
    bool silent = false, json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("--stage", args->stage, "Only applications in this stage");
  cmd->add_flag("--silent", args->silent, "Only applications that went silent");
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->require_subcommand(0, 1);
  attachExportCsv(*cmd, ctx);
  attachHistoryCsv(*cmd, ctx);
  attachImportCsv(*cmd, ctx);
  cmd->callback([args, cmd, &ctx] {
    if (!cmd->get_subcommands().empty()) return;  // export, history or import ran
    auto& store = ctx.store();
    Date today = ctx.clock().today();
    auto apps = listApplications(
        store, args->stage ? std::optional(requireStage(*args->stage)) : std::nullopt,
        args->silent, today);
    auto thresholds = silenceThresholds(store);
    if (!args->json) {
      printApplications(ctx, apps, thresholds);
      return;
    }
    printJson(ctx, applicationsJson(apps, thresholds, today));
  });
}

}  // namespace jobfit::cli
