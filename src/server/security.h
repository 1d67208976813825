// The server's guards, as plain functions so that each can be tested on its own: which Host
// and Origin headers name this server, tokens, cookies, and safe static paths.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace jobfit::server {

// True for 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(std::string_view host);
// True for 0.0.0.0 and :: (every interface).
bool isWildcardHost(std::string_view host);

// The Host header values that name a server listening on host:port, lower case. A loopback
// address is also reachable as localhost; a wildcard address as any of the machine's own
// addresses and its host name. Port 80 may be left out.
std::set<std::string> allowedHosts(std::string_view host, int port);

// Whether a Host header names this server (case-insensitive; DNS rebinding sends a foreign name).
bool hostAllowed(const std::set<std::string>& allowed, std::string_view hostHeader);
// Whether an Origin header is this server's own origin ("http://" + an allowed host).
bool originAllowed(const std::set<std::string>& allowed, std::string_view origin);

// 32 random bytes from the system's generator, as 64 hex digits.
std::string randomToken();
// Compares secrets in time independent of where they differ.
bool sameSecret(std::string_view a, std::string_view b);
// The value of one cookie in a Cookie header, if present.
std::optional<std::string> cookieValue(std::string_view header, std::string_view name);

// The file under root that a URL path names, or nothing when it does not exist, is not a
// regular file, or would resolve (through "..", symlinks or anything else) outside root.
// root must already be canonical.
std::optional<std::filesystem::path> staticFile(const std::filesystem::path& root,
                                                std::string_view urlPath);
// The content type for a file name's extension.
std::string contentTypeFor(const std::filesystem::path& file);

}  // namespace jobfit::server
