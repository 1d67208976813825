// jobfit settings set KEY=VALUE; jobfit settings get [KEY] [--json]
#include <fmt/format.h>

#include "applications/silence.h"
#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "core/error.h"
#include "core/text.h"

namespace jobfit::cli {

namespace {

// Every setting a person may set: its key, what it means, its default, and its check (which
// returns the value to store). Capabilities add their keys here.
struct SettingSpec {
  std::string key, description, defaultValue;
  std::string (*validate)(const std::string& key, const std::string& value);
};

const std::vector<SettingSpec>& settingSpecs() {
  static const std::vector<SettingSpec> specs = [] {
    std::vector<SettingSpec> out;
    for (auto s : kStages)
      if (hasSilenceThreshold(s))
        out.push_back({fmt::format("silence.{}", toString(s)),
                       fmt::format("days without news before an application in '{}' counts as "
                                   "silent",
                                   toString(s)),
                       std::to_string(defaultSilenceDays(s)), validateSilenceSetting});
    return out;
  }();
  return specs;
}

const SettingSpec& requireSpec(const std::string& key) {
  for (const auto& s : settingSpecs())
    if (s.key == key) return s;
  std::vector<std::string> keys;
  for (const auto& s : settingSpecs()) keys.push_back(s.key);
  throw Error(ErrorCode::usage, fmt::format("unknown setting '{}'", key), "key",
              "settings: " + join(keys, ", "));
}

}  // namespace

void attachSettings(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto* group = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  group->require_subcommand(1);

  auto assignments = std::make_shared<std::vector<std::string>>();
  auto* set = group->add_subcommand("set", "Set one or more settings: KEY=VALUE ...");
  set->add_option("assignments", *assignments, "KEY=VALUE, e.g. silence.applied=30")->required();
  set->callback([=, &ctx] {
    std::vector<std::pair<std::string, std::string>> values;
    for (const auto& a : *assignments) {
      auto eq = a.find('=');
      if (eq == std::string::npos)
        throw Error(ErrorCode::usage, fmt::format("'{}' must be KEY=VALUE", a), "key",
                    "e.g. jobfit settings set silence.applied=30");
      std::string key(trim(a.substr(0, eq)));
      const auto& s = requireSpec(key);
      values.emplace_back(key, s.validate(key, a.substr(eq + 1)));
    }
    auto& store = ctx.store();
    store.transaction([&] {
      for (const auto& [k, v] : values) store.settings().set(k, v);
    });
    for (const auto& [k, v] : values) ctx.out() << fmt::format("{} = {}\n", k, v);
  });

  auto key = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* get = group->add_subcommand("get", "Show a setting, or all of them");
  get->add_option("key", *key, "The setting (default: all)");
  get->add_flag("--json", *json, "Print JSON");
  get->callback([=, &ctx] {
    auto stored = ctx.store().settings().all();
    std::vector<const SettingSpec*> shown;
    if (key->empty())
      for (const auto& s : settingSpecs()) shown.push_back(&s);
    else
      shown.push_back(&requireSpec(*key));
    if (*json) {
      auto out = nlohmann::json::array();
      for (const auto* s : shown) {
        auto it = stored.find(s->key);
        out.push_back({{"key", s->key},
                       {"value", it != stored.end() ? it->second : s->defaultValue},
                       {"default", s->defaultValue},
                       {"is_default", it == stored.end()},
                       {"description", s->description}});
      }
      printJson(ctx, key->empty() ? out : out.front());
      return;
    }
    for (const auto* s : shown) {
      auto it = stored.find(s->key);
      if (!key->empty()) {
        ctx.out() << (it != stored.end() ? it->second : s->defaultValue) << '\n';
        continue;
      }
      ctx.out() << fmt::format("{} = {}{}  {}\n", s->key,
                               it != stored.end() ? it->second : s->defaultValue,
                               it != stored.end() ? "" : " (default)", ctx.dim(s->description));
    }
  });
}

}  // namespace jobfit::cli
