// The interactive Copenhagen Burnout Inventory questionnaire, over any pair of streams so that
// it can be tested without a terminal.
#pragma once

#include <array>
#include <iosfwd>
#include <optional>

#include "evidence/burnout.h"

namespace jobfit::cli {

// Asks the 13 items in order with their published wording and answer categories. An answer
// is a number 1-5 or the answer's word; an empty line skips the item; end of input stops
// (the remaining items stay unanswered). Returns the unreversed scores.
std::array<std::optional<int>, kCbiItems.size()> askCbiItems(std::istream& in, std::ostream& out);

}  // namespace jobfit::cli
