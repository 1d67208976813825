#include "evidence/expectation.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/error.h"

namespace jobfit {

void validateExpectation(const Expectation& e, const ActivityCatalog& catalog) {
  catalog.require(e.activity, "activity");
  if (!e.date.ok()) throw Error(ErrorCode::usage, "date is not a valid calendar date", "date");
  bool any = false;
  for (const auto& item : kRatingItems) {
    if (const auto& v = e.ratings.*item.member) {
      validateRating(item, *v);
      any = true;
    }
  }
  if (!any)
    throw Error(ErrorCode::usage, "an expectation needs at least one rating", "ratings",
                "e.g. --happy 5 --stressed 2 --energy 1");
}

std::vector<Expectation> latestExpectations(const std::vector<Expectation>& all) {
  std::map<std::string, const Expectation*> latest;
  for (const auto& e : all) {
    auto& slot = latest[e.activity];
    if (!slot || std::tie(e.date, e.id) > std::tie(slot->date, slot->id)) slot = &e;
  }
  std::vector<Expectation> out;
  for (const auto& [activity, e] : latest) out.push_back(*e);
  return out;
}

}  // namespace jobfit
