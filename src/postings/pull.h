// Fetching postings over HTTP(S): a company's whole public job board (Greenhouse, Lever,
// Ashby) or one page by URL. libcurl with connect and total timeouts, retries with exponential
// backoff on server errors and timeouts, and a clear error when the network is not there.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "postings/formats.h"

namespace jobfit {

enum class Board { greenhouse, lever, ashby };

// A board to pull: "greenhouse:TOKEN", "lever:SITE" or "ashby:NAME".
struct BoardRef {
  Board board = Board::greenhouse;
  std::string name;
};

// Throws Error(usage) on anything but the three forms above.
BoardRef parseBoardRef(std::string_view text);
std::string_view toString(Board board);
InputFormat boardFormat(Board board);
// The board's public JSON endpoint, on its default host (https) or on baseUrl when given:
//   greenhouse  /v1/boards/{token}/jobs?content=true          boards-api.greenhouse.io
//   lever       /v0/postings/{site}?mode=json                 api.lever.co
//   ashby       /posting-api/job-board/{name}?includeCompensation=true   api.ashbyhq.com
// Throws Error(usage) when baseUrl is plain http to anything but this machine.
std::string boardUrl(const BoardRef& ref, std::string_view baseUrl = {});

struct FetchOptions {
  std::chrono::milliseconds connectTimeout{10'000};
  std::chrono::milliseconds totalTimeout{60'000};  // per attempt
  int retries = 3;                                  // attempts after the first
  std::chrono::milliseconds backoff{500};           // doubled after every retry
  size_t maxBytes = 64u << 20;
  // Waits between attempts (tests may shorten it).
  std::function<void(std::chrono::milliseconds)> sleep;
  // Told about each retry: attempt number (1-based) and why.
  std::function<void(int, const std::string&)> retrying;
};

// GETs url and returns the body. Retries on HTTP 5xx and 429, timeouts and broken
// connections; throws Error(io) naming the host and the cause when every attempt failed, at
// once when the host name cannot be resolved (offline), and Error(not_found) on HTTP 404.
std::string fetchUrl(const std::string& url, const FetchOptions& options = {});

// Whether text looks like an http(s) URL rather than a file name.
bool isUrl(std::string_view text);

}  // namespace jobfit
