// CSV (RFC 4180) and JSON Lines: read record by record, so memory stays bounded by the
// longest record however large the file is.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "postings/formats/readers.h"

namespace jobfit::formats {

using nlohmann::json;

namespace {


// The fields a CSV column can fill, with the header spellings recognised for each (compared
// after normalizeKey: lower case, punctuation folded to spaces).
struct CsvField {
  std::string_view name;
  std::vector<std::string_view> headers;
};

const std::vector<CsvField>& csvFields() {
  static const std::vector<CsvField> fields{
      {"title", {"title", "job title", "position", "position title", "job", "role", "job name", "jobtitle"}},
      {"company", {"company", "company name", "employer", "organization", "organisation", "hiring organization"}},
      {"location", {"location", "job location", "locations", "city", "work location"}},
      {"description", {"description", "job description", "details", "job details", "summary", "body", "text", "content"}},
      {"url", {"url", "link", "job url", "job link", "apply url", "apply link", "posting url", "href"}},
      {"salary", {"salary", "salary estimate", "pay", "compensation", "salary range", "wage", "pay range"}},
      {"remote", {"work from home", "remote", "is remote", "telecommute", "workplace type", "work mode", "remote work"}},
      {"employment_type", {"schedule type", "employment type", "job type", "contract type", "type", "commitment"}},
      {"id", {"id", "job id", "source id", "posting id", "job key", "requisition id"}},
      {"posted_date", {"posted date", "date posted", "posted", "date", "posted at", "published"}},
  };
  return fields;
}

std::string remoteHint(std::string_view value) {
  std::string v = toLower(trim(value));
  if (v.empty() || v == "0" || v == "false" || v == "no" || v == "n") return "";
  if (v == "1" || v == "true" || v == "yes" || v == "y") return "Remote";
  return std::string(trim(value));
}

}  // namespace

CsvRecords::CsvRecords(std::istream& in) : buf_(in.rdbuf()) {
  if (buf_ && buf_->sgetc() == 0xEF) {
    // Skip "\xEF\xBB\xBF" only when all three bytes are there.
    char bom[3];
    if (buf_->sgetn(bom, 3) == 3 && bom[1] == '\xBB' && bom[2] == '\xBF') return;
    pending_.assign(bom, 3);
  }
}

bool CsvRecords::next(std::vector<std::string>& fields, bool& tooLong) {
  fields.clear();
  tooLong = false;
  line_ = nextLine_;
  int c = get();
  if (c == EOF) return false;
  std::string field;
  bool quoted = false, wasQuoted = false;
  size_t size = 0;
  while (true) {
    if (c == EOF) {
      fields.push_back(std::move(field));
      return true;
    }
    char ch = static_cast<char>(c);
    if (++size > kMaxRecordBytes) {
      tooLong = true;
      // Resynchronise at the next line break, reading it as outside quotes.
      while (c != EOF && c != '\n') c = get();
      if (c == '\n') ++nextLine_;
      fields.push_back(std::move(field));
      return true;
    }
    if (quoted) {
      if (ch == '"') {
        if (peek() == '"') {
          get();
          field += '"';
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++nextLine_;
        field += ch;
      }
    } else if (ch == '"' && !wasQuoted && trim(field).empty()) {
      field.clear();
      quoted = wasQuoted = true;
    } else if (ch == ',') {
      fields.push_back(std::move(field));
      field.clear();
      wasQuoted = false;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && peek() == '\n') get();
      ++nextLine_;
      fields.push_back(std::move(field));
      return true;
    } else {
      field += ch;
    }
    c = get();
  }
}

int CsvRecords::get() {
  if (!pending_.empty()) {
    char c = pending_.front();
    pending_.erase(0, 1);
    return static_cast<unsigned char>(c);
  }
  if (!buf_) return EOF;
  int c = buf_->sbumpc();
  return c == std::char_traits<char>::eof() ? EOF : c;
}

int CsvRecords::peek() {
  if (!pending_.empty()) return static_cast<unsigned char>(pending_.front());
  if (!buf_) return EOF;
  int c = buf_->sgetc();
  return c == std::char_traits<char>::eof() ? EOF : c;
}

void readCsv(std::istream& in, const ColumnMapping& mapping, const RecordSink& sink) {
  for (const auto& entry : mapping) {
    const std::string& field = entry.first;
    const auto& fields = csvFields();
    if (std::none_of(fields.begin(), fields.end(), [&](const CsvField& f) { return f.name == field; }))
      throw Error(ErrorCode::usage, fmt::format("cannot map a column to '{}'", field), "mapping",
                  "map title, company, location, description, url, salary, remote, "
                  "employment_type, id or posted_date");
  }
  CsvRecords records(in);
  std::vector<std::string> header, row;
  bool tooLong = false;
  if (!records.next(header, tooLong) || tooLong)
    throw Error(ErrorCode::invalid, "the CSV file has no header line");
  std::vector<std::string> keys;
  for (const auto& h : header) keys.push_back(normalizeKey(h));

  // For each field, the columns that fill it, first non-empty value wins.
  std::map<std::string, std::vector<size_t>, std::less<>> columns;
  for (const auto& f : csvFields()) {
    std::string name(f.name);
    if (auto it = mapping.find(name); it != mapping.end()) {
      auto want = normalizeKey(it->second);
      auto pos = std::find(keys.begin(), keys.end(), want);
      if (pos == keys.end())
        throw Error(ErrorCode::usage, fmt::format("the CSV file has no column '{}'", it->second),
                    "mapping", fmt::format("its columns are: {}", join(header, ", ")));
      columns[name].push_back(static_cast<size_t>(pos - keys.begin()));
      continue;
    }
    for (auto spelling : f.headers)
      for (size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == spelling) columns[name].push_back(i);
  }
  if (!columns.count("title") && !columns.count("description"))
    throw Error(ErrorCode::invalid, "the CSV file has no title or description column", "",
                fmt::format("map columns with --map title=COLUMN; its columns are: {}",
                            join(header, ", ")));

  auto value = [&](const std::vector<std::string>& r, std::string_view field) -> std::string {
    auto it = columns.find(field);
    if (it == columns.end()) return "";
    for (size_t i : it->second)
      if (i < r.size() && !trim(r[i]).empty()) {
        if (field == "remote") {
          if (auto hint = remoteHint(r[i]); !hint.empty()) return hint;
          continue;
        }
        return std::string(trim(r[i]));
      }
    return "";
  };

  while (records.next(row, tooLong)) {
    std::string where = fmt::format("line {}", records.line());
    if (tooLong) {
      sink.reject(where, "the record is longer than 8 MB (an unclosed quote?)");
      continue;
    }
    if (std::all_of(row.begin(), row.end(), [](const std::string& f) { return trim(f).empty(); }))
      continue;
    PostingInput p;
    p.source = "csv";
    p.title = value(row, "title");
    p.description = value(row, "description");
    if (p.title.empty() && p.description.empty()) {
      sink.reject(where, "it has no title and no description");
      continue;
    }
    p.company = value(row, "company");
    if (auto loc = value(row, "location"); !loc.empty()) p.locations.push_back(loc);
    p.url = value(row, "url");
    p.payHint = value(row, "salary");
    p.workModeHint = value(row, "remote");
    p.employmentTypeHint = value(row, "employment_type");
    p.sourceId = value(row, "id");
    p.postedDate = dateOnly(value(row, "posted_date"));
    sink.accept(std::move(p));
  }
}

void readJsonLines(std::istream& in, const RecordSink& sink) {
  std::string line;
  size_t number = 0;
  auto text = [](const json& j, std::initializer_list<std::string_view> keys) -> std::string {
    for (auto k : keys) {
      auto s = jsonText(j, k);
      if (!s.empty()) return s;
    }
    return "";
  };
  while (true) {
    line.clear();
    ++number;
    // Read one line, refusing (and skipping) lines over the record limit.
    bool tooLong = false, any = false;
    std::streambuf* buf = in.rdbuf();
    int c;
    while (buf && (c = buf->sbumpc()) != std::char_traits<char>::eof()) {
      any = true;
      if (c == '\n') break;
      if (line.size() >= kMaxRecordBytes) tooLong = true;
      else line += static_cast<char>(c);
    }
    if (!any) break;
    std::string where = fmt::format("line {}", number);
    if (tooLong) {
      sink.reject(where, "the line is longer than 8 MB");
      continue;
    }
    std::string_view body = trim(line);
    if (number == 1 && body.substr(0, 3) == "\xEF\xBB\xBF") body = trim(body.substr(3));
    if (body.empty()) continue;
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      sink.reject(where, "it is not a JSON object");
      continue;
    }
    try {
      std::vector<const json*> postings;
      collectJobPostings(j, postings);
      PostingInput p;
      if (!postings.empty() && j.contains("@type")) {
        p = fromJobPosting(*postings.front(), "");
      } else {
        p.title = std::string(trim(text(j, {"title", "job_title", "position", "text"})));
        p.company = text(j, {"company", "company_name", "employer"});
        if (const auto it = j.find("locations"); it != j.end() && it->is_array()) {
          for (const auto& l : *it)
            if (l.is_string()) p.locations.push_back(l.get<std::string>());
        } else if (auto loc = text(j, {"location"}); !loc.empty()) {
          p.locations.push_back(loc);
        }
        p.description = text(j, {"description", "descriptionPlain", "content", "body"});
        if (p.description.find('<') != std::string::npos && p.description.find('>') != std::string::npos)
          p.description = htmlToText(p.description);
        p.url = text(j, {"url", "link", "hostedUrl", "absolute_url", "jobUrl"});
        p.sourceId = text(j, {"source_id", "id", "job_id"});
        p.payHint = text(j, {"salary", "pay", "compensation"});
        p.employmentTypeHint = text(j, {"employment_type", "employmentType", "schedule_type", "commitment"});
        p.workModeHint = text(j, {"work_mode", "workplaceType", "workplace_type"});
        if (const auto it = j.find("remote"); p.workModeHint.empty() && it != j.end()) {
          if (it->is_boolean() && it->get<bool>()) p.workModeHint = "Remote";
          else if (it->is_string()) p.workModeHint = remoteHint(it->get<std::string>());
          else if (it->is_number() && it->get<double>() != 0) p.workModeHint = "Remote";
        }
        p.postedDate = dateOnly(text(j, {"posted_date", "datePosted", "date"}));
      }
      p.source = "jsonl";
      if (p.title.empty() && p.description.empty()) {
        sink.reject(where, "it has no title and no description");
        continue;
      }
      sink.accept(std::move(p));
    } catch (const json::exception& e) {
      sink.reject(where, e.what());
    }
  }
}

}  // namespace jobfit::formats
