// The job search's sections of the full export: contacts, applications and reminders.
// They refer to each other (links, referrals, interactions about an application, reminders),
// so the contacts section plans the import of all three together; the other two only export.
#pragma once

#include "archive/archive.h"

namespace jobfit {

ArchiveSection searchContactsSection();
ArchiveSection searchApplicationsSection();
ArchiveSection searchRemindersSection();

}  // namespace jobfit
