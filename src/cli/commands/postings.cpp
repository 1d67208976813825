// jobfit postings [--json] [filters]
// jobfit postings import FILE... [--format F] [--map field=column ...]
// jobfit postings pull greenhouse:TOKEN|lever:SITE|ashby:NAME [--base-url URL]
// jobfit postings search "QUERY" [--remote] [--min-pay N] [--json]
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/posting_source.h"
#include "cli/commands/registry.h"
#include "cli/postings_view.h"
#include "core/error.h"
#include "core/text.h"
#include "postings/filter.h"
#include "postings/import.h"
#include "postings/listing_json.h"
#include "postings/pull.h"

namespace jobfit::cli {

namespace {

// Filters shared by the listing and the search.
struct FilterFlags {
  bool remote = false, noOnCall = false, json = false;
  std::optional<std::string> mode, type, seniority, currency;
  std::optional<double> minPay, maxTravel;
  std::optional<int> limit;

  void attach(CLI::App& cmd) {
    cmd.add_flag("--remote", remote, "Only remote postings (same as --mode remote)");
    cmd.add_option("--mode", mode, "Only this work mode: remote, hybrid, onsite, unknown");
    cmd.add_option("--min-pay", minPay,
                   "Only postings whose annual pay reaches N (in the posting's currency; "
                   "postings without pay are left out)")
        ->check(CLI::NonNegativeNumber);
    cmd.add_option("--currency", currency, "Only pay in this currency (ISO 4217, e.g. EUR)");
    cmd.add_option("--type", type, "Only this employment type: full_time, part_time, contract, ...");
    cmd.add_option("--seniority", seniority, "Only this seniority: entry, mid, senior, lead, ...");
    cmd.add_flag("--no-on-call", noOnCall, "Leave out postings that mention on-call duty");
    cmd.add_option("--max-travel", maxTravel, "Leave out postings with more travel (0-1, e.g. 0.2)")
        ->check(CLI::Range(0.0, 1.0));
    cmd.add_option("--limit", limit, "Show at most N")->check(CLI::PositiveNumber);
    cmd.add_flag("--json", json, "Print JSON");
  }

  PostingQuery query() const {
    PostingQuery q;
    q.filter = parsePostingFilter({.remote = remote,
                                   .noOnCall = noOnCall,
                                   .mode = mode,
                                   .type = type,
                                   .seniority = seniority,
                                   .currency = currency,
                                   .minPay = minPay,
                                   .maxTravel = maxTravel});
    q.limit = limit;
    return q;
  }
};


PostingImportReport importStream(Context& ctx, std::istream& in, const std::string& name,
                                 int64_t size, PostingImportOptions options) {
  ProgressBar bar(ctx, name, size);
  options.progress = [&](const PostingImportProgress& p) { bar.update(p); };
  auto report = importPostings(ctx.store(), in, name, options, ctx.clock().now());
  bar.finish();
  return report;
}

}  // namespace

void attachPostings(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto list = std::make_shared<FilterFlags>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  list->attach(*cmd);
  cmd->callback([=, &ctx] {
    if (!cmd->get_subcommands().empty()) return;
    auto postings = ctx.store().postings().list(list->query());
    if (list->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& p : postings) out.push_back(toJson(p));
      printJson(ctx, out);
    } else {
      printPostingTable(ctx, postings);
    }
  });

