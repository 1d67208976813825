#include "postings/posting.h"

#include <array>
#include <utility>

namespace jobfit {

namespace {

template <typename E, size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
  for (const auto& [value, name] : table)
    if (value == v) return name;
  return table.front().second;
}

template <typename E, size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, std::string_view>, N>& table,
                         std::string_view s) {
  for (const auto& [value, name] : table)
    if (name == s) return value;
  return std::nullopt;
}

constexpr std::array<std::pair<WorkMode, std::string_view>, 4> kWorkModes{{
    {WorkMode::unknown, "unknown"},
    {WorkMode::remote, "remote"},
    {WorkMode::hybrid, "hybrid"},
    {WorkMode::onsite, "onsite"},
}};
constexpr std::array<std::pair<EmploymentType, std::string_view>, 8> kEmploymentTypes{{
    {EmploymentType::unknown, "unknown"},
    {EmploymentType::full_time, "full_time"},
    {EmploymentType::part_time, "part_time"},
    {EmploymentType::contract, "contract"},
    {EmploymentType::temporary, "temporary"},
    {EmploymentType::internship, "internship"},
    {EmploymentType::volunteer, "volunteer"},
    {EmploymentType::other, "other"},
}};
constexpr std::array<std::pair<Seniority, std::string_view>, 9> kSeniorities{{
    {Seniority::unknown, "unknown"},
    {Seniority::intern, "intern"},
    {Seniority::entry, "entry"},
    {Seniority::mid, "mid"},
    {Seniority::senior, "senior"},
    {Seniority::lead, "lead"},
    {Seniority::manager, "manager"},
    {Seniority::director, "director"},
    {Seniority::executive, "executive"},
}};
constexpr std::array<std::pair<PayPeriod, std::string_view>, 5> kPayPeriods{{
    {PayPeriod::hour, "hour"},
    {PayPeriod::day, "day"},
    {PayPeriod::week, "week"},
    {PayPeriod::month, "month"},
    {PayPeriod::year, "year"},
}};

}  // namespace

std::string_view toString(WorkMode v) { return nameOf(kWorkModes, v); }
std::string_view toString(EmploymentType v) { return nameOf(kEmploymentTypes, v); }
std::string_view toString(Seniority v) { return nameOf(kSeniorities, v); }
std::string_view toString(PayPeriod v) { return nameOf(kPayPeriods, v); }
std::optional<WorkMode> parseWorkMode(std::string_view s) { return valueOf(kWorkModes, s); }
std::optional<EmploymentType> parseEmploymentType(std::string_view s) {
  return valueOf(kEmploymentTypes, s);
}
std::optional<Seniority> parseSeniority(std::string_view s) { return valueOf(kSeniorities, s); }
std::optional<PayPeriod> parsePayPeriod(std::string_view s) { return valueOf(kPayPeriods, s); }

}  // namespace jobfit
