// The one table of archive sections. A capability adds its section here.
#include "applications/archive_section.h"
#include "archive/archive.h"
#include "evidence/archive_section.h"
#include "fit/archive_section.h"
#include "postings/archive_section.h"
#include "worklog/archive_section.h"

namespace jobfit {

const std::vector<ArchiveSection>& archiveSections() {
  static const std::vector<ArchiveSection> sections = {
      worklogActivitiesSection(),
      worklogEpisodesSection(),
      settingsSection(),
      searchContactsSection(),
      searchApplicationsSection(),
      searchRemindersSection(),
      checkinsSection(),
      expectationsSection(),
      draftsSection(),
      postingsSection(),
      postingAppealsSection(),
  };
  return sections;
}

}  // namespace jobfit
