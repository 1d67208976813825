// `jobfit postings pull` against a local board server serving recorded responses written in
// the boards' documented shapes (tests/cli/data/pull_*.json).
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "support/cli.h"

namespace jobfit::testing {
namespace {

std::string fixture(const std::string& name) {
  return readFile(std::filesystem::path(JOBFIT_SOURCE_DIR) / "tests" / "cli" / "data" / name);
}

// A board server on 127.0.0.1 and an ephemeral port, stopped when the test ends.
class BoardServer {
 public:
  explicit BoardServer(std::function<void(const httplib::Request&, httplib::Response&)> handler)
      : handler_(std::move(handler)) {
    server_.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard lock(mutex_);
        requests_.push_back(req.path + (req.params.empty() ? "" : "?" + query(req)));
      }
      handler_(req, res);
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~BoardServer() {
    released = true;
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<std::string> requests() {
    std::lock_guard lock(mutex_);
    return requests_;
  }
  // Set when the test ends, so that slow handlers stop waiting.
  std::atomic<bool> released{false};

 private:
  static std::string query(const httplib::Request& req) {
    std::string q;
    for (const auto& [k, v] : req.params) q += (q.empty() ? "" : "&") + k + "=" + v;
    return q;
  }
  std::function<void(const httplib::Request&, httplib::Response&)> handler_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::vector<std::string> requests_;
};

auto serve(const std::string& body) {
  return [body](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/json");
  };
}

TEST(PostingsPull, FetchesAGreenhouseBoardAndDeduplicatesOnTheSecondPull) {
  BoardServer server(serve(fixture("pull_greenhouse.json")));
  Jobfit jf;
  auto out = jf.ok({"postings", "pull", "greenhouse:acme", "--base-url", server.url()});
  EXPECT_NE(out.find("2 new, 0 updated, 0 unchanged, 0 rejected"), std::string::npos) << out;
  EXPECT_EQ(server.requests().at(0), "/v1/boards/acme/jobs?content=true");
  out = jf.ok({"postings", "pull", "greenhouse:acme", "--base-url", server.url()});
  EXPECT_NE(out.find("0 new, 0 updated, 2 unchanged, 0 rejected"), std::string::npos) << out;
  auto list = jf.ok({"postings", "--json"});
  EXPECT_NE(list.find("Senior Backend Engineer"), std::string::npos);
  EXPECT_NE(list.find("\"source\": \"greenhouse\""), std::string::npos);
  // A board record that names no company gets the board's name.
  EXPECT_NE(list.find("\"company\": \"acme\""), std::string::npos) << list;
}

TEST(PostingsPull, FetchesALeverSite) {
  BoardServer server(serve(fixture("pull_lever.json")));
  Jobfit jf;
  auto out = jf.ok({"postings", "pull", "lever:example", "--base-url", server.url() + "/"});
  EXPECT_NE(out.find("2 new, 0 updated, 0 unchanged, 0 rejected"), std::string::npos) << out;
  EXPECT_EQ(server.requests().at(0), "/v0/postings/example?mode=json");
  EXPECT_NE(jf.ok({"postings", "search", "data platform"}).find("Engineering Manager"),
            std::string::npos);
}

TEST(PostingsPull, FetchesAnAshbyBoard) {
  BoardServer server(serve(fixture("pull_ashby.json")));
  Jobfit jf;
  auto out = jf.ok({"postings", "pull", "ashby:example", "--base-url", server.url()});
  EXPECT_NE(out.find("2 new, 0 updated, 0 unchanged, 0 rejected"), std::string::npos) << out;
  EXPECT_EQ(server.requests().at(0), "/posting-api/job-board/example?includeCompensation=true");
}

TEST(PostingsPull, GivesUpWithAClearErrorWhenTheServerIsTooSlow) {
  BoardServer* self = nullptr;
  BoardServer server([&](const httplib::Request&, httplib::Response& res) {
    for (int i = 0; i < 500 && !(self && self->released); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    res.set_content("{\"jobs\": []}", "application/json");
  });
  self = &server;
  Jobfit jf;
  auto r = jf.run({"postings", "pull", "greenhouse:acme", "--base-url", server.url(), "--timeout",
                   "0.3", "--retries", "1"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no complete answer within 0.3 s (2 attempts)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("trying again"), std::string::npos) << r.err;
  EXPECT_EQ(server.requests().size(), 2u);
  EXPECT_EQ(jf.ok({"postings", "--json"}), "[]\n");
}

TEST(PostingsPull, RetriesServerErrorsThenSaysWhatWentWrong) {
  BoardServer server([](const httplib::Request&, httplib::Response& res) {
    res.status = 500;
    res.set_content("upstream exploded", "text/plain");
  });
  Jobfit jf;
  auto r = jf.run({"postings", "pull", "lever:example", "--base-url", server.url(), "--retries", "2"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("the server answered HTTP 500 (3 attempts)"), std::string::npos) << r.err;
  EXPECT_EQ(server.requests().size(), 3u);
}

TEST(PostingsPull, RecoversWhenARetrySucceeds) {
  std::atomic<int> calls{0};
  std::string body = fixture("pull_ashby.json");
  BoardServer server([&](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 503;
      return;
    }
    res.set_content(body, "application/json");
  });
  Jobfit jf;
  auto r = jf.run({"postings", "pull", "ashby:example", "--base-url", server.url()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("2 new"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("HTTP 503; trying again (1)"), std::string::npos) << r.err;
}

TEST(PostingsPull, SaysSoWhenNothingListens) {
  // A port that was free a moment ago and has nobody listening on it.
  int port = 0;
  {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
    ::close(fd);
  }
  Jobfit jf;
  auto r = jf.run({"postings", "pull", "greenhouse:acme", "--base-url",
                   "http://127.0.0.1:" + std::to_string(port), "--retries", "0"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot fetch"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("check the network connection"), std::string::npos) << r.err;
}

TEST(PostingsPull, RefusesBadBoardsAndPlainHttpToOtherMachines) {
  Jobfit jf;
  EXPECT_EQ(jf.run({"postings", "pull", "workday:acme"}).status, 2);
  EXPECT_EQ(jf.run({"postings", "pull", "greenhouse:"}).status, 2);
  EXPECT_EQ(jf.run({"postings", "pull", "greenhouse:../etc"}).status, 2);
  auto r = jf.run({"postings", "pull", "greenhouse:acme", "--base-url", "http://example.com"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("must use https"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace jobfit::testing
