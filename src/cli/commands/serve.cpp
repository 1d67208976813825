// jobfit serve [--host 127.0.0.1] [--port 8080] [--token TOKEN] [--open] [--web DIR] [--no-cache]
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "server/server.h"

extern char** environ;

namespace jobfit::cli {

namespace {

// Opens url in the desktop's browser; a failure is only reported.
void openBrowser(Context& ctx, const std::string& url) {
  std::vector<std::string> args{"xdg-open", url};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv.data(), environ) != 0)
    ctx.err() << "jobfit: could not start a browser (xdg-open); open the address yourself\n";
}

}  // namespace

void attachServe(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  struct Args {
    server::ServeOptions options;
    bool open = false;
    bool noCache = false;
  };
  auto args = std::make_shared<Args>();
  args->options.webRoot = JOBFIT_WEB_DIST;
  if (const char* web = std::getenv("JOBFIT_WEB"); web && *web) args->options.webRoot = web;
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_option("--host", args->options.host,
                  "Address to listen on; anything but loopback needs --token")
      ->capture_default_str();
  cmd->add_option("--port", args->options.port, "Port to listen on (0: any free port)")
      ->capture_default_str();
  cmd->add_option("--token", args->options.token,
                  "Require this secret (16+ characters) on every request: as a bearer token, or "
                  "through the one-time login link printed at start");
  cmd->add_flag("--open", args->open, "Open the app in the browser");
  cmd->add_option("--web", args->options.webRoot, "Folder of the built web app")
      ->capture_default_str();
  cmd->add_flag("--no-cache", args->noCache,
                "Compute every answer afresh instead of sending a kept one again while the data "
                "is unchanged (for measuring the server)");
  cmd->footer(
      "Serves the web app and the JSON API (described at /api/openapi.json) until Ctrl+C.\n"
      "See docs/server.md for the API and the security model.");
  cmd->callback([args, &ctx] {
    args->options.database = ctx.databasePath();
    args->options.cache = !args->noCache;
    // Signals are taken by this thread only: block them before any server thread starts.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    server::Server server(args->options, ctx.clock());
    server.bind();
    std::thread serving([&server] {
      server.run();
      ::kill(::getpid(), SIGTERM);  // stopped for any reason: wake the waiting thread
    });
    server.waitUntilReady();
    std::string login = server.loginLink();
    ctx.out() << fmt::format("jobfit is running at {}\n", server.address());
    if (!login.empty())
      ctx.out() << fmt::format("Sign in (the link works once): {}\n", login);
    ctx.out() << fmt::format("Database: {}\nPress Ctrl+C to stop.", server.database().string())
              << std::endl;
    if (args->open) openBrowser(ctx, login.empty() ? server.address() : login);
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
    serving.join();
    ctx.out() << "\njobfit stopped." << std::endl;
  });
}

}  // namespace jobfit::cli
