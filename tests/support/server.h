// Runs the real HTTP server in-process on an ephemeral loopback port, for API tests: started
// on a thread, ready when the constructor returns, stopped when the object goes away.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/server.h"
#include "support/cli.h"

namespace jobfit::testing {

class TestServer {
 public:
  // A server on 127.0.0.1, port 0, over a new database in a temporary directory.
  explicit TestServer(server::ServeOptions options = {},
                      std::string now = "2026-03-13T17:00:00Z");
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }
  std::string host() const { return "127.0.0.1:" + std::to_string(port_); }
  server::Server& server() { return *server_; }
  const TempDir& dir() const { return dir_; }
  const std::filesystem::path& db() const { return db_; }

  // A client for this server (keep-alive).
  std::unique_ptr<httplib::Client> client() const;
  // The CSRF token from GET /api/session.
  std::string csrf() const;
  // Headers for a state-changing request: the CSRF token (and nothing else).
  httplib::Headers writeHeaders() const;

 private:
  TempDir dir_;
  std::filesystem::path db_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

nlohmann::json parse(const httplib::Result& r);

}  // namespace jobfit::testing
