#include "server/server.h"

#include <sys/socket.h>

#include <atomic>
#include <charconv>
#include <thread>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <httplib.h>

#include "core/error.h"
#include "server/response_cache.h"
#include "server/route.h"
#include "server/security.h"
#include "server/store_pool.h"

namespace jobfit::server {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kSessionCookie = "jobfit_session";
constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

json errorBody(std::string_view code, std::string_view message, std::string_view field = {},
               std::string_view hint = {}) {
  json e{{"code", code}, {"message", message}};
  e["field"] = field.empty() ? json(nullptr) : json(field);
  e["hint"] = hint.empty() ? json(nullptr) : json(hint);
  return json{{"error", std::move(e)}};
}

// Sets the body as it is. httplib compresses a body set with set_content again for every request
// whose Accept-Encoding allows it, with brotli at its slowest setting when the browser offers
// it (27 ms for a page of 100 episodes, 3.5 s for all 10,000, 160 ms for the page's script):
// answers go over loopback or a local network, where that costs far more than it saves. A body
// given by a content provider of known length is sent unchanged.
void setBody(httplib::Response& res, std::shared_ptr<const std::string> body,
             const std::string& contentType) {
  if (body->empty()) {
    res.set_content(std::string(), contentType);
    return;
  }
  auto size = body->size();
  res.set_content_provider(size, contentType,
                           [body](size_t offset, size_t length, httplib::DataSink& sink) {
                             return sink.write(body->data() + offset, length);
                           });
}

void setBody(httplib::Response& res, std::string body, const std::string& contentType) {
  setBody(res, std::make_shared<const std::string>(std::move(body)), contentType);
}

void sendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  setBody(res, body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void sendError(httplib::Response& res, const Error& e) {
  sendJson(res, httpStatus(e.code()), errorBody(codeName(e.code()), e.what(), e.field(), e.hint()));
}

CachedReply errorReply(int status, const json& body) {
  CachedReply out;
  out.status = status;
  out.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  out.contentType = "application/json";
  return out;
}

void send(httplib::Response& res, const ResponseCache::Ptr& reply) {
  res.status = reply->status;
  for (const auto& [k, v] : reply->headers) res.set_header(k, v);
  if (!reply->contentType.empty())
    setBody(res, std::shared_ptr<const std::string>(reply, &reply->body), reply->contentType);
}

bool isStateChanging(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::string readWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The page served at / when the web app has not been built: the API still works.
constexpr std::string_view kNoWebApp = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>jobfit</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>jobfit is running</h1>
<p>The web app has not been built. Run <code>scripts/build.sh</code> (it runs
<code>npm run build</code> in <code>web/</code>) and reload this page.</p>
<p>The JSON API is available now: see <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>
)";

constexpr std::string_view kLoginPage = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>jobfit: sign in</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 30rem; margin: 3rem auto; padding: 0 1rem">
<h1>jobfit</h1>
<p>Open the login link that <code>jobfit serve</code> printed, or enter the token it was started with.</p>
<form method="post" action="/login">
<label for="token">Token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Sign in</button>
</form>
</body></html>
)";

// httplib listens with a backlog of 5 (fixed when Debian built it): more clients connecting at
// once overflow the accept queue and wait a retransmission (up to a second). Listening again on
// the bound socket raises the backlog.
class HttpServer : public httplib::Server {
 public:
  void raiseBacklog() { ::listen(svr_sock_, SOMAXCONN); }
};

}  // namespace

struct Server::Impl {
  ServeOptions options;
  Clock clock;
  RouteTable routes = buildRouteTable();
  ServerFacts facts;
  StorePool pool;
  ResponseCache cache;
  HttpServer http;
  fs::path webRoot;  // canonical, or empty when the web app is not built
  std::set<std::string> allowed;
  int port = 0;

  // Writers take turns here before SQLite's own lock: waiting on a mutex wakes at once, where
  // SQLite's busy handler sleeps and retries. Readers never take it.
  std::mutex writeMutex;
  std::mutex sessionMutex;
  std::set<std::string> sessions;   // values of the session cookie
  std::set<std::string> onceCodes;  // unused login links

  std::atomic<bool> running{false};  // inside run()
  std::atomic<bool> stopRequested{false};

  Impl(ServeOptions o, Clock c)
      : options(std::move(o)), clock(std::move(c)), pool(options.database, clock.now()) {
    facts.version = JOBFIT_VERSION;
    facts.csrfToken = randomToken();
    facts.database = pool.path();
    facts.routes = &routes;
    std::error_code ec;
    if (!options.webRoot.empty() && fs::is_directory(options.webRoot, ec))
      webRoot = fs::canonical(options.webRoot, ec);
    if (ec) webRoot.clear();
    configure();
  }

