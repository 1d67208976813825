#include "cli/context.h"

#include <unistd.h>

#include <cstdlib>

#include <fmt/format.h>

#include "core/error.h"

namespace jobfit::cli {

Context::Context(Clock clock, std::ostream& out, std::ostream& err, std::istream& in)
    : clock_(std::move(clock)), out_(out), err_(err), in_(in) {
  interactive_ = ::isatty(STDOUT_FILENO) && &out == &std::cout;
  const char* noColor = std::getenv("NO_COLOR");
  color_ = interactive_ && !(noColor && *noColor);
}

std::filesystem::path Context::databasePath() const {
  if (dbFlag_ && !dbFlag_->empty()) return *dbFlag_;
  if (const char* env = std::getenv("JOBFIT_DB"); env && *env) return env;
  return defaultDatabasePath();
}

Store& Context::store() {
  if (!store_) store_ = openSqliteStore(databasePath(), StoreOptions{clock_.now()});
  return *store_;
}

namespace {
std::string style(bool on, std::string_view code, std::string_view s) {
  return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
}
}  // namespace

std::string Context::bold(std::string_view s) const { return style(color_, "1", s); }
std::string Context::dim(std::string_view s) const { return style(color_, "2", s); }
std::string Context::green(std::string_view s) const { return style(color_, "32", s); }
std::string Context::red(std::string_view s) const { return style(color_, "31", s); }
std::string Context::yellow(std::string_view s) const { return style(color_, "33", s); }

Clock Context::clockFromEnvironment() {
  const date::time_zone* zone = nullptr;
  try {
    const char* tz = std::getenv("TZ");
    zone = (tz && *tz) ? date::locate_zone(tz[0] == ':' ? tz + 1 : tz) : date::current_zone();
  } catch (const std::exception&) {
    zone = date::locate_zone("UTC");
  }
  if (const char* now = std::getenv("JOBFIT_NOW"); now && *now)
    return Clock::fixed(parseInstant(now, "JOBFIT_NOW"), zone);
  return Clock([] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); },
               zone);
}

}  // namespace jobfit::cli
