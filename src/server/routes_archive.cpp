// The whole archive over HTTP: export, import (all or nothing) and a backup of the database,
// through the same functions as `jobfit export`, `import` and `backup`.
#include <fmt/format.h>

#include "archive/archive.h"
#include "core/error.h"
#include "server/routes.h"

namespace jobfit::server {

using nlohmann::json;

void addArchiveRoutes(RouteTable& t) {
  t.schema("Archive",
           {{"type", "object"},
            {"required", json::array({"format", "version"})},
            {"description", "The lossless export of everything jobfit stores (as `jobfit export`)"},
            {"properties",
             {{"format", {{"const", kArchiveFormat}}}, {"version", {{"type", "integer"}}}}},
            {"additionalProperties", true}});
  t.schema("ImportResult",
           {{"type", "object"},
            {"properties",
             {{"imported",
               {{"type", "array"},
                {"items", {{"type", "string"}}},
                {"description", "What was written, e.g. \"12 episodes\""}}}}}});
  t.schema("BackupResult",
           {{"type", "object"},
            {"properties",
             {{"path", {{"type", "string"}}}, {"bytes", {{"type", "integer"}}}}}});

  t.add({.method = Method::get,
         .path = "/api/export",
         .summary = "Everything jobfit stores as one JSON document (as `jobfit export`)",
         .tag = "archive",
         .response = "Archive",
         .handler = [](ApiRequest& r) {
           Reply reply = Reply::ok(exportArchive(r.store()));
           reply.headers.emplace_back(
               "Content-Disposition",
               fmt::format("attachment; filename=\"jobfit-export-{}.json\"",
                           formatDate(r.clock().today())));
           return reply;
         }});

  t.add({.method = Method::post,
         .path = "/api/import",
         .summary = "Import a document written by export, all or nothing (as `jobfit import`)",
         .tag = "archive",
         .request = "Archive",
         .response = "ImportResult",
         .query = {{"new_ids", "boolean", "Add records as new ones instead of keeping their ids"}},
         .handler = [](ApiRequest& r) {
           ImportOptions options{r.queryFlag("new_ids")};
           auto summary = importArchive(r.store(), r.json(), r.clock(), options);
           return Reply::ok({{"imported", summary}});
         },
         .maxBody = std::size_t{64} << 20});

  t.add({.method = Method::post,
         .path = "/api/backup",
         .summary = "Write a consistent copy of the database into the backups folder beside it "
                    "(as `jobfit backup`)",
         .tag = "archive",
         .response = "BackupResult",
         .status = 201,
         .handler = [](ApiRequest& r) {
           // The client does not choose the path: a request can only ever add a new file in
           // the backups folder next to the database.
           auto dir = r.facts().database.parent_path() / "backups";
           std::error_code ec;
           std::filesystem::create_directories(dir, ec);
           if (ec)
             throw Error(ErrorCode::io,
                         fmt::format("cannot create {}: {}", dir.string(), ec.message()), "path");
           std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
           auto stamp = formatInstant(r.clock().now());
           std::erase(stamp, ':');
           auto path = dir / fmt::format("jobfit-{}.db", stamp);
           for (int n = 2; std::filesystem::exists(path); ++n)
             path = dir / fmt::format("jobfit-{}-{}.db", stamp, n);
           r.store().backup(path);
           return Reply::ok({{"path", path.string()},
                             {"bytes", std::filesystem::file_size(path)}},
                            201);
         }});
}

}  // namespace jobfit::server