  struct ImportArgs {
    std::vector<std::string> files, maps;
    std::optional<std::string> format;
  };
  auto imp = std::make_shared<ImportArgs>();
  auto* importCmd = cmd->add_subcommand("import", "Import postings from files (- for standard input)");
  importCmd->add_option("files", imp->files, "Files: CSV, JSON Lines, HTML, text, board JSON")->required();
  importCmd->add_option("--format", imp->format,
                        "text, html, greenhouse, lever, ashby, csv or jsonl (default: detect)");
  importCmd->add_option("--map", imp->maps, "For CSV: which column holds a field, field=column")
      ->allow_extra_args(false);
  importCmd->footer(
      "A posting seen before (same ATS id, same URL, or same company + title + location) is "
      "updated, not copied. A record that cannot be read is reported and skipped.");
  importCmd->callback([imp, &ctx] {
    PostingImportOptions options;
    options.format = formatFlag(imp->format);
    options.mapping = parseColumnMapping(imp->maps);
    PostingImportReport total;
    int failed = 0;
    for (const auto& file : imp->files) {
      try {
        PostingImportReport report;
        if (file == "-") {
          report = importStream(ctx, ctx.in(), "-", -1, options);
        } else {
          std::ifstream in(file, std::ios::binary);
          if (!in) throw Error(ErrorCode::io, fmt::format("cannot read {}", file), "file");
          std::error_code ec;
          auto size = std::filesystem::file_size(file, ec);
          report = importStream(ctx, in, file, ec ? -1 : static_cast<int64_t>(size), options);
        }
        printImportReport(ctx, file, report);
        total += report;
      } catch (const Error& e) {
        // One unreadable file does not stop the others.
        if (imp->files.size() == 1) throw;
        ++failed;
        ctx.err() << fmt::format("jobfit: {}: {}\n", file, e.what());
      }
    }
    if (imp->files.size() > 1) ctx.out() << fmt::format("Total: {}\n", total.summary());
    if (failed)
      throw Error(ErrorCode::invalid, fmt::format("{} of {} files could not be read", failed,
                                                  imp->files.size()));
  });

  struct PullArgs {
    std::string board;
    std::optional<std::string> baseUrl;
    double timeout = 60;
    int retries = 3;
  };
  auto pull = std::make_shared<PullArgs>();
  auto* pullCmd = cmd->add_subcommand("pull", "Fetch a company's whole public job board");
  pullCmd->add_option("board", pull->board, "greenhouse:TOKEN, lever:SITE or ashby:NAME")->required();
  pullCmd->add_option("--base-url", pull->baseUrl,
                      "Another server speaking the board's API (https; http only to this machine)");
  pullCmd->add_option("--timeout", pull->timeout, "Seconds to wait for an answer (default 60)")
      ->check(CLI::Range(0.1, 3600.0));
  pullCmd->add_option("--retries", pull->retries, "Attempts after a failed one (default 3)")
      ->check(CLI::Range(0, 10));
  pullCmd->footer("Nothing but the request for the board's public JSON leaves your machine.");
  pullCmd->callback([pull, &ctx] {
    BoardRef ref = parseBoardRef(pull->board);
    std::string url = boardUrl(ref, pull->baseUrl.value_or(""));
    FetchOptions fetch;
    fetch.totalTimeout = std::chrono::milliseconds(static_cast<int64_t>(pull->timeout * 1000));
    fetch.connectTimeout = std::min(fetch.connectTimeout, fetch.totalTimeout);
    fetch.retries = pull->retries;
    fetch.retrying = [&ctx](int attempt, const std::string& why) {
      ctx.err() << fmt::format("jobfit: {}; trying again ({})\n", why, attempt);
    };
    std::string body = fetchUrl(url, fetch);
    std::istringstream in(body);
    PostingImportOptions options;
    options.format = boardFormat(ref.board);
    options.defaultCompany = ref.name;
    auto report = importStream(ctx, in, url, static_cast<int64_t>(body.size()), options);
    printImportReport(ctx, pull->board, report);
  });

  struct SearchArgs {
    std::string query;
    FilterFlags filters;
  };
  auto search = std::make_shared<SearchArgs>();
  auto* searchCmd = cmd->add_subcommand("search", "Full-text search, best match first");
  searchCmd->add_option("query", search->query,
                        "Words (all must appear), \"exact phrases\", prefix*, OR between terms")
      ->required();
  search->filters.attach(*searchCmd);
  searchCmd->callback([search, &ctx] {
    auto q = search->filters.query();
    if (!q.limit) q.limit = 20;
    auto hits = ctx.store().postings().search(search->query, q);
    if (search->filters.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& h : hits) out.push_back(toJson(h));
      printJson(ctx, out);
    } else {
      printSearchHits(ctx, hits);
    }
  });
}

}  // namespace jobfit::cli
