#include "applications/silence.h"

#include <charconv>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace jobfit {

bool hasSilenceThreshold(Stage s) {
  return s == Stage::applied || s == Stage::screening || s == Stage::interviewing ||
         s == Stage::offer;
}

int defaultSilenceDays(Stage s) {
  switch (s) {
    case Stage::applied: return 21;
    case Stage::screening: return 10;
    case Stage::interviewing: return 10;
    case Stage::offer: return 7;
    default: return 0;
  }
}

SilenceThresholds::SilenceThresholds() {
  for (auto s : kStages)
    if (hasSilenceThreshold(s)) days_[s] = defaultSilenceDays(s);
}

SilenceThresholds SilenceThresholds::fromSettings(const std::map<std::string, std::string>& settings) {
  SilenceThresholds t;
  for (auto s : kStages) {
    if (!hasSilenceThreshold(s)) continue;
    auto it = settings.find(fmt::format("silence.{}", toString(s)));
    if (it == settings.end()) continue;
    int v = 0;
    const auto& text = it->second;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    // A value that does not parse (written by hand into the database) keeps the default.
    if (ec == std::errc() && ptr == text.data() + text.size() && v > 0) t.days_[s] = v;
  }
  return t;
}

std::optional<int> SilenceThresholds::days(Stage s) const {
  auto it = days_.find(s);
  if (it == days_.end()) return std::nullopt;
  return it->second;
}

void SilenceThresholds::set(Stage s, int days) {
  if (hasSilenceThreshold(s)) days_[s] = days;
}

std::string validateSilenceSetting(const std::string& key, const std::string& value) {
  constexpr std::string_view prefix = "silence.";
  std::optional<Stage> stage;
  if (key.starts_with(prefix)) {
    auto name = std::string_view(key).substr(prefix.size());
    stage = parseStage(name);
    if (stage && toString(*stage) != name) stage.reset();
  }
  if (!stage || !hasSilenceThreshold(*stage))
    throw Error(ErrorCode::usage, fmt::format("unknown setting '{}'", key), "key",
                "silence thresholds: silence.applied, silence.screening, silence.interviewing, "
                "silence.offer");
  auto v = trim(value);
  int days = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), days);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size() || days < 1 || days > 365)
    throw Error(ErrorCode::usage,
                fmt::format("{} must be a number of days from 1 to 365, got '{}'", key, value),
                "value");
  return std::to_string(days);
}

std::optional<Silence> silence(const Application& a, const SilenceThresholds& t, Date today) {
  auto threshold = t.days(currentStage(a));
  if (!threshold) return std::nullopt;
  Date last = lastEventDate(a);
  long days = daysBetween(last, today);
  if (days < *threshold) return std::nullopt;
  return Silence{addDays(last, *threshold), days, *threshold};
}

}  // namespace jobfit
