#include "cli/commands.h"

#include <charconv>

#include <fmt/format.h>

#include "cli/commands/registry.h"
#include "core/error.h"

namespace jobfit::cli {

namespace {
// The one list of commands, in the order help shows them.
constexpr CommandSpec kCommands[] = {
    {"log", "Log an episode of your workday", attachLog},
    {"episodes", "List logged episodes", attachEpisodes},
    {"episode", "Show, edit or delete one episode", attachEpisode},
    {"activities", "List activities, or add your own", attachActivities},
    {"posting", "Add, analyse, show or delete one job posting", attachPosting},
    {"postings", "List, import, pull and search job postings", attachPostings},
    {"export", "Write everything jobfit stores as one JSON document", attachExport},
    {"import", "Read a document written by 'jobfit export'", attachImport},
    {"backup", "Write a consistent copy of the database", attachBackup},
};
}  // namespace

std::span<const CommandSpec> allCommands() { return kCommands; }

int64_t parseId(const std::string& text, std::string_view what) {
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0)
    throw Error(ErrorCode::usage, fmt::format("{} must be a positive number, got '{}'", what, text),
                "id");
  return id;
}

void printJson(Context& ctx, const nlohmann::json& value) {
  ctx.out() << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace jobfit::cli
