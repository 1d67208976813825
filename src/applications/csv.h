// RFC 4180 CSV: a writer (CRLF line ends, fields quoted when they hold a delimiter, quote or
// line break) and a strict reader that says where a file is malformed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jobfit {

// Appends one record, fields quoted as needed, ended by CRLF.
void appendCsvRecord(std::string& out, const std::vector<std::string>& fields);

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

struct CsvDocument {
  char delimiter = ',';
  std::vector<std::string> header;
  std::vector<CsvRecord> records;  // excluding the header; blank lines are skipped
};

// Parses a whole file. Accepts LF or CRLF line ends, a UTF-8 byte order mark, and picks the
// delimiter (comma, semicolon or tab) from the header line. Throws Error(invalid) naming the
// line on a malformed file: an unterminated quoted field, text after a closing quote, a quote
// inside an unquoted field, a NUL byte, invalid UTF-8, or no header.
CsvDocument parseCsv(std::string_view text, std::string_view what);

}  // namespace jobfit
