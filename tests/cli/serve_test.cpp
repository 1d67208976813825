// `jobfit serve` as a user starts it: it prints its address, serves, and refuses unsafe hosts.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include "support/cli.h"

namespace jobfit::testing {
namespace {

TEST(ServeCommand, RefusesANonLoopbackHostWithoutAToken) {
  Jobfit j;
  auto r = j.run({"serve", "--host", "0.0.0.0", "--port", "0"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--token"), std::string::npos) << r.err;
}

TEST(ServeCommand, PrintsItsAddressAndServesUntilStopped) {
  Jobfit j;
  auto out = j.dir() / "serve.out";
  auto env = j.env;
  int pid = spawnJobfit({"serve", "--port", "0", "--token", "a-long-enough-secret-token"}, env, out);
  ASSERT_GT(pid, 0);
  std::smatch m;
  std::string text;
  std::regex address(R"(running at http://127\.0\.0\.1:(\d+)/)");
  for (int i = 0; i < 200 && !std::regex_search(text, m, address); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    text = readFile(out);
  }
  ASSERT_TRUE(std::regex_search(text, m, address)) << text;
  int port = std::stoi(m[1]);
  EXPECT_NE(text.find("/login?once="), std::string::npos) << text;
  EXPECT_NE(text.find(j.db().string()), std::string::npos) << text;
  httplib::Client c("127.0.0.1", port);
  auto r = c.Get("/api/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace jobfit::testing
