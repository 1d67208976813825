#include "support/server.h"

#include <gtest/gtest.h>

namespace jobfit::testing {

TestServer::TestServer(server::ServeOptions options, std::string now) {
  db_ = dir_ / "data" / "jobfit.db";
  options.database = db_;
  options.port = 0;
  options.threads = 32;
  server_ = std::make_unique<server::Server>(
      std::move(options), Clock::fixed(parseInstant(now), date::locate_zone("Europe/Berlin")));
  port_ = server_->bind();
  thread_ = std::thread([this] { server_->run(); });
  server_->waitUntilReady();
}

TestServer::~TestServer() {
  server_->stop();
  thread_.join();
}

std::unique_ptr<httplib::Client> TestServer::client() const {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
  c->set_keep_alive(true);
  c->set_tcp_nodelay(true);
  c->set_read_timeout(30, 0);
  return c;
}

std::string TestServer::csrf() const {
  auto r = client()->Get("/api/session");
  EXPECT_TRUE(r && r->status == 200);
  if (!r) return {};
  return nlohmann::json::parse(r->body).at("csrf_token").get<std::string>();
}

httplib::Headers TestServer::writeHeaders() const { return {{"X-CSRF-Token", csrf()}}; }

nlohmann::json parse(const httplib::Result& r) {
  if (!r) {
    ADD_FAILURE() << "no response: " << httplib::to_string(r.error());
    return nullptr;
  }
  if (r->body.empty()) return nullptr;
  try {
    return nlohmann::json::parse(r->body);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not JSON (" << e.what() << "): " << r->body;
    return nullptr;
  }
}

}  // namespace jobfit::testing
