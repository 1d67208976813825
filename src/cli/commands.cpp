#include "cli/commands.h"

#include <charconv>

#include <fmt/format.h>

#include "cli/commands/registry.h"
#include "core/error.h"

namespace jobfit::cli {

namespace {
// The one list of commands, in the order help shows them.
constexpr CommandSpec kCommands[] = {
    {"log", "Log an episode of your workday", attachLog},
    {"episodes", "List logged episodes", attachEpisodes},
    {"episode", "Show, edit or delete one episode", attachEpisode},
    {"activities", "List activities, or add your own", attachActivities},
    {"inbox", "What to do today: interviews, follow-ups due, applications gone quiet", attachInbox},
    {"app", "Add, move, show, note, edit, close or delete one application", attachApp},
    {"apps", "List applications; export, history and import as CSV", attachApps},
    {"remind", "Set a follow-up reminder or an interview for an application", attachRemind},
    {"reminders", "List reminders; mark them done or delete them", attachReminders},
    {"contacts", "List your contacts", attachContacts},
    {"contact", "Add, show, edit or delete a contact; log an interaction", attachContact},
    {"stats", "Job search statistics: funnel, channels, time to response", attachStats},
    {"calendar", "Export interviews and reminders as an iCalendar file", attachCalendar},
    {"settings", "Show or change settings such as silence thresholds", attachSettings},
    {"insights", "What energizes and drains you, your U-index and trend", attachInsights},
    {"checkin", "Answer the Copenhagen Burnout Inventory for today", attachCheckin},
    {"checkins", "Burnout check-in history, trend and early warning", attachCheckins},
    {"expect", "Record how you expect an activity to feel", attachExpect},
    {"import-calendar", "Turn calendar events (.ics) into draft episodes", attachImportCalendar},
    {"drafts", "List draft episodes waiting to be rated, or discard them", attachDrafts},
    {"rate", "Rate a draft episode, turning it into an episode", attachRate},
    {"report", "The weekly report, as text or a self-contained HTML page", attachReport},
    {"posting", "Add, analyse, show or delete one job posting", attachPosting},
    {"postings", "List, import, pull and search job postings", attachPostings},
    {"appeal", "Rate how much a posting appeals to you, 1-5 (jobfit posting appeal ID N)", attachAppeal},
    {"fit", "How a posting would feel to you, and why", attachFit},
    {"rank", "Stored postings that meet your constraints, best fit first", attachRank},
    {"values", "Show or set what you want from work", attachValues},
    {"constraints", "Show or set your hard limits: pay, work mode, travel, on-call", attachConstraints},
    {"export", "Write everything jobfit stores as one JSON document", attachExport},
    {"import", "Read a document written by 'jobfit export'", attachImport},
    {"backup", "Write a consistent copy of the database", attachBackup},
    {"serve", "Run the web app and its JSON API on this machine", attachServe},
    {"demo", "Write a realistic demo database to look around in", attachDemo},
};
}  // namespace

std::span<const CommandSpec> allCommands() { return kCommands; }

int64_t parseId(const std::string& text, std::string_view what) {
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0)
    throw Error(ErrorCode::usage, fmt::format("{} must be a positive number, got '{}'", what, text),
                "id");
  return id;
}

void printJson(Context& ctx, const nlohmann::json& value) {
  ctx.out() << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace jobfit::cli
