#include "storage/store.h"

#include <cstdlib>

#include "core/error.h"

namespace jobfit {

std::filesystem::path defaultDatabasePath() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg) return std::filesystem::path(xdg) / "jobfit" / "jobfit.db";
  const char* home = std::getenv("HOME");
  if (!home || !*home)
    throw Error(ErrorCode::io, "neither XDG_DATA_HOME nor HOME is set",
                "db", "pass --db PATH or set JOBFIT_DB");
  return std::filesystem::path(home) / ".local" / "share" / "jobfit" / "jobfit.db";
}

ActivityCatalog loadCatalog(Store& store) {
  ActivityCatalog catalog = ActivityCatalog::builtIn();
  for (auto& a : store.activities().custom()) catalog.add(std::move(a));
  return catalog;
}

}  // namespace jobfit