  bool authenticated(const httplib::Request& req) {
    if (options.token.empty()) return true;
    auto auth = req.get_header_value("Authorization");
    constexpr std::string_view bearer = "Bearer ";
    if (auth.starts_with(bearer) &&
        sameSecret(std::string_view(auth).substr(bearer.size()), options.token))
      return true;
    if (auto cookie = cookieValue(req.get_header_value("Cookie"), kSessionCookie)) {
      std::lock_guard lock(sessionMutex);
      for (const auto& s : sessions)
        if (sameSecret(s, *cookie)) return true;
    }
    return false;
  }

  // Every guard that runs before a request is routed and before its body is read. Returns
  // true when it answered (refused) the request.
  bool refuse(const httplib::Request& req, httplib::Response& res) {
    auto host = req.get_header_value("Host");
    if (!hostAllowed(allowed, host)) {
      sendError(res, Error(ErrorCode::refused,
                           fmt::format("the Host header '{}' does not name this server", host),
                           "Host", fmt::format("open {}", publicAddress())));
      return true;
    }
    bool api = req.path.starts_with("/api/");
    bool open = req.path == "/api/health" || req.path == "/login";
    if (!open && !authenticated(req)) {
      if (!api && req.method == "GET") {
        res.set_redirect("/login", 303);
        return true;
      }
      sendError(res, Error(ErrorCode::refused, "this server needs its token", "Authorization",
                           "send 'Authorization: Bearer TOKEN' or open the login link printed "
                           "at start"));
      return true;
    }
    if (isStateChanging(req.method)) {
      if (req.has_header("Origin") && !originAllowed(allowed, req.get_header_value("Origin"))) {
        sendError(res, Error(ErrorCode::refused,
                             fmt::format("cross-origin request from '{}' refused",
                                         req.get_header_value("Origin")),
                             "Origin"));
        return true;
      }
      if (req.get_header_value("Sec-Fetch-Site") == "cross-site") {
        sendError(res, Error(ErrorCode::refused, "cross-site request refused", "Sec-Fetch-Site"));
        return true;
      }
      if (api && !sameSecret(req.get_header_value(std::string(kCsrfHeader)), facts.csrfToken)) {
        sendError(res, Error(ErrorCode::refused, "missing or wrong CSRF token",
                             std::string(kCsrfHeader),
                             "GET /api/session and send its csrf_token in the X-CSRF-Token header"));
        return true;
      }
    }
    // Bodies are capped before they are read: by the route's limit, and they must declare
    // their length (a chunked body could otherwise grow without bound).
    if (req.has_header("Transfer-Encoding")) {
      sendError(res, Error(ErrorCode::too_large,
                           "request bodies must be sent with a Content-Length", "body"));
      return true;
    }
    if (req.has_header("Content-Length")) {
      auto text = req.get_header_value("Content-Length");
      uint64_t length = 0;
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), length);
      std::size_t cap = kDefaultMaxBody;
      if (api)
        if (auto m = parseMethod(req.method))
          if (auto match = routes.match(*m, req.path); match.route) cap = match.route->maxBody;
      if (ec != std::errc() || ptr != text.data() + text.size() || length > cap) {
        sendError(res, Error(ErrorCode::too_large,
                             fmt::format("the request body is larger than the {} bytes allowed",
                                         cap),
                             "body"));
        return true;
      }
    }
    return false;
  }

  std::string publicAddress() const {
    auto host = options.host.find(':') != std::string::npos ? "[" + options.host + "]"
                                                              : options.host;
    if (isWildcardHost(options.host)) host = "localhost";
    return fmt::format("http://{}:{}/", host, port);
  }

  void dispatchApi(const httplib::Request& req, httplib::Response& res) {
    auto method = parseMethod(req.method);
    RouteMatch match;
    if (method) match = routes.match(*method, req.path);
    if (!match.route) {
      res.set_header("Cache-Control", "no-store");
      if (match.pathExists) {
        sendJson(res, 405,
                 errorBody("method_not_allowed",
                           fmt::format("{} is not allowed on {}", req.method, req.path)));
        return;
      }
      sendError(res, Error(ErrorCode::not_found, fmt::format("no API route {}", req.path), "path",
                           "see /api/openapi.json"));
      return;
    }
    const Route& route = *match.route;
    // The data version is read before the answer is computed, so an answer is never filed
    // under a version newer than its data. Should it not be readable, the answer is computed
    // afresh.
    std::optional<uint64_t> version;
    if (route.cache != Caching::none && options.cache) version = dataVersion();
    if (!version) {
      res.set_header("Cache-Control", "no-store");
      send(res, std::make_shared<const CachedReply>(
                    answer(route, std::move(match.params), req, clock, Caching::none)));
      return;
    }
    // A kept answer may be sent again, but the client must ask each time (it may hold an
    // answer of older data). The handler sees the clock fixed at the instant the key was
    // made, so the day in the key is the day it computed with.
    res.set_header("Cache-Control", "private, no-cache");
    Clock at = Clock::fixed(clock.now(), &clock.zone());
    std::string key = requestKey(req.path, req.params);
    if (route.cache == Caching::dataAndDay) key += "\nday:" + formatDate(at.today());
    auto reply = cache.get(key, *version, [&] {
      return std::make_shared<const CachedReply>(
          answer(route, match.params, req, at, route.cache));
    });
    if (!reply->etag.empty()) {
      res.set_header("ETag", reply->etag);
      if (etagMatches(req.get_header_value("If-None-Match"), reply->etag)) {
        res.status = 304;
        return;
      }
    }
    send(res, reply);
  }

  std::optional<uint64_t> dataVersion() {
    try {
      return pool.dataVersion();
    } catch (const Error&) {
      return std::nullopt;
    }
  }

  // Runs a route's handler and renders what it answers, or the error it raises, as sent; with
  // the entity tag and whether it may be kept when it is to be cached.
  CachedReply answer(const Route& route, std::map<std::string, std::string> params,
                     const httplib::Request& req, const Clock& at, Caching caching) {
    CachedReply out;
    std::optional<StorePool::Lease> lease;
    auto store = [&]() -> Store& {
      if (!lease) lease.emplace(pool.acquire());
      return **lease;
    };
    try {
      if (req.body.size() > route.maxBody)
        throw Error(ErrorCode::too_large,
                    fmt::format("the request body is larger than the {} bytes allowed",
                                route.maxBody),
                    "body");
      ApiRequest request(std::move(params), req.params, req.body, store, at, facts);
      std::unique_lock<std::mutex> writing;
      if (route.method != Method::get) writing = std::unique_lock(writeMutex);
      Reply reply = route.handler(request);
      if (writing) writing.unlock();
      out.status = reply.status;
      out.headers = std::move(reply.headers);
      if (reply.json) {
        out.body = reply.json->dump(-1, ' ', false, json::error_handler_t::replace);
        out.contentType = "application/json";
      } else if (!reply.contentType.empty()) {
        out.body = std::move(reply.raw);
        out.contentType = std::move(reply.contentType);
      }
      out.keep = caching != Caching::none && out.status == 200 &&
                 !(caching == Caching::data && request.clockRead());
    } catch (const Error& e) {
      out = errorReply(httpStatus(e.code()),
                       errorBody(codeName(e.code()), e.what(), e.field(), e.hint()));
    } catch (const std::exception& e) {
      out = errorReply(500, errorBody("io", fmt::format("internal error: {}", e.what())));
    }
    if (caching != Caching::none && out.status == 200)
      out.etag = entityTag(out.contentType, out.body);
    return out;
  }

  void serveStatic(const httplib::Request& req, httplib::Response& res) {
    if (webRoot.empty()) {
      if (req.path == "/" || req.path == "/index.html") {
        setBody(res, std::string(kNoWebApp), "text/html; charset=utf-8");
        return;
      }
      sendError(res, Error(ErrorCode::not_found, fmt::format("no file {}", req.path), "path"));
      return;
    }
    auto file = staticFile(webRoot, req.path);
    if (!file) {
      sendError(res, Error(ErrorCode::not_found, fmt::format("no file {}", req.path), "path"));
      return;
    }
    // Vite names assets by their content hash, so they never change; the page itself may.
    bool hashed = req.path.starts_with("/assets/");
    res.set_header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    setBody(res, readWholeFile(*file), contentTypeFor(*file));
  }

  void login(const httplib::Request& req, httplib::Response& res) {
    std::string session;
    if (req.method == "GET" && req.has_param("once")) {
      auto code = req.get_param_value("once");
      std::lock_guard lock(sessionMutex);
      for (auto it = onceCodes.begin(); it != onceCodes.end(); ++it) {
        if (sameSecret(*it, code)) {
          onceCodes.erase(it);
          session = randomToken();
          sessions.insert(session);
          break;
        }
      }
    } else if (req.method == "POST" && !options.token.empty() &&
               sameSecret(req.get_param_value("token"), options.token)) {
      session = randomToken();
      std::lock_guard lock(sessionMutex);
      sessions.insert(session);
    }
    if (session.empty()) {
      if (req.method == "POST" || req.has_param("once")) res.status = 403;
      setBody(res, std::string(kLoginPage), "text/html; charset=utf-8");
      return;
    }
    res.set_header("Set-Cookie", fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict",
                                             kSessionCookie, session));
    res.set_redirect("/", 303);
  }

  void configure() {
    http.new_task_queue = [n = options.threads] { return new httplib::ThreadPool(n); };
    http.set_keep_alive_max_count(10000);
    http.set_keep_alive_timeout(5);
    http.set_tcp_nodelay(true);
    http.set_payload_max_length(routes.largestBody());
    http.set_default_headers({
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
        {"Content-Security-Policy",
         "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
         "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
    });
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!refuse(req, res)) return httplib::Server::HandlerResponse::Unhandled;
      // A refused request's body is never read, so the connection cannot carry another
      // request: tell the client to close it.
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    });
    auto handle = [this](const httplib::Request& req, httplib::Response& res) {
      if (req.path.starts_with("/api/")) {
        dispatchApi(req, res);
      } else if (req.path == "/login") {
        login(req, res);
      } else if (req.method == "GET" || req.method == "HEAD") {
        serveStatic(req, res);
      } else {
        sendJson(res, 405, errorBody("method_not_allowed",
                                     fmt::format("{} is not allowed on {}", req.method, req.path)));
      }
    };
    http.Get(".*", handle);
    http.Post(".*", handle);
    http.Put(".*", handle);
    http.Patch(".*", handle);
    http.Delete(".*", handle);
    // Errors httplib produces itself (a malformed request line, an oversized body) get the
    // same JSON shape as the API's own.
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request&, httplib::Response& res) {
      if (res.has_header("Content-Type")) return httplib::Server::HandlerResponse::Unhandled;
      auto code = res.status == 413 ? ErrorCode::too_large
                  : res.status == 404 ? ErrorCode::not_found
                                      : ErrorCode::usage;
      sendJson(res, res.status,
               errorBody(codeName(code), res.status == 413 ? "the request body is too large"
                                         : res.status == 404 ? "not found"
                                                             : "bad request"));
      return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
          std::string what = "unknown error";
          try {
            std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            what = e.what();
          } catch (...) {
          }
          sendJson(res, 500, errorBody("io", fmt::format("internal error: {}", what)));
        });
  }
};

