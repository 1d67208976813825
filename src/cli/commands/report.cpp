// jobfit report [--week [DATE]] [--html FILE] [--format text|html|json] [--weeks N]
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "cli/evidence_text.h"
#include "core/error.h"
#include "evidence/operations.h"
#include "evidence/report.h"
#include "evidence/report_html.h"
#include "evidence/report_json.h"

namespace jobfit::cli {

namespace {

// Written to a temporary file first and renamed, owner-only: the report holds private data.
void writePrivateFile(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorCode::io, fmt::format("cannot write {}", path), "html");
    ::chmod(tmp.c_str(), 0600);
    out << text;
    if (!out.flush()) throw Error(ErrorCode::io, fmt::format("cannot write {}", path), "html");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw Error(ErrorCode::io, fmt::format("cannot write {}: {}", path, ec.message()), "html");
}

}  // namespace

void attachReport(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    std::string week, html, format;
    int weeks = 4;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("--week", args->week,
                  "Any date in the week, YYYY-MM-DD (default: this week)")
      ->expected(0, 1);
  cmd->add_option("--html", args->html, "Write a self-contained HTML page to FILE");
  cmd->add_option("--format", args->format, "Print as text (default), html or json")
      ->check(CLI::IsMember({"text", "html", "json"}));
  cmd->add_option("--weeks", args->weeks,
                  "Weeks of episodes behind the per-activity evidence (default 4)")
      ->check(CLI::Range(1, 52));
  cmd->footer(
      "Examples:\n  jobfit report --week --html week.html\n  jobfit report --week 2026-03-09 "
      "--format text");
  cmd->callback([args, &ctx] {
    Date today = ctx.clock().today();
    Date day = args->week.empty() ? today : parseDate(args->week, "week");
    ReportOptions options;
    options.evidenceWeeks = args->weeks;
    auto report = loadWeeklyReport(ctx.store(), day, today, options);
    if (!args->html.empty()) {
      writePrivateFile(args->html, renderReportHtml(report));
      ctx.out() << fmt::format("Wrote the report for the week of {} to {}\n",
                               formatDate(report.weekStart), args->html);
      if (args->format.empty()) return;
    }
    if (args->format == "html")
      ctx.out() << renderReportHtml(report);
    else if (args->format == "json")
      printJson(ctx, toJson(report));
    else
      printReport(ctx.out(), report);
  });
}

}  // namespace jobfit::cli
