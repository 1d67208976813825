#include "server/routes.h"

namespace jobfit::server {

namespace {
// The one list of route groups, in the order the OpenAPI document shows them.
constexpr RouteGroup kRouteGroups[] = {
    {"system", addSystemRoutes},
    {"worklog", addWorklogRoutes},
    {"archive", addArchiveRoutes},
    {"settings", addSettingsRoutes},
    {"applications", addApplicationsRoutes},
    {"evidence", addEvidenceRoutes},
    {"postings", addPostingRoutes},
    {"fit", addFitRoutes},
};
}  // namespace

RouteTable buildRouteTable() {
  RouteTable table;
  for (const auto& group : kRouteGroups) group.add(table);
  return table;
}

}  // namespace jobfit::server
