// Reading JSON that came from outside (import files, HTTP bodies) with errors that name the
// exact place: "episodes[3].minutes must be an integer".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/time.h"

namespace jobfit {

class JsonReader {
 public:
  // Throws Error(invalid) unless j is an object.
  JsonReader(const nlohmann::json& j, std::string path);

  std::string path(std::string_view key) const;
  bool has(std::string_view key) const;
  std::string requiredString(std::string_view key) const;
  std::optional<std::string> optionalString(std::string_view key) const;
  int64_t requiredInt(std::string_view key) const;
  std::optional<int64_t> optionalInt(std::string_view key) const;
  std::optional<double> optionalNumber(std::string_view key) const;
  std::optional<bool> optionalBool(std::string_view key) const;
  std::vector<std::string> stringList(std::string_view key) const;
  // The array under key, or an empty array when absent; throws if present and not an array.
  const nlohmann::json& array(std::string_view key) const;

 private:
  const nlohmann::json* get(std::string_view key) const;
  const nlohmann::json& j_;
  std::string path_;
};

Date parseDateField(const std::string& text, const std::string& path);
Instant parseInstantField(const std::string& text, const std::string& path);

// Parses a whole JSON document; throws Error(invalid) with the line and column on bad syntax.
nlohmann::json parseJsonDocument(std::string_view text, std::string_view what);

}  // namespace jobfit
