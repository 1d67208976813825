#include "applications/spreadsheet.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace jobfit {

namespace {

constexpr std::array<std::string_view, 12> kExportFields{
    "id",     "company", "title",    "stage",   "channel", "url",
    "posting_id", "resume", "salary", "referrer", "learned", "notes"};
constexpr std::array<std::string_view, 5> kHistoryHeader{"application_id", "date", "kind", "stage",
                                                         "text"};

std::string noteTexts(const Application& a) {
  std::vector<std::string> notes;
  for (const auto& e : a.events)
    if (e.kind == EventKind::note) notes.push_back(e.text);
  return join(notes, "\n");
}

}  // namespace

std::string applicationsCsv(const std::vector<Application>& applications,
                            const std::vector<Contact>& contacts) {
  std::map<int64_t, std::string> names;
  for (const auto& c : contacts) names[c.id] = c.name;
  std::string out;
  std::vector<std::string> header(kExportFields.begin(), kExportFields.end());
  for (auto s : kStages) header.emplace_back(toString(s));
  appendCsvRecord(out, header);
  for (const auto& a : applications) {
    std::string referrer;
    if (auto r = referrerOf(a)) referrer = names[*r];
    std::vector<std::string> row{std::to_string(a.id),
                                 a.company,
                                 a.title,
                                 std::string(toString(currentStage(a))),
                                 std::string(toString(a.channel)),
                                 a.url,
                                 a.postingId ? std::to_string(*a.postingId) : "",
                                 a.resume,
                                 a.salary,
                                 referrer,
                                 a.learned,
                                 noteTexts(a)};
    for (auto s : kStages) {
      auto d = dateReached(a, s);
      row.push_back(d ? formatDate(*d) : "");
    }
    appendCsvRecord(out, row);
  }
  return out;
}

std::string historyCsv(const std::vector<Application>& applications) {
  std::string out;
  appendCsvRecord(out, std::vector<std::string>(kHistoryHeader.begin(), kHistoryHeader.end()));
  for (const auto& a : applications)
    for (const auto& e : a.events)
      appendCsvRecord(out, {std::to_string(a.id), formatDate(e.date), std::string(toString(e.kind)),
                            e.stage ? std::string(toString(*e.stage)) : "", e.text});
  return out;
}

std::optional<CsvPreset> parseCsvPreset(std::string_view s) {
  auto key = toLower(trim(s));
  if (key == "generic") return CsvPreset::generic;
  if (key == "huntr") return CsvPreset::huntr;
  if (key == "teal") return CsvPreset::teal;
  if (key == "linkedin") return CsvPreset::linkedin;
  return std::nullopt;
}

std::string_view toString(CsvPreset p) {
  switch (p) {
    case CsvPreset::generic: return "generic";
    case CsvPreset::huntr: return "huntr";
    case CsvPreset::teal: return "teal";
    case CsvPreset::linkedin: return "linkedin";
  }
  return "generic";
}

const std::vector<std::string>& csvImportFields() {
  static const std::vector<std::string> fields = [] {
    std::vector<std::string> f{"id",     "company", "title",  "stage",    "channel", "source",
                               "url",    "posting_id", "resume", "salary", "referrer", "learned",
                               "notes"};
    for (auto s : kStages) f.emplace_back(toString(s));
    f.emplace_back("ignore");
    return f;
  }();
  return fields;
}

