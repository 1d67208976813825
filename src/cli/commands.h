// The one table of commands: main() registers every command from it, and the help text and
// docs come from the same entries.
#pragma once

#include <span>
#include <string_view>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/context.h"

namespace jobfit::cli {

struct CommandSpec {
  std::string_view name;
  std::string_view summary;
  // Adds the command (and any subcommands) to the parent app.
  void (*attach)(CLI::App& parent, Context& ctx, const CommandSpec& spec);
};

std::span<const CommandSpec> allCommands();

// Parsing helpers shared by commands.
// Throws Error(usage) unless text is an integer; names the field.
int64_t parseId(const std::string& text, std::string_view what);
// Writes a JSON value to ctx.out() with two-space indentation.
void printJson(Context& ctx, const nlohmann::json& value);

}  // namespace jobfit::cli
