#include "core/json_read.h"

#include <fmt/format.h>

#include "core/error.h"

namespace jobfit {

using nlohmann::json;

namespace {
Error wrongType(const std::string& path, std::string_view expected) {
  return Error(ErrorCode::invalid, fmt::format("{} must be {}", path, expected), path);
}
const json kEmptyArray = json::array();
}  // namespace

JsonReader::JsonReader(const json& j, std::string path) : j_(j), path_(std::move(path)) {
  if (!j_.is_object()) throw wrongType(path_.empty() ? "document" : path_, "an object");
}

std::string JsonReader::path(std::string_view key) const {
  return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

bool JsonReader::has(std::string_view key) const { return get(key) != nullptr; }

const json* JsonReader::get(std::string_view key) const {
  auto it = j_.find(key);
  if (it == j_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string JsonReader::requiredString(std::string_view key) const {
  auto v = optionalString(key);
  if (!v) throw Error(ErrorCode::invalid, fmt::format("{} is required", path(key)), path(key));
  return *v;
}

std::optional<std::string> JsonReader::optionalString(std::string_view key) const {
  const json* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) throw wrongType(path(key), "a string");
  return v->get<std::string>();
}

int64_t JsonReader::requiredInt(std::string_view key) const {
  auto v = optionalInt(key);
  if (!v) throw Error(ErrorCode::invalid, fmt::format("{} is required", path(key)), path(key));
  return *v;
}

std::optional<int64_t> JsonReader::optionalInt(std::string_view key) const {
  const json* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) throw wrongType(path(key), "an integer");
  return v->get<int64_t>();
}

std::optional<double> JsonReader::optionalNumber(std::string_view key) const {
  const json* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_number()) throw wrongType(path(key), "a number");
  return v->get<double>();
}

std::optional<bool> JsonReader::optionalBool(std::string_view key) const {
  const json* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) throw wrongType(path(key), "true or false");
  return v->get<bool>();
}

std::vector<std::string> JsonReader::stringList(std::string_view key) const {
  std::vector<std::string> out;
  const auto& arr = array(key);
  for (size_t i = 0; i < arr.size(); ++i) {
    if (!arr[i].is_string()) throw wrongType(fmt::format("{}[{}]", path(key), i), "a string");
    out.push_back(arr[i].get<std::string>());
  }
  return out;
}

const json& JsonReader::array(std::string_view key) const {
  const json* v = get(key);
  if (!v) return kEmptyArray;
  if (!v->is_array()) throw wrongType(path(key), "an array");
  return *v;
}

Date parseDateField(const std::string& text, const std::string& path) {
  try {
    return parseDate(text, path);
  } catch (const Error& e) {
    throw Error(ErrorCode::invalid, e.what(), path);
  }
}

Instant parseInstantField(const std::string& text, const std::string& path) {
  try {
    return parseInstant(text, path);
  } catch (const Error& e) {
    throw Error(ErrorCode::invalid, e.what(), path);
  }
}

json parseJsonDocument(std::string_view text, std::string_view what) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    throw Error(ErrorCode::invalid, fmt::format("{} is not valid JSON: {}", what, e.what()));
  }
}

}  // namespace jobfit
