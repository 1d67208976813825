// The full, lossless JSON export of everything jobfit stores, and its import.
// Each capability contributes one section (see sections.cpp); import validates every section
// of the document before it writes anything, then writes all of it in one transaction.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/time.h"
#include "storage/store.h"

namespace jobfit {

inline constexpr std::string_view kArchiveFormat = "jobfit-export";
inline constexpr int kArchiveVersion = 1;

struct ImportOptions {
  // Give imported records new ids instead of keeping the ids in the file.
  bool newIds = false;
};

// What a section will write once the whole document has been validated.
struct ImportPlan {
  std::vector<std::function<void(Store&)>> writes;
  std::vector<std::string> summary;  // "12 episodes", "2 activities"
  // The id each posting of the document was written with, by its id in the document (they
  // differ with ImportOptions::newIds); filled by the postings section's writes, read by the
  // sections after it that refer to postings.
  std::map<int64_t, int64_t> postingIds;
};

struct ArchiveSection {
  std::string_view key;
  nlohmann::json (*exportSection)(Store& store);
  // Reads and validates document[key] (absent means empty) and appends its writes to plan.
  // Throws Error(invalid) naming the place of the first problem.
  void (*planImport)(const nlohmann::json& document, Store& store, const Clock& clock,
                     const ImportOptions& options, ImportPlan& plan);
};

// Every section, in the order they are exported and imported.
const std::vector<ArchiveSection>& archiveSections();

nlohmann::json exportArchive(Store& store);
// Imports a whole document, all or nothing. Returns the summary lines.
std::vector<std::string> importArchive(Store& store, const nlohmann::json& document,
                                       const Clock& clock, const ImportOptions& options = {});

}  // namespace jobfit
