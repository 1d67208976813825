// Each capability's routes, one function per file (routes_<capability>.cpp); routes.cpp lists
// them once. To add a capability to the API, write its file and add one line to that list.
#pragma once

#include "server/route.h"

namespace jobfit::server {

void addSystemRoutes(RouteTable& table);    // health, session, the OpenAPI document
void addWorklogRoutes(RouteTable& table);   // episodes, activities, the week at a glance
void addArchiveRoutes(RouteTable& table);   // export, import, backup
void addSettingsRoutes(RouteTable& table);  // key-value settings
void addApplicationsRoutes(RouteTable& table);  // the job search: applications, contacts, stats
void addEvidenceRoutes(RouteTable& table);  // insights, check-ins, expectations, drafts, report
void addPostingRoutes(RouteTable& table);   // job postings: analyse, add, import, search
void addFitRoutes(RouteTable& table);       // values, constraints, fit, rank, appeal

}  // namespace jobfit::server
