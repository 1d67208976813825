// jobfit export [FILE]; jobfit import FILE [--new-ids]; jobfit backup PATH
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <sys/stat.h>

#include "archive/archive.h"
#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "core/error.h"
#include "core/json_read.h"
#include "core/text.h"

namespace jobfit::cli {

namespace {
std::string readFileOrStdin(Context& ctx, const std::string& path) {
  std::stringstream buffer;
  if (path == "-") {
    buffer << ctx.in().rdbuf();
    return buffer.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, fmt::format("cannot read {}", path), "file");
  buffer << in.rdbuf();
  return buffer.str();
}
}  // namespace

void attachExport(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto file = std::make_shared<std::string>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("file", *file, "Where to write it (default: standard output)");
  cmd->callback([=, &ctx] {
    auto doc = exportArchive(ctx.store());
    if (file->empty() || *file == "-") {
      printJson(ctx, doc);
      return;
    }
    // Written to a temporary file first and renamed, owner-only: it holds private data.
    std::string tmp = *file + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) throw Error(ErrorCode::io, fmt::format("cannot write {}", *file), "file");
      ::chmod(tmp.c_str(), 0600);
      out << doc.dump(2) << '\n';
      if (!out.flush()) throw Error(ErrorCode::io, fmt::format("cannot write {}", *file), "file");
    }
    std::filesystem::rename(tmp, *file);
    ctx.out() << fmt::format("Exported to {}\n", *file);
  });
}

void attachImport(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto file = std::make_shared<std::string>();
  auto newIds = std::make_shared<bool>(false);
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("file", *file, "A file written by 'jobfit export' (- for standard input)")
      ->required();
  cmd->add_flag("--new-ids", *newIds, "Add records as new ones instead of keeping their ids");
  cmd->footer("The whole file is checked first; if anything in it is wrong, nothing is written.");
  cmd->callback([=, &ctx] {
    auto doc = parseJsonDocument(readFileOrStdin(ctx, *file), *file);
    auto summary = importArchive(ctx.store(), doc, ctx.clock(), ImportOptions{*newIds});
    ctx.out() << fmt::format("Imported {}\n", summary.empty() ? "nothing" : join(summary, ", "));
  });
}

void attachBackup(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto path = std::make_shared<std::string>();
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("path", *path, "The new file to write")->required();
  cmd->callback([=, &ctx] {
    ctx.store().backup(*path);
    ctx.out() << fmt::format("Backed up {} to {}\n", ctx.store().location(), *path);
  });
}

}  // namespace jobfit::cli
