#include "server/route.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

#include "core/error.h"
#include "core/json_read.h"

namespace jobfit::server {

namespace {

std::vector<std::string_view> splitPath(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool isParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

std::string_view methodName(Method m) {
  switch (m) {
    case Method::get: return "GET";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::del: return "DELETE";
  }
  return "GET";
}

std::optional<Method> parseMethod(std::string_view s) {
  if (s == "GET" || s == "HEAD") return Method::get;
  if (s == "POST") return Method::post;
  if (s == "PUT") return Method::put;
  if (s == "PATCH") return Method::patch;
  if (s == "DELETE") return Method::del;
  return std::nullopt;
}

const std::string& ApiRequest::param(const std::string& name) const {
  auto it = params_.find(name);
  if (it == params_.end()) throw std::logic_error("route has no parameter " + name);
  return it->second;
}

int64_t ApiRequest::id(const std::string& name) const {
  const auto& text = param(name);
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value <= 0)
    throw Error(ErrorCode::usage, fmt::format("{} must be a positive number, got '{}'", name, text),
                name);
  return value;
}

std::optional<std::string> ApiRequest::query(const std::string& name) const {
  auto it = query_.find(name);
  if (it == query_.end()) return std::nullopt;
  return it->second;
}

std::optional<int64_t> ApiRequest::queryInt(const std::string& name, int64_t min,
                                            int64_t max) const {
  auto text = query(name);
  if (!text) return std::nullopt;
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || ptr != text->data() + text->size() || value < min || value > max)
    throw Error(ErrorCode::usage,
                fmt::format("{} must be an integer from {} to {}, got '{}'", name, min, max, *text),
                name);
  return value;
}

std::optional<Date> ApiRequest::queryDate(const std::string& name) const {
  auto text = query(name);
  if (!text) return std::nullopt;
  return parseDate(*text, name);
}

std::optional<double> ApiRequest::queryNumber(const std::string& name, double min,
                                             double max) const {
  auto text = query(name);
  if (!text) return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || ptr != text->data() + text->size() || !(value >= min && value <= max))
    throw Error(ErrorCode::usage,
                fmt::format("{} must be a number from {} to {}, got '{}'", name, min, max, *text),
                name);
  return value;
}

std::vector<std::string> ApiRequest::queryAll(const std::string& name) const {
  std::vector<std::string> out;
  auto [first, last] = query_.equal_range(name);
  for (auto it = first; it != last; ++it) out.push_back(it->second);
  return out;
}

bool ApiRequest::queryFlag(const std::string& name) const {
  auto text = query(name);
  if (!text) return false;
  if (*text == "true" || *text == "1" || text->empty()) return true;
  if (*text == "false" || *text == "0") return false;
  throw Error(ErrorCode::usage, fmt::format("{} must be true or false, got '{}'", name, *text),
              name);
}

Route deleteRoute(std::string path, std::string tag, std::string summary,
                  void (*remove)(Store& store, int64_t id)) {
  return {.method = Method::del,
          .path = std::move(path),
          .summary = std::move(summary),
          .tag = std::move(tag),
          .status = 204,
          .handler = [remove](ApiRequest& r) {
            auto& store = r.store();
            int64_t id = r.id();
            store.transaction([&] { remove(store, id); });
            return Reply::noContent();
          }};
}

nlohmann::json ApiRequest::json() const {
  if (body_.empty()) throw Error(ErrorCode::invalid, "the request needs a JSON body", "body");
  return parseJsonDocument(body_, "request body");
}

void RouteTable::add(Route route) {
  for (const auto& r : routes_)
    if (r.method == route.method && r.path == route.path)
      throw std::logic_error(fmt::format("route {} {} is registered twice", methodName(r.method),
                                         r.path));
  if (route.cache != Caching::none && route.method != Method::get)
    throw std::logic_error(fmt::format("route {} {} changes data: its answer cannot be cached",
                                       methodName(route.method), route.path));
  std::vector<std::string> segments;
  for (auto s : splitPath(route.path)) segments.emplace_back(s);
  segments_.push_back(std::move(segments));
  routes_.push_back(std::move(route));
}

void RouteTable::schema(const std::string& name, nlohmann::json schema) {
  schemas_[name] = std::move(schema);
}

RouteMatch RouteTable::match(Method method, std::string_view path) const {
  RouteMatch result;
  auto parts = splitPath(path);
  for (size_t i = 0; i < routes_.size(); ++i) {
    const auto& pattern = segments_[i];
    if (pattern.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool same = true;
    for (size_t k = 0; k < parts.size() && same; ++k) {
      if (isParam(pattern[k])) {
        if (parts[k].empty()) same = false;
        else params[pattern[k].substr(1, pattern[k].size() - 2)] = std::string(parts[k]);
      } else {
        same = pattern[k] == parts[k];
      }
    }
    if (!same) continue;
    result.pathExists = true;
    if (routes_[i].method == method) {
      result.route = &routes_[i];
      result.params = std::move(params);
      return result;
    }
  }
  return result;
}

std::size_t RouteTable::largestBody() const {
  std::size_t largest = 0;
  for (const auto& r : routes_) largest = std::max(largest, r.maxBody);
  return largest;
}

}  // namespace jobfit::server
