// The work-day log's sections of the full export: custom activities, episodes, settings.
#pragma once

#include "archive/archive.h"

namespace jobfit {

ArchiveSection worklogActivitiesSection();
ArchiveSection worklogEpisodesSection();
ArchiveSection settingsSection();

}  // namespace jobfit
