#include "server/security.h"

#include <gtest/gtest.h>

namespace jobfit::server {
namespace {

TEST(HostCheck, LoopbackAnswersToItsAddressAndLocalhost) {
  auto allowed = allowedHosts("127.0.0.1", 8080);
  EXPECT_TRUE(hostAllowed(allowed, "127.0.0.1:8080"));
  EXPECT_TRUE(hostAllowed(allowed, "localhost:8080"));
  EXPECT_TRUE(hostAllowed(allowed, "LocalHost:8080"));
  EXPECT_FALSE(hostAllowed(allowed, "127.0.0.1"));
  EXPECT_FALSE(hostAllowed(allowed, "127.0.0.1:8081"));
  EXPECT_FALSE(hostAllowed(allowed, "rebind.attacker.example:8080"));
  EXPECT_FALSE(hostAllowed(allowed, ""));
}

TEST(HostCheck, Ipv6AndPort80) {
  auto allowed = allowedHosts("::1", 80);
  EXPECT_TRUE(hostAllowed(allowed, "[::1]:80"));
  EXPECT_TRUE(hostAllowed(allowed, "[::1]"));
  EXPECT_TRUE(hostAllowed(allowed, "localhost"));
}

TEST(OriginCheck, OnlyThisServersHttpOrigin) {
  auto allowed = allowedHosts("127.0.0.1", 8080);
  EXPECT_TRUE(originAllowed(allowed, "http://127.0.0.1:8080"));
  EXPECT_TRUE(originAllowed(allowed, "http://localhost:8080"));
  EXPECT_FALSE(originAllowed(allowed, "https://127.0.0.1:8080"));
  EXPECT_FALSE(originAllowed(allowed, "http://127.0.0.1:8080.attacker.example"));
  EXPECT_FALSE(originAllowed(allowed, "null"));
}

TEST(Loopback, Addresses) {
  EXPECT_TRUE(isLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(isLoopbackHost("127.1.2.3"));
  EXPECT_TRUE(isLoopbackHost("::1"));
  EXPECT_TRUE(isLoopbackHost("localhost"));
  EXPECT_FALSE(isLoopbackHost("0.0.0.0"));
  EXPECT_FALSE(isLoopbackHost("192.168.1.10"));
  EXPECT_FALSE(isLoopbackHost("localhost.attacker.example"));
}

TEST(Secrets, TokensAreFreshAndComparedWhole) {
  auto a = randomToken(), b = randomToken();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(sameSecret(a, a));
  EXPECT_FALSE(sameSecret(a, b));
  EXPECT_FALSE(sameSecret(a, a.substr(0, 63)));
  EXPECT_FALSE(sameSecret("", a));
}

TEST(Cookies, FindsOneByName) {
  EXPECT_EQ(cookieValue("a=1; jobfit_session=xyz; b=2", "jobfit_session"), "xyz");
  EXPECT_EQ(cookieValue("jobfit_session_old=1", "jobfit_session"), std::nullopt);
  EXPECT_EQ(cookieValue("", "jobfit_session"), std::nullopt);
}

}  // namespace
}  // namespace jobfit::server
