// The postings section of the full export: every stored posting with its analysis, evidence
// and when it was first and last seen.
#pragma once

#include "archive/archive.h"

namespace jobfit {

ArchiveSection postingsSection();

}  // namespace jobfit
