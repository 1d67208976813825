// The fit section of the full export: how much each rated posting appeals to the person.
// Values and constraints are settings and travel in the settings section; value signals are
// derived from the postings' texts and are computed again after an import.
#pragma once

#include "archive/archive.h"

namespace jobfit {

ArchiveSection postingAppealsSection();

}  // namespace jobfit