namespace {

// Header spellings (normalised: lower case, punctuation as spaces) -> field.
const std::map<std::string, std::string>& headerAliases() {
  static const std::map<std::string, std::string> aliases = [] {
    std::map<std::string, std::string> m;
    auto add = [&](std::string_view field, std::initializer_list<std::string_view> names) {
      for (auto n : names) m[std::string(n)] = std::string(field);
    };
    add("id", {"id", "application id"});
    add("company", {"company", "employer", "organization", "organisation", "company name",
                    "employer name"});
    add("title", {"title", "role", "position", "job title", "job position", "job role", "job"});
    add("stage", {"stage", "status", "list", "job status", "application status"});
    add("channel", {"channel"});
    add("source", {"source", "job source", "found via", "found on"});
    add("url", {"url", "link", "job url", "job link", "posting url", "job posting url"});
    add("posting_id", {"posting id"});
    add("resume", {"resume", "resume name", "résumé", "cv", "resume version"});
    add("salary", {"salary", "pay", "compensation", "salary range"});
    add("referrer", {"referrer", "referred by", "referral"});
    add("learned", {"learned"});
    add("notes", {"notes", "note", "comments"});
    add("saved", {"saved", "date saved", "date added", "added", "created", "date created",
                  "created at"});
    add("applied", {"applied", "date applied", "application date", "applied date", "applied on",
                    "date of application"});
    for (auto s : kStages) {
      auto name = std::string(toString(s));
      if (s == Stage::saved || s == Stage::applied) continue;
      m[name] = name;
      m["date " + name] = name;
      m[name + " date"] = name;
    }
    return m;
  }();
  return aliases;
}

// Status words other trackers use -> stage.
const std::map<std::string, Stage>& statusWords() {
  static const std::map<std::string, Stage> words = [] {
    std::map<std::string, Stage> m;
    auto add = [&](Stage s, std::initializer_list<std::string_view> names) {
      for (auto n : names) m[std::string(n)] = s;
    };
    for (auto s : kStages) m[std::string(toString(s))] = s;
    add(Stage::saved, {"wishlist", "wish list", "bookmarked", "applying", "interested", "to apply",
                       "planned", "draft"});
    add(Stage::applied, {"submitted", "application submitted", "sent", "in review"});
    add(Stage::screening, {"phone screen", "screen", "recruiter screen", "recruiter call"});
    add(Stage::interviewing, {"interview", "interviews", "onsite", "on site", "technical interview"});
    add(Stage::offer, {"offered", "offer received", "negotiating", "negotiation"});
    add(Stage::accepted, {"hired", "offer accepted"});
    add(Stage::rejected, {"not selected", "rejection", "turned down"});
    add(Stage::withdrawn, {"withdrew", "i withdrew", "declined", "offer declined", "not interested"});
    add(Stage::closed, {"no response", "ghosted", "no answer", "archived", "expired"});
    return m;
  }();
  return words;
}

Channel channelFromSource(std::string_view source) {
  auto s = toLower(source);
  auto has = [&](std::string_view w) { return s.find(w) != std::string::npos; };
  if (auto c = parseChannel(s)) return *c;
  if (has("referr")) return Channel::referral;
  if (has("recruit") || has("headhunt") || has("agency")) return Channel::recruiter;
  if (has("network") || has("friend") || has("contact") || has("meetup") || has("event"))
    return Channel::network;
  if (has("cold") || has("website") || has("career") || has("direct")) return Channel::cold;
  for (auto board : {"linkedin", "indeed", "glassdoor", "board", "stepstone", "monster",
                     "ziprecruiter", "xing", "wellfound", "angellist", "otta", "hacker news"})
    if (has(board)) return Channel::job_board;
  return Channel::other;
}

int toInt(std::string_view s) {
  int v = -1;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return -1;
  return v;
}

std::optional<Date> makeDate(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  Date date{date::year{y}, date::month{unsigned(m)}, date::day{unsigned(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

int monthFromName(std::string_view name) {
  static constexpr std::array<std::string_view, 12> months{"jan", "feb", "mar", "apr", "may", "jun",
                                                           "jul", "aug", "sep", "oct", "nov", "dec"};
  auto n = toLower(name);
  if (n.size() < 3) return -1;
  for (size_t i = 0; i < months.size(); ++i)
    if (n.compare(0, 3, months[i]) == 0) return static_cast<int>(i) + 1;
  return -1;
}

}  // namespace

std::optional<Date> parseSpreadsheetDate(std::string_view text) {
  auto t = trim(text);
  if (t.size() >= 10 && t[4] == '-' && t[7] == '-') {
    if (t.size() > 10 && t[10] != 'T' && t[10] != ' ') return std::nullopt;
    return makeDate(toInt(t.substr(0, 4)), toInt(t.substr(5, 2)), toInt(t.substr(8, 2)));
  }
  // Drop a time after a comma or a space: "3/10/26, 9:14 AM", "10.03.2026 14:00".
  auto datePart = t.substr(0, t.find_first_of(", "));
  for (char sep : {'/', '.'}) {
    auto parts = splitList(datePart, sep);
    if (parts.size() != 3 || datePart.find(sep) == std::string_view::npos) continue;
    int a = toInt(parts[0]), b = toInt(parts[1]), y = toInt(parts[2]);
    if (a < 0 || b < 0 || y < 0) return std::nullopt;
    if (parts[2].size() == 2) y += 2000;
    // Slashes are month first (US trackers); dots are day first (European).
    return sep == '/' ? makeDate(y, a, b) : makeDate(y, b, a);
  }
  // "Mar 10, 2026", "March 10 2026", "10 Mar 2026".
  std::string cleaned(t);
  std::replace(cleaned.begin(), cleaned.end(), ',', ' ');
  auto words = splitList(cleaned, ' ');
  if (words.size() == 3) {
    int y = toInt(words[2]);
    if (int m = monthFromName(words[0]); m > 0) return makeDate(y, m, toInt(words[1]));
    if (int m = monthFromName(words[1]); m > 0) return makeDate(y, m, toInt(words[0]));
  }
  return std::nullopt;
}

namespace {

struct RowError {
  std::string reason;
};

struct ColumnMap {
  std::vector<std::string> fieldOf;  // per column index
  std::map<std::string, size_t> columnOf;  // field -> first column with it
};

ColumnMap mapColumns(const std::vector<std::string>& header, const CsvImportOptions& options) {
  ColumnMap m;
  std::map<std::string, std::string> explicitMap;
  const auto& fields = csvImportFields();
  for (const auto& [column, field] : options.map) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end())
      throw Error(ErrorCode::usage, fmt::format("--map {}={}: unknown field '{}'", column, field, field),
                  "map", "fields: " + join(fields, ", "));
    bool found = false;
    for (const auto& h : header)
      if (normalizeKey(h) == normalizeKey(column)) found = true;
    if (!found)
      throw Error(ErrorCode::usage, fmt::format("--map {}={}: the file has no column '{}'", column, field, column),
                  "map", "columns: " + join(header, ", "));
    explicitMap[normalizeKey(column)] = field;
  }
  for (size_t i = 0; i < header.size(); ++i) {
    auto key = normalizeKey(header[i]);
    std::string field;
    if (auto it = explicitMap.find(key); it != explicitMap.end())
      field = it->second == "ignore" ? "" : it->second;
    else if (auto a = headerAliases().find(key); a != headerAliases().end())
      field = a->second;
    m.fieldOf.push_back(field);
    if (!field.empty() && !m.columnOf.count(field)) m.columnOf[field] = i;
  }
  return m;
}

struct Row {
  const ColumnMap& map;
  const CsvRecord& record;
  std::string get(const std::string& field) const {
    auto it = map.columnOf.find(field);
    if (it == map.columnOf.end() || it->second >= record.fields.size()) return {};
    return std::string(trim(record.fields[it->second]));
  }
};

std::optional<Date> dateField(const Row& row, const std::string& field) {
  auto text = row.get(field);
  if (text.empty()) return std::nullopt;
  auto d = parseSpreadsheetDate(text);
  if (!d) throw RowError{fmt::format("{} '{}' is not a date I can read", field, text)};
  return d;
}

// Events from a row's stage and date columns.
std::vector<ApplicationEvent> eventsFromColumns(const Row& row, const CsvImportOptions& options) {
  std::vector<ApplicationEvent> events;
  for (auto s : kStages)
    if (auto d = dateField(row, std::string(toString(s))))
      events.push_back({0, *d, EventKind::stage, s, ""});
  sortEvents(events);
  std::optional<Stage> status;
  if (auto text = row.get("stage"); !text.empty()) {
    auto it = statusWords().find(normalizeKey(text));
    if (it == statusWords().end()) throw RowError{fmt::format("unknown status '{}'", text)};
    status = it->second;
  } else if (options.preset == CsvPreset::linkedin) {
    status = Stage::applied;
  }
  if (status) {
    if (events.empty())
      throw RowError{"no date: add a date applied (or date added) column, or a date for its stage"};
    // The status is where the application is now, even when it went back to an earlier stage.
    if (events.back().stage != status)
      events.push_back({0, events.back().date, EventKind::stage, status, ""});
  }
  if (events.empty())
    throw RowError{"no date: add a date applied (or date added) column, or a date for its stage"};
  // The same stage twice in a row says nothing new.
  std::vector<ApplicationEvent> out;
  for (auto& e : events)
    if (out.empty() || out.back().stage != e.stage) out.push_back(std::move(e));
  if (auto notes = row.get("notes"); !notes.empty())
    out.push_back({0, out.back().date, EventKind::note, std::nullopt, notes});
  return out;
}

std::map<std::string, std::vector<ApplicationEvent>> readHistory(const CsvDocument& history) {
  std::vector<std::string> header;
  for (const auto& h : history.header) header.push_back(normalizeKey(h));
  std::vector<std::string> expected;
  for (auto h : kHistoryHeader) expected.push_back(normalizeKey(h));
  if (header != expected)
    throw Error(ErrorCode::invalid,
                fmt::format("the history file's header must be: {}",
                            join(std::vector<std::string>(kHistoryHeader.begin(), kHistoryHeader.end()), ",")),
                "history", "write it with 'jobfit apps history --csv FILE'");
  std::map<std::string, std::vector<ApplicationEvent>> out;
  for (const auto& r : history.records) {
    auto fail = [&](const std::string& why) {
      return Error(ErrorCode::invalid, fmt::format("history line {}: {}", r.line, why), "history",
                   "nothing was imported");
    };
    if (r.fields.size() != kHistoryHeader.size())
      throw fail(fmt::format("{} fields, the header has {}", r.fields.size(), kHistoryHeader.size()));
    ApplicationEvent e;
    auto d = parseSpreadsheetDate(r.fields[1]);
    if (!d) throw fail(fmt::format("'{}' is not a date", r.fields[1]));
    e.date = *d;
    auto kind = parseEventKind(r.fields[2]);
    if (!kind) throw fail(fmt::format("unknown kind '{}'", r.fields[2]));
    e.kind = *kind;
    if (!trim(r.fields[3]).empty()) {
      auto s = parseStage(r.fields[3]);
      if (!s) throw fail(fmt::format("unknown stage '{}'", r.fields[3]));
      e.stage = *s;
    }
    e.text = r.fields[4];
    out[std::string(trim(r.fields[0]))].push_back(std::move(e));
  }
  return out;
}

std::string withScheme(std::string url) {
  if (!url.empty() && url.find("://") == std::string::npos && url.find('.') != std::string::npos &&
      url.find(' ') == std::string::npos)
    return "https://" + url;
  return url;
}

}  // namespace

CsvImportPlan planCsvImport(const CsvDocument& doc, const CsvDocument* history,
                            const CsvImportOptions& options,
                            const std::vector<Application>& existing,
                            const std::vector<Contact>& contacts, Date today) {
  CsvImportPlan plan;
  ColumnMap map = mapColumns(doc.header, options);
  for (size_t i = 0; i < doc.header.size(); ++i) plan.columns.emplace_back(doc.header[i], map.fieldOf[i]);
  for (const char* required : {"company", "title"})
    if (!map.columnOf.count(required))
      throw Error(ErrorCode::invalid,
                  fmt::format("no {} column (columns: {})", required, join(doc.header, ", ")),
                  "file", fmt::format("name the column with --map COLUMN={}", required));

  std::map<std::string, std::vector<ApplicationEvent>> events;
  if (history) {
    if (!map.columnOf.count("id"))
      throw Error(ErrorCode::invalid, "a history needs an id column in the applications file",
                  "history");
    events = readHistory(*history);
    std::set<std::string> ids;
    for (const auto& r : doc.records) {
      Row row{map, r};
      ids.insert(row.get("id"));
    }
    for (const auto& [id, list] : events)
      if (!ids.count(id))
        throw Error(ErrorCode::invalid,
                    fmt::format("the history has events for application '{}', which is not in "
                                "the applications file",
                                id),
                    "history", "export both files from the same database");
  }

  std::map<std::string, int64_t> contactByName;
  for (const auto& c : contacts) contactByName.emplace(normalizeKey(c.name), c.id);
  std::set<std::string> newContacts;
  std::map<std::string, const Application*> present;  // company|title|date -> application
  for (const auto& a : existing)
    if (!a.events.empty())
      present.emplace(fmt::format("{}|{}|{}", normalizeKey(a.company), normalizeKey(a.title),
                                  formatDate(appliedDate(a).value_or(startDate(a)))),
                      &a);

  for (const auto& record : doc.records) {
    try {
      if (record.fields.size() != doc.header.size())
        throw RowError{fmt::format("{} fields, the header has {}", record.fields.size(),
                                   doc.header.size())};
      Row row{map, record};
      ImportedApplication item;
      item.line = record.line;
      auto& a = item.application;
      a.company = row.get("company");
      a.title = row.get("title");
      if (a.company.empty()) throw RowError{"no company"};
      if (a.title.empty()) throw RowError{"no title"};
      a.url = withScheme(row.get("url"));
      a.resume = row.get("resume");
      a.salary = row.get("salary");
      a.learned = row.get("learned");
      if (auto p = row.get("posting_id"); !p.empty()) {
        int64_t id = 0;
        auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), id);
        if (ec != std::errc() || ptr != p.data() + p.size() || id <= 0)
          throw RowError{fmt::format("posting_id '{}' is not a positive number", p)};
        a.postingId = id;
      }
      item.referrer = row.get("referrer");
      if (auto ch = row.get("channel"); !ch.empty()) {
        auto c = parseChannel(ch);
        if (!c) throw RowError{fmt::format("unknown channel '{}'", ch)};
        a.channel = *c;
      } else if (auto source = row.get("source"); !source.empty()) {
        a.channel = channelFromSource(source);
      } else if (!item.referrer.empty()) {
        a.channel = Channel::referral;
      } else {
        a.channel = options.preset == CsvPreset::linkedin ? Channel::job_board : Channel::other;
      }
      if (history) {
        auto it = events.find(row.get("id"));
        if (it == events.end() || it->second.empty())
          throw RowError{fmt::format("the history has no events for id '{}'", row.get("id"))};
        a.events = it->second;
      } else {
        a.events = eventsFromColumns(row, options);
      }
      try {
        validateApplication(a);
        validateEvents(a.events, today);
      } catch (const Error& e) {
        throw RowError{e.field().empty() ? e.what() : fmt::format("{}: {}", e.field(), e.what())};
      }
      auto key = fmt::format("{}|{}|{}", normalizeKey(a.company), normalizeKey(a.title),
                             formatDate(appliedDate(a).value_or(startDate(a))));
      if (auto it = present.find(key); it != present.end()) {
        plan.skipped.push_back(
            {record.line, fmt::format("already in jobfit as application {}", it->second->id)});
        continue;
      }
      if (!item.referrer.empty()) {
        auto nameKey = normalizeKey(item.referrer);
        if (auto c = contactByName.find(nameKey); c != contactByName.end())
          item.referrerId = c->second;
        else if (newContacts.insert(nameKey).second)
          plan.newContacts.push_back(item.referrer);
      }
      plan.rows.push_back(std::move(item));
    } catch (const RowError& e) {
      plan.bad.push_back({record.line, e.reason});
    }
  }
  return plan;
}

}  // namespace jobfit