Server::Server(ServeOptions options, Clock clock) {
  if (options.port < 0 || options.port > 65535)
    throw Error(ErrorCode::usage, fmt::format("--port must be from 0 to 65535, got {}",
                                              options.port), "port");
  if (!isLoopbackHost(options.host) && options.token.empty())
    throw Error(ErrorCode::usage,
                fmt::format("refusing to listen on {} without --token: anyone who can reach it "
                            "could read your data",
                            options.host),
                "host", "pass --token SECRET (at least 16 characters), or keep the default host 127.0.0.1");
  if (!options.token.empty() && options.token.size() < 16)
    throw Error(ErrorCode::usage, "--token must be at least 16 characters", "token");
  if (options.threads < 2) options.threads = 2;
  impl_ = std::make_unique<Impl>(std::move(options), std::move(clock));
}

Server::~Server() { stop(); }

int Server::bind() {
  auto& i = *impl_;
  int port = i.options.port;
  bool ok = port == 0 ? (port = i.http.bind_to_any_port(i.options.host)) > 0
                      : i.http.bind_to_port(i.options.host, port);
  if (!ok)
    throw Error(ErrorCode::io,
                fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)",
                            i.options.host, i.options.port),
                "port", "pass another --port");
  i.http.raiseBacklog();
  i.port = port;
  i.allowed = allowedHosts(i.options.host, port);
  return port;
}

void Server::run() {
  auto& i = *impl_;
  i.running = true;
  if (!i.stopRequested) i.http.listen_after_bind();
  i.running = false;
}

void Server::waitUntilReady() const {
  auto& i = *impl_;
  while (!i.http.is_running() && !i.stopRequested)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void Server::stop() {
  if (!impl_) return;
  auto& i = *impl_;
  i.stopRequested = true;
  // run() may be between its check and listening: wait until it listens, then stop it.
  while (i.running && !i.http.is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  i.http.stop();
}

std::string Server::address() const { return impl_->publicAddress(); }

std::string Server::loginLink() {
  if (impl_->options.token.empty()) return {};
  auto code = randomToken();
  {
    std::lock_guard lock(impl_->sessionMutex);
    impl_->onceCodes.insert(code);
  }
  return fmt::format("{}login?once={}", address(), code);
}

const fs::path& Server::database() const { return impl_->pool.path(); }

}  // namespace jobfit::server
