#include "postings/pull.h"

#include <curl/curl.h>

#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace jobfit {

namespace {

struct BoardInfo {
  Board board;
  std::string_view name, host, pathFormat, what;
};

constexpr BoardInfo kBoards[] = {
    {Board::greenhouse, "greenhouse", "https://boards-api.greenhouse.io",
     "/v1/boards/{}/jobs?content=true", "board token"},
    {Board::lever, "lever", "https://api.lever.co", "/v0/postings/{}?mode=json", "site"},
    {Board::ashby, "ashby", "https://api.ashbyhq.com",
     "/posting-api/job-board/{}?includeCompensation=true", "job board name"},
};

const BoardInfo& info(Board b) {
  for (const auto& i : kBoards)
    if (i.board == b) return i;
  return kBoards[0];
}

// Board names go into a URL path: only the characters the boards use.
bool validBoardName(std::string_view s) {
  if (s.empty() || s.size() > 200) return false;
  for (unsigned char c : s)
    if (!std::isalnum(c) && c != '-' && c != '_' && c != '.') return false;
  return s != "." && s != "..";
}

std::string hostOf(std::string_view url) {
  auto scheme = url.find("://");
  auto rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  return std::string(rest.substr(0, rest.find_first_of("/?#")));
}

bool isLoopback(std::string_view host) {
  auto colon = host.rfind(':');
  auto name = host.starts_with("[") ? host.substr(0, host.find(']') + 1)
                                    : (colon == std::string_view::npos ? host : host.substr(0, colon));
  return name == "localhost" || name == "127.0.0.1" || name == "[::1]";
}

void initCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Body {
  std::string text;
  size_t limit;
  bool tooLarge = false;
};

size_t writeBody(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<Body*>(user);
  size_t n = size * count;
  if (body->text.size() + n > body->limit) {
    body->tooLarge = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  body->text.append(data, n);
  return n;
}

struct Attempt {
  CURLcode code = CURLE_OK;
  long status = 0;
  std::string curlMessage;
};

Attempt attempt(const std::string& url, const FetchOptions& options, Body& body) {
  CURL* curl = curl_easy_init();
  if (!curl) throw Error(ErrorCode::io, "cannot start an HTTP client (libcurl)");
  char message[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, message);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connectTimeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.totalTimeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "jobfit/" JOBFIT_VERSION);
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.maxBytes));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, writeBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  Attempt a;
  a.code = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &a.status);
  a.curlMessage = message[0] ? message : curl_easy_strerror(a.code);
  curl_easy_cleanup(curl);
  return a;
}

bool retryable(const Attempt& a) {
  switch (a.code) {
    case CURLE_OK: return a.status >= 500 || a.status == 429;
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM: return true;
    default: return false;
  }
}

std::string describe(const Attempt& a, const FetchOptions& options) {
  if (a.code == CURLE_OK) return fmt::format("the server answered HTTP {}", a.status);
  if (a.code == CURLE_OPERATION_TIMEDOUT)
    return fmt::format("no complete answer within {:.1f} s",
                       static_cast<double>(options.totalTimeout.count()) / 1000.0);
  return a.curlMessage;
}

}  // namespace

BoardRef parseBoardRef(std::string_view text) {
  auto colon = text.find(':');
  std::string kind = toLower(text.substr(0, colon));
  for (const auto& b : kBoards) {
    if (b.name != kind) continue;
    std::string name(colon == std::string_view::npos ? "" : trim(text.substr(colon + 1)));
    if (!validBoardName(name))
      throw Error(ErrorCode::usage,
                  fmt::format("'{}' needs a {} after the colon (letters, digits, - _ .)", text,
                              b.what),
                  "board", fmt::format("for example: {}:acme", b.name));
    return {b.board, name};
  }
  throw Error(ErrorCode::usage, fmt::format("unknown board '{}'", text), "board",
              "use greenhouse:TOKEN, lever:SITE or ashby:NAME");
}

std::string_view toString(Board board) { return info(board).name; }

InputFormat boardFormat(Board board) {
  switch (board) {
    case Board::greenhouse: return InputFormat::greenhouse;
    case Board::lever: return InputFormat::lever;
    case Board::ashby: return InputFormat::ashby;
  }
  return InputFormat::greenhouse;
}

bool isUrl(std::string_view text) {
  auto lower = toLower(text.substr(0, 8));
  return lower.starts_with("http://") || lower.starts_with("https://");
}

std::string boardUrl(const BoardRef& ref, std::string_view baseUrl) {
  const auto& b = info(ref.board);
  std::string base(baseUrl.empty() ? b.host : baseUrl);
  while (!base.empty() && base.back() == '/') base.pop_back();
  if (!isUrl(base))
    throw Error(ErrorCode::usage, fmt::format("--base-url must start with https://, got '{}'", base),
                "base-url");
  if (toLower(base).starts_with("http://") && !isLoopback(hostOf(base)))
    throw Error(ErrorCode::usage,
                "--base-url must use https (plain http is allowed only to this machine)",
                "base-url");
  return base + fmt::format(fmt::runtime(b.pathFormat), ref.name);
}

std::string fetchUrl(const std::string& url, const FetchOptions& options) {
  initCurl();
  std::string host = hostOf(url);
  auto wait = options.backoff;
  for (int number = 0;; ++number) {
    Body body{{}, options.maxBytes};
    Attempt a = attempt(url, options, body);
    if (body.tooLarge || a.code == CURLE_FILESIZE_EXCEEDED)
      throw Error(ErrorCode::too_large,
                  fmt::format("{} sent more than {} MB", host, options.maxBytes >> 20), "url");
    if (a.code == CURLE_OK && a.status >= 200 && a.status < 300) return std::move(body.text);
    if (a.code == CURLE_COULDNT_RESOLVE_HOST || a.code == CURLE_COULDNT_RESOLVE_PROXY)
      throw Error(ErrorCode::io, fmt::format("cannot reach {}: the name does not resolve", host),
                  "url", "check the network connection: jobfit looks offline");
    if (a.code == CURLE_OK && a.status == 404)
      throw Error(ErrorCode::not_found, fmt::format("{} has nothing at {} (HTTP 404)", host, url),
                  "url", "check the board name or the URL");
    if (a.code == CURLE_OK && !retryable(a))
      throw Error(ErrorCode::io, fmt::format("{} refused the request: HTTP {}", host, a.status),
                  "url");
    if (!retryable(a) || number >= options.retries) {
      std::string why = describe(a, options);
      throw Error(ErrorCode::io,
                  fmt::format("cannot fetch {}: {} ({} attempt{})", url, why, number + 1,
                              number ? "s" : ""),
                  "url",
                  a.code == CURLE_COULDNT_CONNECT
                      ? "check the network connection, or try again later"
                      : "the server may be down or slow; try again later or raise --timeout");
    }
    if (options.retrying) options.retrying(number + 1, describe(a, options));
    if (options.sleep)
      options.sleep(wait);
    else
      std::this_thread::sleep_for(wait);
    wait *= 2;
  }
}

}  // namespace jobfit
