// jobfit posting add FILE|URL|-
// jobfit posting analyze FILE|URL|-     (JSON, stores nothing)
// jobfit posting show ID [--json]
// jobfit posting rm ID
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/posting_source.h"
#include "cli/commands/registry.h"
#include "cli/postings_view.h"
#include "core/error.h"
#include "postings/import.h"
#include "postings/listing_json.h"
#include "postings/posting_json.h"
#include "postings/pull.h"

namespace jobfit::cli {

namespace {

StoredPosting requirePosting(Store& store, int64_t id) {
  auto p = store.postings().find(id);
  if (!p)
    throw Error(ErrorCode::not_found, fmt::format("no posting with id {}", id), "id",
                "list them with 'jobfit postings'");
  return *p;
}

void printRejections(Context& ctx, const PostingImportReport& report) {
  for (const auto& r : report.rejections)
    ctx.err() << fmt::format("jobfit: rejected {}: {}\n", r.where, r.why);
}

}  // namespace

void attachPosting(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto* group = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  group->require_subcommand(1);

  struct AddArgs {
    std::string from;
    std::optional<std::string> format;
  };
  auto add = std::make_shared<AddArgs>();
  auto* addCmd = group->add_subcommand("add", "Add a posting from a file, a web page or standard input");
  addCmd->add_option("from", add->from, "A file, an http(s) URL, or - for standard input")->required();
  addCmd->add_option("--format", add->format,
                     "text, html, greenhouse, lever, ashby, csv or jsonl (default: detect)");
  addCmd->callback([add, &ctx] {
    Source source(ctx, add->from);
    auto result = addPostings(ctx.store(), source.stream(), source.name(),
                              formatFlag(add->format), ctx.clock().now());
    for (const auto& p : result.stored) {
      std::string what = p.title + (p.company.empty() ? "" : " at " + p.company);
      switch (p.outcome) {
        case UpsertOutcome::added: ctx.out() << fmt::format("Added posting {}: {}\n", p.id, what); break;
        case UpsertOutcome::updated: ctx.out() << fmt::format("Updated posting {}: {}\n", p.id, what); break;
        case UpsertOutcome::unchanged:
          ctx.out() << fmt::format("Posting {} is already stored, unchanged: {}\n", p.id, what);
          break;
      }
    }
    printRejections(ctx, result.report);
    ctx.out() << "Show it with: jobfit posting show ID\n";
  });

  struct AnalyzeArgs {
    std::string from;
    std::optional<std::string> format;
  };
  auto analyze = std::make_shared<AnalyzeArgs>();
  auto* analyzeCmd = group->add_subcommand(
      "analyze", "Print what a posting would have you do, as JSON, without storing it");
  analyzeCmd->add_option("from", analyze->from, "A file, an http(s) URL, or - for standard input")
      ->required();
  analyzeCmd->add_option("--format", analyze->format,
                         "text, html, greenhouse, lever, ashby, csv or jsonl (default: detect)");
  analyzeCmd->footer("One posting prints as one JSON object; several as an array.");
  analyzeCmd->callback([analyze, &ctx] {
    Source source(ctx, analyze->from);
    auto analyzed = analyzePostings(source.stream(), source.name(), formatFlag(analyze->format));
    for (const auto& r : analyzed.rejections)
      ctx.err() << fmt::format("jobfit: rejected {}: {}\n", r.where, r.why);
    nlohmann::json results = nlohmann::json::array();
    for (const auto& p : analyzed.postings) results.push_back(toJson(p));
    printJson(ctx, results.size() == 1 ? results[0] : results);
  });

  auto showId = std::make_shared<std::string>();
  auto showJson = std::make_shared<bool>(false);
  auto* show = group->add_subcommand("show", "Show a posting with the phrases behind each fact");
  show->add_option("id", *showId, "Posting id")->required();
  show->add_flag("--json", *showJson, "Print JSON");
  show->callback([=, &ctx] {
    auto& store = ctx.store();
    StoredPosting sp = requirePosting(store, parseId(*showId, "posting id"));
    if (*showJson) {
      printJson(ctx, toJson(sp));
    } else {
      printPosting(ctx, sp, loadCatalog(store));
    }
  });

  auto rmId = std::make_shared<std::string>();
  auto* rm = group->add_subcommand("rm", "Delete a posting");
  rm->add_option("id", *rmId, "Posting id")->required();
  rm->callback([=, &ctx] {
    int64_t id = parseId(*rmId, "posting id");
    auto& store = ctx.store();
    store.transaction([&] { store.postings().remove(id); });
    ctx.out() << fmt::format("Deleted posting {}\n", id);
  });
}

}  // namespace jobfit::cli
