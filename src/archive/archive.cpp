#include "archive/archive.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/json_read.h"

namespace jobfit {

using nlohmann::json;

json exportArchive(Store& store) {
  json doc = json::object();
  doc["format"] = kArchiveFormat;
  doc["version"] = kArchiveVersion;
  for (const auto& section : archiveSections()) doc[std::string(section.key)] = section.exportSection(store);
  return doc;
}

std::vector<std::string> importArchive(Store& store, const json& document, const Clock& clock,
                                       const ImportOptions& options) {
  JsonReader r(document, "");
  if (r.optionalString("format").value_or("") != kArchiveFormat)
    throw Error(ErrorCode::invalid,
                fmt::format("not a jobfit export: \"format\" must be \"{}\"", kArchiveFormat),
                "format");
  auto version = r.requiredInt("version");
  if (version > kArchiveVersion)
    throw Error(ErrorCode::invalid,
                fmt::format("the export has format version {}; this jobfit reads up to {}",
                            version, kArchiveVersion),
                "version", "upgrade jobfit to import it");
  ImportPlan plan;
  for (const auto& section : archiveSections())
    section.planImport(document, store, clock, options, plan);
  store.transaction([&] {
    for (const auto& write : plan.writes) write(store);
  });
  return plan.summary;
}

}  // namespace jobfit
