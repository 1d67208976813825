#include "server/security.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/random.h>
#include <unistd.h>

#include <array>
#include <climits>
#include <cstdlib>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace jobfit::server {

namespace fs = std::filesystem;

namespace {

// "::1" -> "[::1]" as it appears in a Host header.
std::string hostPart(std::string_view host) {
  if (host.find(':') != std::string_view::npos) return fmt::format("[{}]", host);
  return toLower(host);
}

void addHost(std::set<std::string>& out, std::string_view host, int port) {
  auto h = hostPart(host);
  out.insert(fmt::format("{}:{}", h, port));
  if (port == 80) out.insert(h);
}

}  // namespace

bool isLoopbackHost(std::string_view host) {
  if (toLower(host) == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr addr{};
  std::string h(host);
  if (inet_pton(AF_INET, h.c_str(), &addr) == 1) return (ntohl(addr.s_addr) >> 24) == 127;
  return false;
}

bool isWildcardHost(std::string_view host) {
  return host == "0.0.0.0" || host == "::" || host == "[::]";
}

std::set<std::string> allowedHosts(std::string_view host, int port) {
  std::set<std::string> out;
  addHost(out, host, port);
  if (isLoopbackHost(host)) addHost(out, "localhost", port);
  if (isWildcardHost(host)) {
    addHost(out, "localhost", port);
    std::array<char, HOST_NAME_MAX + 1> name{};
    if (::gethostname(name.data(), name.size()) == 0) addHost(out, name.data(), port);
    ifaddrs* list = nullptr;
    if (::getifaddrs(&list) == 0) {
      for (auto* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr) continue;
        std::array<char, INET6_ADDRSTRLEN> text{};
        if (a->ifa_addr->sa_family == AF_INET)
          inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, text.data(),
                    text.size());
        else if (a->ifa_addr->sa_family == AF_INET6)
          inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(a->ifa_addr)->sin6_addr,
                    text.data(), text.size());
        else
          continue;
        std::string_view t(text.data());
        if (t.find('%') == std::string_view::npos) addHost(out, t, port);
      }
      ::freeifaddrs(list);
    }
  }
  return out;
}

bool hostAllowed(const std::set<std::string>& allowed, std::string_view hostHeader) {
  return !hostHeader.empty() && allowed.count(toLower(hostHeader)) > 0;
}

bool originAllowed(const std::set<std::string>& allowed, std::string_view origin) {
  constexpr std::string_view scheme = "http://";
  auto lower = toLower(origin);
  if (!lower.starts_with(scheme)) return false;
  return hostAllowed(allowed, std::string_view(lower).substr(scheme.size()));
}

std::string randomToken() {
  std::array<unsigned char, 32> bytes{};
  size_t filled = 0;
  while (filled < bytes.size()) {
    auto n = ::getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (n < 0) throw Error(ErrorCode::io, "cannot read random bytes for a token");
    filled += static_cast<size_t>(n);
  }
  std::string out;
  for (auto b : bytes) out += fmt::format("{:02x}", b);
  return out;
}

bool sameSecret(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  return diff == 0;
}

std::optional<std::string> cookieValue(std::string_view header, std::string_view name) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string_view::npos) end = header.size();
    auto pair = trim(header.substr(pos, end - pos));
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == name)
      return std::string(trim(pair.substr(eq + 1)));
    pos = end + 1;
  }
  return std::nullopt;
}

std::optional<fs::path> staticFile(const fs::path& root, std::string_view urlPath) {
  if (urlPath.empty() || urlPath.front() != '/') return std::nullopt;
  if (urlPath.find('\0') != std::string_view::npos || urlPath.find('\\') != std::string_view::npos)
    return std::nullopt;
  // Refuse any ".." segment outright; the real-path check below catches everything else.
  for (const auto& segment : splitList(urlPath, '/'))
    if (segment == "..") return std::nullopt;
  std::string relative(urlPath.substr(1));
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  std::error_code ec;
  auto real = fs::canonical(root / relative, ec);
  if (ec) return std::nullopt;
  auto rootText = root.string() + "/";
  if (!real.string().starts_with(rootText)) return std::nullopt;
  if (!fs::is_regular_file(real, ec)) return std::nullopt;
  return real;
}

std::string contentTypeFor(const fs::path& file) {
  auto ext = toLower(file.extension().string());
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

}  // namespace jobfit::server
