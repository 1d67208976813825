#include "evidence/checkin_json.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/json_read.h"

namespace jobfit {

using nlohmann::json;

json toJson(const Checkin& c) {
  json answers = json::object();
  for (size_t i = 0; i < kCbiItems.size(); ++i) {
    const auto& item = kCbiItems[i];
    answers[std::string(item.key)] =
        c.answers[i] ? json(std::string(answerWord(item, *c.answers[i]))) : json(nullptr);
  }
  return json{{"id", c.id}, {"date", formatDate(c.date)}, {"answers", answers}};
}

Checkin checkinFromJson(const json& j, const std::string& path) {
  JsonReader r(j, path);
  Checkin c;
  c.id = r.optionalInt("id").value_or(0);
  c.date = parseDateField(r.requiredString("date"), r.path("date"));
  auto it = j.find("answers");
  if (it == j.end() || !it->is_object())
    throw Error(ErrorCode::invalid, fmt::format("{} must be an object", r.path("answers")),
                r.path("answers"));
  JsonReader answers(*it, r.path("answers"));
  for (const auto& [key, value] : it->items()) {
    bool known = false;
    for (const auto& item : kCbiItems) known = known || item.key == key;
    if (!known)
      throw Error(ErrorCode::invalid,
                  fmt::format("{}: unknown item '{}'", r.path("answers"), key),
                  answers.path(key));
  }
  for (size_t i = 0; i < kCbiItems.size(); ++i) {
    const auto& item = kCbiItems[i];
    auto word = answers.optionalString(item.key);
    if (!word) continue;
    try {
      c.answers[i] = parseCbiAnswer(item, *word);
    } catch (const Error& e) {
      throw Error(ErrorCode::invalid, fmt::format("{}: {}", answers.path(item.key), e.what()),
                  answers.path(item.key));
    }
  }
  return c;
}

}  // namespace jobfit
