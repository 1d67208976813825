#include "cli/run.h"

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/inbox.h"
#include "core/error.h"

namespace jobfit::cli {

int run(int argc, char** argv, std::ostream& out, std::ostream& err, std::istream& in) {
  std::optional<Context> ctx;
  try {
    ctx.emplace(Context::clockFromEnvironment(), out, err, in);
  } catch (const Error& e) {
    err << "jobfit: " << e.what() << '\n';
    return exitStatus(e.code());
  }
  CLI::App app{"jobfit: learn what work energizes and drains you, see how a job would feel to "
               "you, and run your job search.",
               "jobfit"};
  app.set_version_flag("--version", JOBFIT_VERSION);
  std::string db;
  app.add_option("--db", db,
                 "Database file (default: $JOBFIT_DB, else $XDG_DATA_HOME/jobfit/jobfit.db)");
  app.require_subcommand(0, 1);
  app.fallthrough();
  ctx->setDatabaseFlag(&db);
  for (const auto& spec : allCommands()) spec.attach(app, *ctx, spec);
  app.footer("Run 'jobfit COMMAND --help' for a command's options.");
  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) {
      // Once there is a search under way, the first thing to see is what to do today.
      if (std::filesystem::exists(ctx->databasePath()) &&
          ctx->store().applications().count() > 0)
        showInbox(*ctx, false);
      else
        out << app.help();
    }
    return 0;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, --help-all, --version
      app.exit(e, out, err);
      return 0;
    }
    err << "jobfit: " << e.what() << "\nRun 'jobfit --help' (or 'jobfit COMMAND --help').\n";
    return 2;
  } catch (const Error& e) {
    err << "jobfit: " << e.what() << '\n';
    if (!e.hint().empty()) err << "hint: " << e.hint() << '\n';
    return exitStatus(e.code());
  } catch (const std::exception& e) {
    err << "jobfit: internal error: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace jobfit::cli
