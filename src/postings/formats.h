// Reading postings from the formats people have: plain text, HTML pages (schema.org
// JobPosting JSON-LD, else the page's main text), Greenhouse / Lever / Ashby board JSON,
// CSV (RFC 4180) and JSON Lines. Records stream to a sink one at a time, so memory does not
// grow with the size of a CSV or JSON Lines file.
#pragma once

#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postings/posting.h"

namespace jobfit {

enum class InputFormat { detect, text, html, greenhouse, lever, ashby, csv, jsonl };

std::string_view toString(InputFormat f);
std::optional<InputFormat> parseInputFormat(std::string_view s);

// For CSV: which column holds which field ("title" -> "Job Title"); fields not mapped are
// found by auto-detecting common header spellings.
using ColumnMapping = std::map<std::string, std::string>;

// Reads "field=column" pairs ("title=Job Title") into a mapping; throws Error(usage) naming
// "map" on a pair without a field or a column.
ColumnMapping parseColumnMapping(const std::vector<std::string>& pairs);

struct RecordSink {
  // Called once per record that was read.
  std::function<void(PostingInput&& record)> accept;
  // Called for a record that could not be read: where ("line 12", "jobs[3]") and why.
  // Reading goes on with the next record.
  std::function<void(const std::string& where, const std::string& why)> reject;
};

// Reads all records from in. `name` (a file name or URL) helps detect the format.
// Throws Error(invalid) when the input as a whole cannot be read (not one record).
void readPostings(std::istream& in, std::string_view name, InputFormat format,
                  const ColumnMapping& mapping, const RecordSink& sink);

// Guesses the format from the name and the first bytes.
InputFormat detectFormat(std::string_view name, std::string_view head);

}  // namespace jobfit
