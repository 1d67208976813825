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

void applyEdit(Contact& c, const ContactEdit& e) {
  if (e.name) c.name = std::string(trim(*e.name));
  if (e.company) c.company = *e.company;
  if (e.role) c.role = *e.role;
  if (e.how) c.how = *e.how;
  if (e.email) c.email = std::string(trim(*e.email));
  if (e.phone) c.phone = *e.phone;
  if (e.notes) c.notes = *e.notes;
  if (e.clearLinks) c.links.clear();
  for (const auto& l : e.links)
    if (std::find(c.links.begin(), c.links.end(), l) == c.links.end()) c.links.push_back(l);
}

void logInteraction(Contact& c, Interaction i, Date today) {
  Contact next = c;
  next.interactions.push_back(std::move(i));
  sortInteractions(next.interactions);
  validateContact(next, today);
  c = std::move(next);
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
