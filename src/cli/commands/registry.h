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
void attachPosting(CLI::App&, Context&, const CommandSpec&);
void attachPostings(CLI::App&, Context&, const CommandSpec&);

}  // namespace jobfit::cli
