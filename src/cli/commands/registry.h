// Every command's attach function; the table in commands.cpp lists them.
#pragma once

#include "cli/commands.h"

namespace jobfit::cli {

void attachLog(CLI::App&, Context&, const CommandSpec&);
void attachEpisodes(CLI::App&, Context&, const CommandSpec&);
void attachEpisode(CLI::App&, Context&, const CommandSpec&);
void attachActivities(CLI::App&, Context&, const CommandSpec&);
void attachExport(CLI::App&, Context&, const CommandSpec&);
void attachImport(CLI::App&, Context&, const CommandSpec&);
void attachBackup(CLI::App&, Context&, const CommandSpec&);
void attachApp(CLI::App&, Context&, const CommandSpec&);
void attachApps(CLI::App&, Context&, const CommandSpec&);
void attachInbox(CLI::App&, Context&, const CommandSpec&);
void attachRemind(CLI::App&, Context&, const CommandSpec&);
void attachReminders(CLI::App&, Context&, const CommandSpec&);
void attachContacts(CLI::App&, Context&, const CommandSpec&);
void attachContact(CLI::App&, Context&, const CommandSpec&);
void attachStats(CLI::App&, Context&, const CommandSpec&);
void attachSettings(CLI::App&, Context&, const CommandSpec&);
void attachCalendar(CLI::App&, Context&, const CommandSpec&);
void attachInsights(CLI::App&, Context&, const CommandSpec&);
void attachCheckin(CLI::App&, Context&, const CommandSpec&);
void attachCheckins(CLI::App&, Context&, const CommandSpec&);
void attachExpect(CLI::App&, Context&, const CommandSpec&);
void attachImportCalendar(CLI::App&, Context&, const CommandSpec&);
void attachDrafts(CLI::App&, Context&, const CommandSpec&);
void attachRate(CLI::App&, Context&, const CommandSpec&);
void attachReport(CLI::App&, Context&, const CommandSpec&);
void attachServe(CLI::App&, Context&, const CommandSpec&);
void attachPosting(CLI::App&, Context&, const CommandSpec&);
void attachPostings(CLI::App&, Context&, const CommandSpec&);
void attachValues(CLI::App&, Context&, const CommandSpec&);
void attachConstraints(CLI::App&, Context&, const CommandSpec&);
void attachFit(CLI::App&, Context&, const CommandSpec&);
void attachRank(CLI::App&, Context&, const CommandSpec&);
void attachAppeal(CLI::App&, Context&, const CommandSpec&);
void attachDemo(CLI::App&, Context&, const CommandSpec&);

}  // namespace jobfit::cli
