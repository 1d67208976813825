// Applications as CSV, for spreadsheets and other trackers: an export with one row per
// application (its stage dates as columns), a history with one row per event (the two
// together are lossless), and an import with presets for other trackers' exports.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "applications/application.h"
#include "applications/contact.h"
#include "applications/csv.h"

namespace jobfit {

// One row per application: id, company, title, stage, channel, url, posting_id, resume,
// salary, referrer, learned, notes, then the date each stage was first reached.
std::string applicationsCsv(const std::vector<Application>& applications,
                            const std::vector<Contact>& contacts);
// One row per event: application_id, date, kind, stage, text.
std::string historyCsv(const std::vector<Application>& applications);

enum class CsvPreset { generic, huntr, teal, linkedin };
std::optional<CsvPreset> parseCsvPreset(std::string_view s);
std::string_view toString(CsvPreset p);

// The fields a column can be mapped to (--map column=field), "ignore" included.
const std::vector<std::string>& csvImportFields();

struct CsvImportOptions {
  CsvPreset preset = CsvPreset::generic;
  // Column name -> field, applied before the automatic header detection.
  std::vector<std::pair<std::string, std::string>> map;
};

struct ImportedApplication {
  int line = 0;
  Application application;  // id 0, no contact links yet
  std::string referrer;     // the referrer's name, or empty
  std::optional<int64_t> referrerId;  // an existing contact with that name
};

struct CsvRowProblem {
  int line = 0;
  std::string reason;
};

struct CsvImportPlan {
  std::vector<std::pair<std::string, std::string>> columns;  // header -> field ("" if ignored)
  std::vector<ImportedApplication> rows;
  std::vector<CsvRowProblem> bad;      // rows that cannot be imported, with the reason
  std::vector<CsvRowProblem> skipped;  // rows already in jobfit
  std::vector<std::string> newContacts;  // referrers to create, by name
};

// Reads every row and decides what would be imported; writes nothing. `history`, when given,
// is a file written by historyCsv: the events then come from it, matched by the id column.
// Throws Error(invalid) when the file as a whole cannot be used (no company or title column,
// a history that does not fit), Error(usage) for a bad --map.
CsvImportPlan planCsvImport(const CsvDocument& doc, const CsvDocument* history,
                            const CsvImportOptions& options,
                            const std::vector<Application>& existing,
                            const std::vector<Contact>& contacts, Date today);

// Reads the dates people and trackers write: 2026-03-10 (with an optional time), 3/10/2026 and
// 3/10/26 (month first, with an optional ", 9:14 AM"), 10.03.2026, "Mar 10, 2026",
// "10 March 2026". nullopt when the text is none of these.
std::optional<Date> parseSpreadsheetDate(std::string_view text);

}  // namespace jobfit
