// The readers behind readPostings (formats.h), one per input format, and the helpers they
// share. Internal to src/postings; callers use formats.h.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "postings/formats.h"

namespace jobfit::formats {

// Text of an HTML document or fragment: block elements become line breaks, list items
// start with "• ", scripts, styles and page furniture (nav, header, footer, aside, forms)
// are left out.
std::string htmlToText(std::string_view html);
// Decodes HTML character references (&lt; &amp; &#39; &#x2014; &nbsp; ...).
std::string decodeEntities(std::string_view s);

// JSON as web pages really write it: comments, trailing commas, raw line breaks inside
// strings, CDATA / HTML comment wrappers and &quot;-escaped documents are tolerated.
std::optional<nlohmann::json> parseLenientJson(std::string_view text);
// Every schema.org JobPosting in a JSON-LD document: top-level arrays, @graph blocks,
// mainEntity / itemListElement nesting, and objects that lack @type but are clearly one.
void collectJobPostings(const nlohmann::json& doc, std::vector<const nlohmann::json*>& out);
// One JobPosting as a record; pageUrl is used when the posting names no url.
PostingInput fromJobPosting(const nlohmann::json& posting, std::string_view pageUrl);

void readHtml(std::string_view document, std::string_view name, const RecordSink& sink);
void readText(std::string_view document, std::string_view name, const RecordSink& sink);
void readGreenhouse(std::string_view document, std::string_view name, const RecordSink& sink);
void readLever(std::string_view document, std::string_view name, const RecordSink& sink);
void readAshby(std::string_view document, std::string_view name, const RecordSink& sink);
// A record longer than this is refused (an unclosed quote would otherwise swallow the file).
constexpr size_t kMaxRecordBytes = 8u << 20;

// Reads one CSV record at a time from a stream (RFC 4180): quoted fields may hold commas,
// line breaks and "" for a quote; records end at LF, CRLF or CR; a UTF-8 byte order mark is
// skipped.
class CsvRecords {
 public:
  explicit CsvRecords(std::istream& in);
  // Fills fields with the next record; false at the end of the input. Sets tooLong when the
  // record went over kMaxRecordBytes (its fields are then incomplete).
  bool next(std::vector<std::string>& fields, bool& tooLong);
  // The line the last record started on.
  size_t line() const { return line_; }

 private:
  int get();
  int peek();
  std::streambuf* buf_;
  std::string pending_;
  size_t line_ = 1, nextLine_ = 1;
};

// Streaming readers: memory stays bounded by the longest record, not the input.
void readCsv(std::istream& in, const ColumnMapping& mapping, const RecordSink& sink);
void readJsonLines(std::istream& in, const RecordSink& sink);

// Helpers shared by the readers.
std::string jsonText(const nlohmann::json& j, std::string_view key);  // string or number, else ""
std::string dateOnly(std::string_view isoOrDate);                      // "2026-03-01T..." -> "2026-03-01"
std::string dateFromEpochMillis(int64_t millis);                       // UTC date
std::string formatAmount(double v);                                    // 120000, 19.52
// The board name in a board URL or "greenhouse:TOKEN" name, used as the company when the
// board JSON does not name it.
std::string boardName(std::string_view name, std::string_view marker);

}  // namespace jobfit::formats
