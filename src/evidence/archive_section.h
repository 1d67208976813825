// The evidence capability's sections of the full export: check-ins, expectations, drafts.
#pragma once

#include "archive/archive.h"

namespace jobfit {

ArchiveSection checkinsSection();
ArchiveSection expectationsSection();
// After the episodes section: a rated draft's episode_id refers to an episode.
ArchiveSection draftsSection();

}  // namespace jobfit
