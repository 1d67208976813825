// Every refusal of the server, proven against the real server.
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "core/error.h"
#include "support/server.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

const std::string kJson = "application/json";
const std::string kToken = "a-long-enough-secret-token";

void expectRefused(const httplib::Result& r, const std::string& field) {
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 403) << r->body;
  auto j = parse(r);
  EXPECT_EQ(j["error"]["code"], "refused");
  EXPECT_EQ(j["error"]["field"], field);
}

// Sends raw bytes and returns the whole answer (the server closes or we time out).
std::string rawRequest(int port, const std::string& request) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return {};
  timeval tv{2, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) {
    out.append(buf, static_cast<size_t>(n));
    if (out.find("\r\n\r\n") != std::string::npos) {
      auto cl = out.find("Content-Length: ");
      auto head = out.find("\r\n\r\n");
      if (cl != std::string::npos && cl < head &&
          out.size() >= head + 4 + std::stoul(out.substr(cl + 16)))
        break;
    }
  }
  ::close(fd);
  return out;
}

TEST(Security, AForeignHostHeaderIsRefused) {
  TestServer s;
  auto c = s.client();
  expectRefused(c->Get("/api/health", {{"Host", "attacker.example"}}), "Host");
  expectRefused(c->Get("/api/episodes", {{"Host", "attacker.example:" + std::to_string(s.port())}}),
                "Host");
  expectRefused(c->Get("/", {{"Host", "127.0.0.1:1"}}), "Host");
  // The server's own names are fine, in any case.
  auto r = c->Get("/api/health", {{"Host", "LOCALHOST:" + std::to_string(s.port())}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  // No Host at all (HTTP/1.0) is refused too.
  auto raw = rawRequest(s.port(), "GET /api/health HTTP/1.0\r\n\r\n");
  EXPECT_NE(raw.find("403"), std::string::npos) << raw;
}

TEST(Security, StateChangesNeedTheCsrfToken) {
  TestServer s;
  auto c = s.client();
  std::string body = json{{"minutes", 30}, {"activities", {"writing"}}}.dump();
  expectRefused(c->Post("/api/episodes", body, kJson), "X-CSRF-Token");
  expectRefused(c->Post("/api/episodes", {{"X-CSRF-Token", "guess"}}, body, kJson), "X-CSRF-Token");
  expectRefused(c->Delete("/api/episodes/1"), "X-CSRF-Token");
  expectRefused(c->Put("/api/settings", "{}", kJson), "X-CSRF-Token");
  EXPECT_EQ(parse(c->Get("/api/episodes")), json::array());  // nothing was written
  auto r = c->Post("/api/episodes", s.writeHeaders(), body, kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201);
}

TEST(Security, StateChangesMustComeFromTheSameOrigin) {
  TestServer s;
  auto c = s.client();
  std::string body = json{{"minutes", 30}, {"activities", {"writing"}}}.dump();
  auto headers = s.writeHeaders();
  headers.emplace("Origin", "http://attacker.example");
  expectRefused(c->Post("/api/episodes", headers, body, kJson), "Origin");
  headers = s.writeHeaders();
  headers.emplace("Origin", "null");
  expectRefused(c->Post("/api/episodes", headers, body, kJson), "Origin");
  headers = s.writeHeaders();
  headers.emplace("Sec-Fetch-Site", "cross-site");
  expectRefused(c->Post("/api/episodes", headers, body, kJson), "Sec-Fetch-Site");
  headers = s.writeHeaders();
  headers.emplace("Origin", "http://" + s.host());
  auto r = c->Post("/api/episodes", headers, body, kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
}

TEST(Security, BodiesAreCapped) {
  TestServer s;
  auto c = s.client();
  std::string big(2 << 20, ' ');
  auto r = c->Post("/api/episodes", s.writeHeaders(), big, kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(parse(r)["error"]["code"], "too_large");
  // A body without a declared length is refused before it is read.
  auto csrf = s.csrf();
  auto raw = rawRequest(s.port(), "POST /api/episodes HTTP/1.1\r\nHost: " + s.host() +
                                      "\r\nX-CSRF-Token: " + csrf +
                                      "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
  EXPECT_NE(raw.find("413"), std::string::npos) << raw;
  // The import takes more than other routes, but not without limit.
  std::string document = json{{"format", "jobfit-export"}, {"version", 1}, {"pad", big}}.dump();
  r = c->Post("/api/import", s.writeHeaders(), document, kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body.substr(0, 200);
}

TEST(Security, NonLoopbackNeedsAToken) {
  server::ServeOptions options;
  options.host = "0.0.0.0";
  options.database = TempDir().path() / "x.db";
  try {
    server::Server s(options, Clock::fixed(parseInstant("2026-03-13T17:00:00Z"),
                                           date::locate_zone("UTC")));
    FAIL() << "started on 0.0.0.0 without a token";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::usage);
    EXPECT_EQ(e.field(), "host");
  }
  options.token = "short";
  options.host = "127.0.0.1";
  EXPECT_THROW(server::Server(options, Clock::fixed(parseInstant("2026-03-13T17:00:00Z"),
                                                   date::locate_zone("UTC"))),
               Error);
}

TEST(Security, WithATokenEveryRequestNeedsIt) {
  server::ServeOptions options;
  options.token = kToken;
  TestServer s(options);
  auto c = s.client();
  expectRefused(c->Get("/api/episodes"), "Authorization");
  expectRefused(c->Get("/api/session"), "Authorization");
  expectRefused(c->Get("/api/episodes", {{"Authorization", "Bearer wrong-token-of-some-length"}}),
                "Authorization");
  auto page = c->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 303);
  EXPECT_EQ(page->get_header_value("Location"), "/login");
  // Health needs no token; the Host check still applies.
  EXPECT_EQ(c->Get("/api/health")->status, 200);
  auto r = c->Get("/api/episodes", {{"Authorization", "Bearer " + kToken}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(Security, TheLoginLinkWorksOnceAndSetsASessionCookie) {
  server::ServeOptions options;
  options.token = kToken;
  TestServer s(options);
  auto link = s.server().loginLink();
  auto path = link.substr(link.find("/login"));
  auto c = s.client();
  auto r = c->Get(path);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  auto cookie = r->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  auto session = cookie.substr(0, cookie.find(';'));
  r = c->Get("/api/session", {{"Cookie", session}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto csrf = parse(r)["csrf_token"].get<std::string>();
  r = c->Post("/api/episodes", {{"Cookie", session}, {"X-CSRF-Token", csrf}},
              json{{"minutes", 30}, {"activities", {"writing"}}}.dump(), kJson);
  EXPECT_EQ(r->status, 201);
  // The same link again: refused, no cookie.
  r = c->Get(path);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_FALSE(r->has_header("Set-Cookie"));
  expectRefused(c->Get("/api/session", {{"Cookie", "jobfit_session=forged"}}), "Authorization");
  // The token typed into the login form works too.
  r = c->Post("/login", "token=" + kToken, "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  EXPECT_TRUE(r->has_header("Set-Cookie"));
  r = c->Post("/login", "token=wrong", "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 403);
}

TEST(Security, StaticFilesCannotEscapeTheirFolder) {
  TempDir web;
  std::filesystem::create_directories(web.path() / "dist" / "assets");
  writeFile(web / "dist/index.html", "<!doctype html><title>app</title>");
  writeFile(web / "dist/assets/app-1234.js", "console.log(1)");
  writeFile(web / "secret.txt", "secret");
  std::filesystem::create_symlink(web / "secret.txt", web / "dist" / "link.txt");
  server::ServeOptions options;
  options.webRoot = web / "dist";
  TestServer s(options);
  auto c = s.client();
  auto r = c->Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  r = c->Get("/assets/app-1234.js");
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->get_header_value("Cache-Control").find("immutable"), std::string::npos);
  for (std::string escape : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
                             "/link.txt", "/assets/../../secret.txt"}) {
    auto raw = rawRequest(s.port(),
                          "GET " + escape + " HTTP/1.1\r\nHost: " + s.host() + "\r\n\r\n");
    auto head = raw.find("\r\n\r\n");
    ASSERT_NE(head, std::string::npos) << escape;
    EXPECT_NE(raw.substr(head + 4), "secret") << escape;
    EXPECT_NE(raw.find(" 404 "), std::string::npos) << escape << "\n" << raw;
  }
}

}  // namespace
}  // namespace jobfit::testing
