// `jobfit serve`: the JSON API and the web app over one database, with the guards described in
// docs/server.md (Host check, token, same-origin and CSRF checks, body caps, static root).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "core/time.h"

namespace jobfit::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  // When set, every request must carry it (bearer token or the login cookie). Required for a
  // host that is not loopback.
  std::string token;
  std::filesystem::path database;
  std::filesystem::path webRoot;  // the built web app (web/dist); missing: an explanatory page
  // Worker threads. Each open keep-alive connection holds one, so this bounds the number of
  // clients served at once.
  std::size_t threads = 128;
  // Whether answers of the routes that allow it are kept and sent again while the data is
  // unchanged (docs/server.md); off, every answer is computed afresh.
  bool cache = true;
};

class Server {
 public:
  // Checks the options (Error(usage) for a non-loopback host without a token) and opens the
  // database (creating or migrating it).
  Server(ServeOptions options, Clock clock);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port (the chosen one when options.port is 0).
  // Throws Error(io) when the address cannot be bound.
  int bind();
  // Serves until stop() is called. Call after bind().
  void run();
  // Stops serving; safe to call from another thread or before run().
  void stop();
  // Blocks until run() is serving (or failed).
  void waitUntilReady() const;

  // "http://127.0.0.1:8080/"
  std::string address() const;
  // The one-time login link when a token is set, else empty. Each call makes a new link.
  std::string loginLink();
  const std::filesystem::path& database() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jobfit::server
