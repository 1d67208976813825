#include "applications/contact.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace jobfit {

std::optional<Date> lastContacted(const Contact& c) {
  if (c.interactions.empty()) return std::nullopt;
  return c.interactions.back().date;
}

void sortInteractions(std::vector<Interaction>& interactions) {
  std::stable_sort(interactions.begin(), interactions.end(),
                   [](const Interaction& a, const Interaction& b) { return a.date < b.date; });
}

void validateContact(const Contact& c, Date today) {
  if (trim(c.name).empty()) throw Error(ErrorCode::usage, "name must not be empty", "name");
  if (c.name.size() > 200) throw Error(ErrorCode::usage, "name is too long (200 max)", "name");
  if (!c.email.empty() && (c.email.find('@') == std::string::npos || c.email.find(' ') != std::string::npos))
    throw Error(ErrorCode::usage, fmt::format("email '{}' does not look like an address", c.email),
                "email");
  for (const auto& link : c.links)
    if (link.find("://") == std::string::npos)
      throw Error(ErrorCode::usage, fmt::format("link '{}' needs a scheme such as https://", link),
                  "link");
  for (size_t i = 0; i < c.interactions.size(); ++i) {
    const auto& it = c.interactions[i];
    auto field = fmt::format("interactions[{}]", i);
    if (trim(it.text).empty())
      throw Error(ErrorCode::usage, "an interaction needs a text", field + ".text");
    if (it.date > today)
      throw Error(ErrorCode::usage,
                  fmt::format("{} is in the future (today is {})", formatDate(it.date),
                              formatDate(today)),
                  field + ".date");
    if (i > 0 && it.date < c.interactions[i - 1].date)
      throw Error(ErrorCode::usage, "interactions must be in date order", field + ".date");
  }
}

}  // namespace jobfit
