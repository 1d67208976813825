#include "applications/csv.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"

namespace jobfit {

void appendCsvRecord(std::string& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const auto& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}

namespace {

// Returns the offset of the first byte that is not valid UTF-8, or npos.
size_t invalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2)) return i;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    i += n;
  }
  return std::string_view::npos;
}

char sniffDelimiter(std::string_view text) {
  size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    if (c == ',') ++comma;
    if (c == ';') ++semicolon;
    if (c == '\t') ++tab;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

}  // namespace

CsvDocument parseCsv(std::string_view text, std::string_view what) {
  auto fail = [&](int line, std::string_view why) {
    return Error(ErrorCode::invalid, fmt::format("{} is not valid CSV: line {}: {}", what, line, why),
                 "file", "nothing was imported; fix the file and try again");
  };
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (auto nul = text.find('\0'); nul != std::string_view::npos)
    throw fail(1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(nul), '\n')),
               "it holds a NUL byte (is it a spreadsheet file rather than CSV?)");
  if (auto bad = invalidUtf8(text); bad != std::string_view::npos)
    throw fail(1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n')),
               "it is not UTF-8 text (save it as CSV UTF-8)");

  CsvDocument doc;
  doc.delimiter = sniffDelimiter(text);
  std::vector<CsvRecord> records;
  CsvRecord current{1, {}};
  std::string field;
  int line = 1;
  bool started = false;  // anything read for the current record
  auto endRecord = [&] {
    if (started || !current.fields.empty()) {
      current.fields.push_back(std::move(field));
      records.push_back(std::move(current));
    }
    field.clear();
    started = false;
  };
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"') {
      if (!field.empty()) throw fail(line, "a quote inside an unquoted field");
      started = true;
      int startLine = line;
      bool closed = false;
      for (++i; i < text.size(); ++i) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i];
      }
      if (!closed) throw fail(startLine, "a quoted field is never closed");
      if (i < text.size() && text[i] != doc.delimiter && text[i] != '\n' && text[i] != '\r')
        throw fail(line, "text after the closing quote of a field");
      continue;
    }
    if (c == doc.delimiter) {
      started = true;
      current.fields.push_back(std::move(field));
      field.clear();
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      endRecord();
      ++line;
      current = CsvRecord{line, {}};
      continue;
    }
    started = true;
    field += c;
    ++i;
  }
  endRecord();
  if (records.empty()) throw fail(1, "the file is empty");
  doc.header = std::move(records.front().fields);
  doc.records.assign(std::make_move_iterator(records.begin() + 1),
                     std::make_move_iterator(records.end()));
  return doc;
}

}  // namespace jobfit
