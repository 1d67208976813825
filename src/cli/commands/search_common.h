// Helpers shared by the job search commands (app, apps, contact, remind, stats, calendar).
#pragma once

#include <string>

#include "applications/application.h"
#include "applications/contact.h"
#include "applications/search_ops.h"
#include "cli/context.h"

namespace jobfit::cli {

// A contact given as an id or as a name (case and punctuation ignored); throws Error(usage)
// when a name matches several contacts and Error(not_found) when none.
Contact resolveContact(Store& store, const std::string& idOrName, std::string_view field);
// Reads a file (or standard input for "-").
std::string readInput(Context& ctx, const std::string& path);
// Writes a file atomically (a temporary file renamed), readable by the owner only; "-" writes
// to standard output.
void writeOutput(Context& ctx, const std::string& path, const std::string& text);
// "Title at Company".
std::string describe(const Application& a);
// Text cut to `width` display columns with "..." when longer.
std::string cut(const std::string& text, size_t width);

}  // namespace jobfit::cli
