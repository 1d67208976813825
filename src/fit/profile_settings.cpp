#include "fit/profile_settings.h"

#include <charconv>
#include <map>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace jobfit {

namespace {

std::optional<double> number(std::string_view s) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::pair<std::string, std::string> splitAssignment(const std::string& a) {
  auto eq = a.find('=');
  if (eq == std::string::npos || eq == 0)
    throw Error(ErrorCode::usage, fmt::format("'{}' is not KEY=VALUE", a), "assignment");
  return {toLower(trim(a.substr(0, eq))), std::string(trim(a.substr(eq + 1)))};
}

Error bad(const std::string& key, const std::string& value, std::string_view expected) {
  return Error(ErrorCode::usage, fmt::format("{} must be {}, got '{}'", key, expected, value), key);
}

template <typename Parse>
std::string listOf(const std::string& key, const std::string& value, Parse parse,
                   std::string_view expected) {
  std::vector<std::string> names;
  for (const auto& item : splitList(value, ',')) {
    auto parsed = parse(toLower(item));
    if (!parsed) throw bad(key, item, expected);
    names.emplace_back(toString(*parsed));
  }
  return join(names, ",");
}

}  // namespace

Values readValues(SettingsStore& settings) {
  Values v;
  for (size_t i = 0; i < kValueCount; ++i)
    if (auto s = settings.get(fmt::format("values.{}", kValueNames[i])))
      v.weight[i] = number(*s).value_or(0);
  if (auto s = settings.get("values.target_pay")) v.targetPay = number(*s);
  return v;
}

Constraints readConstraints(SettingsStore& settings) {
  Constraints c;
  auto get = [&](const char* key) { return settings.get(fmt::format("constraints.{}", key)); };
  if (auto amount = get("min_pay"); amount && number(*amount)) {
    MinPay m;
    m.amount = *number(*amount);
    m.currency = get("currency").value_or("USD");
    m.period = parsePayPeriod(get("period").value_or("year")).value_or(PayPeriod::year);
    c.minPay = m;
  }
  if (auto s = get("work_modes"))
    for (const auto& x : splitList(*s, ','))
      if (auto m = parseWorkMode(x)) c.workModes.push_back(*m);
  if (auto s = get("locations")) c.locations = splitList(*s, ';');
  if (auto s = get("employment_types"))
    for (const auto& x : splitList(*s, ','))
      if (auto t = parseEmploymentType(x)) c.employmentTypes.push_back(*t);
  if (auto s = get("max_travel")) c.maxTravel = number(*s);
  if (auto s = get("on_call")) c.onCallAccepted = *s != "no";
  return c;
}

void setValues(Store& store, const std::vector<std::string>& assignments) {
  if (assignments.empty())
    throw Error(ErrorCode::usage, "give at least one value, e.g. learning=3 pay=2", "values");
  std::map<std::string, std::string> writes;
  for (const auto& a : assignments) {
    auto [key, value] = splitAssignment(a);
    if (key == "target_pay") {
      auto n = number(value);
      if (!value.empty() && (!n || *n <= 0)) throw bad(key, value, "a positive annual amount");
      writes["values.target_pay"] = value;
      continue;
    }
    if (!parseValue(key))
      throw Error(ErrorCode::usage,
                  fmt::format("unknown value '{}'; values are {} (and target_pay)", key,
                              join(std::vector<std::string>(kValueNames.begin(), kValueNames.end()), ", ")),
                  key);
    auto n = number(value);
    if (!n || *n < 0 || *n > 5 || *n != static_cast<int>(*n))
      throw bad(key, value, "a whole number from 0 (does not matter) to 5 (matters most)");
    writes["values." + key] = value;
  }
  store.transaction([&] {
    for (const auto& [k, v] : writes) store.settings().set(k, v);
  });
}

void setConstraints(Store& store, const std::vector<std::string>& assignments) {
  if (assignments.empty())
    throw Error(ErrorCode::usage, "give at least one constraint, e.g. min_pay=100000 on_call=no",
                "constraints");
  std::map<std::string, std::string> writes;
  for (const auto& a : assignments) {
    auto [key, value] = splitAssignment(a);
    std::string stored;
    if (value.empty()) {
      stored = "";  // clears the constraint
    } else if (key == "min_pay") {
      auto n = number(value);
      if (!n || *n < 0) throw bad(key, value, "a non-negative amount");
      stored = value;
    } else if (key == "currency") {
      if (value.size() != 3) throw bad(key, value, "an ISO 4217 code such as USD, EUR, GBP");
      stored = value;
      for (char& ch : stored) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    } else if (key == "period") {
      auto p = parsePayPeriod(toLower(value));
      if (!p) throw bad(key, value, "hour, day, week, month or year");
      stored = toString(*p);
    } else if (key == "work_modes") {
      stored = listOf(key, value, [](const std::string& s) { return parseWorkMode(s); },
                      "remote, hybrid or onsite");
    } else if (key == "employment_types") {
      stored = listOf(key, value, [](const std::string& s) { return parseEmploymentType(s); },
                      "full_time, part_time, contract, temporary, internship, volunteer or other");
    } else if (key == "locations") {
      stored = join(splitList(value, ';'), ";");
    } else if (key == "max_travel") {
      auto n = number(value);
      if (!n || *n < 0 || *n > 1) throw bad(key, value, "a share from 0 to 1 (0.2 = 20%)");
      stored = value;
    } else if (key == "on_call") {
      auto v = toLower(value);
      if (v != "yes" && v != "no") throw bad(key, value, "yes or no");
      stored = v;
    } else {
      throw Error(ErrorCode::usage,
                  fmt::format("unknown constraint '{}'; constraints are min_pay, currency, period, "
                              "work_modes, locations, employment_types, max_travel, on_call",
                              key),
                  key);
    }
    writes["constraints." + key] = stored;
  }
  store.transaction([&] {
    for (const auto& [k, v] : writes) store.settings().set(k, v);
  });
}

}  // namespace jobfit
